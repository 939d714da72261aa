// The logic model builder's public actions: build the tab, and read/write what its sidebar shows.

import { withDocumentLock } from '../adapters/documentLock';
import type { CacheStore, GoogleServices } from '../adapters/google';
import { takeIds } from '../adapters/idCounters';
import { loadSettings } from '../adapters/settings';
import { appendRow } from '../adapters/sheets/appendRows';
import { displayedRow, displayedValues, writeCell } from '../adapters/sheets/cells';
import { findOrCreateGeneratedTab } from '../adapters/sheets/generatedTab';
import { writeGeneratedLayout } from '../adapters/sheets/logicModelTab';
import { type ReadTab, readTab } from '../adapters/sheets/readTab';
import { utilitiesZoneOracle } from '../adapters/zoneOracle';
import { assembleLogicModel } from '../domain/logicModel/assemble';
import { buildLogicModelTab } from '../domain/logicModel/build';
import { checkLogicModel } from '../domain/logicModel/checks';
import { toDraft } from '../domain/logicModel/draft';
import {
  activityTypeOrNull,
  currentDetails,
  dayOrNull,
  editedFields,
  GOAL_FIELDS,
  OUTCOME_FIELDS,
  type OutcomeField,
  outcomeAsTyped,
  planFieldWrites,
  termOrNull,
} from '../domain/logicModel/edits';
import { LOGIC_MODEL_TAB } from '../domain/logicModel/layout';
import { type PlanSources, readPlanEntities, type SourceTab } from '../domain/logicModel/parse';
import type { TabDef } from '../domain/schema/columns';
import {
  ACTIVITY_TYPES,
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  columnByKey,
  GOALS_TAB,
  OUTCOME_TERMS,
  OUTCOMES_TAB,
  PARTNERS_TAB,
} from '../domain/schema/tabs';
import { asText, referenceId, referenceLabel } from '../domain/table/cells';
import { literalCell } from '../domain/table/literal';
import type { DateReading } from '../domain/table/typedCell';
import { UserError } from '../shared/errors';
import type {
  AddActivityRequest,
  LogicModelDraft,
  LogicModelSummary,
  OutcomeDraft,
  SaveGoalDetailsRequest,
  SaveOutcomeRequest,
  SaveResult,
  SaveRowResult,
} from '../shared/logicModelWire';
import { MENU, TAB_TEXT } from '../shared/messages';
import { word } from '../shared/plural';
import { inPlainWords, RUN_WORDS } from './inPlainWords';
import { refuseOverlong } from './refuseOverlong';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SETUP_HINT = `run Extensions › Shared Work Plan › ${MENU.setUp}`;

export function requireTab(
  spreadsheet: Spreadsheet,
  cache: CacheStore | null,
  tab: TabDef,
): ReadTab {
  const read = readTab(spreadsheet, tab, cache);
  if (!read) throw new UserError(`The ${tab.name} tab is missing: ${SETUP_HINT} first.`);
  return read;
}

export function requireColumns(read: ReadTab, tab: TabDef, keys: readonly string[]): void {
  const missing = keys.filter((k) => read.location.index[k] < 0);
  if (missing.length) {
    const headers = missing.map((k) => columnByKey(tab, k).header).join(', ');
    throw new UserError(
      `The ${read.raw.sheetName} tab has no ${headers} column: ${SETUP_HINT} to repair it.`,
    );
  }
}

/**
 * Text columns are read as shown: a baseline typed "0%" is stored as the number 0 with a percent
 * format, and the model must say "0%". One more read of the same range, still constant.
 */
export function showTextAsDisplayed(read: ReadTab, keys: readonly string[]): string[][] {
  const display = displayedValues(read.sheet);
  for (const record of read.records) {
    for (const key of keys) {
      const at = read.location.index[key];
      if (at >= 0) record.cells[key] = display[record.row - 1]?.[at] ?? record.cells[key];
    }
  }
  return display;
}

/** A row's cell as the sheet shows it, by column key ('' for a column the tab lacks). */
export const shownCell =
  (read: ReadTab, shown: readonly unknown[] | undefined) =>
  (key: string): string => {
    const at = read.location.index[key];
    return at >= 0 ? asText(shown?.[at] ?? '') : '';
  };

/** How the sheet reads a date cell: its zone (Date values) and locale (typed text). */
export function dateReading(services: GoogleServices, spreadsheet: Spreadsheet): DateReading {
  return {
    sheetZone: spreadsheet.getSpreadsheetTimeZone(),
    oracle: utilitiesZoneOracle(services.formatDate),
    locale: spreadsheet.getSpreadsheetLocale(),
  };
}

/**
 * The sidebars' outcomes with every cell as typed: a term or target date that is not one is shown
 * as the partner typed it, with a sentence, rather than as "" (which hid it and made the save's
 * check compare "" with the cell).
 */
export function outcomesAsTyped<O extends OutcomeDraft>(
  drafts: readonly O[],
  outcomes: ReadTab | null,
  display: readonly unknown[][],
  at: DateReading,
): O[] {
  if (!outcomes) return [...drafts];
  return drafts.map((o) => {
    const record = outcomes.records.find((r) => r.row === o.row);
    if (!record) return o;
    const typed = outcomeAsTyped(record.cells, shownCell(outcomes, display[o.row - 1]), at);
    const problems = typed.problems as OutcomeDraft['problems'];
    return { ...o, ...typed.fields, ...(Object.keys(typed.problems).length ? { problems } : {}) };
  });
}

const source = (read: ReadTab | null): SourceTab | null =>
  read ? { sheetName: read.raw.sheetName, records: read.records } : null;

interface PlanReads {
  goals: ReadTab;
  outcomes: ReadTab | null;
  /** The Outcomes tab as shown (one read), for the sidebars' cells as typed. */
  outcomesShown: string[][];
  assessments: ReadTab | null;
  calendar: ReadTab | null;
  sources: PlanSources;
}

/** Each source tab read once (Outcomes twice: values and what is shown). */
function readPlan(
  spreadsheet: Spreadsheet,
  cache: CacheStore | null,
  formatDate: GoogleServices['formatDate'],
): PlanReads {
  const goals = requireTab(spreadsheet, cache, GOALS_TAB);
  const outcomes = readTab(spreadsheet, OUTCOMES_TAB, cache);
  const outcomesShown = outcomes
    ? showTextAsDisplayed(outcomes, ['outcome', 'indicator', 'baseline', 'target'])
    : [];
  const assessments = readTab(spreadsheet, ASSESSMENTS_TAB, cache);
  const calendar = readTab(spreadsheet, CALENDAR_TAB, cache);
  return {
    goals,
    outcomes,
    outcomesShown,
    assessments,
    calendar,
    sources: {
      goals: source(goals),
      outcomes: source(outcomes),
      assessments: source(assessments),
      calendar: source(calendar),
      sheetZone: spreadsheet.getSpreadsheetTimeZone(),
      oracle: utilitiesZoneOracle(formatDate),
      locale: spreadsheet.getSpreadsheetLocale(),
    },
  };
}

/** Builds (or rebuilds) the Logic Model tab and returns what it holds and what to fix. */
export function buildLogicModel(services: GoogleServices): LogicModelSummary {
  return inPlainWords(RUN_WORDS.logicModel, () =>
    withDocumentLock(services.documentLock(), () => buildLogicModelNow(services)),
  );
}

function buildLogicModelNow(services: GoogleServices): LogicModelSummary {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const plan = readPlan(spreadsheet, cache, services.formatDate);
  const planName = loadSettings(services.documentProperties())?.name || spreadsheet.getName();
  const built = buildLogicModelTab(plan.sources, planName);
  const { leftAlone } = findOrCreateGeneratedTab(
    spreadsheet,
    LOGIC_MODEL_TAB.key,
    LOGIC_MODEL_TAB.name,
    LOGIC_MODEL_TAB.tabColor ?? '#5f6368',
  );
  const sheet = writeGeneratedLayout(spreadsheet, LOGIC_MODEL_TAB, built.layout);
  const message = leftAlone
    ? `${built.summary.message} ${TAB_TEXT.ownTabLeftAlone(leftAlone, sheet.getName())}`
    : built.summary.message;
  return { ...built.summary, tab: sheet.getName(), message };
}

/** Everything the sidebar shows for one goal (the first when `goalId` is empty or gone), pre-filled. */
export function logicModelDraft(services: GoogleServices, goalId?: string | null): LogicModelDraft {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const plan = readPlan(spreadsheet, cache, services.formatDate);
  // The goal's own cells as typed, as saveGoalDetails compares them.
  showTextAsDisplayed(plan.goals, GOAL_FIELDS);
  const partners = readTab(spreadsheet, PARTNERS_TAB, cache);
  const model = assembleLogicModel(readPlanEntities(plan.sources));
  const checks = checkLogicModel(model);
  const partnerNames = (partners?.records ?? [])
    .map((r) => asText(r.cells.organisation))
    .filter(Boolean);
  const draft = toDraft(model, checks, goalId ?? null, partnerNames, {
    outcomeTerms: [...OUTCOME_TERMS],
    activityTypes: [...ACTIVITY_TYPES],
  });
  const at = dateReading(services, spreadsheet);
  return {
    ...draft,
    outcomes: outcomesAsTyped(draft.outcomes, plan.outcomes, plan.outcomesShown, at),
  };
}

/** The row holding an ID now (rows move when partners sort); a clear message when it was deleted. */
export function findRowById(read: ReadTab, rawId: string, what: string, then: string) {
  const id = rawId.trim().toUpperCase();
  const record = read.records.find((r) => asText(r.cells.id).toUpperCase() === id);
  if (!record) {
    throw new UserError(
      `${what} ${id} is no longer in the ${read.raw.sheetName} tab (it may have been deleted). ${then}`,
    );
  }
  return record;
}

const findGoalRow = (goals: ReadTab, goalId: string) =>
  findRowById(goals, goalId, 'Goal', 'Pick another goal.');
const findOutcomeRow = (outcomes: ReadTab, outcomeId: string) =>
  findRowById(outcomes, outcomeId, 'Outcome', 'Reload the goal.');

/**
 * Writes only the goal's problem, impact, inputs, assumptions and external factors cells that
 * changed, on the row that holds the goal's ID now (rows may have moved since the sidebar loaded).
 */
export function saveGoalDetails(
  services: GoogleServices,
  request: SaveGoalDetailsRequest,
): SaveResult {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  return withDocumentLock(services.documentLock(), () => {
    const goals = requireTab(spreadsheet, cache, GOALS_TAB);
    requireColumns(goals, GOALS_TAB, ['id', ...GOAL_FIELDS]);
    // Compared as the sidebar loaded them: as the sheet shows them.
    showTextAsDisplayed(goals, GOAL_FIELDS);
    const record = findGoalRow(goals, request.goalId);
    const current = currentDetails(record.cells);
    const header = (f: string) => columnByKey(GOALS_TAB, f).header;
    // Every field is checked first (limits, then the "changed since loaded" guard): a refused
    // field never leaves the earlier ones written.
    refuseOverlong(Object.fromEntries(GOAL_FIELDS.map((f) => [f, request[f]])), header);
    const plan = planFieldWrites(GOAL_FIELDS, current, request, request.loaded);
    for (const field of plan.write) {
      const column = goals.location.index[field] + 1;
      writeCell(goals.sheet, record.row, column, literalCell(request[field] ?? ''));
    }
    const where = `${goals.raw.sheetName} row ${record.row}`;
    const saved = plan.write.length
      ? `Saved ${plan.write.map(header).join(', ')} in ${where}.`
      : `Nothing changed in ${where}.`;
    const conflicts = conflictNote(plan.conflicts.map(header));
    return {
      tab: goals.raw.sheetName,
      row: record.row,
      saved: plan.write,
      conflicts: plan.conflicts,
      message: saved + conflicts,
    };
  });
}

/** Fields left as someone else wrote them since the sidebar loaded, in words ('' when none). */
/**
 * What an edit of an existing goal or outcome row answers: saved (or nothing to save) in the row
 * that holds the ID now, and which cells someone else changed since the sidebar loaded.
 */
export function savedInPlace(
  what: 'goal' | 'outcome',
  id: string,
  tab: string,
  row: number,
  plan: { write: readonly string[]; conflicts: string[] },
  header: (field: string) => string,
): SaveRowResult {
  const where = `${tab} row ${row}`;
  const saved = plan.write.length
    ? `Saved ${what} ${id} in ${where}.`
    : `Nothing changed in ${what} ${id} (${where}).`;
  return {
    id,
    tab,
    row,
    created: false,
    conflicts: plan.conflicts,
    message: saved + conflictNote(plan.conflicts.map(header)),
  };
}

export const conflictNote = (headers: readonly string[]) =>
  headers.length
    ? ` Not saved: ${headers.join(', ')} — someone changed ${word(headers.length, 'it', 'them')} in the sheet since you opened this goal; reload to see their text.`
    : '';

function goalReference(goals: ReadTab, goalId: string): string {
  const record = findGoalRow(goals, goalId);
  return referenceLabel(asText(record.cells.id).toUpperCase(), asText(record.cells.goal));
}

/** The refusal of a value none of the options, in the boundary's words (src/boundary/schema.ts). */
export const notAnOption = (header: string, options: readonly string[]) =>
  `${header} must be one of: ${options.join(', ')} (or left empty). Nothing was changed.`;

/**
 * The outcome's cells checked: only those the coordinator changed from what the sidebar loaded (a
 * cell left as a partner typed it, "short" or "next spring", is neither refused nor rewritten).
 */
function checkedOutcome(request: SaveOutcomeRequest, locale: string): Record<OutcomeField, string> {
  const edited = editedFields(OUTCOME_FIELDS, request, request.loaded);
  const text = request.outcome.trim();
  if (!text && edited.has('outcome'))
    throw new UserError('Write the outcome (the change you expect) before saving.');
  const term = edited.has('term') ? termOrNull(request.term) : request.term;
  if (term === null) throw new UserError(notAnOption('Term', OUTCOME_TERMS));
  const targetDate = edited.has('targetDate')
    ? dayOrNull(request.targetDate, locale)
    : request.targetDate;
  if (targetDate === null)
    throw new UserError('Target date is not a date. Pick a date such as 2028-06-30.');
  return {
    term,
    outcome: text,
    indicator: request.indicator.trim(),
    baseline: request.baseline.trim(),
    target: request.target.trim(),
    targetDate,
  };
}

/** Updates an outcome's cells (only those that changed) or appends a new outcome linked to the goal. */
export function saveOutcome(services: GoogleServices, request: SaveOutcomeRequest): SaveRowResult {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const at = dateReading(services, spreadsheet);
  const wantedId = (request.outcomeId ?? '').trim().toUpperCase();
  // A new outcome has nothing loaded: every field is checked.
  const values = checkedOutcome(wantedId ? request : { ...request, loaded: undefined }, at.locale);
  return withDocumentLock(services.documentLock(), () => {
    const goals = requireTab(spreadsheet, cache, GOALS_TAB);
    const outcomes = requireTab(spreadsheet, cache, OUTCOMES_TAB);
    requireColumns(outcomes, OUTCOMES_TAB, ['id', 'goal', 'outcome']);
    const goalRef = goalReference(goals, request.goalId);
    refuseOverlong(values, (f) => columnByKey(OUTCOMES_TAB, f).header);
    const tab = outcomes.raw.sheetName;
    if (wantedId) {
      const record = findOutcomeRow(outcomes, wantedId);
      const shown = displayedRow(outcomes.sheet, record.row, outcomes.raw.headers.length);
      // Compared as the sidebar loaded them (outcomeAsTyped): like with like.
      const current = outcomeAsTyped(record.cells, shownCell(outcomes, shown), at).fields;
      const present = OUTCOME_FIELDS.filter((f) => outcomes.location.index[f] >= 0);
      const plan = planFieldWrites(present, current, values, request.loaded);
      for (const field of plan.write) {
        const column = outcomes.location.index[field];
        writeCell(outcomes.sheet, record.row, column + 1, literalCell(values[field]));
      }
      const header = (f: string) => columnByKey(OUTCOMES_TAB, f).header;
      return savedInPlace('outcome', wantedId, tab, record.row, plan, header);
    }
    if (!values.outcome)
      throw new UserError('Write the outcome (the change you expect) before saving.');
    const calendar = readTab(spreadsheet, CALENDAR_TAB, cache);
    // IDs still referenced by activities count as in use: a new outcome never takes a deleted one's.
    const [id] = takeIds(services.documentProperties(), OUTCOMES_TAB, [
      ...outcomes.raw.rows.map((r) => r[outcomes.location.index.id]),
      ...(calendar?.records ?? []).map((r) => referenceId(r.cells.outcome, 'O')),
    ]);
    const row = appendRow(
      outcomes,
      { ...values, id, goal: goalRef },
      { tab: OUTCOMES_TAB, builders: services.sheetBuilders() },
    );
    return {
      id,
      tab,
      row,
      created: true,
      message: `Added outcome ${id} to ${tab} row ${row}, linked to ${goalRef.split(' · ')[0]}.`,
    };
  });
}

/** Appends a Draft activity to the Calendar tab, linked to the goal and (if given) the outcome. */
export function addActivity(services: GoogleServices, request: AddActivityRequest): SaveRowResult {
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const title = request.title.trim();
  if (!title) throw new UserError('Give the activity a title before adding it.');
  const type = activityTypeOrNull(request.type);
  if (type === null) throw new UserError(`Type must be one of: ${ACTIVITY_TYPES.join(', ')}.`);
  const startDate = dayOrNull(request.startDate, spreadsheet.getSpreadsheetLocale());
  if (startDate === null)
    throw new UserError('Start date is not a date. Pick a date such as 2027-09-13.');
  return withDocumentLock(services.documentLock(), () => {
    const goals = requireTab(spreadsheet, cache, GOALS_TAB);
    const calendar = requireTab(spreadsheet, cache, CALENDAR_TAB);
    requireColumns(calendar, CALENDAR_TAB, ['id', 'title', 'goal', 'outcome', 'status']);
    const goalRef = goalReference(goals, request.goalId);
    const goalId = goalRef.split(' · ')[0];
    let outcomeRef = '';
    const outcomeId = request.outcomeId.trim().toUpperCase();
    if (outcomeId) {
      const outcomes = requireTab(spreadsheet, cache, OUTCOMES_TAB);
      const record = findOutcomeRow(outcomes, outcomeId);
      outcomeRef = referenceLabel(outcomeId, asText(record.cells.outcome));
    }
    const fields = {
      title,
      type,
      startDate,
      lead: (request.lead ?? '').trim(),
      participants: (request.participants ?? '').trim(),
      goal: goalRef,
      outcome: outcomeRef,
      output: (request.output ?? '').trim(),
      status: 'Draft',
    };
    // Refused before an ID is taken: taking one raises the stored high-water mark.
    refuseOverlong(fields, (f) => columnByKey(CALENDAR_TAB, f).header);
    const [id] = takeIds(
      services.documentProperties(),
      CALENDAR_TAB,
      calendar.raw.rows.map((r) => r[calendar.location.index.id]),
    );
    const row = appendRow(
      calendar,
      { id, ...fields },
      { tab: CALENDAR_TAB, builders: services.sheetBuilders() },
    );
    const tab = calendar.raw.sheetName;
    return {
      id,
      tab,
      row,
      created: true,
      message: `Added Draft activity “${title}” to ${tab} row ${row}, linked to ${outcomeId || goalId}. It is not synced until you set its date and status.`,
    };
  });
}
