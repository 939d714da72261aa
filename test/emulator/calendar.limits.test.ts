// Throttling, quotas, injected faults, the execution budget, foreign-realm Dates and persistence.
import vm from 'node:vm';
import {
  CalendarEmulator,
  CalendarMessages,
  GoogleJsonResponseException,
} from '../../emulator/calendar';
import { Runtime, TIMEOUT_MESSAGE } from '../../emulator/runtime';

const USER = 'coordinator@example.org';
const OPTIONS = { userEmail: USER, defaultCalendarTimeZone: 'UTC', scriptTimeZone: () => 'UTC' };

function setup() {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 10, 12) });
  const emu = new CalendarEmulator(runtime, OPTIONS);
  return { runtime, emu, app: emu.calendarApp };
}

const hour = (h: number) => new Date(Date.UTC(2027, 1, 1, h));

describe('limits', () => {
  test('the burst limit raises Google\'s "too many ... in a short time" message and nothing is created', () => {
    const { app, emu, runtime } = setup();
    emu.setRateLimit({ maxWritesPerWindow: 3, windowMs: 60_000 });
    runtime.costs.calendarWrite = 1; // keep the three writes inside one window
    for (let i = 0; i < 3; i++) app.createEvent(`E${i}`, hour(i), hour(i + 1));
    expect(() => app.createEvent('E3', hour(3), hour(4))).toThrow(
      'You have been creating or deleting too many calendars or calendar events in a short time. Please try again later.',
    );
    expect(emu.allEvents(USER)).toHaveLength(3);
    runtime.advance(61_000);
    app.createEvent('E3', hour(3), hour(4));
    expect(emu.allEvents(USER)).toHaveLength(4);
  });

  test('deletions count toward the burst limit too', () => {
    const { app, emu, runtime } = setup();
    runtime.costs.calendarWrite = 1;
    const a = app.createEvent('A', hour(1), hour(2));
    const b = app.createEvent('B', hour(3), hour(4));
    emu.setRateLimit({ maxWritesPerWindow: 1, windowMs: 60_000 });
    a.deleteEvent();
    expect(() => b.deleteEvent()).toThrow(CalendarMessages.BURST_MESSAGE);
  });

  test('the REST service reports the burst limit as 403 "Calendar usage limits exceeded."', () => {
    const { emu, runtime } = setup();
    runtime.costs.calendarWrite = 1;
    emu.setRateLimit({ maxWritesPerWindow: 1, windowMs: 60_000 });
    const r = {
      summary: 'x',
      start: { dateTime: '2027-02-01T10:00:00Z' },
      end: { dateTime: '2027-02-01T11:00:00Z' },
    };
    emu.advanced.Events.insert(r, 'primary');
    try {
      emu.advanced.Events.insert(r, 'primary');
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(GoogleJsonResponseException);
      expect((e as GoogleJsonResponseException).details.code).toBe(403);
      expect((e as Error).message).toBe(
        'API call to calendar.events.insert failed with error: Calendar usage limits exceeded.',
      );
    }
  });

  test('the daily create quota (5,000 by default) raises "Service invoked too many times for one day: calendar."', () => {
    const { app, emu, runtime } = setup();
    emu.setDailyCreateQuota(2);
    app.createEvent('A', hour(1), hour(2));
    app.createAllDayEvent('B', hour(1));
    expect(() => app.createEvent('C', hour(3), hour(4))).toThrow(
      'Service invoked too many times for one day: calendar.',
    );
    runtime.advance(24 * 3_600_000);
    app.createEvent('C', hour(3), hour(4));
    expect(emu.liveEvents(USER)).toHaveLength(3);
  });

  test('runtime.failAt injects a fault on the Nth createEvent', () => {
    const { app, emu, runtime } = setup();
    runtime.failAt('CalendarApp.Calendar.createEvent', 3, 'Service error: Calendar');
    const cal = app.getDefaultCalendar();
    cal.createEvent('1', hour(1), hour(2));
    cal.createEvent('2', hour(2), hour(3));
    expect(() => cal.createEvent('3', hour(3), hour(4))).toThrow('Service error: Calendar');
    cal.createEvent('4', hour(4), hour(5));
    expect(emu.allEvents(USER).map((e) => e.title)).toEqual(['1', '2', '4']);
  });

  test('runtime.failAfter: the Nth Events call takes effect, then throws (a lost answer)', () => {
    const { emu, runtime } = setup();
    const calId = emu.calendarApp.getDefaultCalendar().getId();
    const ev = (summary: string) => ({
      summary,
      start: { dateTime: hour(1).toISOString() },
      end: { dateTime: hour(2).toISOString() },
    });
    runtime.failAfter('Calendar.Events.insert', 2, 'Rate Limit Exceeded');
    emu.advanced.Events.insert(ev('1'), calId);
    expect(() => emu.advanced.Events.insert(ev('2'), calId)).toThrow('Rate Limit Exceeded');
    // The second insert was applied although its caller saw an error.
    expect(emu.liveEvents(calId).map((e) => e.title)).toEqual(['1', '2']);
    const [first] = emu.liveEvents(calId);
    runtime.failAfter('Calendar.Events.patch', 1, 'Backend Error');
    expect(() => emu.advanced.Events.patch({ summary: 'one' }, calId, first.id)).toThrow(
      'Backend Error',
    );
    runtime.failAfter('Calendar.Events.remove', 1, 'Backend Error');
    expect(() => emu.advanced.Events.remove(calId, first.id)).toThrow('Backend Error');
    expect(emu.liveEvents(calId).map((e) => e.title)).toEqual(['2']);
  });

  test('the 6-minute budget stops an execution part-way through a long sync', () => {
    const { app, runtime, emu } = setup();
    runtime.beginExecution();
    let created = 0;
    expect(() => {
      for (let i = 0; i < 10_000; i++) {
        app.createEvent(`E${i}`, hour(0), hour(1));
        created++;
      }
    }).toThrow(TIMEOUT_MESSAGE);
    runtime.endExecution();
    // 400 ms per modelled write: 900 fit in 6 minutes; the 901st call is refused after counting.
    expect(created).toBe(900);
    expect(emu.allEvents(USER)).toHaveLength(900);
  });
});

describe('realms and persistence', () => {
  test("Dates from another realm (the add-on's vm context) are accepted", () => {
    const { app, emu } = setup();
    const start = vm.runInNewContext('new Date(Date.UTC(2027,2,1,9))') as Date;
    const end = vm.runInNewContext('new Date(Date.UTC(2027,2,1,10))') as Date;
    expect(start instanceof Date).toBe(false);
    const ev = app.createEvent('Cross-realm', start, end);
    expect(ev.getStartTime().toISOString()).toBe('2027-03-01T09:00:00.000Z');
    app.createAllDayEvent('Day', start);
    expect(emu.allEvents(USER)[1].start).toBe('2027-03-01');
  });

  test("makeDate lets returned Dates be built in the add-on's realm", () => {
    const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 10, 12) });
    const ctx = vm.createContext({});
    const emu = new CalendarEmulator(runtime, {
      ...OPTIONS,
      makeDate: (ms) => vm.runInContext(`new Date(${ms})`, ctx) as Date,
    });
    const ev = emu.calendarApp.createEvent('A', hour(1), hour(2));
    const got = ev.getStartTime();
    expect(got instanceof Date).toBe(false);
    expect(vm.runInContext('(d) => d instanceof Date', ctx)(got)).toBe(true);
  });

  test('toJSON/fromJSON round-trips calendars, events, tags, sync state and quotas', () => {
    const { app, emu, runtime } = setup();
    const cal = app.createCalendar('Partnership', { timeZone: 'Europe/Paris' });
    cal.createEvent('A', hour(1), hour(2)).setTag('row', '1');
    cal.createAllDayEvent('B', hour(1), hour(49));
    emu.setDailyCreateQuota(10);
    const token = emu.advanced.Events.list(cal.getId()).nextSyncToken;
    const json = JSON.parse(JSON.stringify(emu.toJSON()));
    const copy = CalendarEmulator.fromJSON(runtime, json, OPTIONS);
    expect(copy.allEvents(cal.getId())).toEqual(emu.allEvents(cal.getId()));
    expect(copy.calendarApp.getCalendarById(cal.getId())?.getTimeZone()).toBe('Europe/Paris');
    // The sync token issued before the round trip still works after it.
    expect(copy.advanced.Events.list(cal.getId(), { syncToken: token }).items).toHaveLength(0);
    expect(copy.toJSON().dailyCreateQuota).toBe(10);
    // The copy is independent.
    copy.calendarApp.getCalendarById(cal.getId())!.createEvent('C', hour(5), hour(6));
    expect(emu.allEvents(cal.getId())).toHaveLength(2);
  });
});
