// An event insert that took effect and then failed: the next sync finds the event by its tag and writes its Event ID (issue 12).
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { SyncReport } from '../../src/shared/calendarWire';
import { appendRows, calendarRows, syncFixture } from '../harness/syncFixture';

describe('an insert that took effect, then failed', () => {
  it.each([
    [1, 'Internal error encountered.'],
    [2, 'Internal error encountered.'],
    [2, 'Service unavailable. Try again later.'],
  ])(
    'insert #%i fails with “%s”: the next sync adopts the event, writes its Event ID',
    (nth, message) => {
      const { ws, addon, calendarId } = syncFixture();
      const day = (d: number) => ({
        title: `Session ${d}`,
        type: 'Meeting',
        startDate: `2027-04-0${d}`,
      });
      appendRows(ws, CALENDAR_TAB, [day(1), day(2), day(3)]);
      const events = ws.calendar.advanced.Events;
      const insert = events.insert.bind(events);
      let calls = 0;
      events.insert = ((...args: Parameters<typeof insert>) => {
        calls += 1;
        const made = insert(...args);
        // The event exists on the calendar, but the answer is lost (a backend error after the write).
        if (calls === nth) throw new Error(message);
        return made;
      }) as typeof events.insert;
      const first = addon.run('syncCalendar') as SyncReport;
      events.insert = insert;
      // A limit stops the run at that insert; another error only fails that row.
      const stops = /try again later/i.test(message);
      expect(first.complete).toBe(!stops);
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(stops ? nth : 3);

      const second = addon.run('syncCalendar') as SyncReport;
      expect(second).toMatchObject({ created: stops ? 3 - nth : 0, deleted: 0 });
      expect(ws.calendar.liveEvents(calendarId)).toHaveLength(3);
      const live = ws.calendar.liveEvents(calendarId);
      for (const row of calendarRows(ws)) {
        const event = live.find((e) => e.id === row.eventId);
        expect({
          id: row.id,
          tag: event?.tags.swpActivityId,
          status: String(row.syncStatus),
        }).toEqual({
          id: row.id,
          tag: row.id,
          status: expect.stringMatching(/^OK/),
        });
      }
      expect(addon.run('syncCalendar')).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    },
  );
});
