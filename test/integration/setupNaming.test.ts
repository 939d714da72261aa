// Set-up and the spreadsheet's own name and first tab: offer a real name only, rename on request, no empty Sheet1 left first.

import type { Workspace } from '../../emulator/workspace';
import { summaryLines } from '../../src/shared/setupSummaryText';
import type { SetupForm, SetupSummary } from '../../src/shared/setupWire';
import { loadAddon } from '../harness/workspace';

const PLAN = 'Northside Literacy Coalition';

function setUp(
  addon: { runFromSidebar(name: string, ...args: unknown[]): unknown },
  rename?: boolean,
) {
  return addon.runFromSidebar('setUpPlan', {
    name: PLAN,
    coordinator: 'Lee Park',
    partners: [],
    calendar: { mode: 'none' },
    ...(rename === undefined ? {} : { renameSpreadsheet: rename }),
  }) as SetupSummary;
}

const sheetNames = (ws: Workspace) => ws.sheets.spreadsheet.getSheets().map((s) => s.getName());

describe('set-up and the spreadsheet’s name', () => {
  it.each(['Untitled spreadsheet', '  untitled SPREADSHEET '])(
    'offers no name for a spreadsheet Sheets named (%p), and ticks the rename box',
    (spreadsheetName) => {
      const { addon } = loadAddon({ spreadsheetName });
      const form = addon.runFromSidebar('getSetupForm') as SetupForm;
      expect(form).toMatchObject({ name: '', spreadsheetName, spreadsheetNameIsDefault: true });
    },
  );

  it('offers a name the coordinator gave the spreadsheet, and leaves the box unticked', () => {
    const { addon } = loadAddon({ spreadsheetName: 'Untitled spreadsheet plan 2027' });
    expect(addon.runFromSidebar('getSetupForm')).toMatchObject({
      name: 'Untitled spreadsheet plan 2027',
      spreadsheetNameIsDefault: false,
    });
  });

  it('renames the spreadsheet to the partnership only when the coordinator agreed', () => {
    for (const rename of [undefined, false, true]) {
      const { ws, addon } = loadAddon({ spreadsheetName: 'Untitled spreadsheet' });
      const summary = setUp(addon, rename);
      const name = ws.sheets.app.getActiveSpreadsheet().getName();
      expect(name).toBe(rename ? PLAN : 'Untitled spreadsheet');
      expect(summary.renamedTo ?? null).toBe(rename ? PLAN : null);
      expect(summaryLines(summary).includes(`Renamed the spreadsheet to “${PLAN}”.`)).toBe(
        rename === true,
      );
      // Afterwards the form offers the stored partnership name, whatever the spreadsheet is called.
      expect((addon.runFromSidebar('getSetupForm') as SetupForm).name).toBe(PLAN);
    }
  });
});

describe('set-up and the default Sheet1', () => {
  it('deletes an empty, unused Sheet1 on the first set-up, and opens on the Partnership tab', () => {
    const { ws, addon } = loadAddon();
    expect(sheetNames(ws)).toEqual(['Sheet1']);
    const summary = setUp(addon);
    expect(sheetNames(ws)).not.toContain('Sheet1');
    expect(sheetNames(ws)[0]).toBe('Partnership');
    expect(summary.removedEmptySheet1).toBe(true);
    expect(summaryLines(summary)).toContain(
      'Removed the empty Sheet1 the spreadsheet started with.',
    );
    expect(ws.sheets.app.getActiveSpreadsheet().getActiveSheet().getName()).toBe('Partnership');
  });

  it.each([
    ['a word in A1', 1, 1, 'notes'],
    ['a number far down', 400, 20, '42'],
  ])('keeps a Sheet1 with %s, exactly as it was', (_what, row, col, typed) => {
    const { ws, addon } = loadAddon();
    ws.sheets.userEdit('Sheet1', row, col, typed);
    const before = ws.sheets.table('Sheet1');
    const summary = setUp(addon);
    expect(sheetNames(ws)).toContain('Sheet1');
    expect(ws.sheets.table('Sheet1')).toEqual(before);
    expect(summary.removedEmptySheet1).toBe(false);
  });

  it('never deletes a Sheet1 someone adds after the first set-up', () => {
    const { ws, addon } = loadAddon();
    setUp(addon);
    ws.sheets.app.getActiveSpreadsheet().insertSheet('Sheet1');
    setUp(addon);
    addon.runFromSidebar('repairPlan');
    expect(sheetNames(ws)).toContain('Sheet1');
  });
});
