// LockService emulator: one document lock shared by every execution, contention a test can stage.
import type { Runtime } from '../runtime';

/** Apps Script's message when waitLock times out (S: reported verbatim in public threads). */
export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

interface LockSlot {
  holder: string | null;
  /** When the last holder took and gave back the lock (virtual ms): how long a waiter waited. */
  lastHeld: { from: number; to: number } | null;
  heldSince: number;
}

function take(slot: LockSlot, owner: string, now: number): void {
  if (slot.holder !== owner) slot.heldSince = now;
  slot.holder = owner;
}

function give(slot: LockSlot, now: number): void {
  slot.lastHeld = { from: slot.heldSince, to: now };
  slot.holder = null;
}

class FakeLock implements GoogleAppsScript.Lock.Lock {
  constructor(
    private readonly runtime: Runtime,
    private readonly slot: LockSlot,
    private readonly owner: () => string,
    private readonly name: string,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    if (this.acquire(`LockService.Lock.tryLock`, timeoutInMillis)) return true;
    // (V) tryLock waits up to the timeout and returns false: the virtual clock pays the wait.
    this.runtime.advance(timeoutInMillis);
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (this.acquire(`LockService.Lock.waitLock`, timeoutInMillis)) return;
    this.runtime.advance(timeoutInMillis);
    throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  /**
   * One attempt. An execution interleaved at this very call (runtime.interleaveAt) took the lock
   * and gave it back while this one waited: the wait lasted as long as it held it, and an
   * attempt that would have waited longer than its timeout fails (the clock is already past it).
   */
  private acquire(method: string, timeoutInMillis: number): boolean {
    const before = this.runtime.now();
    this.runtime.call(method, 'other');
    const me = this.owner();
    if (this.slot.holder !== null && this.slot.holder !== me) return false;
    const held = this.slot.lastHeld;
    if (held && held.from >= before && held.to - held.from > timeoutInMillis) return false;
    take(this.slot, me, this.runtime.now());
    return true;
  }

  hasLock(): boolean {
    this.runtime.call(`LockService.Lock.hasLock`, 'other');
    return this.slot.holder === this.owner();
  }

  releaseLock(): void {
    this.runtime.call(`LockService.Lock.releaseLock`, 'other');
    if (this.slot.holder === this.owner()) give(this.slot, this.runtime.now());
  }

  toString(): string {
    return this.name;
  }
}

function emptySlot(): LockSlot {
  return { holder: null, lastHeld: null, heldSince: 0 };
}

export class LockEmulator {
  /** (V) "a lock that prevents any user of the current document from concurrently running": one per document. */
  private readonly documentSlots = new Map<string, LockSlot>();
  private readonly scriptSlot: LockSlot = emptySlot();
  private readonly userSlot: LockSlot = emptySlot();
  private execution = 0;
  /** Executions under way, outermost first: more than one while one is interleaved into another. */
  private readonly running: number[] = [];
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
    const owner = () => `execution-${this.running[this.running.length - 1] ?? this.execution}`;
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
      slot = emptySlot();
      this.documentSlots.set(id, slot);
    }
    return slot;
  }

  /**
   * A new execution: a different lock owner. Begun while another is under way, it is interleaved
   * into it (it runs to completion first and sees the other's locks held).
   */
  beginExecution(): void {
    this.execution += 1;
    this.running.push(this.execution);
  }

  /**
   * (V) "The lock is automatically released when the script terminates" (Lock.releaseLock
   * reference): whatever the execution still holds, even one the 6-minute limit stopped, is freed.
   */
  endExecution(): void {
    const me = `execution-${this.running.pop() ?? this.execution}`;
    const now = this.runtime.now();
    for (const slot of [...this.documentSlots.values(), this.scriptSlot, this.userSlot]) {
      if (slot.holder === me) give(slot, now);
    }
  }

  /** Test API: another execution (a partner's sync, a trigger) holds the document lock. */
  holdDocumentLock(by = 'another-execution'): () => void {
    const slot = this.documentSlot;
    take(slot, by, this.runtime.now());
    return () => {
      if (slot.holder === by) give(slot, this.runtime.now());
    };
  }

  documentLockHolder(): string | null {
    return this.documentSlot.holder;
  }
}
