// Times and run types people read after a sync: one format (the locale's date, "11/30/2026 09:59") in the sheet's zone, everywhere.
import type { SyncReport } from '../../src/domain/calendarSync/report';
import type { CalendarSyncState } from '../../src/shared/calendarWire';
import { loadAddon } from '../harness/workspace';

/**
 * The expected text, built with Intl (not the add-on's code): the locale's short date as Sheets
 * writes it in en_US (month/day/year, no leading zeros), then the 24-hour clock. One date format
 * for everything the add-on writes: the spreadsheet locale's (src/domain/time/localeDate.ts).
 */
function shown(ms: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.month}/${parts.day}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** The sync runs on the virtual clock: a few seconds pass, so the minute shown is the start's or the next. */
function expectAround(text: string, startMs: number, zone: string): void {
  expect([shown(startMs, zone), shown(startMs + 60_000, zone)]).toContain(text);
}

/** A plan set up in `zone` (set-up formats the add-on's columns), with one good row and one to fix. */
function plannedIn(zone: string, start: number) {
  const { ws, addon } = loadAddon({ spreadsheetTimeZone: zone, startTime: start });
  addon.runFromSidebar('setUpPlan', {
    name: 'Westside Reading Partnership',
    purpose: '',
    coordinator: 'Ana Ruiz',
    coordinatorEmail: 'coordinator@example.org',
    timeZone: zone,
    partners: [],
    calendar: { mode: 'new' },
  });
  const [headers] = ws.sheets.table('Calendar') as string[][];
  const type = (row: number, header: string, text: string) =>
    addon.userEdit('Calendar', row, headers.indexOf(header) + 1, text);
  for (const [row, title, date] of [
    [2, 'Reading club', '2027-05-04'],
    [3, 'Book swap', 'next week sometime'],
  ] as const) {
    type(row, 'Title', title);
    type(row, 'Start date', date);
    type(row, 'Start time', '16:00');
    type(row, 'Status', 'Planned');
  }
  return { ws, addon };
}

const cases: Array<[zone: string, start: number]> = [
  ['Pacific/Auckland', Date.UTC(2026, 10, 30, 20, 59, 0)],
  ['America/Los_Angeles', Date.UTC(2027, 0, 1, 7, 5, 0)],
  ['Asia/Kolkata', Date.UTC(2027, 6, 15, 23, 45, 0)],
  ['Europe/London', Date.UTC(2027, 2, 28, 0, 30, 0)],
  ['UTC', Date.UTC(2028, 1, 29, 12, 0, 0)],
];

describe.each(cases)('times shown to people in %s', (zone, start) => {
  it('Last synced, the Sync Log and the last run read the same way, in the sheet’s zone', () => {
    const { ws, addon } = plannedIn(zone, start);
    const report = addon.run('syncCalendar') as SyncReport;
    expect(report).toMatchObject({ created: 1, failed: 1 });

    const [headers, ...rows] = ws.sheets.displayTable('Calendar');
    const lastSynced = rows[0][headers.indexOf('Last synced')];
    expectAround(lastSynced, start, zone);

    const [logHeaders, ...log] = ws.sheets.displayTable('Sync Log');
    const when = log.map((r) => r[logHeaders.indexOf('When')]);
    expect(when.length).toBeGreaterThan(0);
    for (const w of when) expectAround(w, start, zone);
    expect(log.map((r) => r[logHeaders.indexOf('Run')])).toEqual(when.map(() => 'manual'));

    const state = addon.runFromSidebar('getCalendarSyncState') as CalendarSyncState;
    const [lastRunTime, summary] = String(state.lastRun).split(/: (.*)/s);
    expectAround(lastRunTime, start, zone);
    expect(summary).toBe(report.summary);
  });
});

describe('a sync preview with rows to fix', () => {
  it('points to the list it shows, not to Sync status cells it never wrote', () => {
    const { ws, addon } = plannedIn('Europe/Berlin', Date.UTC(2027, 1, 1));
    const preview = addon.runFromSidebar('previewSync') as SyncReport;
    expect(preview.failed).toBe(1);
    expect(preview.summary).not.toMatch(/Sync status/);
    expect(preview.summary).toContain('1 row would not sync as typed: fix the rows listed below.');
    const [headers, ...rows] = ws.sheets.displayTable('Calendar');
    expect(rows[1][headers.indexOf('Sync status')]).toBe('');
    // The real run writes that cell, and then says where to look.
    expect((addon.run('syncCalendar') as SyncReport).summary).toContain(
      '1 row could not be synced: see Sync status.',
    );
  });
});
