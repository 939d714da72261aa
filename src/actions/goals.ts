// The goals sidebar's actions: list goals and outcomes with their progress, add or edit a goal, record a measurement.
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { takeIds } from '../adapters/idCounters';
import { appendRow } from '../adapters/sheets/appendRows';
import { displayedRow, displayedValues, writeCell } from '../adapters/sheets/cells';
import { type ReadTab, readTab } from '../adapters/sheets/readTab';
import { utilitiesZoneOracle } from '../adapters/zoneOracle';
import { outcomeDraft } from '../domain/logicModel/draft';
import {
  dayOrNull,
  editedFields,
  GOAL_SIDEBAR_FIELDS,
  goalAsTyped,
  planFieldWrites,
} from '../domain/logicModel/edits';
import { isoDay, readPlanEntities } from '../domain/logicModel/parse';
import { inDateOrder, measureNumber } from '../domain/progress/indicator';
import { PRIORITIES } from '../domain/schema/columns';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  columnByKey,
  GOAL_STATUSES,
  GOALS_TAB,
  OUTCOME_TERMS,
  OUTCOMES_TAB,
  PARTNERS_TAB,
  PROGRESS_TAB,
} from '../domain/schema/tabs';
import {
  asText,
  asWallDate,
  matchOption,
  referenceId,
  referenceLabel,
} from '../domain/table/cells';
import { literalCell } from '../domain/table/literal';
import { localeDay } from '../domain/time/localeDate';
import { UserError } from '../shared/errors';
import type {
  GoalFields,
  GoalsForm,
  GoalView,
  OutcomeView,
  RecordProgressRequest,
  SaveGoalRequest,
} from '../shared/goalsWire';
import type { SaveRowResult } from '../shared/logicModelWire';
import { MENU } from '../shared/messages';
import {
  findRowById,
  notAnOption,
  outcomesAsTyped,
  requireColumns,
  requireTab,
  savedInPlace,
  shownCell,
  showTextAsDisplayed,
} from './logicModel';
import { refuseOverlong } from './refuseOverlong';

const partnerNames = (partners: ReadTab | null) =>
  (partners?.records ?? []).map((r) => asText(r.cells.organisation)).filter(Boolean);

/** A goal as the sidebar loads it: every cell as typed, with a sentence where it is not an option. */
function goalView(
  goals: ReadTab,
  record: { row: number; cells: Record<string, unknown> },
  shown: readonly unknown[] | undefined,
  partners: readonly string[],
): GoalView {
  const typed = goalAsTyped(shownCell(goals, shown), partners);
  const problems = typed.problems as GoalView['problems'];
  return {
    id: asText(record.cells.id).toUpperCase(),
    row: record.row,
    ...typed.fields,
    ...(Object.keys(typed.problems).length ? { problems } : {}),
  };
}

/** Everything the goals sidebar shows: goals, their outcomes and what has been measured. */
export function goalsForm(services: GoogleServices): GoalsForm {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const goals = requireTab(spreadsheet, cache, GOALS_TAB);
  const goalsShown = displayedValues(goals.sheet);
  const outcomes = readTab(spreadsheet, OUTCOMES_TAB, cache);
  const outcomesShown = outcomes
    ? showTextAsDisplayed(outcomes, ['outcome', 'indicator', 'baseline', 'target'])
    : [];
  const progress = readTab(spreadsheet, PROGRESS_TAB, cache);
  if (progress) showTextAsDisplayed(progress, ['value']);
  const partners = readTab(spreadsheet, PARTNERS_TAB, cache);
  const sheetZone = spreadsheet.getSpreadsheetTimeZone();
  const oracle = utilitiesZoneOracle(services.formatDate);
  const locale = spreadsheet.getSpreadsheetLocale();
  const entities = readPlanEntities({
    goals: { sheetName: goals.raw.sheetName, records: goals.records },
    outcomes: outcomes ? { sheetName: outcomes.raw.sheetName, records: outcomes.records } : null,
    assessments: null,
    calendar: null,
    sheetZone,
    oracle,
    locale,
  });
  const measured = new Map<string, { day: string; value: number; row: number; text: string }[]>();
  for (const record of progress?.records ?? []) {
    const id = referenceId(record.cells.outcome, 'O');
    const date = asWallDate(record.cells.date, sheetZone, oracle, 'Date', locale);
    const text = asText(record.cells.value);
    const value = measureNumber(text);
    if (!id || !date.ok || value === null) continue;
    const list = measured.get(id) ?? [];
    list.push({ day: isoDay(date.value), value, row: record.row, text });
    measured.set(id, list);
  }
  const outcomeViews: OutcomeView[] = entities.outcomes
    .filter((o) => o.id)
    .map((o) => {
      const list = measured.get(o.id) ?? [];
      const ordered = inDateOrder(list);
      const latest = ordered[ordered.length - 1] as (typeof list)[number] | undefined;
      return {
        ...outcomeDraft(o),
        goalId: o.goal.id ?? '',
        measurements: list.length,
        latestValue: latest?.text ?? '',
        latestDate: latest ? localeDay(latest.day, locale) : '',
      };
    });
  const names = partnerNames(partners);
  return {
    goalsTab: goals.raw.sheetName,
    goals: goals.records
      .map((r) => goalView(goals, r, goalsShown[r.row - 1], names))
      .filter((g) => g.id),
    outcomes: outcomesAsTyped(outcomeViews, outcomes, outcomesShown, {
      sheetZone,
      oracle,
      locale,
    }),
    partners: names,
    partnerIds: (partners?.records ?? [])
      .map((r) => ({ id: asText(r.cells.id).toUpperCase(), name: asText(r.cells.organisation) }))
      .filter((p) => p.id && p.name),
    priorities: [...PRIORITIES],
    statuses: [...GOAL_STATUSES],
    outcomeTerms: [...OUTCOME_TERMS],
    hasProgressTab: progress !== null,
  };
}

/**
 * The goal's cells checked: a goal in words, a known priority, status and owner partner; only the
 * fields the coordinator changed from what the sidebar loaded (a cell left as a partner typed it
 * is neither refused nor rewritten). A new goal has nothing loaded: every field is checked.
 */
function checkedGoal(request: SaveGoalRequest, partners: readonly string[]): GoalFields {
  const edited = editedFields(GOAL_SIDEBAR_FIELDS, request, request.loaded);
  const option = (field: 'priority' | 'status', options: readonly string[]) => {
    const text = request[field].trim();
    return text === '' || !edited.has(field) ? text : matchOption(text, options);
  };
  const goal = request.goal.trim();
  if (!goal && edited.has('goal'))
    throw new UserError('Write the goal (in a sentence) before saving.');
  const priority = option('priority', PRIORITIES);
  if (priority === null) throw new UserError(notAnOption('Priority', PRIORITIES));
  const status = option('status', GOAL_STATUSES);
  if (status === null) throw new UserError(notAnOption('Status', GOAL_STATUSES));
  const typedOwner = request.owner.trim();
  const owner =
    typedOwner === '' || !edited.has('owner') ? typedOwner : matchOption(typedOwner, partners);
  if (owner === null)
    throw new UserError(
      `“${typedOwner}” is not on the Partners tab. Pick the owner partner from the list, or add the partner in ${MENU.setUp} first.`,
    );
  return { goal, priority, problem: request.problem.trim(), owner, status };
}

/** Adds a goal with its ID at once, or writes only the changed cells of an existing goal. */
export function saveGoal(services: GoogleServices, request: SaveGoalRequest): SaveRowResult {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  return withDocumentLock(services.documentLock(), () => {
    const goals = requireTab(spreadsheet, cache, GOALS_TAB);
    requireColumns(goals, GOALS_TAB, ['id', 'goal']);
    const partners = partnerNames(readTab(spreadsheet, PARTNERS_TAB, cache));
    const wantedId = (request.goalId ?? '').trim().toUpperCase();
    const values = checkedGoal(wantedId ? request : { ...request, loaded: undefined }, partners);
    const header = (f: string) => columnByKey(GOALS_TAB, f).header;
    refuseOverlong({ ...values }, header);
    const tab = goals.raw.sheetName;
    if (wantedId) {
      const record = findRowById(goals, wantedId, 'Goal', 'Reload the goals.');
      const shown = displayedRow(goals.sheet, record.row, goals.raw.headers.length);
      const present = GOAL_SIDEBAR_FIELDS.filter((f) => goals.location.index[f] >= 0);
      // Compared as the sidebar loaded them (goalAsTyped): like with like.
      const current = goalAsTyped(shownCell(goals, shown), partners).fields;
      const plan = planFieldWrites(present, current, values, request.loaded);
      for (const field of plan.write)
        writeCell(
          goals.sheet,
          record.row,
          goals.location.index[field] + 1,
          literalCell(values[field]),
        );
      return savedInPlace('goal', wantedId, tab, record.row, plan, header);
    }
    // IDs still referenced elsewhere count as in use: a new goal never takes a deleted one's links.
    const referenced = [OUTCOMES_TAB, ASSESSMENTS_TAB, CALENDAR_TAB].flatMap(
      (t) =>
        readTab(spreadsheet, t, cache)?.records.map((r) => referenceId(r.cells.goal, 'G')) ?? [],
    );
    const [id] = takeIds(services.documentProperties(), GOALS_TAB, [
      ...goals.raw.rows.map((r) => r[goals.location.index.id]),
      ...referenced,
    ]);
    const row = appendRow(
      goals,
      { ...values, id },
      { tab: GOALS_TAB, builders: services.sheetBuilders() },
    );
    return {
      id,
      tab,
      row,
      created: true,
      message: `Added goal ${id} to ${tab} row ${row}. Next: its outcomes, each with an indicator you can measure.`,
    };
  });
}

/** Appends one measurement to the Progress tab (history is kept: rows are never overwritten). */
export function recordProgress(
  services: GoogleServices,
  request: RecordProgressRequest,
): SaveRowResult {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const locale = spreadsheet.getSpreadsheetLocale();
  const date = dayOrNull(request.date, locale);
  if (!date)
    throw new UserError('Date is not a date. Pick the day it was measured, such as 2027-03-04.');
  const value = request.value.trim();
  if (measureNumber(value) === null)
    throw new UserError(
      `Value ${value ? `“${value}” ` : ''}is not one number. Type the measure as a number, such as 45, 45% or 1,200.`,
    );
  return withDocumentLock(services.documentLock(), () => {
    const outcomes = requireTab(spreadsheet, cache, OUTCOMES_TAB);
    const progress = requireTab(spreadsheet, cache, PROGRESS_TAB);
    requireColumns(progress, PROGRESS_TAB, ['outcome', 'date', 'value']);
    const record = findRowById(outcomes, request.outcomeId, 'Outcome', 'Reload the goals.');
    const id = asText(record.cells.id).toUpperCase();
    const fields = {
      outcome: referenceLabel(id, asText(record.cells.outcome)),
      date,
      value,
      recordedBy: services.userEmail(),
      notes: request.note.trim(),
    };
    refuseOverlong(fields, (f) => columnByKey(PROGRESS_TAB, f).header);
    const row = appendRow(progress, fields, {
      tab: PROGRESS_TAB,
      builders: services.sheetBuilders(),
    });
    const tab = progress.raw.sheetName;
    return {
      id,
      tab,
      row,
      created: true,
      message: `Recorded ${value} for ${id} on ${localeDay(date, locale)} in ${tab} row ${row}.`,
    };
  });
}
