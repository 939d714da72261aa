// Mass removals of any kind wait for the coordinator's count, and automatic syncs skip rows still being typed (issue 10).
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { CalendarSyncState, SyncReport } from '../../src/shared/calendarWire';
import { seeded } from '../harness/seeded';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows, calendarColumn, calendarRows, syncFixture } from '../harness/syncFixture';

const partnerColumns = CALENDAR_TAB.columns.flatMap((c, i) => (c.owner === 'addon' ? [] : [i + 1]));

/** Rows a partner would type, varied: timed and all-day, some repeating, in the row's own zone or not. */
function activities(seed: number, n: number) {
  const rnd = seeded(seed);
  const zones = ['', 'Europe/Paris', 'America/Chicago', 'Asia/Tokyo'];
  return Array.from({ length: n }, (_, i) => ({
    title: `Session ${i + 1} ${['tutoring', 'fair', 'board', 'forum'][Math.floor(rnd() * 4)]}`,
    startDate: `2027-0${4 + Math.floor(rnd() * 5)}-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`,
    startTime: rnd() < 0.7 ? `${String(8 + Math.floor(rnd() * 10)).padStart(2, '0')}:30` : '',
    timeZone: zones[Math.floor(rnd() * zones.length)],
    recurrence: rnd() < 0.2 ? 'Weekly, 4 times' : '',
    status: rnd() < 0.5 ? 'Planned' : 'Confirmed',
  }));
}

type Removal = (ws: Workspace, rows: number[]) => void;
const setStatus =
  (status: string): Removal =>
  (ws, rows) => {
    for (const r of rows) ws.sheets.userEdit('Calendar', r, calendarColumn('status'), status);
  };
const REMOVALS: Array<[string, Removal]> = [
  ['Cancelled', setStatus('Cancelled')],
  ['Draft', setStatus('Draft')],
  ['deleted rows', (ws, rows) => ws.sheets.userDeleteRows('Calendar', rows[0], rows.length)],
  [
    'emptied rows',
    (ws, rows) => {
      for (const r of rows)
        for (const col of partnerColumns) ws.sheets.userEdit('Calendar', r, col, '');
    },
  ],
];

function hourly(ws: Workspace, addon: Addon): void {
  ws.runtime.advance(3_600_000);
  addon.runDueTriggers();
}

describe.each(REMOVALS.map(([name, act], i) => [name, act, 101 + i * 7] as const))(
  'mass removal by %s',
  (_name, act, seed) => {
    it('is held back by the automatic run, reported, and done only by a manual sync confirmed with its count', () => {
      const zone = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'][
        seed % 4
      ];
      const { ws, addon, calendarId } = syncFixture({ spreadsheetTimeZone: zone });
      const n = 8 + (seed % 5);
      appendRows(ws, CALENDAR_TAB, activities(seed, n));
      sidebarCall(addon, 'syncCalendar');
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(n);
      sidebarCall(addon, 'setAutoSync', { afterEdits: false, hourly: true });

      const removed = n - 2;
      act(
        ws,
        Array.from({ length: removed }, (_, i) => i + 2),
      );
      hourly(ws, addon);
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(n);
      const words = `${removed} events to remove held back`;
      expect(String(ws.sheets.table('Sync Log').at(-1)?.[9])).toContain(words);
      const state = sidebarCall(addon, 'getCalendarSyncState') as CalendarSyncState;
      expect(state.lastRun).toContain(words);

      // A manual sync without the count holds back too; a wrong count is refused and changes nothing.
      const unconfirmed = sidebarCall(addon, 'syncCalendar') as SyncReport;
      expect(unconfirmed).toMatchObject({ deleted: 0, heldBackDeletions: removed });
      expect(() => sidebarCall(addon, 'syncCalendar', removed + 1)).toThrow(
        new RegExp(`would now remove ${removed} events, not ${removed + 1}`),
      );
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(n);

      const confirmed = sidebarCall(addon, 'syncCalendar', removed) as SyncReport;
      expect(confirmed).toMatchObject({ deleted: removed, heldBackDeletions: 0 });
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(n - removed);
    });
  },
);

describe('a few removals', () => {
  it('go at once in an automatic run (one cancelled meeting needs no confirmation)', () => {
    const { ws, addon, calendarId } = syncFixture();
    appendRows(ws, CALENDAR_TAB, activities(5, 6));
    sidebarCall(addon, 'syncCalendar');
    sidebarCall(addon, 'setAutoSync', { afterEdits: false, hourly: true });
    setStatus('Cancelled')(ws, [3]);
    hourly(ws, addon);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(5);
    expect(String(calendarRows(ws)[1].syncStatus)).toBe(
      'Cancelled: its event was removed from the calendar.',
    );
  });
});

describe('rows still being typed', () => {
  it.each([['America/New_York'], ['Asia/Kathmandu']])(
    'are skipped by the after-edit sync until Title, Start date and Status are filled (%s)',
    (zone) => {
      const { ws, addon, calendarId } = syncFixture({ spreadsheetTimeZone: zone });
      sidebarCall(addon, 'setAutoSync', { afterEdits: true, hourly: false });
      const row = 2;
      addon.userEdit('Calendar', row, calendarColumn('title'), 'Reading night');
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(0);
      expect(String(calendarRows(ws)[0].syncStatus)).toMatch(
        /^Not synced yet: type the Start date, choose a Status/,
      );
      addon.userEdit('Calendar', row, calendarColumn('startDate'), '2027-03-18');
      addon.userEdit('Calendar', row, calendarColumn('startTime'), '18:00');
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(0);
      addon.userEdit('Calendar', row, calendarColumn('status'), 'Planned');
      const [event] = ws.calendar.liveEvents(calendarId);
      expect(event).toMatchObject({ title: 'Reading night' });
      expect(String(calendarRows(ws)[0].syncStatus)).toBe('OK: event created');

      // A cleared title is a row being edited again: its event stays as it was.
      addon.userEdit('Calendar', row, calendarColumn('title'), '');
      expect(ws.calendar.liveEvents(calendarId)).toMatchObject([{ title: 'Reading night' }]);
      expect(String(calendarRows(ws)[0].syncStatus)).toMatch(
        /^Not updated: type the Title\. Its event stays in the calendar as last synced\./,
      );

      // A click follows the same rule for the Status: a row without one waits for the
      // coordinator to send it as Planned, by count.
      addon.userEdit('Calendar', 3, calendarColumn('title'), 'Family fair');
      addon.userEdit('Calendar', 3, calendarColumn('startDate'), '2027-04-10');
      const report = sidebarCall(addon, 'syncCalendar') as SyncReport;
      expect(report).toMatchObject({ created: 0, noStatus: 1 });
      expect(sidebarCall(addon, 'syncCalendar', null, 1)).toMatchObject({ created: 1 });
      expect(
        ws.calendar
          .liveEvents(calendarId)
          .map((e) => e.title)
          .sort(),
      ).toEqual(['Family fair', 'Reading night']);
    },
  );
});
