// The Logic Model tab as data: a rectangular grid of cells plus the few format instructions that make it printable.

import type { CheckItem } from '../../shared/logicModelWire';
import { plural } from '../../shared/plural';
import type { TabDef } from '../schema/columns';
import { GENERATED_TABS } from '../schema/metadata';
import type { MergeRange } from '../table/grid';
import { literalCell } from '../table/literal';
import { breakLines, CELL_PADDING, type Font } from '../table/textFit';
import { CHECK_TITLES, isDraft, SUGGESTION_RULES } from './checks';
import type { ActivityEntity, GoalModel, LogicModel, OutcomeEntity } from './types';

/** The generated tab: found by its key metadata, so a renamed Logic Model tab is rebuilt in place. */
export const LOGIC_MODEL_TAB: TabDef = {
  key: 'logicModel',
  name: GENERATED_TABS.logicModel,
  purpose: 'The logic model built from the plan: inputs, activities, outputs, outcomes and impact.',
  owner: 'addon',
  tabColor: '#f9ab00',
  columns: [],
};

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
/** Pixels of text in a paragraph merged across the seven columns, and in "What to fix" (D:G). */
const PARAGRAPH_WIDTH = COLUMN_WIDTHS.reduce((a, b) => a + b, 0) - CELL_PADDING;
const FIX_WIDTH = COLUMN_WIDTHS.slice(3).reduce((a, b) => a + b, 0) - CELL_PADDING;
/** The title row's font is 14 pt bold (the adapter sets it); goal and report titles are bold. */
const KIND_FONTS: Partial<Record<RowKind, Font>> = {
  title: { bold: true, size: 14 },
  goal: { bold: true },
  checkTitle: { bold: true },
};

export const NOTE =
  'Built by Shared Work Plan from the Goals, Outcomes, Assessments and Calendar tabs. Edit those tabs (or use Extensions › Shared Work Plan › Logic model…), then build again: this tab is rewritten each time.';

/** What a row is, which decides its style: one style matrix per property covers the whole tab. */
export type RowKind = 'title' | 'paragraph' | 'header' | 'goal' | 'body' | 'blank' | 'checkTitle';

export interface TabLayout {
  /** Every row has WIDTH cells; user text already passed through literalCell. */
  values: unknown[][];
  /** One kind per row of `values`. */
  rowKinds: RowKind[];
  /** Rows repeated on every printed page (title, note, column headers). */
  frozenRows: number;
  merges: MergeRange[];
  columnWidths: number[];
}

const BOLD_ROWS: ReadonlySet<RowKind> = new Set(['title', 'header', 'goal', 'checkTitle']);
const BACKGROUNDS: Partial<Record<RowKind, string>> = {
  header: '#e8eaed',
  goal: '#fde293',
  checkTitle: '#fad2cf',
};

/** Font weights and backgrounds of every cell, so each is written with one call whatever the size. */
export function styleMatrices(layout: TabLayout): {
  fontWeights: Array<Array<'bold' | 'normal'>>;
  backgrounds: string[][];
} {
  const row = <T>(value: T) => new Array<T>(WIDTH).fill(value);
  return {
    fontWeights: layout.rowKinds.map((k) =>
      row<'bold' | 'normal'>(BOLD_ROWS.has(k) ? 'bold' : 'normal'),
    ),
    backgrounds: layout.rowKinds.map((k) => row(BACKGROUNDS[k] ?? '#ffffff')),
  };
}

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

/** A paragraph's rows: its text broken to the merged width, in the row kind's font. */
export function paragraphLines(line: string, kind: RowKind): string[] {
  return breakLines(line, PARAGRAPH_WIDTH, KIND_FONTS[kind] ?? {});
}

/** A check item's "What to fix" rows: its sentence broken to the D:G width. */
export function fixLines(message: string): string[] {
  return breakLines(message, FIX_WIDTH);
}

class Grid {
  readonly rows: unknown[][] = [];
  readonly rowKinds: RowKind[] = [];
  readonly merges: MergeRange[] = [];

  /** Appends a row and returns its 1-based sheet row. */
  add(cells: unknown[], kind: RowKind = 'body'): number {
    this.rows.push(pad(cells));
    this.rowKinds.push(cells.length ? kind : 'blank');
    return this.rows.length;
  }

  /**
   * Paragraph rows merged across the whole width, the first of them styled `firstKind`: one merge
   * call for the whole run.
   */
  paragraphs(lines: string[], firstKind: RowKind): number {
    const first = this.rows.length + 1;
    lines.forEach((line, i) => {
      const kind = i === 0 ? firstKind : 'paragraph';
      // Each paragraph broken into rows that fit the merged width: (I) Sheets may not grow a row
      // for a merged cell's wrapped text, and a row per line reads whole either way.
      for (const piece of paragraphLines(line, kind)) this.add([text(piece)], kind);
    });
    const count = this.rows.length + 1 - first;
    this.merges.push({ row: first, column: 1, numRows: count, numColumns: WIDTH });
    return first;
  }
}

function goalBlock(grid: Grid, model: GoalModel): void {
  const { goal } = model;
  const problem = model.problem
    ? `${model.problem}${model.problemFromNeeds ? ' (from the needs linked to this goal)' : ''}`
    : 'Not written yet.';
  grid.paragraphs(
    [
      goal.id ? `${goal.id} · ${goal.label}` : goal.label,
      `Problem statement: ${problem}`,
      `Assumptions: ${goal.assumptions || 'None written yet.'}`,
      `External factors: ${goal.externalFactors || 'None written yet.'}`,
    ],
    'goal',
  );

  const inputs = model.inputs.map((i) => i.text);
  const activities = model.activities.map(activityCell);
  const outputs = model.activities.map((a) => a.output);
  const [short, medium, long] = outcomeColumns(model);
  const columns = [inputs, activities, outputs, short, medium, long, [goal.impact]];
  const height = Math.max(1, ...columns.map((c) => c.length));
  for (let i = 0; i < height; i++) grid.add(columns.map((c) => text(c[i] ?? '')));

  grid.add([...INDICATOR_COLUMNS], 'header');
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

/** Rows named one by one in the check report; past this the line gives a count (a plan may have thousands). */
const NAMED_ROWS = 50;

/** "7 (A7)", "7 (A7) and 9 (A9)", "7 (A7), 9 (A9)… and 12 more": rows said as rows, the first NAMED_ROWS named. */
function rowList(activities: readonly ActivityEntity[]): string {
  const refs = activities.map((a) => (a.id ? `${a.at.row} (${a.id})` : String(a.at.row)));
  const named = refs.slice(0, NAMED_ROWS);
  const more = refs.length - named.length;
  return more > 0
    ? `${named.join(', ')} and ${more.toLocaleString('en-US')} more`
    : refs.length === 1
      ? refs[0]
      : `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
}

/** "Calendar row 7 (A7) is linked to…", "Calendar rows 7 (A7) and 9 (A9) are linked to…". */
export function unlinkedLine(activities: readonly ActivityEntity[]): string {
  const one = activities.length === 1;
  return `${activities[0].at.tab} ${one ? 'row' : 'rows'} ${rowList(activities)} ${one ? 'is' : 'are'} linked to no goal or outcome, so ${one ? 'it is' : 'they are'} not in the logic model.`;
}

/** "2 things to fix and 1 suggestion", "nothing to fix": fixes and suggestions counted apart. */
export function checksPhrase(checks: readonly CheckItem[]): string {
  const suggestions = checks.filter((c) => SUGGESTION_RULES.has(c.rule)).length;
  const fixes = checks.length - suggestions;
  const fixText = fixes ? `${plural(fixes, 'thing')} to fix` : 'nothing to fix';
  return suggestions ? `${fixText} and ${plural(suggestions, 'suggestion')}` : fixText;
}

/** "Check report: 2 things to fix and 1 suggestion." */
export function checkReportTitle(checks: readonly CheckItem[]): string {
  return `Check report: ${checksPhrase(checks)}.`;
}

/** Drafts linked to no goal yet: said as drafts to finish, not as mistakes. */
export function unlinkedDraftsLine(drafts: readonly ActivityEntity[]): string {
  const one = drafts.length === 1;
  return `Suggestion: ${drafts[0].at.tab} ${one ? 'row' : 'rows'} ${rowList(drafts)} ${one ? 'is a draft' : 'are drafts'} not yet linked to a goal; link ${one ? 'it' : 'them'} (Linked goal, Linked outcome) when you plan ${one ? 'it' : 'them'}, and ${one ? 'it joins' : 'they join'} the logic model.`;
}

function checkReport(grid: Grid, model: LogicModel, checks: readonly CheckItem[]): void {
  const lines = [checkReportTitle(checks)];
  // Drafts (the add-on's own from asset-map gaps among them) are said apart, as drafts.
  const drafts = model.unlinkedActivities.filter(isDraft);
  const others = model.unlinkedActivities.filter((a) => !isDraft(a));
  if (others.length) lines.push(unlinkedLine(others));
  if (drafts.length) lines.push(unlinkedDraftsLine(drafts));
  grid.paragraphs(lines, 'checkTitle');
  if (checks.length === 0) return;
  const header = grid.add([...CHECK_COLUMNS], 'header');
  for (const c of checks) {
    // "What to fix" spans D:G; a longer sentence goes on in the rows below, as wrapped text would.
    const [first, ...more] = fixLines(c.message);
    grid.add([CHECK_TITLES[c.rule], text(c.tab), c.row, text(first)]);
    for (const line of more) grid.add(['', '', '', text(line)]);
  }
  // "What to fix" spans D:G on the header and every item: one mergeAcross over the whole run.
  grid.merges.push({
    row: header,
    column: 4,
    numRows: grid.rows.length + 1 - header,
    numColumns: 4,
  });
}

/** The whole tab: title, note and column headers (frozen), one block per goal, then the check report. */
export function layoutLogicModel(
  model: LogicModel,
  checks: readonly CheckItem[],
  planName: string,
): TabLayout {
  const grid = new Grid();
  grid.paragraphs([planName ? `Logic model: ${planName}` : 'Logic model', NOTE], 'title');
  const header = grid.add([...MODEL_COLUMNS], 'header');
  if (model.goals.length === 0) {
    grid.add(['No goals yet: add your goals in the Goals tab, then build again.']);
    grid.add([]);
  }
  for (const goal of model.goals) goalBlock(grid, goal);
  checkReport(grid, model, checks);
  return {
    values: grid.rows,
    rowKinds: grid.rowKinds,
    frozenRows: header,
    merges: grid.merges,
    columnWidths: COLUMN_WIDTHS,
  };
}
