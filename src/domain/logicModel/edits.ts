// What the logic-model sidebar writes: checked field values, and only the cells that changed.
import type { GoalDetails, GoalField, OutcomeFields } from '../../shared/logicModelWire';
import { ACTIVITY_TYPES, OUTCOME_TERMS } from '../schema/tabs';
import { asText, matchOption, parseDateText } from '../table/cells';
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
 * the sidebar loaded it (someone else's edit is never overwritten).
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
