// Runs the built add-on (dist/Code.js) on an emulated workspace exactly as Apps Script would call it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import gasLocal from 'gas-local';
import { AddonAuthorization, type AuthModeName, modeAllows, modeRefusal } from './authorization';
import type { FormSubmitted } from './forms';
import { type ExecutionEnd, isDate, TIMEOUT_MESSAGE } from './runtime';
import { enforceScopes } from './scopes';
import type { TriggerState } from './services/script';
import type { Workspace } from './workspace';

export const DEFAULT_CODE_DIR = join(__dirname, '..', 'dist');

/**
 * Inside Apps Script, `new Date()` and `Date.now()` are the server's clock. Here they are the
 * emulator's clock, so a test can say "it is now 9:00 on 1 March" and the 6-minute budget is
 * measured on the same clock the add-on reads.
 */
const VIRTUAL_DATE = `
(function (clock) {
  var RealDate = Date;
  function EmulatedDate() {
    if (!(this instanceof EmulatedDate)) return new RealDate(clock()).toString();
    var args = Array.prototype.slice.call(arguments);
    if (args.length === 0) return new RealDate(clock());
    return new (Function.prototype.bind.apply(RealDate, [null].concat(args)))();
  }
  EmulatedDate.prototype = RealDate.prototype;
  EmulatedDate.now = function () { return clock(); };
  EmulatedDate.UTC = RealDate.UTC;
  EmulatedDate.parse = RealDate.parse;
  Date = EmulatedDate;
})(__emulatorClock);
`;

/** Why google.script.run would refuse a value (docs/google-facts.md, "Editor add-on") (V). */
function wireProblem(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  if (type === 'function') return `${path} is a function`;
  if (isDate(value)) return `${path} is a Date`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = wireProblem(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (type === 'object') {
    const proto = Object.getPrototypeOf(value);
    const plain = proto === null || Object.getPrototypeOf(proto) === null;
    if (!plain) return `${path} is not a plain object`;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const problem = wireProblem(child, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  return `${path} has type ${type}`;
}

/** What the other side receives: a JSON-shaped copy; `undefined` in an array becomes null (V). */
function overTheWire(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (v === undefined ? null : v)));
}

/** Errors thrown inside the vm context are of its realm: re-create them so Jest matchers work. */
function hostError(error: unknown): Error {
  if (error instanceof Error) return error;
  const e = error as { message?: unknown; name?: unknown; stack?: unknown };
  const copy = new Error(typeof e?.message === 'string' ? e.message : String(error));
  if (typeof e?.name === 'string') copy.name = e.name;
  if (typeof e?.stack === 'string') copy.stack = e.stack;
  return copy;
}

/** The error of an execution the 6-minute limit stopped: Google's message, as the caller sees it. */
function timedOut(): Error {
  return new Error(TIMEOUT_MESSAGE);
}

/** The manifest's oauthScopes (appsscript.json beside Code.js), or null without a manifest. */
export function manifestScopes(codeDir: string): string[] | null {
  const file = join(codeDir, 'appsscript.json');
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { oauthScopes?: string[] };
  return manifest.oauthScopes ?? null;
}

export interface EditEventShape {
  range: unknown;
  value?: unknown;
  oldValue?: unknown;
  source: unknown;
  user: { getEmail(): string };
  authMode: string;
  triggerUid?: string;
}

export class Addon {
  readonly context: vm.Context;

  /** The OAuth scopes the add-on runs with: its manifest's, unless a test names others. */
  readonly scopes: readonly string[] | null;

  constructor(
    readonly workspace: Workspace,
    codeDir = DEFAULT_CODE_DIR,
    options: { scopes?: readonly string[] } = {},
  ) {
    if (!existsSync(join(codeDir, 'Code.js'))) {
      throw new Error(`${codeDir}/Code.js is missing: run \`npm run build\` first`);
    }
    // (V) With oauthScopes in the manifest, the script gets exactly those scopes: a call needing
    // another fails (docs/google-facts.md, "OAuth scopes"). No manifest: nothing is enforced.
    this.scopes = options.scopes ?? manifestScopes(codeDir);
    if (this.scopes) enforceScopes(workspace.runtime, this.scopes);
    this.authorization = new AddonAuthorization(this.scopes ?? []);
    this.guardAuthorization();
    const globals: Record<string, unknown> = {
      ...workspace.globals(),
      __emulatorClock: () => workspace.runtime.now(),
    };
    const context = vm.createContext(globals);
    vm.runInContext(VIRTUAL_DATE, context);
    this.context = gasLocal.require(codeDir, context, {
      filter: (file: string) => file.endsWith('/Code.js'),
    });
    // (V) Installable onEdit triggers run for every edit a person makes (typing, pasting, copying
    // a row), with the edited range in the event; script writes never fire them. The sheet
    // emulator reports exactly those user edits, with Google's event shape.
    workspace.onEachSpreadsheet((id, doc) =>
      doc.onUserEdit((event) => this.fireEditTriggers({ event }, id)),
    );
    // (V) a spreadsheet's form-submit triggers run once a linked form's response is in its tab.
    workspace.forms.onSubmit((submitted) => this.fireFormSubmitTriggers(submitted));
  }

  /**
   * Runs the spreadsheet's installable form-submit triggers (every owner's), each as its owner,
   * with the event Google documents for Sheets: authMode, namedValues, range, triggerUid, values (V).
   */
  fireFormSubmitTriggers(submitted: FormSubmitted): void {
    const { spreadsheetId, sheetName, row, values, namedValues } = submitted;
    for (const trigger of this.workspace.script.triggersFor('ON_FORM_SUBMIT', spreadsheetId)) {
      const sheet = this.workspace.spreadsheet(spreadsheetId).spreadsheet.getSheetByName(sheetName);
      const event = {
        authMode: 'FULL',
        triggerUid: trigger.id,
        values: [...values],
        namedValues: Object.fromEntries(Object.entries(namedValues).map(([k, v]) => [k, [...v]])),
        range: sheet?.getRange(row, 1, 1, values.length),
      };
      this.runTrigger(trigger, event, spreadsheetId);
    }
  }

  /** Where the add-on is installed or enabled, and what each user granted (emulator/authorization.ts). */
  readonly authorization: AddonAuthorization;

  /**
   * Before the manifest's scope rules: the execution's AuthMode (a simple trigger reaches no
   * service that needs authorization), then the effective user's grants (a trigger whose owner has
   * not granted a scope a newer version asks for fails at the call that needs it).
   */
  private guardAuthorization(): void {
    const { runtime, session, script } = this.workspace;
    const scopeCheck = runtime.authorizer;
    runtime.authorizer = (method, target) => {
      const mode = runtime.authMode as AuthModeName;
      const infoIsFree = runtime.ambiguities.authorizationInfo === 'free';
      if (!modeAllows(mode, method, infoIsFree)) throw new Error(modeRefusal(method));
      const user = session.effectiveUserEmail ?? session.userEmail;
      const refusal = this.authorization.refusal(user, method, target, infoIsFree);
      if (refusal) throw new Error(refusal);
      if (method === 'ScriptApp.getAuthorizationInfo' && !infoIsFree)
        scopeCheck?.('ScriptApp.', target);
      else scopeCheck?.(method, target);
    };
    script.authorizationInfo = () => {
      const user = session.effectiveUserEmail ?? session.userEmail;
      return {
        granted: this.authorization.grantedScopes(user),
        url: this.authorization.url(user, 'emulated-script-id'),
      };
    };
  }

  /** Names of the top-level functions Apps Script would see (menus, triggers, google.script.run). */
  topLevelFunctions(): string[] {
    return Object.keys(this.context).filter(
      (name) =>
        !name.startsWith('__') &&
        name !== 'Date' &&
        typeof this.context[name] === 'function' &&
        !(name in this.workspace.globals()),
    );
  }

  /**
   * One execution a person starts: a menu click, a google.script.run call. (V) Apps Script first
   * asks them for any scope they have not granted, and the add-on is then enabled in the document.
   */
  run(name: string, ...args: unknown[]): unknown {
    this.authorization.consent(this.workspace.session.userEmail);
    this.authorization.enabledIn.add(this.workspace.currentSpreadsheetId);
    return this.execute(name, 'FULL', args);
  }

  /** One execution in `mode`, asking nobody for anything (a trigger, a simple trigger). */
  private execute(name: string, mode: AuthModeName, args: unknown[]): unknown {
    const fn = this.context[name];
    if (typeof fn !== 'function') {
      throw new Error(`Script function not found: ${name}`);
    }
    const { runtime, locks } = this.workspace;
    runtime.beginExecution(mode);
    locks.beginExecution();
    let ended: ExecutionEnd | null = null;
    try {
      const result = fn(...args);
      ended = runtime.endExecution();
      if (ended.timedOut) throw timedOut();
      return result;
    } catch (error) {
      ended ??= runtime.endExecution();
      // (V) An execution past the 6-minute limit fails with Google's message, whatever the
      // script caught or threw meanwhile: the caller (sidebar, trigger log) sees it timed out.
      if (ended.timedOut) throw timedOut();
      throw hostError(error);
    } finally {
      locks.endExecution();
      this.timedOutRuns += ended?.timedOut ? 1 : 0;
    }
  }

  /** Executions the 6-minute limit ended (each also failed with TIMEOUT_MESSAGE). */
  timedOutRuns = 0;

  /**
   * Arms a second execution to run inside the next one, just before its `atCall`th service call
   * (emulator/runtime.ts `interleaveAt`): a trigger firing, or another user pressing Sync, while a
   * run is under way. `start` runs it (e.g. `() => addon.runDueTriggers()`); its errors are the
   * second execution's own and do not reach the first. Returns a disarm.
   */
  interleaveAt(atCall: number, start: () => void): () => void {
    return this.workspace.runtime.interleaveAt(atCall, () => {
      try {
        start();
      } catch (error) {
        this.workspace.logs.push(`Interleaved execution failed: ${hostError(error).message}`);
      }
    });
  }

  /**
   * One execution by `user` in the spreadsheet `documentId` (a second coordinator, a partner
   * pressing a menu item in another plan): who and where are restored afterwards.
   */
  runAs(user: string, documentId: string, name: string, ...args: unknown[]): unknown {
    return this.workspace.as(user, documentId, () => this.run(name, ...args));
  }

  /**
   * A call from a sidebar through google.script.run: arguments and result must be JSON-shaped
   * (no Date, function or class instance, even nested), and the sidebar gets a copy (V).
   */
  runFromSidebar(name: string, ...args: unknown[]): unknown {
    // (V) A server function whose name ends in "_" is private: its name is never sent to the
    // page, so `google.script.run.name_` is undefined there and calling it is a TypeError; the
    // same for a name that is no top-level function (docs/google-facts.md, "Editor add-on").
    if (name.endsWith('_') || !this.topLevelFunctions().includes(name))
      throw new TypeError(`google.script.run.${name} is not a function`);
    args.forEach((arg, i) => {
      const problem = wireProblem(arg, `argument ${i + 1}`);
      if (problem) throw new Error(`google.script.run cannot send ${problem}`);
    });
    const result = this.run(name, ...(overTheWire(args) as unknown[]));
    const problem = wireProblem(result, 'the result');
    if (problem) throw new Error(`google.script.run cannot return ${problem} from ${name}`);
    return overTheWire(result);
  }

  /** The simple onOpen trigger, in AuthMode.NONE by default as for an add-on not yet used here. */
  open(authMode: AuthModeName = 'NONE'): void {
    if (typeof this.context.onOpen !== 'function') return;
    // The event's source is the document (V); handing it over is not a call the add-on makes.
    const source = this.workspace.sheets.spreadsheet;
    this.execute('onOpen', authMode, [{ authMode, source }]);
  }

  /**
   * A person opens the spreadsheet: onOpen runs in the mode the add-on's state gives (LIMITED
   * where it is enabled, NONE where it is only installed for them), or not at all. Returns the mode.
   */
  openDocument(): AuthModeName | null {
    const mode = this.authorization.openMode(
      this.workspace.session.userEmail,
      this.workspace.currentSpreadsheetId,
    );
    if (mode) this.open(mode);
    return mode;
  }

  /**
   * The user installs the add-on from the Marketplace while this spreadsheet is open: they consent
   * to its scopes, it is installed for them and enabled here, and onInstall runs in FULL (V).
   */
  install(): void {
    const user = this.workspace.session.userEmail;
    this.authorization.installedFor.add(user);
    this.authorization.consent(user);
    this.authorization.enabledIn.add(this.workspace.currentSpreadsheetId);
    if (typeof this.context.onInstall === 'function')
      this.execute('onInstall', 'FULL', [{ authMode: 'FULL' }]);
  }

  /**
   * A partner types into a cell: the sheet parses and validates it like a person's input, then
   * the installable onEdit triggers run, each as its own execution (script writes never do) (V).
   */
  userEdit(sheetName: string, row: number, col: number, typed: string, as?: string): unknown {
    // The edit listener set up in the constructor runs the triggers (a rejected edit fires none).
    return this.workspace.sheets.userEdit(sheetName, row, col, typed, { as });
  }

  /**
   * Runs the installable onEdit triggers of the edited spreadsheet (every owner's), each as its
   * owner: an installable trigger runs with the authority of the user who created it, whoever
   * edited (V: installable triggers guide, "Restrictions"). The active user is the owner too (I).
   */
  fireEditTriggers(event: unknown, documentId = this.workspace.currentSpreadsheetId): void {
    if (!event || (event as { rejected?: boolean }).rejected) return;
    for (const trigger of this.workspace.script.triggersFor('ON_EDIT', documentId)) {
      this.runTrigger(trigger, (event as { event?: EditEventShape }).event ?? event, documentId);
    }
  }

  private runTrigger(trigger: TriggerState, event: unknown, documentId: string): boolean {
    // A suspended account's triggers do not fire (emulator/services/script.ts `suspended`).
    if (!this.workspace.script.canFire(trigger)) return false;
    try {
      this.workspace.as(
        trigger.owner,
        documentId,
        () => this.execute(trigger.handler, 'FULL', [event]),
        trigger.owner,
      );
      return true;
    } catch (error) {
      // A failing trigger is logged by Apps Script and mailed to the owner; it never reaches the editor (V).
      this.workspace.logs.push(`Trigger ${trigger.handler} failed: ${hostError(error).message}`);
      return false;
    }
  }

  /** Runs the time-driven triggers that are due on the virtual clock. */
  runDueTriggers(): string[] {
    const ran: string[] = [];
    const { script } = this.workspace;
    for (const trigger of script.takeDueClockTriggers()) {
      const event = { triggerUid: trigger.id, authMode: 'FULL' };
      if (this.runTrigger(trigger, event, script.documentOf(trigger))) ran.push(trigger.handler);
    }
    return ran;
  }
}
