// The Sync Log tab: every deletion with the event's details, and a line per sync run.
import { GENERATED_TABS } from '../../domain/schema/metadata';
import { literalRow } from '../../domain/table/literal';
import { PEOPLE_TIME_CELL_FORMAT } from '../../domain/time/peopleTime';
import { versionLine } from '../../shared/version';
import { ensureGridSize, generatedTab } from './generatedTab';
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

/** Appends entries in one write (plus a one-time creation of the tab, and growing its grid). */
export function appendSyncLog(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: readonly SyncLogEntry[],
): void {
  if (entries.length === 0) return;
  const sheet = generatedTab(spreadsheet, SYNC_LOG_KEY, GENERATED_TABS.syncLog, '#5f6368');
  if (sheet.getLastRow() === 0) {
    sheet.getRange(1, 1, 1, SYNC_LOG_HEADERS.length).setValues([[...SYNC_LOG_HEADERS]]);
    sheet.setFrozenRows(1);
  }
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  ensureGridSize(sheet, start + entries.length - 1, SYNC_LOG_HEADERS.length);
  sheet
    .getRange(start, 1, entries.length, SYNC_LOG_HEADERS.length)
    .setValues(entries.map((e) => [e[0], ...literalRow(e.slice(1))]));
  // When: as Last synced and the sidebar's last run say it ("1 Dec 2026, 09:59"), so a run reads
  // the same in all three places.
  sheet.getRange(start, 1, entries.length, 1).setNumberFormat(PEOPLE_TIME_CELL_FORMAT);
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
