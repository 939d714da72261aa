// A sort or inserted row between a repair's read and its write does not scramble IDs (issue 12).
import { FakeRange } from '../../emulator/spreadsheet/range';
import type { Workspace } from '../../emulator/workspace';
import { GOALS_TAB } from '../../src/domain/schema/tabs';
import type { SetupSummary } from '../../src/shared/setupWire';
import { loadExamplePlan } from '../harness/logicFixture';
import { readKeyedRows } from '../harness/planFixture';
import { setUp } from '../harness/workbook';

const goalColumn = GOALS_TAB.columns.findIndex((c) => c.key === 'goal') + 1;

/** Runs `act` once, right after the repair has read the Goals tab (its header notes are read next). */
function duringRepairRead(act: () => void): () => void {
  const original = FakeRange.prototype.getNotes;
  let done = false;
  FakeRange.prototype.getNotes = function (this: FakeRange) {
    const notes = original.call(this);
    if (!done && this.getSheet().getName() === 'Goals') {
      done = true;
      act();
    }
    return notes;
  };
  return () => {
    FakeRange.prototype.getNotes = original;
    expect(done).toBe(true);
  };
}

describe('partners move rows while a repair runs', () => {
  it.each([
    ['a sort', (ws: Workspace) => ws.sheets.userSortRows('Goals', goalColumn, false)],
    ['an inserted row', (ws: Workspace) => ws.sheets.userInsertRows('Goals', 2, 2)],
    ['a deleted row', (ws: Workspace) => ws.sheets.userDeleteRows('Goals', 2)],
  ])('%s: every goal keeps its ID, the new ones get their own', (_what, act) => {
    const { ws, addon } = loadExamplePlan();
    setUp(addon, { partners: [] });
    const last = readKeyedRows(ws, GOALS_TAB).length + 1;
    // Two goals typed without IDs, and a copy of G1 retyped as a new goal.
    ws.sheets.userEdit('Goals', last + 1, goalColumn, 'Every family has a library card');
    ws.sheets.userEdit('Goals', last + 2, goalColumn, 'More volunteers read with children');
    ws.sheets.userCopyRow('Goals', 2, last + 3);
    ws.sheets.userEdit('Goals', last + 3, goalColumn, 'Books in every home');
    const before = new Map(readKeyedRows(ws, GOALS_TAB).map((r) => [String(r.goal), String(r.id)]));

    const restore = duringRepairRead(() => expect(act(ws).ok).toBe(true));
    let summary: SetupSummary;
    try {
      summary = addon.runFromSidebar('repairPlan') as SetupSummary;
    } finally {
      restore();
    }
    expect(summary.updated.length + summary.kept.length).toBeGreaterThan(0);
    const after = readKeyedRows(ws, GOALS_TAB).filter((r) => r.goal !== '');
    const ids = after.map((r) => String(r.id));
    expect(new Set(ids).size).toBe(after.length);
    for (const row of after) {
      const had = before.get(String(row.goal));
      // Goals that had their own ID keep it; the copy and the new goals get new ones.
      if (had && row.goal !== 'Books in every home') expect(row.id).toBe(had);
      else expect(String(row.id)).toMatch(/^G\d+$/);
    }
    expect(after.find((r) => r.goal === 'Books in every home')?.id).not.toBe('G1');
  });
});
