// "Start the next year": archive the closed school year's activities and progress, carry the rest forward, resumably.
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices, PropertyStore } from '../adapters/google';
import { raiseIdCounter } from '../adapters/idCounters';
import {
  type ArchivedYears,
  archivedIdsText,
  clearJournal,
  loadArchivedYears,
  loadJournal,
  type RolloverJournal,
  saveArchivedYear,
  saveJournal,
} from '../adapters/newYearState';
import { loadSettings } from '../adapters/settings';
import {
  deleteSheetRows,
  numberFormatsByRow,
  protectWarningOnly,
  readArchiveValues,
  rewriteArchiveRow,
  writeArchiveTab,
  writeTextCells,
} from '../adapters/sheets/archiveTab';
import { findOrCreateGeneratedTab } from '../adapters/sheets/generatedTab';
import { findTaggedSheet, type ReadTab, readTab } from '../adapters/sheets/readTab';
import { utilitiesZoneOracle } from '../adapters/zoneOracle';
import { archiveGrid, readArchive } from '../domain/newYear/archive';
import {
  type ActivityLine,
  type MeasurementLine,
  type OutcomeLine,
  planRollover,
  type RolloverPlan,
} from '../domain/newYear/plan';
import { matchArchived } from '../domain/newYear/removal';
import {
  archiveTabKey,
  archiveTabName,
  type SchoolYear,
  schoolYearStarting,
  yearToClose,
} from '../domain/newYear/schoolYear';
import { CALENDAR_TAB, OUTCOMES_TAB, PROGRESS_TAB } from '../domain/schema/tabs';
import { asText, referenceId } from '../domain/table/cells';
import { parseTypedDate } from '../domain/time/typedDate';
import { formatWallDate, type ZoneOracle } from '../domain/time/zones';
import { isValidDate } from '../domain/values';
import { UserError } from '../shared/errors';
import type { NewYearPreview, NewYearResult } from '../shared/newYearWire';
import { isSettingsOwner, settingsOwner } from './authority';
import { refreshDashboard, showAsDisplayed } from './dashboard';
import { newYearText } from './newYearText';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const ARCHIVE_COLOUR = '#9aa0a6';

interface Context {
  services: GoogleServices;
  spreadsheet: Spreadsheet;
  store: PropertyStore;
  zone: string;
  oracle: ZoneOracle;
  locale: string;
  today: string;
  planName: string;
}

/** Settings exist and the acting user owns them: a rollover acts on the whole plan. */
function context(services: GoogleServices): Context {
  const store = services.documentProperties();
  const settings = loadSettings(store);
  if (!settings) throw new UserError(newYearText.beforeSetup);
  if (!isSettingsOwner(services, settings))
    throw new UserError(newYearText.notOwner(settingsOwner(settings) ?? ''));
  const spreadsheet = services.spreadsheet();
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const oracle = utilitiesZoneOracle(services.formatDate);
  return {
    services,
    spreadsheet,
    store,
    zone,
    oracle,
    locale: spreadsheet.getSpreadsheetLocale(),
    today: formatWallDate(oracle(Date.now(), zone)),
    planName: settings.name || spreadsheet.getName(),
  };
}

/** A date cell as a day in the spreadsheet's zone; a typed date (with or without a time) by its day. */
function dayOf(ctx: Context, value: unknown): string | null {
  if (isValidDate(value)) return formatWallDate(ctx.oracle(value.getTime(), ctx.zone));
  if (typeof value !== 'string' || value.trim() === '') return null;
  const typed = parseTypedDate(value, { locale: ctx.locale, today: null }, 'Date');
  return typed?.ok ? formatWallDate(typed.value.date) : null;
}

const valuesOf = (read: ReadTab, row: number) => read.raw.rows[row - read.raw.headerRow - 1] ?? [];

function activityLines(ctx: Context, read: ReadTab | null): ActivityLine[] {
  if (!read) return [];
  const prefix = CALENDAR_TAB.idPrefix ?? 'A';
  return read.records.map((r) => ({
    row: r.row,
    values: valuesOf(read, r.row),
    id: referenceId(r.cells.id, prefix) ?? '',
    start: dayOf(ctx, r.cells.startDate),
  }));
}

function measurementLines(ctx: Context, read: ReadTab | null): MeasurementLine[] {
  if (!read) return [];
  return read.records.map((r) => ({
    row: r.row,
    values: valuesOf(read, r.row),
    outcomeId: referenceId(r.cells.outcome, OUTCOMES_TAB.idPrefix ?? 'O'),
    date: dayOf(ctx, r.cells.date),
    shown: asText(r.cells.value),
  }));
}

function outcomeLines(read: ReadTab | null): OutcomeLine[] {
  if (!read) return [];
  return read.records.flatMap((r) => {
    const id = referenceId(r.cells.id, OUTCOMES_TAB.idPrefix ?? 'O');
    if (!id) return [];
    const text = (key: string) => asText(r.cells[key]);
    return [
      {
        row: r.row,
        id,
        outcome: text('outcome'),
        indicator: text('indicator'),
        baseline: text('baseline'),
        target: text('target'),
        targetDate: text('targetDate'),
      },
    ];
  });
}

interface Live {
  calendar: ReadTab | null;
  progress: ReadTab | null;
  outcomes: ReadTab | null;
}

function readLive(ctx: Context): Live {
  const cache = ctx.services.documentCache();
  return {
    calendar: readTab(ctx.spreadsheet, CALENDAR_TAB, cache),
    progress: showAsDisplayed(readTab(ctx.spreadsheet, PROGRESS_TAB, cache), ['value']),
    outcomes: showAsDisplayed(readTab(ctx.spreadsheet, OUTCOMES_TAB, cache), [
      'baseline',
      'target',
      'targetDate',
    ]),
  };
}

function planFor(ctx: Context, year: SchoolYear, live: Live): RolloverPlan {
  return planRollover({
    year,
    activities: activityLines(ctx, live.calendar),
    measurements: measurementLines(ctx, live.progress),
    outcomes: outcomeLines(live.outcomes),
  });
}

/** The year this run works on: the one under way, else the one today closes (refused when done). */
function yearFor(ctx: Context, journal: RolloverJournal | null, years: ArchivedYears): SchoolYear {
  if (journal) return schoolYearStarting(journal.year);
  const year = yearToClose(ctx.today);
  const done = years[year.key];
  if (done?.done) throw new UserError(newYearText.alreadyDone(year, done.tab));
  return year;
}

function previewOf(plan: RolloverPlan, resuming: boolean): NewYearPreview {
  const counts = {
    closing: plan.year.label,
    starting: schoolYearStarting(plan.year.startYear + 1).label,
    archiveTab: archiveTabName(plan.year),
    activities: plan.activities.length,
    measurements: plan.measurements.length,
    keptActivities: plan.keptActivities,
    keptMeasurements: plan.keptMeasurements,
    baselines: plan.baselines.length,
    resuming,
  };
  return { ...counts, text: newYearText.confirm(counts) };
}

/** What starting the next year would do now, counted, for the confirmation (reads only). */
export function newYearPreview(services: GoogleServices): NewYearPreview {
  const ctx = context(services);
  const journal = loadJournal(ctx.store);
  const year = yearFor(ctx, journal, loadArchivedYears(ctx.store));
  return previewOf(planFor(ctx, year, readLive(ctx)), journal !== null);
}

/** Step 1: the archive written from the live tabs, the IDs it holds recorded for the sync. */
function archiveStep(ctx: Context, year: SchoolYear, journal: RolloverJournal): RolloverJournal {
  const live = readLive(ctx);
  const plan = planFor(ctx, year, live);
  const { sheet } = findOrCreateGeneratedTab(
    ctx.spreadsheet,
    archiveTabKey(year),
    archiveTabName(year),
    ARCHIVE_COLOUR,
  );
  const formats = (read: ReadTab | null) => numberFormatsByRow(read?.sheet ?? null);
  const grid = archiveGrid({
    plan,
    planName: ctx.planName,
    startedOn: journal.startedOn,
    locale: ctx.locale,
    calendarHeaders: live.calendar?.raw.headers ?? [],
    progressHeaders: live.progress?.raw.headers ?? [],
    calendarFormats: formats(live.calendar),
    progressFormats: formats(live.progress),
  });
  writeArchiveTab(ctx.services.sheetBuilders(), sheet, grid, newYearText.protection(year));
  const ids = plan.activities.map((a) => a.id).filter(Boolean);
  const highest = Math.max(0, ...ids.map((id) => Number(id.slice(1))));
  // Counters first: once the rows leave the tab, the stored mark alone keeps their IDs from reuse.
  if (highest > 0) raiseIdCounter(ctx.store, CALENDAR_TAB, highest + 1);
  saveArchivedYear(ctx.store, year.key, {
    tab: sheet.getName(),
    ids: archivedIdsText(ids),
    done: false,
  });
  const baselines = Object.fromEntries(plan.baselines.map((b) => [b.outcomeId, b.latest]));
  return { ...journal, step: 'archived', baselines };
}

/** Step 2: each measured outcome's baseline becomes its latest measurement, in one column write. */
function baselineStep(ctx: Context, journal: RolloverJournal): RolloverJournal {
  const read = readTab(ctx.spreadsheet, OUTCOMES_TAB, ctx.services.documentCache());
  const at = read?.location.index.baseline ?? -1;
  if (read && at >= 0) {
    const cells = read.records.flatMap((r) => {
      const id = referenceId(r.cells.id, OUTCOMES_TAB.idPrefix ?? 'O');
      const value = id ? journal.baselines[id] : undefined;
      return value === undefined ? [] : [{ row: r.row, column: at + 1, value }];
    });
    writeTextCells(read.sheet, cells);
  }
  return { ...journal, step: 'baselines' };
}

const liveTable = (read: ReadTab) => ({
  headers: read.raw.headers,
  rows: read.records.map((r) => ({ row: r.row, values: valuesOf(read, r.row) })),
});

/** Step 3: the archived rows leave the live tabs (an archived row changed since is copied first). */
function removalStep(ctx: Context, year: SchoolYear, journal: RolloverJournal): RolloverJournal {
  const archive = findTaggedSheet(ctx.spreadsheet, archiveTabKey(year));
  if (!archive) {
    // Back to the first step, so choosing the item again writes the archive anew from the live rows.
    saveJournal(ctx.store, { ...journal, step: 'started' });
    throw new UserError(newYearText.archiveGone(year));
  }
  const sections = readArchive(readArchiveValues(archive));
  const cache = ctx.services.documentCache();
  const calendar = readTab(ctx.spreadsheet, CALENDAR_TAB, cache);
  if (calendar) {
    const idAt = calendar.location.index.id;
    const idHeader = idAt >= 0 ? asText(calendar.raw.headers[idAt]) : null;
    const match = matchArchived(sections.activities, liveTable(calendar), idHeader);
    for (const update of match.updates) rewriteArchiveRow(archive, update.row, update.values);
    deleteSheetRows(calendar.sheet, match.remove);
  }
  const progress = readTab(ctx.spreadsheet, PROGRESS_TAB, cache);
  if (progress)
    deleteSheetRows(
      progress.sheet,
      matchArchived(sections.measurements, liveTable(progress), null).remove,
    );
  protectWarningOnly(ctx.services.sheetBuilders(), archive, newYearText.protection(year));
  return { ...journal, step: 'removed' };
}

/** The year recorded as done, the journal closed, the dashboard made anew; counts read from the archive. */
function finish(ctx: Context, year: SchoolYear): NewYearResult {
  const entry = loadArchivedYears(ctx.store)[year.key];
  const sheet = findTaggedSheet(ctx.spreadsheet, archiveTabKey(year));
  const tab = sheet?.getName() ?? entry?.tab ?? archiveTabName(year);
  // The dashboard of the new year, with its link to this archive: before the journal closes, so
  // an interruption here is finished by the rerun too.
  refreshDashboard(ctx.services);
  saveArchivedYear(ctx.store, year.key, { tab, ids: entry?.ids ?? '', done: true });
  clearJournal(ctx.store);
  sheet?.activate();
  const sections = sheet ? readArchive(readArchiveValues(sheet)) : null;
  const counts = {
    archiveTab: tab,
    activities: sections?.activities.rows.length ?? 0,
    measurements: sections?.measurements.rows.length ?? 0,
    baselines: sections?.baselines.rows.length ?? 0,
  };
  return { ...counts, message: newYearText.done(year, counts) };
}

type Step = (ctx: Context, year: SchoolYear, journal: RolloverJournal) => RolloverJournal;

/** The step that follows each journal step (none after the rows are removed: then it finishes). */
const STEPS: Record<RolloverJournal['step'], Step | undefined> = {
  started: archiveStep,
  archived: (ctx, _year, journal) => baselineStep(ctx, journal),
  baselines: removalStep,
  removed: undefined,
};

/**
 * Runs (or finishes) the rollover under the document lock. The journal is saved after each write
 * step, so an interrupted run resumes where it stopped; each step is safe to run twice.
 * `expected` is what the coordinator confirmed: a plan that changed since is refused.
 */
export function startNextYear(
  services: GoogleServices,
  expected: Pick<NewYearPreview, 'activities' | 'measurements'> | null,
): NewYearResult {
  return withDocumentLock(
    services.documentLock(),
    () => {
      const ctx = context(services);
      let journal = loadJournal(ctx.store);
      const year = yearFor(ctx, journal, loadArchivedYears(ctx.store));
      const plan =
        journal === null || journal.step === 'started' ? planFor(ctx, year, readLive(ctx)) : null;
      if (
        plan &&
        expected &&
        (plan.activities.length !== expected.activities ||
          plan.measurements.length !== expected.measurements)
      )
        throw new UserError(newYearText.changed);
      if (journal === null) {
        journal = {
          v: 1,
          year: year.startYear,
          step: 'started',
          startedOn: ctx.today,
          baselines: {},
        };
        saveJournal(ctx.store, journal);
      }
      // Each step reads what it needs anew, so a rerun after any interruption finishes the same way.
      for (let step = STEPS[journal.step]; step; step = STEPS[journal.step]) {
        journal = step(ctx, year, journal);
        saveJournal(ctx.store, journal);
      }
      return finish(ctx, year);
    },
    30_000,
  );
}
