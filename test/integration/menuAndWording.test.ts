// Menu items before set-up, what the repair says of a recreated tab, and problems naming renamed tabs.
import { exampleFindingRows } from '../../emulator/example/rows';
import { MENU_ITEMS } from '../../src/ui/menu';
import { writeAssessmentPlan } from '../harness/planFixture';
import { sidebarCall } from '../harness/sidebarCall';
import { setUp } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

describe('menu items on a spreadsheet never set up', () => {
  const builders = ['buildAssetMapFromMenu', 'buildLogicModelFromMenu'];

  it('are the ones the menu shows', () => {
    const called = MENU_ITEMS.map((item) => item?.functionName);
    for (const name of builders) expect(called).toContain(name);
  });

  it.each(builders)('%s shows a plain dialog instead of an error, and writes nothing', (name) => {
    const { ws, addon } = loadAddon();
    const before = JSON.stringify(ws.toJSON());
    expect(() => addon.run(name)).not.toThrow();
    const dialog = ws.sheets.ui.dialogs.at(-1);
    expect(dialog?.kind).toBe('alert');
    expect(dialog?.prompt).toMatch(/tab is missing|no work plan|Set up the work plan/);
    expect(dialog?.prompt).not.toMatch(/Error|undefined|Exception/);
    expect(JSON.stringify(ws.toJSON())).toBe(before);
  });
});

describe('the repair of a deleted tab says what the new one holds', () => {
  it.each([
    [
      'Categories',
      /created again, with the 12 default categories only: your own rows are not in it/,
    ],
    ['Partnership', /created again, with the 8 partnership steps only/],
    ['Goals', /created again, empty\./],
  ])('%s', (tab, wording) => {
    const { ws, addon } = loadAddon();
    setUp(addon);
    const sheet = ws.sheets.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`set-up made no ${tab} tab`);
    ws.sheets.spreadsheet.deleteSheet(sheet);
    const summary = sidebarCall(addon, 'repairPlan');
    const said = summary.warnings.filter((w) => w.startsWith(`The ${tab} tab was missing`));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(wording);
  });
});

describe('asset-map problems name the tabs as partners renamed them', () => {
  it('Assessments, Partners and Categories under their new names', () => {
    const { ws, addon } = loadAddon();
    const rows = exampleFindingRows().slice(0, 6);
    writeAssessmentPlan(ws, [...rows.slice(0, 2), null, ...rows.slice(2)]);
    ws.sheets.userRenameSheet('Assessments', 'Needs & assets 2026');
    ws.sheets.userRenameSheet('Partners', 'Our partners');
    ws.sheets.userRenameSheet('Categories', 'Themes');
    const partners = ws.sheets.table('Our partners');
    const organisation = partners[0].indexOf('Organisation') + 1;
    // A partner typed twice: a problem on the Partners tab.
    ws.sheets.userEdit(
      'Our partners',
      partners.length + 1,
      organisation,
      String(partners[1][organisation - 1]),
    );
    const summary = sidebarCall(addon, 'buildAssetMap');
    const tabs = new Set(summary.problems.map((p) => p.tab));
    expect(tabs).toContain('Needs & assets 2026');
    expect(tabs).toContain('Our partners');
    expect([...tabs].filter((t) => ['Assessments', 'Partners', 'Categories'].includes(t))).toEqual(
      [],
    );
    // The row is a field: messages no longer start with "Row N:".
    for (const p of summary.problems) expect(p.message).not.toMatch(/^Row \d+:/);
    const where = ws.sheets.table('Asset Map').map((r) => String(r[0]));
    expect(where.some((w) => /^Needs & assets 2026 row \d+$/.test(w))).toBe(true);
  });
});
