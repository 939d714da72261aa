// Reads the plan's rows into logic-model entities: links by ID only, dates as ISO days, rows named for messages.
import {
  ACTIVITY_STATUSES,
  columnByKey,
  FINDING_KINDS,
  GOALS_TAB,
  OUTCOME_TERMS,
  OUTCOMES_TAB,
} from '../schema/tabs';
import { asText, asWallDate, matchOption, referenceId, splitList } from '../table/cells';
import type { TableRecord } from '../table/records';
import { formatWallDate, type ZoneOracle } from '../time/zones';
import type {
  ActivityEntity,
  FindingEntity,
  GoalEntity,
  Link,
  OutcomeEntity,
  PlanEntities,
  RowProblem,
  RowRef,
} from './types';

/** One source tab as the adapter read it: its current name and its records. */
export interface SourceTab {
  sheetName: string;
  records: TableRecord[];
}

export interface PlanSources {
  goals: SourceTab | null;
  outcomes: SourceTab | null;
  assessments: SourceTab | null;
  calendar: SourceTab | null;
  /** The spreadsheet's zone: date cells are read in it. */
  sheetZone: string;
  oracle: ZoneOracle;
}

export function readLink(value: unknown, prefix: string): Link {
  return { id: referenceId(value, prefix), raw: asText(value) };
}

/** yyyy-mm-dd: the one formatter lives with the other wall-date rules. */
export const isoDay = formatWallDate;

/**
 * Goals and outcomes are what links point at, so each needs exactly one row with its ID. A row with
 * no ID, or with an ID an earlier row carries (a copied row keeps its ID), still shows in the model;
 * it is reported, and links to a repeated ID go to its first row.
 */
function reportIdProblems(
  items: ReadonlyArray<{ id: string; at: RowRef }>,
  idLabel: string,
  problems: RowProblem[],
): void {
  const seen = new Map<string, number>();
  for (const item of items) {
    if (!item.id) {
      problems.push({ at: item.at, idLabel, kind: 'noId', id: '' });
      continue;
    }
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, item.at.row);
    else problems.push({ at: item.at, idLabel, kind: 'duplicateId', id: item.id, firstRow: first });
  }
}

const idOf = (value: unknown) => asText(value).toUpperCase();

function readGoals(tab: SourceTab): GoalEntity[] {
  return tab.records.map(({ row, cells }) => ({
    id: idOf(cells.id),
    at: { tab: tab.sheetName, row },
    label: asText(cells.goal),
    problem: asText(cells.problem),
    impact: asText(cells.impact),
    inputs: asText(cells.inputs),
    assumptions: asText(cells.assumptions),
    externalFactors: asText(cells.externalFactors),
    owner: asText(cells.owner),
  }));
}

function readOutcomes(tab: SourceTab, sheetZone: string, oracle: ZoneOracle): OutcomeEntity[] {
  return tab.records.map(({ row, cells }) => {
    const dateCell = cells.targetDate;
    const date =
      asText(dateCell) === '' ? null : asWallDate(dateCell, sheetZone, oracle, 'Target date');
    return {
      id: idOf(cells.id),
      at: { tab: tab.sheetName, row },
      goal: readLink(cells.goal, 'G'),
      term: matchOption(cells.term, OUTCOME_TERMS),
      text: asText(cells.outcome),
      indicator: asText(cells.indicator),
      baseline: asText(cells.baseline),
      target: asText(cells.target),
      targetDate: date?.ok ? isoDay(date.value) : null,
      targetDateProblem: date && !date.ok ? date.message : null,
      owner: asText(cells.owner),
    };
  });
}

function readActivities(tab: SourceTab): ActivityEntity[] {
  return tab.records.map(({ row, cells }) => ({
    id: idOf(cells.id),
    at: { tab: tab.sheetName, row },
    title: asText(cells.title),
    goal: readLink(cells.goal, 'G'),
    outcome: readLink(cells.outcome, 'O'),
    lead: asText(cells.lead),
    participants: splitList(cells.participants),
    output: asText(cells.output),
    status: matchOption(cells.status, ACTIVITY_STATUSES) ?? asText(cells.status),
  }));
}

function readFindings(tab: SourceTab): FindingEntity[] {
  return tab.records.flatMap(({ row, cells }) => {
    const kind = matchOption(cells.kind, FINDING_KINDS);
    if (!kind) return [];
    return [
      {
        id: idOf(cells.id),
        at: { tab: tab.sheetName, row },
        kind,
        partner: asText(cells.partner),
        category: asText(cells.category),
        description: asText(cells.description),
        evidence: asText(cells.evidence),
        population: asText(cells.population),
        priority: asText(cells.priority),
        goal: readLink(cells.goal, 'G'),
      },
    ];
  });
}

/** All entities of the plan; a missing tab reads as empty (the check report then has little to say). */
export function readPlanEntities(sources: PlanSources): PlanEntities {
  const rowProblems: RowProblem[] = [];
  const goals = sources.goals ? readGoals(sources.goals) : [];
  const outcomes = sources.outcomes
    ? readOutcomes(sources.outcomes, sources.sheetZone, sources.oracle)
    : [];
  reportIdProblems(goals, columnByKey(GOALS_TAB, 'id').header, rowProblems);
  reportIdProblems(outcomes, columnByKey(OUTCOMES_TAB, 'id').header, rowProblems);
  // Activities and findings are never linked to: an activity without an ID still serves its outcome.
  const activities = sources.calendar ? readActivities(sources.calendar) : [];
  const findings = sources.assessments ? readFindings(sources.assessments) : [];
  return { goals, outcomes, activities, findings, rowProblems };
}
