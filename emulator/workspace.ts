// One emulated Google workspace: every fake service over one Runtime, plus its save/load state.
import { join } from 'node:path';
import type { Ambiguities } from './ambiguities';
import { CalendarEmulator, type CalendarState } from './calendar';
import { Runtime } from './runtime';
import { CacheEmulator } from './services/cache';
import { HtmlEmulator } from './services/html';
import { LockEmulator } from './services/lock';
import { MailEmulator } from './services/mail';
import { PropertiesEmulator, type PropertiesState } from './services/properties';
import { ScriptEmulator, type TriggerState } from './services/script';
import { SessionEmulator } from './services/session';
import { UtilitiesEmulator } from './services/utilities';
import { SpreadsheetEmulator, type SpreadsheetState } from './spreadsheet';

export interface WorkspaceOptions {
  /** Where the virtual clock starts; defaults to now. */
  startTime?: Date | number;
  /** True (default) for tests: time moves only with service calls. False for the live preview. */
  virtualClock?: boolean;
  spreadsheetName?: string;
  /** The spreadsheet's zone (File › Settings). */
  spreadsheetTimeZone?: string;
  /** The script's zone (appsscript.json); deliberately a separate setting from the sheet's. */
  scriptTimeZone?: string;
  /** The default calendar's zone. */
  calendarTimeZone?: string;
  userEmail?: string;
  /** Folder with the built sidebars (dist/). */
  htmlDir?: string;
  /** Where Google's behaviour is undocumented, which plausible one to play (emulator/ambiguities.ts). */
  ambiguities?: Partial<Ambiguities>;
}

export interface WorkspaceState {
  version: 1;
  options: Required<
    Omit<WorkspaceOptions, 'startTime' | 'virtualClock' | 'htmlDir' | 'ambiguities'>
  >;
  spreadsheet: SpreadsheetState;
  calendar: CalendarState;
  properties: PropertiesState;
  triggers: TriggerState[];
  /** Spreadsheets added with addSpreadsheet (the add-on installed in several files). */
  otherSpreadsheets?: SpreadsheetState[];
}

/** A further spreadsheet the add-on is used in. */
export interface SpreadsheetOptions {
  name?: string;
  timeZone?: string;
  /** Its owner; defaults to the workspace's first user. */
  owner?: string;
  /** People with edit access besides the owner. */
  editors?: string[];
}

export const DEFAULT_HTML_DIR = join(__dirname, '..', 'dist');

export class Workspace {
  readonly runtime: Runtime;
  /** Every spreadsheet, by id, the first one first. */
  private readonly documents = new Map<string, SpreadsheetEmulator>();
  private currentDocument: string;
  private readonly documentListeners: ((id: string, doc: SpreadsheetEmulator) => void)[] = [];
  readonly calendar: CalendarEmulator;
  readonly properties: PropertiesEmulator;
  readonly locks: LockEmulator;
  readonly cache: CacheEmulator;
  readonly script: ScriptEmulator;
  readonly session: SessionEmulator;
  readonly utilities: UtilitiesEmulator;
  readonly html: HtmlEmulator;
  readonly mail: MailEmulator;
  readonly logs: string[] = [];
  readonly options: WorkspaceState['options'];

  constructor(options: WorkspaceOptions = {}, state?: WorkspaceState) {
    this.options = {
      spreadsheetName:
        options.spreadsheetName ?? state?.options.spreadsheetName ?? 'Partnership work plan',
      spreadsheetTimeZone:
        options.spreadsheetTimeZone ?? state?.options.spreadsheetTimeZone ?? 'America/New_York',
      scriptTimeZone: options.scriptTimeZone ?? state?.options.scriptTimeZone ?? 'Etc/UTC',
      calendarTimeZone:
        options.calendarTimeZone ?? state?.options.calendarTimeZone ?? 'America/New_York',
      userEmail: options.userEmail ?? state?.options.userEmail ?? 'coordinator@example.org',
    };
    const o = this.options;
    this.runtime = new Runtime({
      startTime: options.startTime,
      virtual: options.virtualClock ?? true,
      ambiguities: options.ambiguities,
    });
    const first = state
      ? SpreadsheetEmulator.fromJSON(this.runtime, state.spreadsheet)
      : new SpreadsheetEmulator(this.runtime, {
          name: o.spreadsheetName,
          timeZone: o.spreadsheetTimeZone,
          userEmail: o.userEmail,
          addonName: 'Shared Work Plan',
        });
    this.currentDocument = first.book.state.id;
    this.documents.set(this.currentDocument, first);
    for (const other of state?.otherSpreadsheets ?? []) {
      const doc = SpreadsheetEmulator.fromJSON(this.runtime, other);
      this.documents.set(doc.book.state.id, doc);
    }
    this.session = new SessionEmulator(this.runtime, o.userEmail, o.scriptTimeZone);
    const calendarOptions = {
      userEmail: o.userEmail,
      currentUser: () => this.session.effectiveUserEmail ?? this.session.userEmail,
      defaultCalendarTimeZone: o.calendarTimeZone,
      scriptTimeZone: () => this.session.scriptTimeZone,
    };
    this.calendar = state
      ? CalendarEmulator.fromJSON(this.runtime, state.calendar, calendarOptions)
      : new CalendarEmulator(this.runtime, calendarOptions);
    this.properties = new PropertiesEmulator(this.runtime, state?.properties, () => ({
      user: this.session.userEmail,
      document: this.currentDocument,
    }));
    this.locks = new LockEmulator(this.runtime, () => this.currentDocument);
    this.cache = new CacheEmulator(this.runtime);
    this.script = new ScriptEmulator(
      this.runtime,
      () => this.session.userEmail,
      state?.triggers,
      () => this.currentDocument,
      first.book.state.id,
    );
    this.utilities = new UtilitiesEmulator(this.runtime);
    this.html = new HtmlEmulator(this.runtime, options.htmlDir ?? DEFAULT_HTML_DIR);
    // Mail goes out from whoever the script runs as: a trigger's owner, else the user (V).
    this.mail = new MailEmulator(
      this.runtime,
      () => this.session.effectiveUserEmail ?? this.session.userEmail,
    );
  }

  /** The spreadsheet the next execution runs in (the first one unless actAs chose another). */
  get sheets(): SpreadsheetEmulator {
    return this.documents.get(this.currentDocument) as SpreadsheetEmulator;
  }

  /** The spreadsheet with this id (throws when there is none). */
  spreadsheet(id: string): SpreadsheetEmulator {
    const doc = this.documents.get(id);
    if (!doc) throw new Error(`Emulator: no spreadsheet ${id}`);
    return doc;
  }

  spreadsheetIds(): string[] {
    return [...this.documents.keys()];
  }

  get currentSpreadsheetId(): string {
    return this.currentDocument;
  }

  get currentUser(): string {
    return this.session.userEmail;
  }

  /**
   * Another spreadsheet the add-on is installed in, in the same account world: same calendar
   * store, script properties and triggers list, its own document properties, lock and triggers.
   */
  addSpreadsheet(options: SpreadsheetOptions = {}): SpreadsheetEmulator {
    const id = `spreadsheet-${this.documents.size + 1}`;
    const doc = new SpreadsheetEmulator(this.runtime, {
      id,
      name: options.name ?? `Spreadsheet ${this.documents.size + 1}`,
      timeZone: options.timeZone ?? this.options.spreadsheetTimeZone,
      userEmail: options.owner ?? this.options.userEmail,
      editors: options.editors,
      addonName: 'Shared Work Plan',
    });
    this.documents.set(id, doc);
    for (const listener of this.documentListeners) listener(id, doc);
    return doc;
  }

  /** Calls `listener` for every spreadsheet, now and when one is added (the add-on's edit hooks). */
  onEachSpreadsheet(listener: (id: string, doc: SpreadsheetEmulator) => void): void {
    this.documentListeners.push(listener);
    for (const [id, doc] of this.documents) listener(id, doc);
  }

  /**
   * Later executions run as `user` in the spreadsheet `documentId`: Session, user and document
   * properties, the document lock, triggers and the sheet's protections all follow.
   * `effectiveUser` is whose authority it runs under when not the user's (a trigger's owner).
   */
  actAs(
    user: string,
    documentId = this.currentDocument,
    effectiveUser: string | null = null,
  ): void {
    const doc = this.spreadsheet(documentId);
    this.currentDocument = documentId;
    this.session.userEmail = user;
    this.session.effectiveUserEmail = effectiveUser;
    doc.setActiveUser(effectiveUser ?? user);
  }

  /** Runs `fn` as `user` in `documentId`, then puts back who and where it was. */
  as<T>(user: string, documentId: string, fn: () => T, effectiveUser: string | null = null): T {
    const before = {
      user: this.session.userEmail,
      document: this.currentDocument,
      effective: this.session.effectiveUserEmail,
      sheetUser: this.spreadsheet(documentId).book.state.activeUser,
    };
    this.actAs(user, documentId, effectiveUser);
    try {
      return fn();
    } finally {
      this.spreadsheet(documentId).setActiveUser(before.sheetUser);
      this.currentDocument = before.document;
      this.session.userEmail = before.user;
      this.session.effectiveUserEmail = before.effective;
    }
  }

  /**
   * The account is suspended (a coordinator who left): its installable triggers stop firing. The
   * rest of the account is not modelled; tests simply stop acting as it.
   */
  suspendAccount(email: string): void {
    this.script.suspended.add(email);
  }

  /** The globals Apps Script gives a script: what the add-on bundle sees. */
  globals(): Record<string, unknown> {
    const log = (...args: unknown[]) => this.logs.push(args.map(String).join(' '));
    return {
      // The bundle is loaded once; the spreadsheet it sees is the one the execution runs in.
      SpreadsheetApp: forwarding(() => this.sheets.app),
      Charts: this.sheets.charts,
      CalendarApp: this.calendar.calendarApp,
      Calendar: this.calendar.advanced,
      PropertiesService: this.properties.app,
      LockService: this.locks.app,
      CacheService: this.cache.app,
      ScriptApp: this.script.app,
      Session: this.session.app,
      Utilities: this.utilities.app,
      HtmlService: this.html.app,
      MailApp: this.mail.app,
      Logger: { log: (...a: unknown[]) => log(...a) },
      console: { log, info: log, warn: log, error: log },
    };
  }

  toJSON(): WorkspaceState {
    return {
      version: 1,
      options: { ...this.options },
      spreadsheet: this.firstSpreadsheet().toJSON(),
      calendar: this.calendar.toJSON(),
      properties: this.properties.toJSON(),
      triggers: this.script.toJSON(),
      ...(this.documents.size > 1
        ? {
            otherSpreadsheets: [...this.documents.values()].slice(1).map((doc) => doc.toJSON()),
          }
        : {}),
    };
  }

  private firstSpreadsheet(): SpreadsheetEmulator {
    return this.documents.values().next().value as SpreadsheetEmulator;
  }

  static fromJSON(state: WorkspaceState, options: WorkspaceOptions = {}): Workspace {
    return new Workspace(options, state);
  }
}

/** An object whose properties are read, at each access, from the current target. */
function forwarding<T extends object>(target: () => T): T {
  return new Proxy({} as T, {
    get: (_t, key) => Reflect.get(target(), key),
    has: (_t, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}
