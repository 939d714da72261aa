// The release's version, kept in package.json only, reaches every place people read it: sidebars, Sync Log, self-test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYNC_LOG_HEADERS } from '../../src/adapters/sheets/syncLog';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { appendRows, syncFixture } from '../harness/syncFixture';
import { loadAddon } from '../harness/workspace';

const root = join(__dirname, '../..');
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
};

describe('the version people see', () => {
  it('is a semantic version, shown in the footer of every built sidebar', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const pages = readdirSync(dist).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const page of pages) {
      const html = readFileSync(join(dist, page), 'utf8');
      expect(html).toContain(`Shared Work Plan ${version}</footer>`);
      expect(html).not.toContain('<!-- version -->');
    }
  });

  it('closes each run line of the Sync Log, so a log read later names the release that wrote it', () => {
    const { ws, addon } = syncFixture();
    appendRows(ws, CALENDAR_TAB, [{ title: 'Kick-off', startDate: '2027-03-10' }]);
    addon.run('syncCalendar');
    const [, ...log] = ws.sheets.table('Sync Log');
    const runs = log.filter((r) => r[SYNC_LOG_HEADERS.indexOf('What')] === 'Sync');
    expect(runs).toHaveLength(1);
    const details = String(runs[0][SYNC_LOG_HEADERS.indexOf('Details')]).split('\n');
    expect(details[details.length - 1]).toBe(`Add-on version ${version}`);
  });

  it('is written under the self-test report', () => {
    const { ws, addon } = loadAddon();
    addon.run('runSelfTest');
    const tab = ws.sheets.app
      .getActiveSpreadsheet()
      .getSheets()
      .find((s) => s.getName().startsWith('Self-test report'));
    expect(tab).toBeDefined();
    const column = ws.sheets.table(tab!.getName()).map((r) => r[0]);
    expect(column).toContain(`Add-on version ${version}`);
  });
});
