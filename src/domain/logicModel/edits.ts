// What the logic-model sidebar writes: checked field values, and only the cells that changed.
import type { GoalDetails, GoalField, OutcomeFields } from '../../shared/logicModelWire';
import { PRIORITIES } from '../schema/columns';
import { ACTIVITY_TYPES, GOAL_STATUSES, OUTCOME_TERMS } from '../schema/tabs';
import { asText, matchOption, parseDateText } from '../table/cells';
import { type DateReading, dateCell, optionCell, type TypedCell } from '../table/typedCell';
import { isoDay } from './parse';

/** The outcome cells the logic-model sidebar edits, by Outcomes-tab column key. */
export type OutcomeField = keyof OutcomeFields;
export const OUTCOME_FIELDS: readonly OutcomeField[] = [
  'term',
  'outcome',
  'indicator',
  'baseline',
  'target',
  'targetDate',
];

export const GOAL_FIELDS: readonly GoalField[] = [
  'problem',
  'impact',
  'inputs',
  'assumptions',
  'externalFactors',
];

export interface FieldPlan<F extends string> {
  write: F[];
  /** Changed in the sheet since the sidebar loaded it: left as the other person wrote it. */
  conflicts: F[];
}

/**
 * Which requested fields to write: those that differ from the sheet, unless the sheet changed since
 * the sidebar loaded it (someone else's edit is never overwritten, and is reported).
 */
export function planFieldWrites<F extends string>(
  fields: readonly F[],
  current: Record<F, string>,
  requested: Partial<Record<F, string>>,
  loaded: Partial<Record<F, string>> = {},
): FieldPlan<F> {
  const plan: FieldPlan<F> = { write: [], conflicts: [] };
  for (const field of fields) {
    const wanted = requested[field];
    if (wanted === undefined || wanted.trim() === current[field].trim()) continue;
    const seen = loaded[field];
    if (seen !== undefined && seen.trim() !== current[field].trim()) plan.conflicts.push(field);
    else plan.write.push(field);
  }
  return plan;
}

export const currentDetails = (cells: Record<string, unknown>): GoalDetails => ({
  problem: asText(cells.problem),
  impact: asText(cells.impact),
  inputs: asText(cells.inputs),
  assumptions: asText(cells.assumptions),
  externalFactors: asText(cells.externalFactors),
});

/** A term from the sidebar: one of the terms, or '' for none; anything else is refused. */
export function termOrNull(text: string): string | null {
  if (text.trim() === '') return '';
  return matchOption(text, OUTCOME_TERMS);
}

export function activityTypeOrNull(text: string | undefined): string | null {
  if (!text || text.trim() === '') return '';
  return matchOption(text, ACTIVITY_TYPES);
}

/** A date from the sidebar (yyyy-mm-dd from a date input, or typed): as ISO, '' for none, null if unreadable. */
export function dayOrNull(text: string | undefined, locale: string): string | null {
  if (!text || text.trim() === '') return '';
  const parsed = parseDateText(text, locale);
  return parsed ? isoDay(parsed) : null;
}

/** The fields the coordinator changed from what the sidebar loaded (all of them without `loaded`). */
export function editedFields<F extends string>(
  fields: readonly F[],
  requested: Partial<Record<F, string>>,
  loaded: Partial<Record<F, string>> | undefined,
): Set<F> {
  return new Set(
    fields.filter((f) => {
      const seen = loaded?.[f];
      return seen === undefined || (requested[f] ?? '').trim() !== seen.trim();
    }),
  );
}

/** A row's fields as a sidebar loads them, and a sentence for each cell that is not what it should be. */
export interface TypedRow<F extends string> {
  fields: Record<F, string>;
  problems: Partial<Record<F, string>>;
}

const OUTCOME_HEADERS: Record<'term' | 'targetDate', string> = {
  term: 'Term',
  targetDate: 'Target date',
};

/**
 * An outcome row as the sidebars load it and as a save compares it: every cell as shown in the
 * sheet, the term spelled as its option and the target date as yyyy-mm-dd when they read as such,
 * else as typed with a sentence. Load and save use this one reading, so they compare like with like.
 */
export function outcomeAsTyped(
  cells: Record<string, unknown>,
  shown: (key: string) => string,
  at: DateReading,
): TypedRow<OutcomeField> {
  const cell: Record<OutcomeField, TypedCell> = {
    term: optionCell(shown('term'), OUTCOME_TERMS, OUTCOME_HEADERS.term),
    outcome: { text: shown('outcome'), problem: null },
    indicator: { text: shown('indicator'), problem: null },
    baseline: { text: shown('baseline'), problem: null },
    target: { text: shown('target'), problem: null },
    targetDate: dateCell(cells.targetDate, shown('targetDate'), OUTCOME_HEADERS.targetDate, at),
  };
  return typedRow(OUTCOME_FIELDS, cell);
}

/** Splits each field's reading into the loaded text and its sentence. */
export function typedRow<F extends string>(
  fields: readonly F[],
  cells: Record<F, TypedCell>,
): TypedRow<F> {
  const row: TypedRow<F> = { fields: {} as Record<F, string>, problems: {} };
  for (const f of fields) {
    row.fields[f] = cells[f].text;
    const problem = cells[f].problem;
    if (problem) row.problems[f] = problem;
  }
  return row;
}

/** The goals sidebar's fields of a goal row (goal, priority, problem, owner, status). */
export type GoalSidebarField = 'goal' | 'priority' | 'problem' | 'owner' | 'status';
export const GOAL_SIDEBAR_FIELDS: readonly GoalSidebarField[] = [
  'goal',
  'priority',
  'problem',
  'owner',
  'status',
];

/**
 * A goal row as the goals sidebar loads it and as its save compares it: cells as shown, priority
 * and status spelled as their options, the owner as the partner's name, each kept as typed with a
 * sentence when it is not one of them.
 */
export function goalAsTyped(
  shown: (key: string) => string,
  partners: readonly string[],
): TypedRow<GoalSidebarField> {
  const owner = optionCell(shown('owner'), partners, 'Owner partner');
  return typedRow(GOAL_SIDEBAR_FIELDS, {
    goal: { text: shown('goal'), problem: null },
    priority: optionCell(shown('priority'), PRIORITIES, 'Priority'),
    problem: { text: shown('problem'), problem: null },
    owner: owner.problem
      ? {
          text: owner.text,
          problem: `Owner partner “${owner.text}” is not on the Partners tab: pick a partner to fix it.`,
        }
      : owner,
    status: optionCell(shown('status'), GOAL_STATUSES, 'Status'),
  });
}
