// ScriptApp emulator: installable triggers with the editor add-on limits, and the AuthMode enums.
import type { Runtime } from '../runtime';

export const AuthMode = {
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
} as const;
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
} as const;
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  CALENDAR: 'CALENDAR',
} as const;

export type TriggerEvent = (typeof EventType)[keyof typeof EventType];

export interface TriggerState {
  id: string;
  handler: string;
  eventType: TriggerEvent;
  /** For CLOCK triggers: how often (ms) and when next due; a one-shot has no period. */
  periodMs?: number;
  nextDueMs?: number;
  owner: string;
}

/** (V) editor add-ons: one trigger of each type per user per document; clock at most hourly. */
export const ADDON_TRIGGER_LIMIT_MESSAGE = (type: string) =>
  `This add-on has created too many ${type} triggers in this document for this Google Account user.`;
export const ADDON_MIN_CLOCK_PERIOD_MS = 60 * 60 * 1000;

class FakeTrigger {
  constructor(readonly state: TriggerState) {}
  getUniqueId(): string {
    return this.state.id;
  }
  getHandlerFunction(): string {
    return this.state.handler;
  }
  getEventType(): string {
    return this.state.eventType;
  }
  getTriggerSource(): string {
    return this.state.eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS';
  }
}

export class ScriptEmulator {
  readonly triggers: TriggerState[] = [];
  private nextId = 1;
  /** Editor add-ons get the stricter trigger rules; a bound script does not. */
  isAddon = true;
  readonly app: Record<string, unknown>;

  constructor(
    private readonly runtime: Runtime,
    private readonly userEmail: () => string,
    state?: TriggerState[],
  ) {
    if (state) {
      this.triggers.push(...state);
      this.nextId = state.length + 1;
    }
    this.app = {
      AuthMode,
      EventType,
      TriggerSource,
      newTrigger: (handler: string) => this.newTrigger(handler),
      getProjectTriggers: () => {
        runtime.call('ScriptApp.getProjectTriggers', 'other');
        return this.mine().map((t) => new FakeTrigger(t));
      },
      getUserTriggers: () => {
        runtime.call('ScriptApp.getUserTriggers', 'other');
        return this.mine().map((t) => new FakeTrigger(t));
      },
      deleteTrigger: (trigger: FakeTrigger) => {
        runtime.call('ScriptApp.deleteTrigger', 'other');
        const i = this.triggers.findIndex((t) => t.id === trigger.getUniqueId());
        if (i >= 0) this.triggers.splice(i, 1);
      },
      getScriptId: () => 'emulated-script-id',
      getOAuthToken: () => 'emulated-oauth-token',
    };
  }

  private mine(): TriggerState[] {
    return this.triggers.filter((t) => t.owner === this.userEmail());
  }

  private create(state: Omit<TriggerState, 'id' | 'owner'>): FakeTrigger {
    this.runtime.call('ScriptApp.TriggerBuilder.create', 'other');
    const owner = this.userEmail();
    if (
      this.isAddon &&
      this.triggers.some((t) => t.owner === owner && t.eventType === state.eventType)
    ) {
      throw new Error(
        ADDON_TRIGGER_LIMIT_MESSAGE(state.eventType === 'CLOCK' ? 'time-based' : state.eventType),
      );
    }
    const full: TriggerState = { ...state, id: `trigger-${this.nextId++}`, owner };
    this.triggers.push(full);
    return new FakeTrigger(full);
  }

  private newTrigger(handler: string) {
    this.runtime.call('ScriptApp.newTrigger', 'other');
    const spreadsheetBuilder = () => ({
      onEdit: () => ({ create: () => this.create({ handler, eventType: 'ON_EDIT' }) }),
      onChange: () => ({ create: () => this.create({ handler, eventType: 'ON_CHANGE' }) }),
      onOpen: () => ({ create: () => this.create({ handler, eventType: 'ON_OPEN' }) }),
    });
    const clock = (periodMs: number | undefined, firstDueMs: number) => ({
      create: () => {
        if (this.isAddon && periodMs !== undefined && periodMs < ADDON_MIN_CLOCK_PERIOD_MS) {
          // (V) add-on time-driven triggers cannot run more often than once an hour.
          throw new Error(
            'Add-ons may not create time-based triggers that run more than once per hour.',
          );
        }
        return this.create({ handler, eventType: 'CLOCK', periodMs, nextDueMs: firstDueMs });
      },
    });
    return {
      forSpreadsheet: () => spreadsheetBuilder(),
      timeBased: () => ({
        everyHours: (n: number) => clock(n * 3600_000, this.runtime.now() + n * 3600_000),
        everyMinutes: (n: number) => clock(n * 60_000, this.runtime.now() + n * 60_000),
        everyDays: (n: number) => ({
          atHour: () => clock(n * 86400_000, this.runtime.now() + n * 86400_000),
          ...clock(n * 86400_000, this.runtime.now() + n * 86400_000),
        }),
        after: (ms: number) => clock(undefined, this.runtime.now() + ms),
        at: (date: Date) => clock(undefined, date.getTime()),
      }),
    };
  }

  /** Emulator API: clock triggers due at `now`, rescheduled (periodic) or removed (one-shot). */
  takeDueClockTriggers(now = this.runtime.now()): TriggerState[] {
    const due = this.triggers.filter(
      (t) => t.eventType === 'CLOCK' && (t.nextDueMs ?? Infinity) <= now,
    );
    for (const t of due) {
      if (t.periodMs) t.nextDueMs = (t.nextDueMs ?? now) + t.periodMs;
      else this.triggers.splice(this.triggers.indexOf(t), 1);
    }
    return due.map((t) => ({ ...t }));
  }

  handlersFor(eventType: TriggerEvent): string[] {
    return this.triggers.filter((t) => t.eventType === eventType).map((t) => t.handler);
  }

  toJSON(): TriggerState[] {
    return this.triggers.map((t) => ({ ...t }));
  }
}
