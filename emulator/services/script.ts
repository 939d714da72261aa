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
  /**
   * The spreadsheet the trigger belongs to: an add-on's triggers are per document (V: ScriptApp
   * getUserTriggers(spreadsheet) "for this script or add-on only"). Absent in states saved before
   * several documents were modelled: the workspace's first spreadsheet.
   */
  documentId?: string;
}

/** A spreadsheet as the trigger builders and getUserTriggers receive it: the object or its id. */
type DocumentArg = string | { getId(): string } | undefined;

const DEFAULT_DOCUMENT = 'spreadsheet-1';

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
    /** The spreadsheet the execution runs in, and the first one (for triggers saved without one). */
    private readonly documentId: () => string = () => DEFAULT_DOCUMENT,
    private readonly firstDocumentId: string = DEFAULT_DOCUMENT,
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
      // (V) "all installable triggers associated with the current project and current user":
      // the user's triggers in every document the add-on is used in.
      getProjectTriggers: () => {
        runtime.call('ScriptApp.getProjectTriggers', 'other');
        return this.mine().map((t) => new FakeTrigger(t));
      },
      // (V) the user's triggers of one document, "for this script or add-on only".
      getUserTriggers: (document?: DocumentArg) => {
        runtime.call('ScriptApp.getUserTriggers', 'other');
        const id = this.idOf(document, 'getUserTriggers');
        return this.mine()
          .filter((t) => this.documentOf(t) === id)
          .map((t) => new FakeTrigger(t));
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

  private idOf(document: DocumentArg, method = 'forSpreadsheet'): string {
    if (document === undefined || document === null) return this.documentId();
    if (typeof document === 'string') return document;
    // (V) these take a Spreadsheet (forSpreadsheet also its id); anything else matches no signature.
    if (typeof document?.getId !== 'function')
      throw new Error(`Cannot find method ${method}(object).`);
    return document.getId();
  }

  /** The document a trigger belongs to. */
  documentOf(t: TriggerState): string {
    return t.documentId ?? this.firstDocumentId;
  }

  private create(
    state: Omit<TriggerState, 'id' | 'owner' | 'documentId'>,
    document?: DocumentArg,
  ): FakeTrigger {
    this.runtime.call('ScriptApp.TriggerBuilder.create', 'other');
    const owner = this.userEmail();
    const documentId = this.idOf(document);
    if (
      this.isAddon &&
      this.triggers.some(
        (t) =>
          t.owner === owner && t.eventType === state.eventType && this.documentOf(t) === documentId,
      )
    ) {
      throw new Error(
        ADDON_TRIGGER_LIMIT_MESSAGE(state.eventType === 'CLOCK' ? 'time-based' : state.eventType),
      );
    }
    const full: TriggerState = { ...state, id: `trigger-${this.nextId++}`, owner, documentId };
    this.triggers.push(full);
    return new FakeTrigger(full);
  }

  private newTrigger(handler: string) {
    this.runtime.call('ScriptApp.newTrigger', 'other');
    const spreadsheetBuilder = (doc: DocumentArg) => ({
      onEdit: () => ({ create: () => this.create({ handler, eventType: 'ON_EDIT' }, doc) }),
      onChange: () => ({ create: () => this.create({ handler, eventType: 'ON_CHANGE' }, doc) }),
      onOpen: () => ({ create: () => this.create({ handler, eventType: 'ON_OPEN' }, doc) }),
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
      forSpreadsheet: (doc: DocumentArg) => spreadsheetBuilder(doc),
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

  /**
   * Accounts that are suspended or deleted: their triggers stay listed but never fire, as a
   * trigger runs only with its creator's authority (V: installable triggers, "Restrictions") and a
   * suspended account has none (I, minimal model: nothing else about the account is emulated).
   */
  readonly suspended = new Set<string>();

  /** Emulator API: whether a trigger's owner can still run it. */
  canFire(t: TriggerState): boolean {
    return !this.suspended.has(t.owner);
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

  /** Emulator API: the triggers of a type in one document, every owner's (what an edit fires). */
  triggersFor(eventType: TriggerEvent, documentId: string): TriggerState[] {
    return this.triggers
      .filter((t) => t.eventType === eventType && this.documentOf(t) === documentId)
      .map((t) => ({ ...t }));
  }

  toJSON(): TriggerState[] {
    return this.triggers.map((t) => ({ ...t }));
  }
}
