// Switching calendars carries a series' occurrences moved, changed or cancelled in Google Calendar with it, even when interrupted.

import type { OccurrenceSnapshot } from '../../emulator/calendar';
import { DAILY_QUOTA_MESSAGE } from '../../emulator/calendar/errors';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { CalendarMovePreview, CalendarSyncState } from '../../src/shared/calendarWire';
import { seeded } from '../harness/seeded';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows, calendarRows, syncFixture } from '../harness/syncFixture';
import { rowsOf } from '../harness/workbook';
import { underEveryOccurrenceReading } from '../harness/workspace';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WRITES = /^Calendar\.Events\.(insert|patch|update|remove|move)$/;

const choice = (calendarId: string, confirmMove?: number) => ({
  mode: 'existing' as const,
  calendarId,
  shareWithPartners: false,
  invitePartners: true,
  sendInvites: false,
  ...(confirmMove === undefined ? {} : { confirmMove }),
});

type Ws = ReturnType<typeof syncFixture>['ws'];

const planSeries = (ws: Ws, calendarId: string) =>
  ws.calendar.liveEvents(calendarId).filter((e) => e.tags.swpActivityId);

/** How the occurrences look in Calendar, without the ids (which name the calendar's own series). */
const looks = (occ: readonly OccurrenceSnapshot[]) =>
  occ.map(({ start, end, originalStart, title, location, exception }) => ({
    start,
    end,
    originalStart,
    title,
    location,
    exception,
  }));

/** Two distinct indexes below n, drawn from the seed. */
function twoOf(rnd: () => number, n: number): [number, number] {
  const a = Math.floor(rnd() * n);
  const b = (a + 1 + Math.floor(rnd() * (n - 1))) % n;
  return [a, b];
}

/**
 * A timed and an all-day series synced to the plan's calendar, each with one occurrence moved and
 * one cancelled by a partner in Calendar (and one timed occurrence retitled and moved to another
 * place), the rows' Exceptions cells filled by a sync; then a second calendar in another zone.
 */
function planWithExceptions(seed: number, zone: string, targetZone: string) {
  const rnd = seeded(seed);
  const f = syncFixture({ spreadsheetTimeZone: zone });
  const startDay = 1 + Math.floor(rnd() * 20);
  appendRows(f.ws, CALENDAR_TAB, [
    {
      title: 'Steering group',
      startDate: `2027-03-${String(startDay).padStart(2, '0')}`,
      startTime: `${8 + Math.floor(rnd() * 8)}:30`,
      endTime: '17:45',
      recurrence: 'Weekly, 7 times',
      location: 'Library',
    },
    {
      title: 'Market stall',
      startDate: `2027-10-${String(startDay + 3).padStart(2, '0')}`,
      recurrence: 'Weekly, 6 times',
    },
  ]);
  expect(sidebarCall(f.addon, 'syncCalendar')).toMatchObject({ created: 2, failed: 0 });
  const ids = new Map(planSeries(f.ws, f.calendarId).map((e) => [e.title, e.id]));
  const timed = ids.get('Steering group')!;
  const allDay = ids.get('Market stall')!;
  const timedOcc = f.ws.calendar.instancesOf(f.calendarId, timed);
  const allDayOcc = f.ws.calendar.instancesOf(f.calendarId, allDay);
  const [tMove, tCancel] = twoOf(rnd, timedOcc.length);
  const [aMove, aCancel] = twoOf(rnd, allDayOcc.length);
  const hours = 2 + Math.floor(rnd() * 40);
  f.ws.calendar.moveOccurrence(
    f.calendarId,
    timed,
    timedOcc[tMove].originalStart,
    new Date((timedOcc[tMove].start as Date).getTime() + hours * HOUR),
  );
  f.ws.calendar.cancelOccurrence(f.calendarId, timed, timedOcc[tCancel].originalStart);
  const days = 1 + Math.floor(rnd() * 3);
  const movedTo = new Date(Date.parse(`${allDayOcc[aMove].start}T00:00:00Z`) + days * DAY)
    .toISOString()
    .slice(0, 10);
  f.ws.calendar.moveOccurrence(f.calendarId, allDay, allDayOcc[aMove].originalStart, movedTo);
  f.ws.calendar.cancelOccurrence(f.calendarId, allDay, allDayOcc[aCancel].originalStart);
  // A partner also retitles the moved occurrence and holds it elsewhere (its own instance id).
  f.ws.calendar.advanced.Events.patch(
    { summary: 'Steering group (online)', location: 'Video call' },
    f.calendarId,
    f.ws.calendar.instancesOf(f.calendarId, timed).find((o) => o.exception)!.id,
  );
  sidebarCall(f.addon, 'syncCalendar');
  const cells = new Map(calendarRows(f.ws).map((r) => [r.title, String(r.exceptions)]));
  expect(cells.get('Steering group')).toContain('cancelled');
  expect(cells.get('Market stall')).toContain('moved to');
  const before = new Map([
    ['Steering group', looks(f.ws.calendar.instancesOf(f.calendarId, timed))],
    ['Market stall', looks(f.ws.calendar.instancesOf(f.calendarId, allDay))],
  ]);
  expect(before.get('Steering group')).toHaveLength(6);
  expect(before.get('Market stall')).toHaveLength(5);
  const target = f.ws.calendar.addCalendar({ name: 'Partnership 2027', timeZone: targetZone });
  return { ...f, target, before, cells };
}

/** The new calendar holds each series once, with every occurrence as it was; the old has none. */
function expectCarried(p: ReturnType<typeof planWithExceptions>) {
  const { ws, calendarId, target, before } = p;
  expect(planSeries(ws, calendarId)).toEqual([]);
  const copies = planSeries(ws, target);
  expect(copies.map((e) => e.title).sort()).toEqual(['Market stall', 'Steering group']);
  for (const copy of copies)
    expect(looks(ws.calendar.instancesOf(target, copy.id))).toEqual(before.get(copy.title));
  // The rows point at the copies, and the next sync tells the same exceptions and writes nothing.
  const ids = new Map(copies.map((e) => [e.tags.swpActivityId, e.id]));
  for (const row of calendarRows(ws)) expect(row.eventId).toBe(ids.get(String(row.id)));
  ws.runtime.resetCounts();
  const report = sidebarCall(p.addon, 'syncCalendar') as SyncReport;
  expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0, conflicts: 0, failed: 0 });
  expect(ws.runtime.count(WRITES)).toBe(0);
  for (const row of calendarRows(ws)) expect(row.exceptions).toBe(p.cells.get(String(row.title)));
  ws.runtime.resetCounts();
  sidebarCall(p.addon, 'syncCalendar');
  expect(ws.runtime.count(WRITES)).toBe(0);
  for (const copy of planSeries(ws, target))
    expect(looks(ws.calendar.instancesOf(target, copy.id))).toEqual(before.get(copy.title));
}

underEveryOccurrenceReading(() => {
  describe.each([
    [4, 'America/New_York', 'Europe/Berlin'],
    [9, 'Pacific/Auckland', 'America/Los_Angeles'],
  ])(
    'switching calendars with changed occurrences (seed %i, %s → %s)',
    (seed, zone, targetZone) => {
      it('carries every moved, changed and cancelled occurrence to the new calendar', () => {
        const p = planWithExceptions(seed, zone, targetZone);
        const preview = sidebarCall(
          p.addon,
          'previewCalendarMove',
          choice(p.target),
        ) as CalendarMovePreview;
        expect(preview.events).toBe(2);
        const state = sidebarCall(
          p.addon,
          'saveCalendarChoice',
          choice(p.target, 2),
        ) as CalendarSyncState;
        expect(state.lastRun).toContain(
          'Moved 2 events from “Riverside Partnership” to “Partnership 2027” (copied with their guests and answers and 4 occurrences moved or cancelled in Calendar, then removed',
        );
        expectCarried(p);
      });

      it.each([
        ['a quota error on the first occurrence patched', 'patch', 1, false],
        ['a quota error on the second occurrence patched', 'patch', 2, false],
        ['a quota error on the first delete', 'remove', 1, false],
        ['a quota error on the third delete', 'remove', 3, false],
        ['a quota error right after the first copy was made', 'insert', 1, true],
        ['a quota error right after the second copy was made', 'insert', 2, true],
      ] as const)('finishes after %s, with one copy of each series', (_, method, at, after) => {
        const p = planWithExceptions(seed, zone, targetZone);
        const call = `Calendar.Events.${method}`;
        if (after) p.ws.runtime.failAfter(call, at, 'Rate Limit Exceeded');
        else p.ws.runtime.failAt(call, at, 'Rate Limit Exceeded');
        const state = sidebarCall(
          p.addon,
          'saveCalendarChoice',
          choice(p.target, 2),
        ) as CalendarSyncState;
        expect(state.lastRun).toContain('moved so far');
        expect(state.lastRun).toContain('It continues by itself in about a minute.');
        for (let i = 0; i < 5 && planSeries(p.ws, p.calendarId).length > 0; i++) {
          p.ws.runtime.advance(61_000);
          p.addon.runDueTriggers();
        }
        expectCarried(p);
        const log = rowsOf(p.ws, 'Sync Log');
        expect(log.filter((r) => r.What === 'Calendar moved')).toHaveLength(1);
      });

      it('waits an hour when the daily limit stops the move, then finishes it', () => {
        const p = planWithExceptions(seed, zone, targetZone);
        p.ws.runtime.failAt('Calendar.Events.remove', 1, DAILY_QUOTA_MESSAGE, 10_000);
        const state = sidebarCall(
          p.addon,
          'saveCalendarChoice',
          choice(p.target, 2),
        ) as CalendarSyncState;
        expect(state.lastRun).toContain('It tries again by itself in an hour.');
        p.ws.runtime.advance(2 * 61_000);
        p.addon.runDueTriggers();
        // Nothing ran after a minute: the series is still in the old calendar.
        expect(planSeries(p.ws, p.calendarId).length).toBeGreaterThan(0);
        p.ws.runtime.clearFaults();
        p.ws.runtime.advance(HOUR);
        p.addon.runDueTriggers();
        expectCarried(p);
      });
    },
  );
});
