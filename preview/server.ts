// `npm start`: a local preview of the add-on — the real bundle on the emulated workspace, in a browser page.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Addon, DEFAULT_CODE_DIR } from '../emulator/addon';
import { EXAMPLE_PARTNERSHIP } from '../emulator/example/partnership';
import { createExampleWorkspace } from '../emulator/example/seed';
import { Workspace, type WorkspaceState } from '../emulator/workspace';
import { workbookXlsx } from './export/xlsx';
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
}

export interface Preview {
  url: string;
  addon(): Addon;
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

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > 5_000_000) reject(new Error('Request too large'));
    });
    req.on('end', () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch (error) {
        reject(error);
      }
    });
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const json = (res: ServerResponse, value: unknown, status = 200) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

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

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const stateFile = options.stateFile ?? DEFAULT_STATE_FILE;
  const codeDir = options.codeDir ?? DEFAULT_CODE_DIR;

  const load = (): Addon => {
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
  };
  let addon = load();

  const save = () => {
    const tmp = `${stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(addon.workspace.toJSON()));
    renameSync(tmp, stateFile);
  };
  save();

  const script = await pageScript();
  const pageHtml = readFileSync(join(ROOT, 'preview/page/index.html'), 'utf8')
    .replace(
      '<!-- styles -->',
      () => `<style>${readFileSync(join(ROOT, 'preview/page/styles.css'), 'utf8')}</style>`,
    )
    .replace(
      '<!-- script -->',
      () => `<script>${script.replace(/<\/script/gi, '<\\/script')}</script>`,
    );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    try {
      if (route === 'GET /') return send(res, 200, 'text/html; charset=utf-8', pageHtml);
      if (route === 'GET /api/state') return json(res, previewState(addon));
      if (route === 'GET /export/workbook.xlsx') {
        res.writeHead(200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': 'attachment; filename="shared-work-plan.xlsx"',
        });
        return res.end(await workbookXlsx(addon.workspace));
      }
      if (route === 'GET /export/calendar.ics') {
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
        return res.end(text);
      }
      const sidebarMatch = /^GET \/sidebar\/(\d+)$/.exec(route);
      if (sidebarMatch) {
        const sidebar = addon.workspace.sheets.ui.sidebars[Number(sidebarMatch[1])];
        if (!sidebar) return send(res, 404, 'text/plain', 'No such sidebar');
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          sidebarPage(sidebar.content, addon.topLevelFunctions()),
        );
      }
      if (req.method !== 'POST') return send(res, 404, 'text/plain', 'Not found');
      const body = (await readBody(req)) as Record<string, unknown>;
      switch (url.pathname) {
        case '/api/menu': {
          const name = String(body.functionName);
          const allowed = addon.workspace.sheets.ui.menus.some((m) =>
            m.entries.some((e) => e.kind === 'item' && e.functionName === name),
          );
          if (!allowed) return json(res, { ok: false, error: `${name} is not a menu item` }, 400);
          try {
            addon.run(name);
            save();
            return json(res, { ok: true });
          } catch (error) {
            save();
            return json(res, { ok: false, error: (error as Error).message });
          }
        }
        case '/api/run': {
          try {
            const args = Array.isArray(body.args) ? body.args : [];
            const value = addon.runFromSidebar(String(body.functionName), ...args);
            save();
            return json(res, { ok: true, value: value ?? null });
          } catch (error) {
            save();
            return json(res, { ok: false, error: (error as Error).message });
          }
        }
        case '/api/edit': {
          // Sheets' answer to the typing: rejected (message) or kept with a validation warning.
          const result = addon.userEdit(
            String(body.sheet),
            Number(body.row),
            Number(body.col),
            String(body.text ?? ''),
          ) as { ok?: boolean; message?: string; warning?: string } | null;
          save();
          return json(res, {
            ok: result?.ok !== false,
            error:
              result?.ok === false ? (result.message ?? 'Sheets rejected the edit.') : undefined,
            warning: result?.warning,
          });
        }
        case '/api/close-sidebar': {
          addon.workspace.sheets.ui.closeSidebar();
          save();
          return json(res, { ok: true });
        }
        case '/api/reset': {
          addon = exampleWorkspace(codeDir);
          save();
          return json(res, { ok: true });
        }
        default:
          return send(res, 404, 'text/plain', 'Not found');
      }
    } catch (error) {
      return json(res, { ok: false, error: (error as Error).message }, 500);
    }
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    addon: () => addon,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? 8080);
  startPreview({
    port,
    fresh: process.argv.includes('--fresh'),
    blank: process.argv.includes('--blank'),
  }).then((preview) => {
    console.log(`Shared Work Plan preview: ${preview.url}`);
    console.log(
      'The add-on runs on an emulated workspace saved in .preview-state.json.\n' +
        'npm start -- --fresh starts again on the example partnership; npm start -- --blank on an empty spreadsheet.',
    );
  });
}
