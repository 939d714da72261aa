// Reads the plan's rows into logic-model entities: links by ID only, dates as ISO days, rows named for messages.
import {
  ACTIVITY_STATUSES,
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  columnByKey,
  FINDING_KINDS,
  GOALS_TAB,
  OUTCOME_TERMS,
  OUTCOMES_TAB,
} from '../schema/tabs';
import { asText, asWallDate, matchOption, referenceId, splitList } from '../table/cells';
import { type TableRecord, typedRecords } from '../table/records';
import { cellText } from '../time/cellText';
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
  /** The spreadsheet's locale: dates typed as text are read in its day/month order. */
  locale: string;
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

type CellText = (value: unknown) => string;

function readGoals(tab: SourceTab, text: CellText): GoalEntity[] {
  return typedRecords(GOALS_TAB, tab.records).map(({ row, cells }) => ({
    id: idOf(cells.id),
    at: { tab: tab.sheetName, row },
    label: text(cells.goal),
    problem: text(cells.problem),
    impact: text(cells.impact),
    inputs: text(cells.inputs),
    assumptions: text(cells.assumptions),
    externalFactors: text(cells.externalFactors),
    owner: text(cells.owner),
  }));
}

function readOutcomes(
  tab: SourceTab,
  sheetZone: string,
  oracle: ZoneOracle,
  locale: string,
  text: CellText,
): OutcomeEntity[] {
  return typedRecords(OUTCOMES_TAB, tab.records).map(({ row, cells }) => {
    const dateCell = cells.targetDate;
    const date =
      asText(dateCell) === ''
        ? null
        : asWallDate(dateCell, sheetZone, oracle, 'Target date', locale);
    return {
      id: idOf(cells.id),
      at: { tab: tab.sheetName, row },
      goal: readLink(cells.goal, 'G'),
      term: matchOption(cells.term, OUTCOME_TERMS),
      text: text(cells.outcome),
      indicator: text(cells.indicator),
      baseline: text(cells.baseline),
      target: text(cells.target),
      targetDate: date?.ok ? isoDay(date.value) : null,
      targetDateProblem: date && !date.ok ? date.message : null,
      owner: text(cells.owner),
    };
  });
}

function readActivities(tab: SourceTab, text: CellText): ActivityEntity[] {
  return typedRecords(CALENDAR_TAB, tab.records).map(({ row, cells }) => ({
    id: idOf(cells.id),
    at: { tab: tab.sheetName, row },
    title: text(cells.title),
    goal: readLink(cells.goal, 'G'),
    outcome: readLink(cells.outcome, 'O'),
    lead: text(cells.lead),
    participants: splitList(cells.participants),
    output: text(cells.output),
    status: matchOption(cells.status, ACTIVITY_STATUSES) ?? text(cells.status),
  }));
}

function readFindings(tab: SourceTab, text: CellText): FindingEntity[] {
  return typedRecords(ASSESSMENTS_TAB, tab.records).flatMap(({ row, cells }) => {
    const kind = matchOption(cells.kind, FINDING_KINDS);
    if (!kind) return [];
    return [
      {
        id: idOf(cells.id),
        at: { tab: tab.sheetName, row },
        kind,
        partner: text(cells.partner),
        category: text(cells.category),
        description: text(cells.description),
        evidence: text(cells.evidence),
        population: text(cells.population),
        priority: text(cells.priority),
        goal: readLink(cells.goal, 'G'),
      },
    ];
  });
}

/** All entities of the plan; a missing tab reads as empty (the check report then has little to say). */
export function readPlanEntities(sources: PlanSources): PlanEntities {
  const rowProblems: RowProblem[] = [];
  // Dates typed into text columns are quoted as the sheet shows them (docs/time-zones.md).
  const text: CellText = (value) => cellText(value, sources);
  const goals = sources.goals ? readGoals(sources.goals, text) : [];
  const outcomes = sources.outcomes
    ? readOutcomes(sources.outcomes, sources.sheetZone, sources.oracle, sources.locale, text)
    : [];
  reportIdProblems(goals, columnByKey(GOALS_TAB, 'id').header, rowProblems);
  reportIdProblems(outcomes, columnByKey(OUTCOMES_TAB, 'id').header, rowProblems);
  // Activities and findings are never linked to: an activity without an ID still serves its outcome.
  const activities = sources.calendar ? readActivities(sources.calendar, text) : [];
  const findings = sources.assessments ? readFindings(sources.assessments, text) : [];
  return { goals, outcomes, activities, findings, rowProblems };
}
