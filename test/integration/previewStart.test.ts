// `npm start` on a busy port says so and how to pick another; the preview has a tab icon.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  busyPortMessage,
  FAVICON_SVG,
  type Preview,
  portIsFree,
  startPreview,
} from '../../preview/server';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');

/** Something else listening on a free port of 127.0.0.1, as another program would. */
function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

function runStart(port: number): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['preview/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port) },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += String(c);
    });
    child.stderr.on('data', (c) => {
      err += String(c);
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('npm start on a busy port', () => {
  it('says the port is taken and how to choose another, without a stack trace or touching any state', async () => {
    const { server, port } = await occupy();
    try {
      expect(await portIsFree(port)).toBe(false);
      const stateBefore = existsSync(join(ROOT, '.preview-state.json'));
      const { code, out, err } = await runStart(port);
      expect(code).toBe(1);
      expect(err.trim()).toBe(busyPortMessage(port));
      expect(err).toContain(`Port ${port} is already in use`);
      expect(err).toMatch(/PORT=\d+ npm start/);
      expect(`${out}${err}`).not.toMatch(/EADDRINUSE|\n\s+at /);
      expect(existsSync(join(ROOT, '.preview-state.json'))).toBe(stateBefore);
    } finally {
      server.close();
    }
  });

  it('rejects (never throws later) when startPreview itself meets a taken port', async () => {
    const { server, port } = await occupy();
    const stateFile = join(mkdtempSync(join(tmpdir(), 'swp-busy-')), 'state.json');
    try {
      await expect(startPreview({ port, stateFile, blank: true })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      server.close();
    }
  });
});

describe('the preview page', () => {
  let preview: Preview;
  afterAll(() => preview?.close());

  it('names an icon and serves it', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'swp-icon-')), 'state.json');
    preview = await startPreview({ port: 0, stateFile, blank: true });
    const page = await fetch(preview.url).then((r) => r.text());
    expect(page).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg">');
    for (const path of ['favicon.svg', 'favicon.ico']) {
      const res = await fetch(`${preview.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(await res.text()).toBe(FAVICON_SVG);
    }
  });
});
