// The logic model builder through the built bundle: the example's tab cell by cell, cost, links that survive edits.
import {
  EXAMPLE_ACTIVITIES,
  EXAMPLE_FINDINGS,
  EXAMPLE_GOALS,
  EXAMPLE_OUTCOMES,
} from '../../emulator/example/logicModel';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  GOALS_TAB,
  OUTCOMES_TAB,
} from '../../src/domain/schema/tabs';
import type { LogicModelSummary } from '../../src/shared/logicModelWire';
import { columnOf, loadExamplePlan, rowOf } from '../harness/logicFixture';
import { appendExampleRows } from '../harness/planTabs';
import { EXAMPLE_TAB_ROWS, padRow } from '../unit/logicModelExample';

const TAB = 'Logic Model';
const shown = (rows: unknown[][]) => rows.map((r) => padRow(r).map((v) => String(v)));

describe('buildLogicModel on the example partnership', () => {
  it('writes the known logic model, cell by cell, and returns its summary', () => {
    const { ws, addon } = loadExamplePlan();
    const summary = addon.run('buildLogicModel') as LogicModelSummary;
    expect(ws.sheets.displayTable(TAB)).toEqual(shown(EXAMPLE_TAB_ROWS));
    expect(summary).toMatchObject({ tab: TAB, goals: 2, outcomes: 5, activities: 6 });
    expect(summary.checks.map((c) => `${c.rule} ${c.tab} ${c.row}`)).toEqual([
      'outcomeWithoutActivity Outcomes 6',
      'draftWithoutOutcome Calendar 5',
      'unmeasurableIndicator Outcomes 5',
      'unmeasurableIndicator Outcomes 6',
      'unusedInput Assessments 5',
    ]);
    expect(ws.sheets.spreadsheet.toasts.at(-1)?.message).toBe(summary.message);
  });

  it('is printable: frozen header, merged paragraphs, bold block titles, wrapped cells', () => {
    const { ws, addon } = loadExamplePlan();
    addon.run('buildLogicModel');
    const sheet = ws.sheets.spreadsheet.getSheetByName(TAB)!;
    const table = ws.sheets.displayTable(TAB);
    const rowWith = (text: string) => table.findIndex((r) => r[0] === text) + 1;
    const header = rowWith('Inputs / resources');
    const goal = rowWith('G1 · Every child reads at grade level by the end of grade 3');
    const firstInput = table.findIndex((r) => r[0].startsWith('Riverside Public Library:')) + 1;
    expect(sheet.getFrozenRows()).toBe(header);
    expect(sheet.getRange(`A${goal}`).getFontWeight()).toBe('bold');
    expect(sheet.getRange(`A${firstInput}`).getFontWeight()).toBe('normal');
    expect(sheet.getRange(`B${firstInput}`).getWrap()).toBe(true);
    expect(sheet.getRange(`A${goal + 1}:G${goal + 1}`).isPartOfMerge()).toBe(true);
    expect(sheet.getRange(`A${firstInput}:G${firstInput}`).isPartOfMerge()).toBe(false);
    const merges = ws.sheets.book.sheetByName(TAB)!.merges.map((m) => `${m.r1}:${m.c1}-${m.c2}`);
    expect(merges).toContain(`${rowWith('Check')}:4-7`);
    // Every paragraph row holds one line that fits its merged width: nothing relies on wrapping.
    expect(sheet.getRowHeight(1)).toBeGreaterThan(21);
    expect(sheet.getColumnWidth(1)).toBe(190);
  });

  it('rebuilds in place: same cells, one tab, even after the tab was renamed', () => {
    const { ws, addon } = loadExamplePlan();
    addon.run('buildLogicModel');
    const merges = ws.sheets.book.sheetByName(TAB)!.merges.length;
    ws.sheets.userRenameSheet(TAB, 'Our logic model');
    addon.run('buildLogicModel');
    const names = ws.sheets.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.filter((n) => /logic model/i.test(n))).toEqual(['Our logic model']);
    expect(ws.sheets.displayTable('Our logic model')).toEqual(shown(EXAMPLE_TAB_ROWS));
    expect(ws.sheets.book.sheetByName('Our logic model')!.merges).toHaveLength(merges);
  });

  it('costs the same number of calls with 10 times the rows', () => {
    const small = loadExamplePlan();
    small.addon.run('buildLogicModel');
    const big = loadExamplePlan();
    const more = (rows: typeof EXAMPLE_OUTCOMES, prefix: string) =>
      Array.from({ length: 10 }, (_, n) =>
        rows.map((r) => ({
          ...r,
          id: `${prefix}${100 + n * rows.length + Number(r.id.slice(1))}`,
        })),
      ).flat();
    appendExampleRows(big.ws, OUTCOMES_TAB, more(EXAMPLE_OUTCOMES, 'O'));
    appendExampleRows(big.ws, CALENDAR_TAB, more(EXAMPLE_ACTIVITIES, 'A'));
    appendExampleRows(big.ws, ASSESSMENTS_TAB, more(EXAMPLE_FINDINGS, 'F'));
    big.addon.run('buildLogicModel');
    big.ws.runtime.resetCounts();
    small.ws.runtime.resetCounts();
    small.addon.run('buildLogicModel');
    big.addon.run('buildLogicModel');
    expect(big.ws.sheets.displayTable(TAB).length).toBeGreaterThan(200);
    expect(big.ws.runtime.counts_()).toEqual(small.ws.runtime.counts_());
    expect(small.ws.runtime.count('SpreadsheetApp.Range.getValues')).toBe(4);
    expect(small.ws.runtime.count('SpreadsheetApp.Range.setValues')).toBe(1);
  });

  it('costs the same calls for 10 goals as for 1,000, and merges only the paragraph rows', () => {
    const withGoals = (n: number) => {
      const plan = loadExamplePlan();
      const goals = Array.from({ length: n }, (_, i) => ({
        ...EXAMPLE_GOALS[i % 2],
        id: `G${100 + i}`,
        goal: `Goal ${i} of the partnership`,
      }));
      const outcomes = goals.map((g, i) => ({
        ...EXAMPLE_OUTCOMES[0],
        id: `O${100 + i}`,
        goal: `${g.id} · ${g.goal}`,
        outcome: `Outcome of goal ${i}`,
      }));
      for (const name of ['Goals', 'Outcomes']) {
        const sheet = plan.ws.sheets.spreadsheet.getSheetByName(name)!;
        sheet.insertRowsAfter(sheet.getMaxRows(), n);
      }
      appendExampleRows(plan.ws, GOALS_TAB, goals);
      appendExampleRows(plan.ws, OUTCOMES_TAB, outcomes);
      plan.addon.run('buildLogicModel');
      plan.ws.runtime.resetCounts();
      const summary = plan.addon.run('buildLogicModel') as LogicModelSummary;
      return { ...plan, summary, counts: plan.ws.runtime.counts_() };
    };
    const small = withGoals(10);
    const large = withGoals(1000);
    expect(large.summary.goals).toBe(1002);
    expect(large.counts).toEqual(small.counts);
    expect(large.counts['SpreadsheetApp.Range.mergeAcross']).toBeLessThanOrEqual(3);
    // Each goal's paragraph rows are merged across the width, row by row; nothing else is.
    const values = large.ws.sheets.table(TAB);
    const merged = new Set(
      large.ws.sheets.book
        .sheetByName(TAB)!
        .merges.filter((m) => m.c1 === 1)
        .map((m) => m.r1),
    );
    const goalRow = values.findIndex((r) => r[0] === 'G1099 · Goal 999 of the partnership') + 1;
    // The goal, its problem statement, assumptions and external factors, each in as many rows as
    // its text needs, are merged; the table below is not.
    let end = goalRow;
    while (merged.has(end)) end += 1;
    expect(end - goalRow).toBeGreaterThanOrEqual(4);
    expect(values[end - 2][0]).toMatch(/^External factors: /);
    expect(merged.has(goalRow - 1)).toBe(false);
    for (const m of large.ws.sheets.book.sheetByName(TAB)!.merges) expect(m.r1).toBe(m.r2);
    expect(values[goalRow][0]).toMatch(/^Problem statement: /);
  });

  it('keeps formula-looking text as text in the tab', () => {
    const { ws, addon } = loadExamplePlan();
    const goals = ws.sheets.table('Goals');
    addon.userEdit(
      'Goals',
      rowOf(goals, 'G2'),
      columnOf(goals, 'Impact'),
      '\'=IMPORTXML("http://x","//a")',
    );
    addon.run('buildLogicModel');
    const at = ws.sheets.table(TAB).findIndex((r) => String(r[6]).includes('IMPORTXML')) + 1;
    const cell = ws.sheets.spreadsheet.getSheetByName(TAB)!.getRange(`G${at}`);
    expect(cell.getFormula()).toBe('');
    expect(cell.getValue()).toBe('=IMPORTXML("http://x","//a")');
  });
});

describe('links by stable ID through partners’ edits', () => {
  it('survive renaming a goal, sorting the Calendar and moving a column', () => {
    const { ws, addon } = loadExamplePlan();
    const goals = ws.sheets.table('Goals');
    addon.userEdit(
      'Goals',
      rowOf(goals, 'G1'),
      columnOf(goals, 'Goal'),
      'All children read well by grade 3',
    );
    const calendar = ws.sheets.table('Calendar');
    ws.sheets.userSortRows('Calendar', columnOf(calendar, 'Title'));
    ws.sheets.userMoveColumn('Outcomes', columnOf(ws.sheets.table('Outcomes'), 'Goal'), 8);
    const summary = addon.run('buildLogicModel') as LogicModelSummary;
    const table = ws.sheets.displayTable(TAB);
    const expected = shown(EXAMPLE_TAB_ROWS);
    const goalRow = expected.findIndex((r) => r[0].startsWith('G1 · '));
    expect(table[goalRow][0]).toBe('G1 · All children read well by grade 3');
    // Same model: the G1 grid holds the same cells, activities in their new sheet order with
    // their outputs beside them; every other row is as before.
    expected[goalRow][0] = 'G1 · All children read well by grade 3';
    const first = expected.findIndex((r) => r[0].startsWith('Riverside Public Library:'));
    const last = expected.findIndex((r, i) => i > first && r[0] === 'Term');
    const grid = (rows: string[][]) => rows.slice(first, last);
    const report = expected.findIndex((r) => r[0].startsWith('Check report'));
    const others = (rows: string[][]) => [...rows.slice(0, first), ...rows.slice(last, report + 1)];
    expect(others(table)).toEqual(others(expected));
    const column = (rows: string[][], c: number) => rows.map((r) => r[c]).sort();
    for (const c of [0, 3, 4, 5, 6])
      expect(column(grid(table), c)).toEqual(column(grid(expected), c));
    const pairs = (rows: string[][]) => rows.map((r) => `${r[1]} → ${r[2]}`).sort();
    expect(pairs(grid(table))).toEqual(pairs(grid(expected)));
    expect(grid(table).map((r) => r[1])).not.toEqual(grid(expected).map((r) => r[1]));
    // The check report follows the rows to where the sort put them.
    const sorted = ws.sheets.table('Calendar');
    expect(table[report + 1][0]).toBe(
      `Calendar row ${rowOf(sorted, 'A7')} (A7) is linked to no goal or outcome, so it is not in the logic model.`,
    );
    expect(summary.checks.find((c) => c.rule === 'draftWithoutOutcome')?.row).toBe(
      rowOf(sorted, 'A4'),
    );
  });

  it('reports links to a deleted goal on the rows that hold them', () => {
    const { ws, addon } = loadExamplePlan();
    ws.sheets.userDeleteRows('Goals', rowOf(ws.sheets.table('Goals'), 'G2'));
    const summary = addon.run('buildLogicModel') as LogicModelSummary;
    const broken = summary.checks.filter((c) => c.rule === 'brokenLink');
    expect(broken.map((c) => `${c.tab} ${c.row}`)).toEqual([
      'Outcomes 5',
      'Outcomes 6',
      'Calendar 7',
      'Assessments 8',
      'Assessments 9',
      'Assessments 10',
      'Assessments 11',
    ]);
    expect(broken[0].message).toContain('points to goal G2, which no longer exists');
    expect(summary.goals).toBe(1);
  });
});
