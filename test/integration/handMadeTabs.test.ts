// A coordinator's own tab that bears a plan tab's name is never adopted nor cleared (issue 12).
import type { Workspace } from '../../emulator/workspace';
import type { AssetMapSummary } from '../../src/shared/assetsWire';
import type { LogicModelSummary } from '../../src/shared/logicModelWire';
import type { SetupSummary } from '../../src/shared/setupWire';
import { loadExamplePlan } from '../harness/logicFixture';
import { setUp } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

const NOTES = [
  ['Date', 'What we discussed'],
  ['2025-01-14', 'Kick-off with the library; they can host on Saturdays'],
  ['2026-03-02', 'Two years of notes: keep them!'],
];

/** A tab of notes the coordinator made by hand, with the name a plan tab uses. */
function ownTab(ws: Workspace, name: string): unknown[][] {
  ws.sheets.spreadsheet.insertSheet(name);
  expect(ws.sheets.userPasteValues(name, 1, 1, NOTES).ok).toBe(true);
  return ws.sheets.table(name);
}

const sheetNames = (ws: Workspace) => ws.sheets.spreadsheet.getSheets().map((s) => s.getName());

describe('generated tabs', () => {
  it.each([
    ['Logic Model', 'buildLogicModel', (r: unknown) => (r as LogicModelSummary).tab],
    ['Asset Map', 'buildAssetMap', (r: unknown) => (r as AssetMapSummary).sheetName],
  ])('a hand-made “%s” tab keeps its notes; the built one gets a free name', (name, fn, tabOf) => {
    const { ws, addon } = loadExamplePlan();
    const before = ownTab(ws, name);
    const first = addon.runFromSidebar(fn) as { message: string };
    expect(tabOf(first)).toBe(`${name} (2)`);
    expect(first.message).toContain(
      `A tab called “${name}” that the add-on did not make was left as it is`,
    );
    expect(ws.sheets.table(name)).toEqual(before);
    // Built again: the same generated tab is found by its tag, and nothing else is touched.
    const again = addon.runFromSidebar(fn) as { message: string };
    expect(tabOf(again)).toBe(`${name} (2)`);
    expect(again.message).not.toContain('left as it is');
    expect(ws.sheets.table(name)).toEqual(before);
    expect(sheetNames(ws).filter((n) => n.startsWith(name))).toEqual([name, `${name} (2)`]);
  });

  it('an empty tab of that name is used (nothing to lose)', () => {
    const { ws, addon } = loadExamplePlan();
    ws.sheets.spreadsheet.insertSheet('Logic Model');
    const built = addon.runFromSidebar('buildLogicModel') as LogicModelSummary;
    expect(built.tab).toBe('Logic Model');
    expect(sheetNames(ws).filter((n) => n.startsWith('Logic Model'))).toEqual(['Logic Model']);
  });
});

describe('set-up tabs', () => {
  it('set-up leaves a hand-made “Calendar” of notes alone and makes the plan’s beside it', () => {
    const { ws, addon } = loadAddon();
    const before = ownTab(ws, 'Calendar');
    const summary = setUp(addon);
    expect(ws.sheets.table('Calendar')).toEqual(before);
    const made = summary.created.find((t) => t.key === 'calendar');
    expect(made?.name).toBe('Calendar (2)');
    expect(made?.details.join(' ')).toContain(
      'A tab called “Calendar” that the add-on did not make was left as it is; this one is on “Calendar (2)”.',
    );
    // A repair uses the plan's tab (found by its tag), never the hand-made one.
    const again = addon.runFromSidebar('repairPlan') as SetupSummary;
    expect(again.created).toEqual([]);
    expect(ws.sheets.table('Calendar')).toEqual(before);
  });

  it('a repair that brings back a deleted tab leaves a same-named hand-made tab alone', () => {
    const { ws, addon } = loadAddon();
    setUp(addon);
    const outcomes = ws.sheets.spreadsheet.getSheetByName('Outcomes');
    if (!outcomes) throw new Error('no Outcomes tab');
    ws.sheets.spreadsheet.deleteSheet(outcomes);
    const before = ownTab(ws, 'Outcomes');
    const summary = addon.runFromSidebar('repairPlan') as SetupSummary;
    expect(summary.created.map((t) => t.name)).toEqual(['Outcomes (2)']);
    expect(ws.sheets.table('Outcomes')).toEqual(before);
    expect(ws.sheets.table('Outcomes (2)')[0]).toContain('Outcome ID');
  });
});
