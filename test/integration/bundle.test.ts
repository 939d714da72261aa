// The built bundle as Apps Script sees it: top-level functions, no ES modules, a safe onOpen.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MENU_ITEMS } from '../../src/ui/menu';
import { sidebarCall } from '../harness/sidebarCall';
import { loadAddon, TEST_START } from '../harness/workspace';

const dist = join(__dirname, '../../dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');
const exported: string[] = JSON.parse(readFileSync(join(dist, 'exports.json'), 'utf8'));

describe('dist/Code.js', () => {
  it('has every export of src/index.ts as a top-level function', () => {
    const { addon } = loadAddon();
    const topLevel = addon.topLevelFunctions();
    expect(exported.length).toBeGreaterThan(3);
    for (const name of exported) expect(topLevel).toContain(name);
    for (const name of exported) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('contains no ES module syntax and no emulator code', () => {
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/Fake(Range|Sheet|Calendar)|emulator\//);
  });

  it('uses no built-in newer than ES2020 (Apps Script does not document its V8 built-ins level)', () => {
    // esbuild lowers syntax to the es2019 target but never library calls, and @types/node
    // declares them, so tsc lets them through: Array#at, structuredClone, replaceAll, hasOwn…
    const newer =
      /\.at\(-?\d|\bstructuredClone\(|\.replaceAll\(|Object\.hasOwn\(|\.findLast(Index)?\(|\.to(Sorted|Reversed|Spliced)\(/;
    const offending = code.split('\n').filter((line) => newer.test(line));
    expect(offending).toEqual([]);
  });

  it('calls, from every menu item, a function the bundle exports', () => {
    const names = MENU_ITEMS.flatMap((item) => (item ? [item.functionName] : []));
    for (const name of names) expect(exported).toContain(name);
  });

  it('builds only the menu in onOpen under AuthMode.NONE (no data touched)', () => {
    const { ws, addon } = loadAddon();
    ws.runtime.resetCounts();
    addon.open('NONE');
    const counts = ws.runtime.counts_();
    const touched = Object.keys(counts).filter((name) =>
      /^(SpreadsheetApp\.(Spreadsheet|Sheet|Range)|PropertiesService|CalendarApp|Calendar\.|CacheService|LockService|ScriptApp)/.test(
        name,
      ),
    );
    expect(touched).toEqual([]);
    const menu = ws.sheets.ui.menus[0];
    expect(menu.addon).toBe(true);
    const called = menu.entries.flatMap((e) => (e.kind === 'item' ? [e.functionName] : []));
    expect(called).toEqual(MENU_ITEMS.flatMap((i) => (i ? [i.functionName] : [])));
  });

  it('opens the set-up sidebar with the built HTML', () => {
    const { ws, addon } = loadAddon();
    addon.run('showSetupSidebar');
    const sidebar = ws.sheets.ui.sidebars.at(-1);
    expect(sidebar?.title).toBe('Set up the work plan');
    expect(sidebar?.content).toContain('<script>');
    expect(sidebar?.content).not.toContain('<!-- script -->');
    // The sidebar's own script is inlined: it calls the server by name.
    expect(sidebar?.content).toContain('getPlanOverview');
  });

  it('answers a sidebar call with a JSON copy', () => {
    const { addon } = loadAddon({
      spreadsheetName: 'Eastside Coalition',
      spreadsheetTimeZone: 'Europe/Paris',
    });
    const overview = sidebarCall(addon, 'getPlanOverview');
    expect(overview).toMatchObject({
      spreadsheetName: 'Eastside Coalition',
      timeZone: 'Europe/Paris',
      userEmail: 'coordinator@example.org',
    });
  });

  it('refuses what google.script.run refuses: Dates and functions, even nested', () => {
    const { addon } = loadAddon();
    // Malformed on purpose: the untyped call.
    expect(() => addon.runFromSidebar('getPlanOverview', { when: new Date() })).toThrow(
      'is a Date',
    );
    expect(() => addon.runFromSidebar('getPlanOverview', [() => 1])).toThrow('is a function');
  });

  it('gives the add-on the emulator’s clock as Date', () => {
    const { addon } = loadAddon();
    const now = (addon.context as { Date: DateConstructor }).Date.now();
    expect(now).toBeGreaterThanOrEqual(TEST_START);
    expect(now - TEST_START).toBeLessThan(60_000);
  });
});
