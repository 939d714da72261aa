// A repair that fails after writing new IDs never hands those IDs out again: counters are saved first (issue 25 item 3).
import type { Workspace } from '../../emulator/workspace';
import type { TabDef } from '../../src/domain/schema/columns';
import {
  ASSESSMENTS_TAB,
  GOALS_TAB,
  OUTCOMES_TAB,
  PARTNERS_TAB,
} from '../../src/domain/schema/tabs';
import { loadExamplePlan } from '../harness/logicFixture';
import { readKeyedRows } from '../harness/planFixture';
import { setUp } from '../harness/workbook';

const TABS: ReadonlyArray<[string, TabDef, string]> = [
  ['Goals', GOALS_TAB, 'goal'],
  ['Outcomes', OUTCOMES_TAB, 'outcome'],
  ['Partners', PARTNERS_TAB, 'organisation'],
  ['Assessments', ASSESSMENTS_TAB, 'description'],
];

function typeNewRow(ws: Workspace, tab: TabDef, key: string, text: string): number {
  const header = tab.columns.find((c) => c.key === key)?.header ?? key;
  const column = ws.sheets.table(tab.name)[0].indexOf(header) + 1;
  const row = readKeyedRows(ws, tab).filter((r) => r[key] !== '').length + 2;
  expect(ws.sheets.userEdit(tab.name, row, column, text)).toEqual({ ok: true });
  return row;
}

const idOf = (ws: Workspace, tab: TabDef, key: string, text: string) =>
  String(readKeyedRows(ws, tab).find((r) => r[key] === text)?.id ?? '');

describe.each(TABS)('%s: a repair fails after writing a new ID', (_name, tab, key) => {
  it('the next new row never gets that ID again, even once the first row is deleted', () => {
    const { ws, addon } = loadExamplePlan();
    setUp(addon, { partners: [] });
    const row = typeNewRow(ws, tab, key, 'Typed while nobody watched');
    // The second pass (formats and dropdowns) comes after every tab's IDs are written.
    ws.runtime.failAt('SpreadsheetApp.Range.setDataValidation', 1, 'Service error: Spreadsheets');
    expect(() => addon.runFromSidebar('repairPlan')).toThrow();
    ws.runtime.clearFaults();
    const given = idOf(ws, tab, key, 'Typed while nobody watched');
    expect(given).toMatch(new RegExp(`^${tab.idPrefix}\\d+$`));
    expect(ws.sheets.userDeleteRows(tab.name, row)).toEqual({ ok: true });
    typeNewRow(ws, tab, key, 'Typed after the failure');
    addon.runFromSidebar('repairPlan');
    const next = idOf(ws, tab, key, 'Typed after the failure');
    expect(next).toMatch(new RegExp(`^${tab.idPrefix}\\d+$`));
    expect(next).not.toBe(given);
  });
});
