// The Sync Log tab: every deletion with the event's details, and a line per sync run.
import { GENERATED_TABS } from '../../domain/schema/metadata';
import { literalRow } from '../../domain/table/literal';

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

/** Appends entries in one write (plus a one-time creation of the tab). */
export function appendSyncLog(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: readonly SyncLogEntry[],
): void {
  if (entries.length === 0) return;
  let sheet = spreadsheet.getSheetByName(GENERATED_TABS.syncLog);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(GENERATED_TABS.syncLog);
    sheet.getRange(1, 1, 1, SYNC_LOG_HEADERS.length).setValues([[...SYNC_LOG_HEADERS]]);
    sheet.setFrozenRows(1);
  }
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  sheet
    .getRange(start, 1, entries.length, SYNC_LOG_HEADERS.length)
    .setValues(entries.map((e) => [e[0], ...literalRow(e.slice(1))]));
}
