// `npm start`: a local preview of the add-on — the real bundle on the emulated workspace, in a browser page.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Addon, DEFAULT_CODE_DIR } from '../emulator/addon';
import { EXAMPLE_PARTNERSHIP } from '../emulator/example/partnership';
import { createExampleWorkspace } from '../emulator/example/seed';
import { Workspace, type WorkspaceState } from '../emulator/workspace';
import { workbookXlsx } from './export/xlsx';
import { formById, formForUrl, listForms, submitForm } from './forms';
import { previewState } from './state';

export interface PreviewOptions {
  port?: number;
  host?: string;
  /** Where the emulated workspace is kept between runs. */
  stateFile?: string;
  /** Ignore a saved state and start on the example partnership. */
  fresh?: boolean;
  /**
   * Ignore a saved state and start on an empty spreadsheet with the add-on installed, as a
   * coordinator who has just installed it would (the end-to-end test starts here).
   */
  blank?: boolean;
  codeDir?: string;
  /** How long requests must pause before the state file is written (default SAVE_DELAY_MS). */
  saveDelayMs?: number;
}

export const SAVE_DELAY_MS = 1500;

export interface Preview {
  url: string;
  addon(): Addon;
  /** Writes a pending change to the state file now. */
  flush(): void;
  close(): Promise<void>;
}

const ROOT = join(__dirname, '..');
export const DEFAULT_STATE_FILE = join(ROOT, '.preview-state.json');

/** Makes google.script.run talk to this server; refuses what Google refuses (Dates, functions). */
function bridgeScript(functionNames: string[]): string {
  return `<script>
(function () {
  var names = ${JSON.stringify(functionNames)};
  function problem(v, path) {
    if (v === null || v === undefined) return null;
    var t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t === 'function') return path + ' is a function';
    if (Object.prototype.toString.call(v) === '[object Date]') return path + ' is a Date';
    if (t === 'object') { for (var k in v) { var p = problem(v[k], path + '.' + k); if (p) return p; } }
    return null;
  }
  function runner(h) {
    var r = {
      withSuccessHandler: function (f) { return runner({ ok: f, fail: h.fail, user: h.user }); },
      withFailureHandler: function (f) { return runner({ ok: h.ok, fail: f, user: h.user }); },
      withUserObject: function (u) { return runner({ ok: h.ok, fail: h.fail, user: u }); }
    };
    names.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var bad = problem(args, 'arguments');
        if (bad) throw new Error('google.script.run cannot send ' + bad);
        fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ functionName: name, args: args }) })
          .then(function (res) { return res.json(); })
          .then(function (res) {
            if (res.ok) { if (h.ok) h.ok(res.value, h.user); }
            else if (h.fail) h.fail(new Error(res.error), h.user);
            parent.postMessage({ type: 'swp-refresh' }, '*');
          })
          .catch(function (e) { if (h.fail) h.fail(e, h.user); });
      };
    });
    return r;
  }
  // A Google Forms link in a sidebar opens the preview's Forms view, not the real Google (offline).
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a || a.href.indexOf('https://docs.google.com/forms/') !== 0) return;
    e.preventDefault();
    parent.postMessage({ type: 'swp-open-form', url: a.href }, '*');
  });
  window.google = { script: { run: runner({}), host: { close: function () { parent.postMessage({ type: 'swp-close-sidebar' }, '*'); } } } };
})();
</script>`;
}

async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'preview/page/main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** The preview's tab icon: a green sheet with a calendar's two rings, drawn here (no file to ship). */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="4" y="6" width="24" height="22" rx="3" fill="#188038"/><rect x="7" y="12" width="18" height="13" fill="#fff"/><path d="M7 17h18M7 21h18M13 12v13M19 12v13" stroke="#188038" stroke-width="1.5"/><rect x="9" y="3" width="3" height="6" rx="1.5" fill="#1a73e8"/><rect x="20" y="3" width="3" height="6" rx="1.5" fill="#1a73e8"/></svg>';

/** The largest request body the preview takes: a pasted block of rows fits well inside it. */
export const MAX_BODY_BYTES = 5_000_000;

/** A refusal with its HTTP status (413 too large, 415 not JSON, 403 foreign Host/Origin). */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      // The rest is read and dropped, so that the client gets the 413 rather than a reset.
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (tooLarge) {
        reject(new Refusal(413, `The request is larger than ${MAX_BODY_BYTES} bytes.`));
        return;
      }
      const data = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch {
        reject(new Refusal(400, 'The request body is not valid JSON.'));
      }
    });
  });
}

/**
 * DNS rebinding and cross-site requests: the page is only served to a Host naming this loopback
 * port, and a state-changing request must come from this page (its Origin, when the browser
 * sends one, and a JSON body, which a foreign form or no-cors fetch cannot send without a
 * preflight this server never grants).
 */
function refusal(req: IncomingMessage, port: number): Refusal | null {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(String(req.headers.host ?? '').toLowerCase()))
    return new Refusal(403, 'The preview answers only to 127.0.0.1 and localhost.');
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`))
    return new Refusal(403, 'Requests from other sites are refused.');
  if (req.headers['sec-fetch-site'] === 'cross-site')
    return new Refusal(403, 'Requests from other sites are refused.');
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/json')
    return new Refusal(
      415,
      'The preview takes JSON requests only (content-type: application/json).',
    );
  return null;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const json = (res: ServerResponse, value: unknown, status = 200) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

type EditOutcome = { ok?: boolean; message?: string; warning?: string };

/** What the grid is told about a typed, pasted or copied change. */
function editAnswer(result: EditOutcome | null) {
  return {
    ok: result?.ok !== false,
    error: result?.ok === false ? (result.message ?? 'Sheets rejected the edit.') : undefined,
    warning: result?.warning,
  };
}

/** What google.script.run may call: top-level functions, less the private ones ending in "_" (V). */
function publicFunctions(addon: Addon): string[] {
  return addon.topLevelFunctions().filter((name) => !name.endsWith('_'));
}

/** The sidebar's own HTML with the bridge injected first, and Google's stylesheet left out (offline). */
function sidebarPage(content: string, functionNames: string[]): string {
  const withoutRemoteCss = content.replace(/<link[^>]+ssl\.gstatic\.com[^>]*>/g, '');
  return withoutRemoteCss.replace(/<head>/i, () => `<head>\n${bridgeScript(functionNames)}`);
}

/** The example partnership, opened on its first plan tab rather than the empty Sheet1. */
function exampleWorkspace(codeDir: string): Addon {
  const addon = createExampleWorkspace({ codeDir });
  const spreadsheet = addon.workspace.sheets.spreadsheet;
  const first = spreadsheet.getSheetByName('Partnership');
  if (first) spreadsheet.setActiveSheet(first);
  return addon;
}

/** A new, empty spreadsheet in the example's zone, with the add-on installed (onInstall ran). */
function blankWorkspace(codeDir: string): Addon {
  const workspace = new Workspace({
    spreadsheetName: 'Untitled spreadsheet',
    spreadsheetTimeZone: EXAMPLE_PARTNERSHIP.timeZone,
    calendarTimeZone: EXAMPLE_PARTNERSHIP.timeZone,
    userEmail: EXAMPLE_PARTNERSHIP.coordinatorEmail,
    virtualClock: false,
  });
  const addon = new Addon(workspace, codeDir);
  if (addon.topLevelFunctions().includes('onInstall')) addon.run('onInstall', { authMode: 'FULL' });
  else addon.open('FULL');
  return addon;
}

/** The add-on the preview runs, and how a change is saved: what every request handler shares. */
interface Session {
  addon: Addon;
  readonly codeDir: string;
  /** Marks the state changed: it is written once requests pause. */
  save(): void;
}

/** A blank workspace, the saved state (unless --fresh), or the example when neither. */
function loadAddon(options: PreviewOptions, stateFile: string, codeDir: string): Addon {
  if (options.blank) return blankWorkspace(codeDir);
  if (!options.fresh && existsSync(stateFile)) {
    try {
      const state = JSON.parse(readFileSync(stateFile, 'utf8')) as WorkspaceState;
      const addon = new Addon(Workspace.fromJSON(state, { virtualClock: false }), codeDir);
      addon.open('FULL');
      return addon;
    } catch (error) {
      console.warn(
        `Could not read ${stateFile} (${(error as Error).message}); starting on the example.`,
      );
    }
  }
  return exampleWorkspace(codeDir);
}

/**
 * Writing the whole workspace takes seconds at the example's size, so edits never wait for it:
 * a change marks the state dirty and one write follows once requests pause (and on close).
 */
function stateWriter(stateFile: string, addon: () => Addon, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => {
    clearTimeout(timer);
    timer = undefined;
    const tmp = `${stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(addon().workspace.toJSON()));
    renameSync(tmp, stateFile);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(now, delayMs);
    // The server keeps `npm start` alive; a pending write alone must not keep a test run open.
    timer.unref();
  };
  return { now, later, flush: () => timer !== undefined && now() };
}

/** The preview page: its HTML with the stylesheet and the bundled script inlined. */
async function previewPage(): Promise<string> {
  const script = await pageScript();
  return readFileSync(join(ROOT, 'preview/page/index.html'), 'utf8')
    .replace(
      '<!-- styles -->',
      () => `<style>${readFileSync(join(ROOT, 'preview/page/styles.css'), 'utf8')}</style>`,
    )
    .replace(
      '<!-- script -->',
      () => `<script>${script.replace(/<\/script/gi, '<\\/script')}</script>`,
    );
}

/** The .ics download, or the add-on's own words when there is nothing to export yet. */
function sendIcs(res: ServerResponse, addon: Addon) {
  let text: string;
  try {
    const ics = addon.runFromSidebar('exportIcs') as { content?: string } | string;
    text = typeof ics === 'string' ? ics : (ics?.content ?? '');
  } catch (error) {
    // E.g. no Calendar tab yet: the add-on's own words, as the sidebar would show them.
    return send(res, 409, 'text/plain; charset=utf-8', (error as Error).message);
  }
  res.writeHead(200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': 'attachment; filename="shared-work-plan.ics"',
  });
  res.end(text);
}

/** The GET routes: the page, its icon, the state, the exports and the sidebars; false when none. */
async function handleGet(
  route: string,
  url: URL,
  res: ServerResponse,
  session: Session,
  pageHtml: string,
): Promise<boolean> {
  const { addon } = session;
  if (route === 'GET /') send(res, 200, 'text/html; charset=utf-8', pageHtml);
  // The page names its icon; /favicon.ico answers too (a browser may ask for it anyway).
  else if (route === 'GET /favicon.svg' || route === 'GET /favicon.ico')
    send(res, 200, 'image/svg+xml', FAVICON_SVG);
  else if (route === 'GET /api/state')
    json(res, previewState(addon, url.searchParams.getAll('sheet')));
  else if (route === 'GET /export/workbook.xlsx') {
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="shared-work-plan.xlsx"',
    });
    res.end(await workbookXlsx(addon.workspace));
  } else if (route === 'GET /export/calendar.ics') sendIcs(res, addon);
  else if (route === 'GET /api/forms') json(res, listForms(addon));
  else if (route === 'GET /api/form') sendForm(res, addon, url);
  else {
    const sidebarMatch = /^GET \/sidebar\/(\d+)$/.exec(route);
    if (!sidebarMatch) return false;
    const sidebar = addon.workspace.sheets.ui.sidebars[Number(sidebarMatch[1])];
    if (!sidebar) send(res, 404, 'text/plain', 'No such sidebar');
    else
      send(
        res,
        200,
        'text/html; charset=utf-8',
        sidebarPage(sidebar.content, publicFunctions(addon)),
      );
  }
  return true;
}

/** One form for answering, by id or by a Google Forms address (published, prefilled or edit). */
function sendForm(res: ServerResponse, addon: Addon, url: URL): void {
  const id = url.searchParams.get('id');
  const address = url.searchParams.get('url') ?? '';
  const form = id ? formById(addon, id) : formForUrl(addon, address);
  if (form) json(res, form);
  else
    json(
      res,
      { error: 'This link is not a form in this preview (it may have been deleted).' },
      404,
    );
}

/** Runs an add-on function the way its caller may (a menu item, google.script.run) and answers. */
function runAndAnswer(res: ServerResponse, session: Session, run: () => unknown): void {
  try {
    const value = run();
    session.save();
    json(res, { ok: true, value: value ?? null });
  } catch (error) {
    session.save();
    json(res, { ok: false, error: (error as Error).message });
  }
}

/** The menu item a person picked: only the add-on's own menu entries. */
function runMenuItem(res: ServerResponse, session: Session, body: Record<string, unknown>) {
  const name = String(body.functionName);
  const allowed = session.addon.workspace.sheets.ui.menus.some((m) =>
    m.entries.some((e) => e.kind === 'item' && e.functionName === name),
  );
  if (!allowed) return json(res, { ok: false, error: `${name} is not a menu item` }, 400);
  runAndAnswer(res, session, () => {
    session.addon.run(name);
  });
}

/**
 * A sidebar's google.script.run call: only the add-on's own top-level functions, as Google allows
 * (never a sandbox global such as Date, nor an inherited name such as toString).
 */
function runSidebarCall(res: ServerResponse, session: Session, body: Record<string, unknown>) {
  const name = String(body.functionName);
  if (!publicFunctions(session.addon).includes(name))
    return json(res, { ok: false, error: `${name} is not an add-on function` }, 404);
  const args = Array.isArray(body.args) ? body.args : [];
  runAndAnswer(res, session, () => session.addon.runFromSidebar(name, ...args));
}

/** What people do in the grid: typing, Ctrl+C/Ctrl+V of a row, a paste; Sheets' answer to each. */
function gridAction(pathname: string, body: Record<string, unknown>, addon: Addon) {
  const sheets = addon.workspace.sheets;
  if (pathname === '/api/edit')
    // Sheets' answer to the typing: rejected (message) or kept with a validation warning.
    return addon.userEdit(
      String(body.sheet),
      Number(body.row),
      Number(body.col),
      String(body.text ?? ''),
    ) as EditOutcome | null;
  if (pathname === '/api/copy-row')
    // Ctrl+C on a row, Ctrl+V on another: Sheets copies everything but the row's metadata.
    return sheets.userCopyRow(String(body.sheet), Number(body.from), Number(body.to));
  const values = Array.isArray(body.values)
    ? body.values.map((row) => (Array.isArray(row) ? row.map((v) => String(v ?? '')) : []))
    : [];
  return sheets.userPasteValues(String(body.sheet), Number(body.row), Number(body.col), values);
}

/** The POST routes: menus, sidebar calls, the grid's edits, a form's answers, closing a sidebar, a reset. */
function handlePost(
  pathname: string,
  body: Record<string, unknown>,
  res: ServerResponse,
  session: Session,
) {
  switch (pathname) {
    case '/api/menu':
      return runMenuItem(res, session, body);
    case '/api/run':
      return runSidebarCall(res, session, body);
    case '/api/edit':
    case '/api/copy-row':
    case '/api/paste': {
      const result = gridAction(pathname, body, session.addon);
      session.save();
      return json(res, editAnswer(result));
    }
    case '/api/form-submit': {
      const answers = (body.answers ?? {}) as Record<string, unknown>;
      const answer = submitForm(session.addon, String(body.id), answers);
      session.save();
      return json(res, answer);
    }
    case '/api/close-sidebar':
      session.addon.workspace.sheets.ui.closeSidebar();
      session.save();
      return json(res, { ok: true });
    case '/api/reset':
      session.addon = exampleWorkspace(session.codeDir);
      session.save();
      return json(res, { ok: true });
    default:
      return send(res, 404, 'text/plain', 'Not found');
  }
}

/** One request: refused unless it comes from the preview's own page, then routed. */
async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  session: Session,
  pageHtml: string,
  port: number,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = `${req.method} ${url.pathname}`;
  try {
    const refused = refusal(req, port);
    if (refused) throw refused;
    if (await handleGet(route, url, res, session, pageHtml)) return;
    if (req.method !== 'POST') return send(res, 404, 'text/plain', 'Not found');
    handlePost(url.pathname, (await readBody(req)) as Record<string, unknown>, res, session);
  } catch (error) {
    const status = error instanceof Refusal ? error.status : 500;
    if (!res.headersSent) json(res, { ok: false, error: (error as Error).message }, status);
  }
}

/** Listens; a port already taken rejects here (EADDRINUSE) instead of throwing from the server later. */
async function listen(server: Server, options: PreviewOptions): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const stateFile = options.stateFile ?? DEFAULT_STATE_FILE;
  const codeDir = options.codeDir ?? DEFAULT_CODE_DIR;
  const writer = stateWriter(stateFile, () => session.addon, options.saveDelayMs ?? SAVE_DELAY_MS);
  const session: Session = {
    addon: loadAddon(options, stateFile, codeDir),
    codeDir,
    save: writer.later,
  };
  writer.now();
  const pageHtml = await previewPage();
  let port = 0;
  const server: Server = createServer((req, res) => {
    void handleRequest(req, res, session, pageHtml, port);
  });
  port = await listen(server, options);
  return {
    url: `http://127.0.0.1:${port}/`,
    addon: () => session.addon,
    flush: () => {
      writer.flush();
    },
    close: () =>
      new Promise<void>((resolve) => {
        writer.flush();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What `npm start` says when its port is taken: what happened and how to pick another port. */
export function busyPortMessage(port: number): string {
  return [
    `Port ${port} is already in use (another preview still running, or another program).`,
    `Stop that one, or start the preview on another port: PORT=${port === 8081 ? 8082 : 8081} npm start`,
    '(on Windows PowerShell: $env:PORT=8081; npm start).',
  ].join('\n');
}

/** Whether nothing listens on this port of 127.0.0.1 now (checked before the workspace is built or saved). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const busy = () => {
    console.error(busyPortMessage(port));
    process.exit(1);
  };
  // Before anything is built or written: a second `npm start` must not touch the first's state.
  if (!(await portIsFree(port))) return busy();
  let preview: Preview;
  try {
    preview = await startPreview({
      port,
      fresh: process.argv.includes('--fresh'),
      blank: process.argv.includes('--blank'),
    });
  } catch (error) {
    // Taken between the check and the start.
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return busy();
    throw error;
  }
  // Ctrl+C keeps the last edits: the pending write happens before the process ends.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      preview.flush();
      process.exit(0);
    });
  console.log(`Shared Work Plan preview: ${preview.url}`);
  console.log(
    'The add-on runs on an emulated workspace saved in .preview-state.json.\n' +
      'npm start -- --fresh starts again on the example partnership; npm start -- --blank on an empty spreadsheet.\n' +
      'Another port: PORT=8081 npm start.',
  );
}

if (require.main === module) void main();
