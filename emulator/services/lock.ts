// LockService emulator: one document lock shared by every execution, contention a test can stage.
import type { Runtime } from '../runtime';

/** Apps Script's message when waitLock times out (S: reported verbatim in public threads). */
export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

interface LockSlot {
  holder: string | null;
}

class FakeLock implements GoogleAppsScript.Lock.Lock {
  constructor(
    private readonly runtime: Runtime,
    private readonly slot: LockSlot,
    private readonly owner: () => string,
    private readonly name: string,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.runtime.call(`LockService.Lock.tryLock`, 'other');
    if (this.slot.holder === null || this.slot.holder === this.owner()) {
      this.slot.holder = this.owner();
      return true;
    }
    // (V) tryLock waits up to the timeout and returns false: the virtual clock pays the wait.
    this.runtime.advance(timeoutInMillis);
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    this.runtime.call(`LockService.Lock.waitLock`, 'other');
    if (!this.tryLockQuiet()) {
      this.runtime.advance(timeoutInMillis);
      throw new Error(LOCK_TIMEOUT_MESSAGE);
    }
  }

  private tryLockQuiet(): boolean {
    if (this.slot.holder === null || this.slot.holder === this.owner()) {
      this.slot.holder = this.owner();
      return true;
    }
    return false;
  }

  hasLock(): boolean {
    this.runtime.call(`LockService.Lock.hasLock`, 'other');
    return this.slot.holder === this.owner();
  }

  releaseLock(): void {
    this.runtime.call(`LockService.Lock.releaseLock`, 'other');
    if (this.slot.holder === this.owner()) this.slot.holder = null;
  }

  toString(): string {
    return this.name;
  }
}

export class LockEmulator {
  /** (V) "a lock that prevents any user of the current document from concurrently running": one per document. */
  private readonly documentSlots = new Map<string, LockSlot>();
  private readonly scriptSlot: LockSlot = { holder: null };
  private readonly userSlot: LockSlot = { holder: null };
  private execution = 0;
  /** False models a script that is not bound to a document: getDocumentLock returns null (V). */
  hasContainer = true;
  readonly app: Pick<
    GoogleAppsScript.Lock.LockService,
    'getDocumentLock' | 'getScriptLock' | 'getUserLock'
  >;

  constructor(
    private readonly runtime: Runtime,
    /** The spreadsheet the execution runs in (set by the workspace). */
    private readonly documentId: () => string = () => 'document',
  ) {
    const owner = () => `execution-${this.execution}`;
    this.app = {
      getDocumentLock: () => {
        this.runtime.call('LockService.getDocumentLock', 'other');
        // (V) null outside a container-bound document; nothing is held until tryLock/waitLock.
        return this.hasContainer
          ? (new FakeLock(
              runtime,
              this.documentSlot,
              owner,
              'DocumentLock',
            ) as GoogleAppsScript.Lock.Lock)
          : (null as unknown as GoogleAppsScript.Lock.Lock);
      },
      getScriptLock: () => {
        this.runtime.call('LockService.getScriptLock', 'other');
        return new FakeLock(runtime, this.scriptSlot, owner, 'ScriptLock');
      },
      getUserLock: () => {
        this.runtime.call('LockService.getUserLock', 'other');
        return new FakeLock(runtime, this.userSlot, owner, 'UserLock');
      },
    };
  }

  private get documentSlot(): LockSlot {
    const id = this.documentId();
    let slot = this.documentSlots.get(id);
    if (!slot) {
      slot = { holder: null };
      this.documentSlots.set(id, slot);
    }
    return slot;
  }

  /** A new execution: a different lock owner. Locks still held by the last one are released (V). */
  beginExecution(): void {
    this.endExecution();
    this.execution += 1;
  }

  endExecution(): void {
    const me = `execution-${this.execution}`;
    for (const slot of [...this.documentSlots.values(), this.scriptSlot, this.userSlot]) {
      if (slot.holder === me) slot.holder = null;
    }
  }

  /** Test API: another execution (a partner's sync, a trigger) holds the document lock. */
  holdDocumentLock(by = 'another-execution'): () => void {
    const slot = this.documentSlot;
    slot.holder = by;
    return () => {
      if (slot.holder === by) slot.holder = null;
    };
  }

  documentLockHolder(): string | null {
    return this.documentSlot.holder;
  }
}
