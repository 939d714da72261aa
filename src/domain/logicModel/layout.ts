// The Logic Model tab as data: a rectangular grid of cells plus the few format instructions that make it printable.

import type { CheckItem } from '../../shared/logicModelWire';
import { literalCell } from '../table/literal';
import { CHECK_TITLES } from './checks';
import type { ActivityEntity, GoalModel, LogicModel, OutcomeEntity } from './types';

/** The classic columnar logic model (W.K. Kellogg Foundation Logic Model Development Guide). */
export const MODEL_COLUMNS = [
  'Inputs / resources',
  'Activities',
  'Outputs',
  'Short-term outcomes',
  'Medium-term outcomes',
  'Long-term outcomes',
  'Impact',
] as const;
export const WIDTH = MODEL_COLUMNS.length;

export const INDICATOR_COLUMNS = [
  'Term',
  'Outcome',
  'Indicator',
  'Baseline',
  'Target',
  'Target date',
  'Measured by',
] as const;

export const CHECK_COLUMNS = ['Check', 'Tab', 'Row', 'What to fix'] as const;

/** Widths that fit the seven columns on a landscape letter/A4 page. */
export const COLUMN_WIDTHS = [190, 190, 150, 170, 170, 170, 170];

export const NOTE =
  'Built by Shared Work Plan from the Goals, Outcomes, Assessments and Calendar tabs. Edit those tabs (or use Extensions › Shared Work Plan › Logic model…), then build again: this tab is rewritten each time.';

/** Rows merged across columns: one `mergeAcross` call per entry (each row of the range is merged on its own). */
export interface MergeRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface TabLayout {
  /** Every row has WIDTH cells; user text already passed through literalCell. */
  values: unknown[][];
  /** Rows repeated on every printed page (title, note, column headers). */
  frozenRows: number;
  /** A1 ranges, each format applied to all of its list in one call. */
  titleRanges: string[];
  blockTitleRanges: string[];
  headerRanges: string[];
  merges: MergeRange[];
  columnWidths: number[];
}

export function columnLetter(column: number): string {
  let name = '';
  let n = column;
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export const a1 = (row: number, column: number, numRows = 1, numColumns = 1) =>
  numRows === 1 && numColumns === 1
    ? `${columnLetter(column)}${row}`
    : `${columnLetter(column)}${row}:${columnLetter(column + numColumns - 1)}${row + numRows - 1}`;

const pad = (cells: unknown[]) => [...cells, ...new Array(WIDTH - cells.length).fill('')];
const text = (value: string) => literalCell(value);

function activityCell(a: ActivityEntity): string {
  return a.lead ? `${a.title} (${a.lead})` : a.title;
}

function outcomeColumns(model: GoalModel): string[][] {
  const short = [
    ...model.outcomes['Short term'].map((o) => o.text),
    ...model.outcomesWithoutTerm.map((o) => `${o.text} (term not set)`),
  ];
  return [
    short,
    model.outcomes['Medium term'].map((o) => o.text),
    model.outcomes['Long term'].map((o) => o.text),
  ];
}

function indicatorRow(o: OutcomeEntity): unknown[] {
  return [
    o.term ?? 'Not set',
    o.text,
    o.indicator,
    o.baseline,
    o.target,
    o.targetDate ?? '',
    o.owner,
  ].map((v) => text(v));
}

class Grid {
  readonly rows: unknown[][] = [];
  readonly layout: Omit<TabLayout, 'values' | 'frozenRows' | 'columnWidths'> = {
    titleRanges: [],
    blockTitleRanges: [],
    headerRanges: [],
    merges: [],
  };

  /** Appends a row and returns its 1-based sheet row. */
  add(cells: unknown[]): number {
    this.rows.push(pad(cells));
    return this.rows.length;
  }

  /** Paragraph rows (title, statements) merged across the whole width: one merge call for the run. */
  paragraphs(lines: string[]): number {
    const first = this.rows.length + 1;
    for (const line of lines) this.add([text(line)]);
    this.layout.merges.push({ row: first, column: 1, numRows: lines.length, numColumns: WIDTH });
    return first;
  }
}

function goalBlock(grid: Grid, model: GoalModel): void {
  const { goal } = model;
  const problem = model.problem
    ? `${model.problem}${model.problemFromNeeds ? ' (from the needs linked to this goal)' : ''}`
    : 'Not written yet.';
  const first = grid.paragraphs([
    goal.id ? `${goal.id} · ${goal.label}` : goal.label,
    `Problem statement: ${problem}`,
    `Assumptions: ${goal.assumptions || 'None written yet.'}`,
    `External factors: ${goal.externalFactors || 'None written yet.'}`,
  ]);
  grid.layout.blockTitleRanges.push(a1(first, 1, 1, WIDTH));

  const inputs = model.inputs.map((i) => i.text);
  const activities = model.activities.map(activityCell);
  const outputs = model.activities.map((a) => a.output);
  const [short, medium, long] = outcomeColumns(model);
  const columns = [inputs, activities, outputs, short, medium, long, [goal.impact]];
  const height = Math.max(1, ...columns.map((c) => c.length));
  for (let i = 0; i < height; i++) grid.add(columns.map((c) => text(c[i] ?? '')));

  const header = grid.add([...INDICATOR_COLUMNS]);
  grid.layout.headerRanges.push(a1(header, 1, 1, WIDTH));
  const outcomes = [
    ...model.outcomes['Short term'],
    ...model.outcomes['Medium term'],
    ...model.outcomes['Long term'],
    ...model.outcomesWithoutTerm,
  ];
  if (outcomes.length === 0) grid.add(['', 'No outcome yet: add one in the Outcomes tab.']);
  for (const o of outcomes) grid.add(indicatorRow(o));
  grid.add([]);
}

function checkReport(grid: Grid, model: LogicModel, checks: readonly CheckItem[]): void {
  const title =
    checks.length === 0
      ? 'Check report: nothing to fix.'
      : `Check report: ${checks.length} ${checks.length === 1 ? 'thing' : 'things'} to fix.`;
  const lines = [title];
  if (model.unlinkedActivities.length) {
    const rows = model.unlinkedActivities.map((a) => a.at.row).join(', ');
    const tab = model.unlinkedActivities[0].at.tab;
    lines.push(`${tab} rows linked to no goal or outcome (not part of the logic model): ${rows}.`);
  }
  const first = grid.paragraphs(lines);
  grid.layout.blockTitleRanges.push(a1(first, 1, 1, WIDTH));
  if (checks.length === 0) return;
  const header = grid.add([...CHECK_COLUMNS]);
  grid.layout.headerRanges.push(a1(header, 1, 1, WIDTH));
  for (const c of checks) grid.add([CHECK_TITLES[c.rule], text(c.tab), c.row, text(c.message)]);
  // "What to fix" spans D:G on the header and every item: one mergeAcross over the whole run.
  grid.layout.merges.push({ row: header, column: 4, numRows: checks.length + 1, numColumns: 4 });
}

/** The whole tab: title, note and column headers (frozen), one block per goal, then the check report. */
export function layoutLogicModel(
  model: LogicModel,
  checks: readonly CheckItem[],
  planName: string,
): TabLayout {
  const grid = new Grid();
  grid.paragraphs([planName ? `Logic model: ${planName}` : 'Logic model', NOTE]);
  grid.layout.titleRanges.push('A1');
  const header = grid.add([...MODEL_COLUMNS]);
  grid.layout.headerRanges.push(a1(header, 1, 1, WIDTH));
  if (model.goals.length === 0) {
    grid.add(['No goals yet: add your goals in the Goals tab, then build again.']);
    grid.add([]);
  }
  for (const goal of model.goals) goalBlock(grid, goal);
  checkReport(grid, model, checks);
  return {
    values: grid.rows,
    frozenRows: header,
    columnWidths: COLUMN_WIDTHS,
    ...grid.layout,
  };
}
