// The Sync Log tab: every deletion with the event's details, and a line per sync run.
import { GENERATED_TABS } from '../../domain/schema/metadata';
import { literalRow } from '../../domain/table/literal';
import { cellWidth } from '../../domain/table/textFit';
import { localeDateCellFormat, localeDateTime } from '../../domain/time/localeDate';
import { versionLine } from '../../shared/version';
import { ensureGridSize, findOrCreateGeneratedTab } from './generatedTab';
import { findTaggedSheet } from './readTab';

/** The Sync Log's tab key: found by it after a rename, so a renamed log is not started afresh. */
export const SYNC_LOG_KEY = 'syncLog';

export const SYNC_LOG_HEADERS = [
  'When',
  'Run',
  'What',
  'Activity ID',
  'Row',
  'Title',
  'Date and time',
  'Location',
  'Event ID',
  'Details',
] as const;

export type SyncLogEntry = [
  when: Date,
  run: string,
  what: string,
  activityId: string,
  row: number | '',
  title: string,
  dateTime: string,
  location: string,
  eventId: string,
  details: string,
];

/** Details: the sentence people read, then Google's own words (kept only in the Sync Log). */
export const withGoogleWords = (sentence: string, raw: string): string =>
  `${sentence}\nGoogle’s words: ${raw}`;

/** A line about a whole run (no row, event or time): what happened, and in Title the calendar. */
export function runLine(
  when: Date,
  run: string,
  what: string,
  details: string,
  calendarName = '',
): SyncLogEntry {
  const withVersion = [details, versionLine()].filter(Boolean).join('\n');
  return [when, run, what, '', '', calendarName, '', '', '', withVersion];
}

/** The Sync Log's sentences column (What happened, and Google's words): wide, wrapped. */
const DETAILS_WIDTH = 420;
/** When's width, measured from the widest date and time the locale writes ("28/12/2088 20:08"). */
const whenWidth = (locale: string) =>
  Math.ceil(
    cellWidth(
      localeDateTime({ year: 2088, month: 12, day: 28, hour: 20, minute: 8, second: 0 }, locale),
    ),
  );
/** The rows of a new tab (V: Sheets' default grid). */
const NEW_TAB_ROWS = 1000;

/**
 * Appends entries in one write (plus a one-time creation of the tab, and growing its grid). When
 * reads as the spreadsheet's locale writes dates, as Last synced and the sidebar's last run do.
 * A new log is laid out to be read at once (no cut cell): every column wraps, When and Details
 * are widened; this costs what writing its header row apart used to, so a first sync pays nothing
 * more. `locale` is read when the caller has not (one call).
 */
export function appendSyncLog(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: readonly SyncLogEntry[],
  locale: string = spreadsheet.getSpreadsheetLocale(),
): void {
  if (entries.length === 0) return;
  const { sheet, fresh } = findOrCreateGeneratedTab(
    spreadsheet,
    SYNC_LOG_KEY,
    GENERATED_TABS.syncLog,
    '#5f6368',
  );
  const lastRow = fresh ? 0 : sheet.getLastRow();
  const header = lastRow === 0 ? [[...SYNC_LOG_HEADERS] as unknown[]] : [];
  const start = Math.max(lastRow, 1) + 1 - header.length;
  const rows = [...header, ...entries.map((e) => [e[0], ...literalRow(e.slice(1))])];
  // A new log's formats cover the rows later runs fill: a new tab's 1,000 (V), or what was written.
  const formatted = lastRow === 0 ? Math.max(NEW_TAB_ROWS, rows.length) : 0;
  ensureGridSize(sheet, Math.max(start + rows.length - 1, formatted), SYNC_LOG_HEADERS.length);
  sheet.getRange(start, 1, rows.length, SYNC_LOG_HEADERS.length).setValues(rows);
  const format = localeDateCellFormat(locale, true);
  if (lastRow === 0) {
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, formatted, SYNC_LOG_HEADERS.length).setWrap(true);
    sheet.setColumnWidth(1, whenWidth(locale));
    sheet.setColumnWidth(SYNC_LOG_HEADERS.length, DETAILS_WIDTH);
  }
  sheet.getRange(start + header.length, 1, entries.length, 1).setNumberFormat(format);
}

/**
 * Every Activity ID the Sync Log names (created, updated, deleted rows), in one read; none without
 * a log. The first version kept no activity counter, but its Sync Log names each deleted row's ID:
 * that is the only record that such an ID was used, so it must not be given again.
 */
export function loggedActivityIds(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): unknown[] {
  const sheet = findTaggedSheet(spreadsheet, SYNC_LOG_KEY);
  const rows = sheet ? sheet.getLastRow() - 1 : 0;
  if (!sheet || rows < 1) return [];
  const column = SYNC_LOG_HEADERS.indexOf('Activity ID') + 1;
  return sheet
    .getRange(2, column, rows, 1)
    .getValues()
    .map((r) => r[0]);
}
