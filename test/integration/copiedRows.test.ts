// A copied row and its original share an ID: the original keeps it, wherever a sort puts the copy (issue 12).
import { GOALS_TAB } from '../../src/domain/schema/tabs';
import type { LogicModelDraft } from '../../src/shared/logicModelWire';
import type { SetupSummary } from '../../src/shared/setupWire';
import { loadExamplePlan } from '../harness/logicFixture';
import { readKeyedRows } from '../harness/planFixture';
import { setUp } from '../harness/workbook';

const ORIGINAL = 'Every child reads at grade level by the end of grade 3';
const goalColumn = GOALS_TAB.columns.findIndex((c) => c.key === 'goal') + 1;

describe('a copied goal sorted above its original', () => {
  it.each([
    ['ascending', true],
    ['descending', false],
  ])('the original keeps G1 and its outcomes (sort %s)', (_order, ascending) => {
    const { ws, addon } = loadExamplePlan();
    setUp(addon, { partners: [] });
    const before = readKeyedRows(ws, GOALS_TAB);
    const last = before.length + 1;
    // A partner copies G1's row to start a new goal from it, retypes the goal, then sorts.
    ws.sheets.userCopyRow('Goals', 2, last + 1);
    const copyText = ascending ? 'A library card for every child' : 'Zero families without books';
    ws.sheets.userEdit('Goals', last + 1, goalColumn, copyText);
    ws.sheets.userSortRows('Goals', goalColumn, ascending);
    const sorted = readKeyedRows(ws, GOALS_TAB);
    expect(sorted.findIndex((r) => r.goal === copyText)).toBeLessThan(
      sorted.findIndex((r) => r.goal === ORIGINAL),
    );

    const summary = addon.runFromSidebar('repairPlan') as SetupSummary;
    const after = readKeyedRows(ws, GOALS_TAB);
    expect(after.find((r) => r.goal === ORIGINAL)?.id).toBe('G1');
    const copyId = String(after.find((r) => r.goal === copyText)?.id);
    expect(copyId).toMatch(/^G\d+$/);
    expect(new Set(after.map((r) => r.id)).size).toBe(after.length);
    expect(summary.repaired.map((r) => r.message).join(' ')).toContain(
      `it now has ${copyId}, and row`,
    );
    // G1's outcomes still hang under the original goal.
    const draft = addon.runFromSidebar('getLogicModelDraft', 'G1') as LogicModelDraft;
    expect(draft.goal?.label).toBe(ORIGINAL);
    expect(draft.outcomes.length).toBeGreaterThan(0);
    const copy = addon.runFromSidebar('getLogicModelDraft', copyId) as LogicModelDraft;
    expect(copy.outcomes).toEqual([]);
  });
});
