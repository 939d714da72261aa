// The preview server answers only this machine's own page: Host, Origin, content type, callable names, body size.
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BODY_BYTES, type Preview, startPreview } from '../../preview/server';

let preview: Preview;
let port: number;

beforeAll(async () => {
  preview = await startPreview({
    port: 0,
    fresh: true,
    stateFile: join(mkdtempSync(join(tmpdir(), 'swp-safety-')), 'state.json'),
  });
  port = Number(new URL(preview.url).port);
}, 60_000);

afterAll(() => preview?.close());

interface Answer {
  status: number;
  body: string;
}

/** A plain HTTP request with whatever headers a browser (or an attacker's page) would send. */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const partnerNames = () =>
  preview
    .addon()
    .workspace.sheets.table('Partners')
    .map((row) => String(row[1]));

const addPartner = (organisation: string) =>
  JSON.stringify({ functionName: 'addPartner', args: [{ organisation }] });

describe('the preview server', () => {
  it('listens on the loopback address only', () => {
    expect(new URL(preview.url).hostname).toBe('127.0.0.1');
  });

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST'])(
    'serves the page to Host %s:<port>',
    async (host) => {
      const answer = await send('GET', '/api/state', { host: `${host}:${port}` });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).spreadsheet.sheets.length).toBeGreaterThan(1);
    },
  );

  // The port is known only once the server listens, so each case builds its Host from it.
  it.each([
    ['evil.example', () => 'evil.example'],
    ['evil.example:<port>', () => `evil.example:${port}`],
    ['127.0.0.1 without the port', () => '127.0.0.1'],
    ['127.0.0.1:<another port>', () => `127.0.0.1:${port + 1}`],
    ['localhost.evil.example:<port>', () => `localhost.evil.example:${port}`],
  ])('refuses Host %s (DNS rebinding): no state, no calendar, no page', async (_, hostFor) => {
    const host = hostFor();
    for (const path of ['/api/state', '/export/calendar.ics', '/export/workbook.xlsx', '/']) {
      const answer = await send('GET', path, { host });
      expect(answer.status).toBe(403);
      expect(answer.body).not.toMatch(/Partnership|BEGIN:VCALENDAR/);
    }
  });

  it('runs a same-origin JSON call from its own page', async () => {
    const answer = await send(
      'POST',
      '/api/run',
      { ...JSON_TYPE, origin: `http://127.0.0.1:${port}` },
      addPartner('Same Origin Partner'),
    );
    expect(JSON.parse(answer.body).ok).toBe(true);
    expect(partnerNames()).toContain('Same Origin Partner');
  });

  it.each([
    ['http://evil.example', () => 'http://evil.example'],
    ['http://127.0.0.1:<another port>', () => `http://127.0.0.1:${port + 1}`],
    ['null', () => 'null'],
  ])('refuses a state-changing request from Origin %s, and runs nothing', async (_, originFor) => {
    const origin = originFor();
    const name = `Cross Site ${origin}`;
    for (const path of ['/api/run', '/api/reset', '/api/edit', '/api/menu']) {
      const answer = await send('POST', path, { ...JSON_TYPE, origin }, addPartner(name));
      expect(answer.status).toBe(403);
    }
    expect(partnerNames()).not.toContain(name);
  });

  it('refuses a request the browser marks as cross-site', async () => {
    const answer = await send(
      'POST',
      '/api/run',
      { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' },
      addPartner('Marked Cross Site'),
    );
    expect(answer.status).toBe(403);
    expect(partnerNames()).not.toContain('Marked Cross Site');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', ''])(
    'requires a JSON body: content type "%s" is refused with 415',
    async (type) => {
      const answer = await send(
        'POST',
        '/api/run',
        type ? { 'content-type': type } : {},
        addPartner(`Typed ${type}`),
      );
      expect(answer.status).toBe(415);
      expect(partnerNames()).not.toContain(`Typed ${type}`);
    },
  );

  it.each(['Date', 'toString', 'constructor', 'valueOf', '__proto__', 'SpreadsheetApp', 'eval'])(
    'calls only add-on functions: %s is refused',
    async (functionName) => {
      const answer = await send('POST', '/api/run', JSON_TYPE, JSON.stringify({ functionName }));
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.body)).toEqual({
        ok: false,
        error: `${functionName} is not an add-on function`,
      });
    },
  );

  it('answers 413 to a body over the limit, and keeps serving', async () => {
    const huge = JSON.stringify({ functionName: 'addPartner', pad: 'x'.repeat(MAX_BODY_BYTES) });
    const answer = await send('POST', '/api/run', JSON_TYPE, huge);
    expect(answer.status).toBe(413);
    expect((await send('GET', '/api/state', {})).status).toBe(200);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const answer = await send('POST', '/api/run', JSON_TYPE, '{not json');
    expect(answer.status).toBe(400);
  });
});
