// Runs the built add-on (dist/Code.js) on an emulated workspace exactly as Apps Script would call it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import gasLocal from 'gas-local';
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

  /** One execution: a menu click, a trigger, a google.script.run call. */
  run(name: string, ...args: unknown[]): unknown {
    const fn = this.context[name];
    if (typeof fn !== 'function') {
      throw new Error(`Script function not found: ${name}`);
    }
    const { runtime, locks } = this.workspace;
    runtime.beginExecution();
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
  open(authMode = 'NONE'): void {
    if (typeof this.context.onOpen !== 'function') return;
    this.run('onOpen', { authMode, source: this.workspace.sheets.app.getActiveSpreadsheet() });
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
        () => this.run(trigger.handler, event),
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
