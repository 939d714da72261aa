// One emulated Google workspace: every fake service over one Runtime, plus its save/load state.
import { join } from 'node:path';
import type { Ambiguities } from './ambiguities';
import { CalendarEmulator, type CalendarState } from './calendar';
import { Runtime } from './runtime';
import { CacheEmulator } from './services/cache';
import { HtmlEmulator } from './services/html';
import { LockEmulator } from './services/lock';
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
}

export const DEFAULT_HTML_DIR = join(__dirname, '..', 'dist');

export class Workspace {
  readonly runtime: Runtime;
  readonly sheets: SpreadsheetEmulator;
  readonly calendar: CalendarEmulator;
  readonly properties: PropertiesEmulator;
  readonly locks: LockEmulator;
  readonly cache: CacheEmulator;
  readonly script: ScriptEmulator;
  readonly session: SessionEmulator;
  readonly utilities: UtilitiesEmulator;
  readonly html: HtmlEmulator;
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
    this.sheets = state
      ? SpreadsheetEmulator.fromJSON(this.runtime, state.spreadsheet)
      : new SpreadsheetEmulator(this.runtime, {
          name: o.spreadsheetName,
          timeZone: o.spreadsheetTimeZone,
          userEmail: o.userEmail,
          addonName: 'Shared Work Plan',
        });
    this.session = new SessionEmulator(this.runtime, o.userEmail, o.scriptTimeZone);
    const calendarOptions = {
      userEmail: o.userEmail,
      defaultCalendarTimeZone: o.calendarTimeZone,
      scriptTimeZone: () => this.session.scriptTimeZone,
    };
    this.calendar = state
      ? CalendarEmulator.fromJSON(this.runtime, state.calendar, calendarOptions)
      : new CalendarEmulator(this.runtime, calendarOptions);
    this.properties = new PropertiesEmulator(this.runtime, state?.properties);
    this.locks = new LockEmulator(this.runtime);
    this.cache = new CacheEmulator(this.runtime);
    this.script = new ScriptEmulator(this.runtime, () => this.session.userEmail, state?.triggers);
    this.utilities = new UtilitiesEmulator(this.runtime);
    this.html = new HtmlEmulator(this.runtime, options.htmlDir ?? DEFAULT_HTML_DIR);
  }

  /** The globals Apps Script gives a script: what the add-on bundle sees. */
  globals(): Record<string, unknown> {
    const log = (...args: unknown[]) => this.logs.push(args.map(String).join(' '));
    return {
      SpreadsheetApp: this.sheets.app,
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
      Logger: { log: (...a: unknown[]) => log(...a) },
      console: { log, info: log, warn: log, error: log },
    };
  }

  toJSON(): WorkspaceState {
    return {
      version: 1,
      options: { ...this.options },
      spreadsheet: this.sheets.toJSON(),
      calendar: this.calendar.toJSON(),
      properties: this.properties.toJSON(),
      triggers: this.script.toJSON(),
    };
  }

  static fromJSON(state: WorkspaceState, options: WorkspaceOptions = {}): Workspace {
    return new Workspace(options, state);
  }
}
