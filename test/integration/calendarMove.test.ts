// Switching the plan's calendar (issue 15): the owner confirms a count, the events move, an interrupted move finishes once.

import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { CalendarMovePreview, CalendarSyncState } from '../../src/shared/calendarWire';
import { seeded } from '../harness/seeded';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows, type Cells, calendarRows, syncFixture } from '../harness/syncFixture';
import { rowsOf } from '../harness/workbook';

const GUESTS = ['ana@example.org', 'bo@example.org', 'cy@example.org'];

/** A plan synced to its calendar, with guests' answers and someone's own event beside the plan's. */
function syncedPlan(seed: number, zone: string) {
  const rnd = seeded(seed);
  const f = syncFixture({ spreadsheetTimeZone: zone });
  sidebarCall(f.addon, 'approvePeople', GUESTS);
  const count = 4 + Math.floor(rnd() * 6);
  const rows: Cells[] = Array.from({ length: count }, (_, i) => ({
    title: `Activity ${i} (${seed})`,
    startDate: `2027-0${1 + (i % 9)}-0${1 + (i % 9)}`,
    ...(rnd() < 0.3 ? {} : { startTime: '09:30', endTime: '11:00' }),
    ...(rnd() < 0.4 ? { recurrence: 'Weekly, 3 times' } : {}),
    participants: GUESTS.slice(0, Math.floor(rnd() * 4)).join(', '),
  }));
  appendRows(f.ws, CALENDAR_TAB, rows);
  sidebarCall(f.addon, 'syncCalendar');
  for (const event of f.ws.calendar.liveEvents(f.calendarId))
    for (const guest of event.guests)
      f.ws.calendar.guestAnswers(
        f.calendarId,
        event.id,
        guest.email,
        rnd() < 0.5 ? 'accepted' : 'declined',
      );
  // Someone's own event in the same calendar: not the plan's, never moved.
  f.ws.calendar.advanced.Events.insert(
    { summary: 'Dentist', start: { date: '2027-05-05' }, end: { date: '2027-05-06' } },
    f.calendarId,
  );
  const target = f.ws.calendar.addCalendar({ name: 'Partnership 2027', timeZone: zone });
  return { ...f, count, target };
}

const choice = (calendarId: string, confirmMove?: number) => ({
  mode: 'existing' as const,
  calendarId,
  shareWithPartners: false,
  invitePartners: true,
  sendInvites: false,
  ...(confirmMove === undefined ? {} : { confirmMove }),
});

const planEvents = (ws: ReturnType<typeof syncFixture>['ws'], calendarId: string) =>
  ws.calendar.liveEvents(calendarId).filter((e) => e.tags.swpActivityId);

describe.each([
  [3, 'America/Los_Angeles'],
  [11, 'Asia/Tokyo'],
])('switching calendars (seed %i, %s)', (seed, zone) => {
  it('says how many events will move and changes nothing until the owner confirms that count', () => {
    const { ws, addon, calendarId, count, target } = syncedPlan(seed, zone);
    const preview = sidebarCall(
      addon,
      'previewCalendarMove',
      choice(target),
    ) as CalendarMovePreview;
    expect(preview).toEqual({
      events: count,
      from: 'Riverside Partnership',
      to: 'Partnership 2027',
    });
    for (const wrong of [undefined, count - 1])
      expect(() => sidebarCall(addon, 'saveCalendarChoice', choice(target, wrong))).toThrow(
        `Saving moves ${count} events of the plan from “Riverside Partnership” to “Partnership 2027”: confirm the move to save. Nothing was changed.`,
      );
    expect(planEvents(ws, calendarId)).toHaveLength(count);
    expect(ws.calendar.liveEvents(target)).toHaveLength(0);
    expect((sidebarCall(addon, 'getCalendarSyncState') as CalendarSyncState).calendarId).toBe(
      calendarId,
    );
  });

  it('moves every plan event once, with its guests’ answers, even when a quota error interrupts it', () => {
    const { ws, addon, calendarId, count, target } = syncedPlan(seed, zone);
    const before = new Map(
      planEvents(ws, calendarId).map((e) => [e.tags.swpActivityId, e] as const),
    );
    // Google allows only a few creations and deletions a minute: the move stops part-way,
    // sometimes right after a copy was made and before the original was removed.
    ws.calendar.setRateLimit({ maxWritesPerWindow: 3 + (seed % 3), windowMs: 60_000 });
    const state = sidebarCall(
      addon,
      'saveCalendarChoice',
      choice(target, count),
    ) as CalendarSyncState;
    expect(state.calendarId).toBe(target);
    expect(state.lastRun).toContain('moved so far');
    expect(planEvents(ws, calendarId).length).toBeGreaterThan(0);
    // The continuation trigger (and a partner's sync meanwhile) finish it.
    for (let i = 0; i < 30 && planEvents(ws, calendarId).length > 0; i++) {
      ws.runtime.advance(61_000);
      addon.runDueTriggers();
      if (i === 2) sidebarCall(addon, 'syncCalendar');
    }
    ws.calendar.setRateLimit(null);
    expect(planEvents(ws, calendarId)).toEqual([]);
    expect(ws.calendar.liveEvents(calendarId).map((e) => e.title)).toEqual(['Dentist']);
    const moved = planEvents(ws, target);
    expect(moved.map((e) => e.tags.swpActivityId).sort()).toEqual([...before.keys()].sort());
    for (const e of moved) {
      const old = before.get(e.tags.swpActivityId)!;
      expect([e.title, e.start, e.end, e.recurrence, e.guests]).toEqual([
        old.title,
        old.start,
        old.end,
        old.recurrence,
        old.guests,
      ]);
    }
    // The rows point at their new events: the next sync finds nothing to do.
    const ids = new Map(moved.map((e) => [e.tags.swpActivityId, e.id]));
    for (const row of calendarRows(ws)) expect(row.eventId).toBe(ids.get(String(row.id)));
    const report = sidebarCall(addon, 'syncCalendar') as SyncReport;
    expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: count });
    expect(planEvents(ws, target)).toHaveLength(count);
    expect((sidebarCall(addon, 'getCalendarSyncState') as CalendarSyncState).lastRun).not.toContain(
      'deleted in Calendar',
    );
    const log = rowsOf(ws, 'Sync Log');
    expect(log.filter((r) => r.What === 'Calendar moved')).toEqual([
      expect.objectContaining({
        Title: 'Partnership 2027',
        Details: expect.stringContaining(
          `Moved ${count} events from “Riverside Partnership” to “Partnership 2027”`,
        ),
      }),
    ]);
    expect(log.some((r) => r.What === 'Calendar move paused')).toBe(true);
  });
});

it('moves nothing and asks nothing when the plan has no events yet, or the same calendar is saved', () => {
  const { ws, addon, calendarId } = syncFixture();
  const other = ws.calendar.addCalendar({ name: 'Other', timeZone: 'UTC' });
  expect(sidebarCall(addon, 'previewCalendarMove', choice(other))).toBeNull();
  appendRows(ws, CALENDAR_TAB, [{ title: 'Kick-off', startDate: '2027-02-02' }]);
  sidebarCall(addon, 'syncCalendar');
  expect(sidebarCall(addon, 'previewCalendarMove', choice(calendarId))).toBeNull();
  sidebarCall(addon, 'saveCalendarChoice', choice(calendarId));
  expect(planEvents(ws, calendarId)).toHaveLength(1);
});
