// The emulator's shared runtime: call counting, a virtual clock, the 6-minute budget and injected faults.

/**
 * Modelled cost of a service call, in virtual milliseconds. Sources: Google's best-practices page
 * (~7 ms per per-cell call; S, its figures are past what the stored copies show), batched
 * 4,000-cell writes < 50 ms (S), public measurements of CalendarApp
 * (getEvents + getters ≈ 1.8 s, Calendar.Events.list ≈ 0.34 s); event writes are not published,
 * 0.3–1 s is planned with (docs/google-facts.md, "Performance").
 */
import { type Ambiguities, DEFAULT_AMBIGUITIES } from './ambiguities';
export const DEFAULT_COSTS_MS: Record<string, number> = {
  read: 10,
  write: 20,
  calendarRead: 150,
  calendarWrite: 400,
  advancedList: 340,
  other: 5,
};

/** Apps Script stops one execution after 6 minutes (docs/google-facts.md, "Services with limits"). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

/** The message Apps Script gives when the execution time limit is reached. */
export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

/**
 * One execution under way. Executions nest when a test interleaves another one at a call of the
 * first (a trigger firing mid-run, a second user): the clock is shared, each has its own budget.
 */
interface ExecutionFrame {
  start: number;
  /** Service calls this execution made so far (the interleave hook counts them). */
  calls: number;
  /** Set once the execution crossed the 6-minute limit: Apps Script has ended it. */
  timedOut: boolean;
  /** The execution's AuthMode: NONE or LIMITED for a simple trigger, else FULL (emulator/authorization.ts). */
  authMode: string;
  /** Another execution to run to completion before this one's Nth call (see `interleaveAt`). */
  interleave: { atCall: number; run: () => void; fired: boolean } | null;
}

/** What the harness learns when an execution ends. */
export interface ExecutionEnd {
  timedOut: boolean;
  /** Whether an interleaved execution armed for this one ran. */
  interleaved: boolean;
}

export type CostKind = keyof typeof DEFAULT_COSTS_MS;

/** A fault a test arms: `method` names a counted call, e.g. `CalendarApp.Calendar.createEvent`. */
export interface FaultRule {
  method: string | RegExp;
  /** Fail on the Nth matching call (1-based), counted from when the rule was armed. */
  atCall?: number;
  /** How many consecutive matching calls fail from `atCall` on (default 1; Infinity for all). */
  times?: number;
  /** The error thrown; a string becomes an Error with that message. */
  error: string | Error;
  seen: number;
  fired: number;
  /**
   * Fail after the call took effect (the write is applied, then the error is thrown): a 5xx or
   * rate error whose response was lost, or a timeout as the answer came back. Google's Calendar
   * errors guide says a backend error may come after the request was processed, and a client cannot
   * tell (docs/emulator.md, "Faults"). Only services that call `settled` honour it.
   */
  after?: boolean;
}

/** What a per-calendar scope (calendar.app.created, calendar.events.owned) depends on. */
export interface ScopeTarget {
  /** The calendar was made by this script (Calendars.insert). */
  appCreated: boolean;
  /** The user owns the calendar. */
  owned: boolean;
}

export interface CallRecord {
  method: string;
  at: number;
}

/**
 * Counts every service call by `Service.Class.method`, advances the virtual clock by the call's
 * modelled cost (plus any injected latency), enforces the execution budget and fires faults.
 */
export class Runtime {
  private readonly counts = new Map<string, number>();
  private readonly faults: FaultRule[] = [];
  private readonly latency = new Map<string, number>();
  private nowMs: number;
  /** Executions under way, outermost first (more than one only while one is interleaved). */
  private readonly frames: ExecutionFrame[] = [];
  /** An interleaving armed for the next outermost execution (see `interleaveAt`). */
  private pendingInterleave: ExecutionFrame['interleave'] = null;
  /** When false the clock follows real time (the preview); when true it only moves on calls. */
  readonly virtual: boolean;
  readonly costs: Record<string, number>;
  /** Every call, in order, when `trace` is on (tests that assert sequences turn it on). */
  trace = false;
  readonly log: CallRecord[] = [];
  /**
   * Checks a call against the OAuth scopes the add-on was granted (emulator/scopes.ts), during
   * add-on executions only (a test's own inspection is not the add-on's). Null: not enforced.
   */
  authorizer: ((method: string, target?: ScopeTarget) => void) | null = null;
  /** Each scope that was the only granted one allowing some call (see emulator/scopes.ts). */
  readonly scopesNeeded = new Set<string>();
  /** Calls refused for want of a scope (an add-on may catch the error; tests still see it). */
  readonly scopeRefusals: string[] = [];

  /** Which plausible behaviour the emulator plays where Google's is undocumented. */
  readonly ambiguities: Ambiguities;

  constructor(
    options: {
      startTime?: Date | number;
      virtual?: boolean;
      costs?: Record<string, number>;
      ambiguities?: Partial<Ambiguities>;
    } = {},
  ) {
    this.ambiguities = { ...DEFAULT_AMBIGUITIES, ...options.ambiguities };
    this.virtual = options.virtual ?? true;
    const start = options.startTime ?? Date.now();
    this.nowMs = typeof start === 'number' ? start : start.getTime();
    this.costs = { ...DEFAULT_COSTS_MS, ...options.costs };
  }

  /** Virtual (or real) time in ms since the epoch: what `Date.now()` returns inside the add-on. */
  now(): number {
    return this.virtual ? this.nowMs : Date.now();
  }

  /** Moves the virtual clock (e.g. "a week later", or a lock wait). */
  advance(ms: number): void {
    this.nowMs += ms;
  }

  setTime(time: Date | number): void {
    this.nowMs = typeof time === 'number' ? time : time.getTime();
  }

  /**
   * Starts a new execution (the harness calls this for every top-level call into the add-on). One
   * begun while another is under way is interleaved into it: it runs to completion first.
   */
  beginExecution(authMode = 'FULL'): void {
    const outermost = this.frames.length === 0;
    this.frames.push({
      start: this.now(),
      calls: 0,
      timedOut: false,
      authMode,
      interleave: outermost ? this.pendingInterleave : null,
    });
    if (outermost) this.pendingInterleave = null;
  }

  endExecution(): ExecutionEnd {
    const frame = this.frames.pop();
    return { timedOut: frame?.timedOut ?? false, interleaved: frame?.interleave?.fired ?? false };
  }

  /** The AuthMode of the execution under way (FULL outside one). */
  get authMode(): string {
    return this.frame?.authMode ?? 'FULL';
  }

  /** How many executions are under way (2 while one is interleaved into another). */
  get depth(): number {
    return this.frames.length;
  }

  private get frame(): ExecutionFrame | null {
    return this.frames[this.frames.length - 1] ?? null;
  }

  /** Virtual ms since the current execution started. */
  elapsed(): number {
    const frame = this.frame;
    return frame === null ? 0 : this.now() - frame.start;
  }

  /**
   * Arms an interleaving for the next outermost execution: just before its `atCall`th service
   * call, `run` starts another execution (a trigger, a second user) and runs it to completion,
   * then the first goes on. At call granularity this is a valid schedule of two concurrent
   * executions: Apps Script runs them in parallel, each call an atomic request. Returns a disarm.
   */
  interleaveAt(atCall: number, run: () => void): () => void {
    const armed = { atCall, run, fired: false };
    this.pendingInterleave = armed;
    return () => {
      if (this.pendingInterleave === armed) this.pendingInterleave = null;
    };
  }

  /**
   * Records one service call. Every fake method calls this first, so counts, latency, the budget
   * and faults apply uniformly.
   */
  call(method: string, kind: CostKind = 'other'): void {
    const frame = this.frame;
    // (V) Past the limit Apps Script has stopped the execution: nothing it tries runs any more,
    // not even in a catch or finally block (docs/emulator.md, "The 6-minute limit").
    if (frame?.timedOut) throw new Error(TIMEOUT_MESSAGE);
    if (frame) {
      frame.calls += 1;
      const hook = frame.interleave;
      if (hook && !hook.fired && frame.calls === hook.atCall) {
        hook.fired = true;
        hook.run();
      }
    }
    this.authorize(method);
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    if (this.trace) this.log.push({ method, at: this.now() });
    if (this.virtual) this.nowMs += (this.costs[kind] ?? 0) + (this.latency.get(method) ?? 0);
    if (frame && this.elapsed() > EXECUTION_LIMIT_MS) {
      frame.timedOut = true;
      throw new Error(TIMEOUT_MESSAGE);
    }
    for (const rule of this.faults) {
      if (rule.after) continue;
      const matches =
        typeof rule.method === 'string' ? rule.method === method : rule.method.test(method);
      if (!matches) continue;
      rule.seen += 1;
      const first = rule.atCall ?? 1;
      const times = rule.times ?? 1;
      if (rule.seen >= first && rule.fired < times) {
        rule.fired += 1;
        throw typeof rule.error === 'string' ? new Error(rule.error) : rule.error;
      }
    }
  }

  /**
   * Called by a fake once its call took effect: fires the faults armed with `after` (the Nth
   * matching call is applied, then throws), counted like `failAt`.
   */
  settled(method: string): void {
    for (const rule of this.faults) {
      if (!rule.after) continue;
      const matches =
        typeof rule.method === 'string' ? rule.method === method : rule.method.test(method);
      if (!matches) continue;
      rule.seen += 1;
      if (rule.seen >= (rule.atCall ?? 1) && rule.fired < (rule.times ?? 1)) {
        rule.fired += 1;
        throw typeof rule.error === 'string' ? new Error(rule.error) : rule.error;
      }
    }
  }

  /** Arms a fault that fires after the Nth matching call took effect (see `FaultRule.after`). */
  failAfter(method: string | RegExp, atCall: number, error: string | Error, times = 1): FaultRule {
    const rule: FaultRule = { method, atCall, times, error, seen: 0, fired: 0, after: true };
    this.faults.push(rule);
    return rule;
  }

  /** Refuses a call outside the granted scopes, inside an execution (see `authorizer`). */
  authorize(method: string, target?: ScopeTarget): void {
    if (this.authorizer && this.frames.length > 0) this.authorizer(method, target);
  }

  /** Arms a fault: the Nth matching call (and `times - 1` after it) throws `error`. */
  failAt(method: string | RegExp, atCall: number, error: string | Error, times = 1): FaultRule {
    const rule: FaultRule = { method, atCall, times, error, seen: 0, fired: 0 };
    this.faults.push(rule);
    return rule;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Adds `ms` of virtual latency to every call of `method` (on top of its modelled cost). */
  setLatency(method: string, ms: number): void {
    this.latency.set(method, ms);
  }

  /** Count of one method, or the sum over methods matching a prefix/RegExp. */
  count(method: string | RegExp): number {
    if (typeof method === 'string' && this.counts.has(method)) return this.counts.get(method)!;
    let total = 0;
    for (const [name, n] of this.counts) {
      const hit = typeof method === 'string' ? name.startsWith(method) : method.test(name);
      if (hit) total += n;
    }
    return total;
  }

  /** All counts, sorted by name: handy in failure messages. */
  counts_(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetCounts(): void {
    this.counts.clear();
    this.log.length = 0;
  }
}

/** Realm-safe Date check: `instanceof Date` fails across the gas-local `vm` boundary. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
