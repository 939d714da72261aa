// Changes typed in the preview grid go to the server one at a time, in the order they were made.

export interface Change {
  path: string;
  body: Record<string, unknown>;
  /** The cell or row it changes, for messages ("Calendar!B5"). */
  where: string;
}

export interface ChangeResult {
  ok: boolean;
  error?: string;
  warning?: string;
}

export interface QueueHooks {
  send(change: Change): Promise<ChangeResult>;
  /** Each answer, in order. */
  answered(change: Change, result: ChangeResult, seq: number): void;
  /** Once nothing is left to send: the page reads the state again. */
  idle(): Promise<void>;
  busy(on: boolean): void;
}

/**
 * A person may type faster than the server answers: each change waits for the one before it, so
 * the sheet receives them exactly in order and never a partly typed value.
 */
export class EditQueue {
  private readonly waiting: Array<{ change: Change; seq: number }> = [];
  private running = false;
  private lastSeq = 0;

  constructor(private readonly hooks: QueueHooks) {}

  /** Queues a change; its sequence number lets the page tell which answers a state includes. */
  push(change: Change): number {
    const seq = ++this.lastSeq;
    this.waiting.push({ change, seq });
    this.hooks.busy(true);
    if (!this.running) void this.pump();
    return seq;
  }

  get busy(): boolean {
    return this.running || this.waiting.length > 0;
  }

  private async pump(): Promise<void> {
    this.running = true;
    for (;;) {
      const next = this.waiting.shift();
      if (next) {
        let result: ChangeResult;
        try {
          result = await this.hooks.send(next.change);
        } catch (error) {
          result = { ok: false, error: error instanceof Error ? error.message : String(error) };
        }
        this.hooks.answered(next.change, result, next.seq);
        continue;
      }
      try {
        await this.hooks.idle();
      } catch {
        // A failed refresh leaves the last state on screen; the next change refreshes again.
      }
      if (this.waiting.length === 0) break;
    }
    this.running = false;
    this.hooks.busy(false);
  }
}
