// Google's errors reach people as a sentence (row status, report, Sync Log summary); Google's words only in the Sync Log's Details.
import {
  ACTION_NOT_ALLOWED,
  BURST_MESSAGE,
  DAILY_QUOTA_MESSAGE,
  GoogleJsonResponseException,
  restError,
} from '../../emulator/calendar/errors';
import { SYNC_LOG_HEADERS } from '../../src/adapters/sheets/syncLog';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { appendRows, type Cells, calendarRows, syncFixture } from '../harness/syncFixture';

const ZONES = {
  spreadsheetTimeZone: 'Asia/Kolkata',
  scriptTimeZone: 'America/Los_Angeles',
  calendarTimeZone: 'Europe/Berlin',
  planTimeZone: 'Australia/Sydney',
};
const rows: Cells[] = [1, 2, 3].map((n) => ({
  title: `Session ${n}`,
  startDate: `2027-05-0${n}`,
  startTime: '10:00',
  endTime: '11:00',
}));
const http = (method: string, code: number, reason: string, message: string) =>
  new GoogleJsonResponseException(method, code, reason, message);
const insert = 'calendar.events.insert';

/** Errors that fail one row: [name, error, words the sentence must hold]. */
const ROW_ERRORS: Array<[string, Error, RegExp]> = [
  ['403 writer access', restError(insert, 'writerAccess'), /may only view this calendar/],
  [
    'CalendarApp “Action not allowed”',
    new Error(ACTION_NOT_ALLOWED),
    /may only view this calendar/,
  ],
  ['404 not found', restError(insert, 'notFound'), /could not find this event/],
  ['410 deleted', restError(insert, 'deleted'), /deleted in Google Calendar/],
  ['500 backend error', http(insert, 500, 'backendError', 'Backend Error'), /temporary problem/],
  [
    '503 unavailable',
    http(insert, 503, 'backendError', 'Service Unavailable'),
    /temporary problem/,
  ],
  [
    '400 invalid time zone',
    http(insert, 400, 'invalid', 'Invalid time zone definition for start time.'),
    /did not accept the time zone/,
  ],
  ['400 empty range', restError(insert, 'emptyRange'), /end must come after the start/],
  ['400 bad request', restError(insert, 'badRequest'), /refused the event/],
];

/** Errors that stop the run (a limit): the rest waits for the next run. */
const STOP_ERRORS: Array<[string, Error, RegExp]> = [
  [
    '429 rate limit',
    http(insert, 429, 'rateLimitExceeded', 'Rate Limit Exceeded'),
    /asked us to slow down/,
  ],
  ['403 usage limits', restError(insert, 'usageLimits'), /asked us to slow down/],
  ['burst of creates (CalendarApp)', new Error(BURST_MESSAGE), /asked us to slow down/],
  [
    'daily quota',
    new Error(DAILY_QUOTA_MESSAGE),
    /daily limit .* used up; the rest syncs once Google resets it, within a day/,
  ],
];

const rawOf = (error: Error) => error.message;

/** Every cell people read outside the Sync Log's Details column. */
function visibleOutsideDetails(ws: ReturnType<typeof syncFixture>['ws']): string[] {
  const calendar = ws.sheets.displayTable(CALENDAR_TAB.name).flat();
  const details = SYNC_LOG_HEADERS.indexOf('Details');
  const log = ws.sheets.displayTable('Sync Log').flatMap((r) => r.filter((_, i) => i !== details));
  return [...calendar, ...log];
}

const detailsOf = (ws: ReturnType<typeof syncFixture>['ws'], what: string) =>
  ws.sheets
    .table('Sync Log')
    .filter((r) => r[SYNC_LOG_HEADERS.indexOf('What')] === what)
    .map((r) => String(r[SYNC_LOG_HEADERS.indexOf('Details')]));

describe('Google’s errors in plain words', () => {
  it.each(ROW_ERRORS)(
    '%s on a write: the row says what to do; Google’s words only in Details',
    (_, error, words) => {
      const { ws, addon } = syncFixture(ZONES);
      appendRows(ws, CALENDAR_TAB, rows);
      ws.runtime.failAt('Calendar.Events.insert', 2, error);
      const report = addon.run('syncCalendar') as SyncReport;
      expect(report).toMatchObject({ created: 2, failed: 1 });
      const [failure] = report.errors;
      expect(failure.message).toMatch(words);
      expect(failure.message).not.toContain(rawOf(error));
      expect(calendarRows(ws)[1].syncStatus).toBe(`Not synced: ${failure.message}`);
      expect(report.summary).not.toContain(rawOf(error));
      for (const cell of visibleOutsideDetails(ws)) expect(cell).not.toContain(rawOf(error));
      const [details] = detailsOf(ws, 'Not synced');
      expect(details).toContain(failure.message);
      expect(details).toContain(rawOf(error));
      expect(detailsOf(ws, 'Sync')[0]).not.toContain(rawOf(error));
    },
  );

  it.each(STOP_ERRORS)(
    '%s on a write: the run stops with a sentence, the next run finishes',
    (_, error, words) => {
      const { ws, addon, calendarId } = syncFixture(ZONES);
      appendRows(ws, CALENDAR_TAB, rows);
      ws.runtime.failAt('Calendar.Events.insert', 2, error);
      const report = addon.run('syncCalendar') as SyncReport;
      expect(report).toMatchObject({ created: 1, complete: false, remaining: 2 });
      expect(report.stoppedReason).toMatch(words);
      expect(report.summary).toContain(report.stoppedReason);
      expect(report.summary).not.toContain(rawOf(error));
      for (const cell of visibleOutsideDetails(ws)) expect(cell).not.toContain(rawOf(error));
      expect(detailsOf(ws, 'Sync')[0]).toContain(report.stoppedReason);
      const [details] = detailsOf(ws, 'Stopped early');
      expect(details).toContain(rawOf(error));
      // After the daily limit the continuation waits an hour (trying sooner only fails again).
      ws.runtime.advance(words.source.startsWith('daily') ? 3_601_000 : 61_000);
      addon.runDueTriggers();
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(3);
    },
  );

  it.each([
    [
      '429 rate limit',
      http('calendar.events.list', 429, 'rateLimitExceeded', 'Rate Limit Exceeded'),
      /asked us to slow down/,
    ],
    ['403 usage limits', restError('calendar.events.list', 'usageLimits'), /asked us to slow down/],
    [
      '503 unavailable',
      http('calendar.events.list', 503, 'backendError', 'Service Unavailable'),
      /temporary problem/,
    ],
  ] as Array<[string, Error, RegExp]>)(
    '%s on the first read (Events.list): a sentence, and Google’s words in the Sync Log',
    (_, error, words) => {
      const { ws, addon, calendarId } = syncFixture(ZONES);
      appendRows(ws, CALENDAR_TAB, rows);
      ws.runtime.failAt('Calendar.Events.list', 1, error);
      let thrown = '';
      try {
        addon.run('syncCalendar');
      } catch (e) {
        thrown = (e as Error).message;
      }
      expect(thrown).toMatch(words);
      expect(thrown).not.toContain(rawOf(error));
      for (const cell of visibleOutsideDetails(ws)) expect(cell).not.toContain(rawOf(error));
      const [details] = detailsOf(ws, 'Sync failed');
      expect(details).toContain(thrown);
      expect(details).toContain(rawOf(error));
      // From the menu the sentence is an alert, and the next run does the work.
      ws.runtime.failAt('Calendar.Events.list', 1, error);
      addon.run('syncCalendarNow');
      expect(ws.sheets.ui.dialogs.at(-1)?.prompt).toBe(thrown);
      addon.run('syncCalendar');
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(3);
    },
  );

  it('a Sheets failure mid-run reads as a sentence too, and the next run adopts what was done', () => {
    const { ws, addon, calendarId } = syncFixture(ZONES);
    appendRows(ws, CALENDAR_TAB, rows);
    const raw = 'Service Spreadsheets failed while accessing document.';
    ws.runtime.failAt('SpreadsheetApp.Range.setValues', 2, raw);
    expect(() => addon.run('syncCalendar')).toThrow(/temporary problem, so the sync stopped/);
    expect(detailsOf(ws, 'Sync failed')[0]).toContain(raw);
    const again = addon.run('syncCalendar') as SyncReport;
    expect(again).toMatchObject({ created: 0, failed: 0 });
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(3);
  });
});
