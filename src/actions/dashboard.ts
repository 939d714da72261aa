// The Dashboard tab's action: read the plan once, compute the dashboard for today, rewrite the tab.

import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { loadHealthState } from '../adapters/healthState';
import { loadArchivedYears } from '../adapters/newYearState';
import { loadSettings } from '../adapters/settings';
import { type ColumnMemoPlace, keptColumnMemo } from '../adapters/sheets/columnIdentity';
import { writeDashboard } from '../adapters/sheets/dashboardTab';
import { findOrCreateGeneratedTab } from '../adapters/sheets/generatedTab';
import { findTaggedSheet, type ReadTab, readTab } from '../adapters/sheets/readTab';
import { utilitiesZoneOracle } from '../adapters/zoneOracle';
import { computeDashboard, type Dashboard } from '../domain/dashboard/compute';
import { DASHBOARD_TAB, dashboardLayout, type LastYear } from '../domain/dashboard/layout';
import type { DashboardSource } from '../domain/dashboard/read';
import { readDashboardPlan } from '../domain/dashboard/read';
import { archiveTabKey, schoolYearStarting } from '../domain/newYear/schoolYear';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  OUTCOMES_TAB,
  PARTNERS_TAB,
  PARTNERSHIP_TAB,
  PROGRESS_TAB,
} from '../domain/schema/tabs';
import { formatWallDate } from '../domain/time/zones';
import { UserError } from '../shared/errors';
import type { DashboardSummary } from '../shared/goalsWire';
import { TAB_TEXT } from '../shared/messages';
import { roundResults } from './healthCheck';
import { inPlainWords, RUN_WORDS } from './inPlainWords';
import { showTextAsDisplayed } from './logicModel';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Measures are read as shown ("45%" is stored as 0.45): see showTextAsDisplayed. */
export function showAsDisplayed(read: ReadTab | null, keys: readonly string[]): ReadTab | null {
  if (read) showTextAsDisplayed(read, keys);
  return read;
}

export const source = (read: ReadTab | null): DashboardSource | null =>
  read ? { sheetName: read.raw.sheetName, records: read.records } : null;

/** Each source tab read once (Outcomes and Progress twice: values and what is shown). */
function computeFor(spreadsheet: Spreadsheet, cache: ColumnMemoPlace, services: GoogleServices) {
  const reads = {
    partnership: readTab(spreadsheet, PARTNERSHIP_TAB, cache),
    partners: readTab(spreadsheet, PARTNERS_TAB, cache),
    outcomes: showAsDisplayed(readTab(spreadsheet, OUTCOMES_TAB, cache), ['baseline', 'target']),
    progress: showAsDisplayed(readTab(spreadsheet, PROGRESS_TAB, cache), ['value']),
    assessments: readTab(spreadsheet, ASSESSMENTS_TAB, cache),
    calendar: readTab(spreadsheet, CALENDAR_TAB, cache),
  };
  const sheetZone = spreadsheet.getSpreadsheetTimeZone();
  const oracle = utilitiesZoneOracle(services.formatDate);
  // "Today" is the spreadsheet's day: the one place the dashboard reads the clock.
  const today = formatWallDate(oracle(Date.now(), sheetZone));
  const plan = readDashboardPlan({
    partnership: source(reads.partnership),
    partners: source(reads.partners),
    outcomes: source(reads.outcomes),
    progress: source(reads.progress),
    assessments: source(reads.assessments),
    calendar: source(reads.calendar),
    sheetZone,
    oracle,
    locale: spreadsheet.getSpreadsheetLocale(),
    lead: loadSettings(services.documentProperties())?.leadOrganisation,
  });
  const sheetIds = new Map<string, number>();
  for (const read of Object.values(reads))
    if (read) sheetIds.set(read.raw.sheetName, read.sheet.getSheetId());
  return { dashboard: computeDashboard(plan, today), sheetIds };
}

function summaryOf(d: Dashboard, tab: string, message: string): DashboardSummary {
  return {
    tab,
    today: d.today,
    summary: d.summary,
    overdue: d.overdue.length,
    upcoming: d.upcoming.length,
    silentPartners: d.participation.filter((p) => p.silent).map((p) => p.partner),
    indicators: d.indicators.map((i) => ({
      outcomeId: i.outcome.id,
      latest: i.latest?.value ?? null,
      verdict: i.verdict,
    })),
    message,
  };
}

/**
 * The latest school year "Start the next year" closed, whose archive tab still exists (its sheet ID
 * added for the link), or null: the dashboard links to last year's history.
 */
function lastArchivedYear(
  services: GoogleServices,
  sheetIds: Map<string, number>,
): LastYear | null {
  const years = loadArchivedYears(services.documentProperties());
  // A year under way links too: its archive is written before its rows leave the tabs.
  const key = Object.keys(years).sort().pop();
  if (!key) return null;
  const year = schoolYearStarting(Number(key.slice(0, 4)));
  const sheet = findTaggedSheet(services.spreadsheet(), archiveTabKey(year));
  if (!sheet) return null;
  sheetIds.set(sheet.getName(), sheet.getSheetId());
  return { label: year.label, tab: sheet.getName() };
}

/** Rebuilds the tab; the caller holds the document lock. */
function rebuild(services: GoogleServices): DashboardSummary {
  const spreadsheet = services.spreadsheet();
  // The dashboard writes its tab anyway, so it keeps the column memos in the document too: an
  // update a day after the last one reads them instead of sweeping every tab (~320 calls).
  const memo = keptColumnMemo(services.documentCache(), services.documentProperties());
  const { dashboard, sheetIds } = computeFor(spreadsheet, memo, services);
  const planName = loadSettings(services.documentProperties())?.name || spreadsheet.getName();
  const { sheet, leftAlone } = findOrCreateGeneratedTab(
    spreadsheet,
    DASHBOARD_TAB.key,
    DASHBOARD_TAB.name,
    DASHBOARD_TAB.tabColor ?? '#1a73e8',
  );
  const lastYear = lastArchivedYear(services, sheetIds);
  // Each round's response tab read once (one call a round): only counts and shown scores leave it.
  const health = { rounds: roundResults(services, loadHealthState(services.documentProperties())) };
  writeDashboard(
    sheet,
    dashboardLayout(dashboard, planName, spreadsheet.getSpreadsheetLocale(), lastYear, health),
    sheetIds,
  );
  const built = `Dashboard updated: ${dashboard.summary}`;
  const message = leftAlone
    ? `${built} ${TAB_TEXT.ownTabLeftAlone(leftAlone, sheet.getName())}`
    : built;
  return summaryOf(dashboard, sheet.getName(), message);
}

/** Said instead of making a Dashboard tab on a spreadsheet that is not a plan yet. */
export const DASHBOARD_BEFORE_SETUP =
  'Set up the work plan first (Extensions › Shared Work Plan › Set up the work plan…): the dashboard is made from the plan’s tabs. Nothing was changed.';

/** Menu and sidebar: rebuilds the Dashboard tab (creating it the first time, once set up). */
export function buildDashboard(services: GoogleServices): DashboardSummary {
  // Before set-up there is nothing to count: a tab of zeros would only have to be explained.
  if (!loadSettings(services.documentProperties())) throw new UserError(DASHBOARD_BEFORE_SETUP);
  return inPlainWords(RUN_WORDS.dashboard, () =>
    withDocumentLock(services.documentLock(), () => rebuild(services)),
  );
}

/** Rebuilds the Dashboard tab when the coordinator has one; the caller holds the document lock. */
export function refreshDashboard(services: GoogleServices): void {
  if (findTaggedSheet(services.spreadsheet(), DASHBOARD_TAB.key)) rebuild(services);
}

/**
 * After a sync, under the sync's lock: refreshes the dashboard when the coordinator has one (a sync
 * never adds a tab nobody asked for). A failure is logged, never lost in the sync's report.
 */
export function refreshDashboardAfterSync(services: GoogleServices): void {
  try {
    refreshDashboard(services);
  } catch (error) {
    console.log(`Dashboard not refreshed after the sync: ${String(error)}`);
  }
}
