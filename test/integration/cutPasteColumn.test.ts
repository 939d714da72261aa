// A partner cuts a plan column and pastes it further right: the repair and the builds follow the data (issue 25 item 3).
import type { Workspace } from '../../emulator/workspace';
import type { TabDef } from '../../src/domain/schema/columns';
import { ASSESSMENTS_TAB, GOALS_TAB, PARTNERS_TAB } from '../../src/domain/schema/tabs';
import type { AssetMapSummary } from '../../src/shared/assetsWire';
import type { SetupSummary } from '../../src/shared/setupWire';
import { loadExamplePlan } from '../harness/logicFixture';
import { readKeyedRows } from '../harness/planFixture';
import { sidebarCall } from '../harness/sidebarCall';
import { setUp } from '../harness/workbook';

/** Where each tab's column lands: a few columns past everything the tab uses. */
function pasteColumn(ws: Workspace, tab: TabDef): number {
  return ws.sheets.table(tab.name)[0].length + 3;
}

function cutAndPaste(ws: Workspace, tab: TabDef, key: string): { from: number; to: number } {
  const header = tab.columns.find((c) => c.key === key)?.header ?? key;
  const from = ws.sheets.table(tab.name)[0].indexOf(header) + 1;
  const to = pasteColumn(ws, tab);
  expect(ws.sheets.userCutPasteColumn(tab.name, from, to)).toEqual({ ok: true });
  return { from, to };
}

/** Each row's ID with the text of `key`, wherever that column is now (found by its header). */
function idsWithText(ws: Workspace, tab: TabDef, key: string): string[] {
  const header = tab.columns.find((c) => c.key === key)?.header ?? key;
  const [headers, ...rows] = ws.sheets.table(tab.name);
  const at = headers.lastIndexOf(header);
  const idAt = headers.indexOf(tab.columns[0].header);
  return rows.filter((r) => r[at] !== '').map((r) => `${r[idAt]} ${r[at]}`);
}

describe.each([
  ['Goals', GOALS_TAB, 'goal'],
  ['Partners', PARTNERS_TAB, 'organisation'],
  ['Assessments', ASSESSMENTS_TAB, 'description'],
] as const)('a partner cuts a column of %s and pastes it further right', (_name, tab, key) => {
  it('the repair follows the data: nothing retired, no column re-headed empty, every ID on its row', () => {
    const { ws, addon } = loadExamplePlan();
    setUp(addon, { partners: [] });
    const before = idsWithText(ws, tab, key);
    expect(before.length).toBeGreaterThanOrEqual(2);
    const { from } = cutAndPaste(ws, tab, key);
    const summary = sidebarCall(addon, 'repairPlan') as SetupSummary;
    const said = JSON.stringify(summary);
    expect(said).not.toMatch(/emptied of everything/);
    expect(said).not.toMatch(/was missing/);
    expect(idsWithText(ws, tab, key)).toEqual(before);
    // The emptied column is not given the moved column's header back.
    const header = tab.columns.find((c) => c.key === key)?.header;
    expect(ws.sheets.table(tab.name)[0][from - 1]).not.toBe(header);
    // Typed rows keep their IDs after a second repair too (the identity stays with the data).
    sidebarCall(addon, 'repairPlan');
    expect(idsWithText(ws, tab, key)).toEqual(before);
    expect(readKeyedRows(ws, tab).length).toBeGreaterThan(0);
  });
});

describe('a partner cuts the Description column of Assessments and pastes it further right', () => {
  it('the asset map reads every finding where its description now is', () => {
    const { ws, addon } = loadExamplePlan();
    setUp(addon, { partners: [] });
    const clean = sidebarCall(addon, 'buildAssetMap') as AssetMapSummary;
    cutAndPaste(ws, ASSESSMENTS_TAB, 'description');
    const moved = sidebarCall(addon, 'buildAssetMap') as AssetMapSummary;
    expect(moved.problems.map((p) => p.message).join('\n')).not.toMatch(/Description is empty/);
    expect(moved.counts).toEqual(clean.counts);
    sidebarCall(addon, 'repairPlan');
    expect((sidebarCall(addon, 'buildAssetMap') as AssetMapSummary).counts).toEqual(clean.counts);
  });
});
