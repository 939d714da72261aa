// Recurrence: the builder's RRULE strings and their expansion, including across a DST change.
import { CalendarEmulator } from '../../emulator/calendar';
import { Runtime } from '../../emulator/runtime';

const USER = 'coordinator@example.org';

function setup(zone = 'America/New_York') {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 10, 12) });
  const emu = new CalendarEmulator(runtime, {
    userEmail: USER,
    defaultCalendarTimeZone: zone,
    scriptTimeZone: () => zone,
  });
  return { runtime, emu, app: emu.calendarApp };
}

const at = (iso: string) => new Date(iso);
// 09:00 in New York: EST (-05:00) before 14 March 2027, EDT (-04:00) after.
const nyFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** "MM/DD HH:mm" on a New York clock, built from parts so ICU punctuation does not matter. */
const nyLocal = (e: { getStartTime(): Date }) => {
  const p = Object.fromEntries(
    nyFormat.formatToParts(e.getStartTime()).map((x) => [x.type, x.value]),
  );
  return `${p.month}/${p.day} ${p.hour}:${p.minute}`;
};

describe('recurrence', () => {
  test('a weekly 09:00 New York series stays at 09:00 local across the March DST change', () => {
    const { app } = setup();
    const rec = app.newRecurrence().addWeeklyRule().times(4);
    app.createEventSeries('Standup', at('2027-03-01T14:00Z'), at('2027-03-01T14:30Z'), rec);
    const events = app.getEvents(at('2027-03-01T00:00Z'), at('2027-04-01T00:00Z'));
    expect(events.map(nyLocal)).toEqual([
      '03/01 09:00',
      '03/08 09:00',
      '03/15 09:00',
      '03/22 09:00',
    ]);
    expect(events[2].getStartTime().toISOString()).toBe('2027-03-15T13:00:00.000Z');
    expect(events[2].getEndTime().toISOString()).toBe('2027-03-15T13:30:00.000Z');
  });

  test('all occurrences share one iCalUID and are recurring', () => {
    const { app } = setup();
    const series = app.createEventSeries(
      'Standup',
      at('2027-03-01T14:00Z'),
      at('2027-03-01T14:30Z'),
      app.newRecurrence().addDailyRule().times(3),
    );
    const events = app.getEvents(at('2027-03-01T00:00Z'), at('2027-03-10T00:00Z'));
    expect(events).toHaveLength(3);
    expect(new Set(events.map((e) => e.getId()))).toEqual(new Set([series.getId()]));
    expect(events.every((e) => e.isRecurringEvent())).toBe(true);
    expect(events[1].getEventSeries().getTitle()).toBe('Standup');
  });

  test('the REST view stores RRULE strings: FREQ=WEEKLY;INTERVAL=2;UNTIL=...', () => {
    const { app, emu } = setup();
    app.createEventSeries(
      'Fortnightly',
      at('2027-03-01T14:00Z'),
      at('2027-03-01T15:00Z'),
      app
        .newRecurrence()
        .addWeeklyRule()
        .interval(2)
        .onlyOnWeekdays([
          app.Weekday.MONDAY,
          app.Weekday.THURSDAY,
        ] as unknown as GoogleAppsScript.Base.Weekday[])
        .until(at('2027-04-30T12:00Z')),
    );
    const [item] = emu.advanced.Events.list('primary').items!;
    expect(item.recurrence).toEqual([
      'RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20270501T035959Z;BYDAY=MO,TH',
    ]);
    expect(item.start).toEqual({
      dateTime: '2027-03-01T09:00:00-05:00',
      timeZone: 'America/New_York',
    });
  });

  test('until is inclusive of its date', () => {
    const { app } = setup();
    app.createEventSeries(
      'Daily',
      at('2027-03-01T14:00Z'),
      at('2027-03-01T15:00Z'),
      app.newRecurrence().addDailyRule().until(at('2027-03-05T05:00Z')),
    );
    expect(app.getEvents(at('2027-03-01T00:00Z'), at('2027-04-01T00:00Z'))).toHaveLength(5);
  });

  test('a rule with neither until nor times never ends', () => {
    const { app } = setup();
    app.createEventSeries(
      'Forever',
      at('2027-03-01T14:00Z'),
      at('2027-03-01T15:00Z'),
      app.newRecurrence().addWeeklyRule(),
    );
    expect(
      app.getEvents(at('2031-06-01T00:00Z'), at('2031-07-01T00:00Z')).length,
    ).toBeGreaterThanOrEqual(4);
  });

  test('monthly on month days and yearly rules expand', () => {
    const { app } = setup('UTC');
    app.createEventSeries(
      'Report',
      at('2027-01-15T10:00Z'),
      at('2027-01-15T11:00Z'),
      app.newRecurrence().addMonthlyRule().onlyOnMonthDays([1, 15]).times(5),
    );
    const starts = app
      .getEvents(at('2027-01-01T00:00Z'), at('2028-01-01T00:00Z'))
      .map((e) => e.getStartTime().toISOString().slice(0, 10));
    expect(starts).toEqual(['2027-01-15', '2027-02-01', '2027-02-15', '2027-03-01', '2027-03-15']);
    app.createAllDayEventSeries(
      'Anniversary',
      at('2027-05-20T00:00Z'),
      app.newRecurrence().addYearlyRule().times(3),
    );
    expect(
      app.getEvents(at('2029-05-20T00:00Z'), at('2029-05-21T00:00Z')).map((e) => e.getTitle()),
    ).toEqual(['Anniversary']);
    expect(app.getEvents(at('2030-05-20T00:00Z'), at('2030-05-21T00:00Z'))).toHaveLength(0);
  });

  test('Events.list with singleEvents=true expands occurrences with instance ids', () => {
    const { app, emu } = setup();
    app.createEventSeries(
      'Standup',
      at('2027-03-01T14:00Z'),
      at('2027-03-01T14:30Z'),
      app.newRecurrence().addWeeklyRule().times(3),
    );
    const res = emu.advanced.Events.list('primary', {
      singleEvents: true,
      orderBy: 'startTime',
      timeMin: '2027-03-01T00:00:00Z',
      timeMax: '2027-04-01T00:00:00Z',
    });
    const items = res.items!;
    expect(items).toHaveLength(3);
    const master = emu.allEvents(USER)[0].id;
    expect(items[0].id).toBe(`${master}_20270301T140000Z`);
    expect(items[2].start?.dateTime).toBe('2027-03-15T09:00:00-04:00');
    expect(items.every((i) => i.recurringEventId === master)).toBe(true);
    // Without singleEvents, the series is one item carrying its recurrence.
    expect(emu.advanced.Events.list('primary').items).toHaveLength(1);
  });

  test('deleting one occurrence removes only that occurrence (a cancelled exception; the series keeps its rule)', () => {
    const { app, emu } = setup();
    app.createEventSeries(
      'Standup',
      at('2027-03-01T14:00Z'),
      at('2027-03-01T14:30Z'),
      app.newRecurrence().addDailyRule().times(3),
    );
    const range = [at('2027-03-01T00:00Z'), at('2027-03-10T00:00Z')] as const;
    app.getEvents(...range)[1].deleteEvent();
    expect(app.getEvents(...range).map((e) => e.getStartTime().toISOString())).toEqual([
      '2027-03-01T14:00:00.000Z',
      '2027-03-03T14:00:00.000Z',
    ]);
    expect(emu.allEvents(USER)[0].recurrence).toEqual(['RRULE:FREQ=DAILY;COUNT=3']);
    const master = emu.allEvents(USER)[0].id;
    const stub = emu.advanced.Events.list('primary').items?.find((i) => i.status === 'cancelled');
    expect(stub).toMatchObject({
      id: `${master}_20270302T140000Z`,
      recurringEventId: master,
      originalStartTime: { dateTime: '2027-03-02T09:00:00-05:00' },
    });
  });

  test('deleteEventSeries removes every occurrence', () => {
    const { app } = setup();
    const series = app.createEventSeries(
      'Standup',
      at('2027-03-01T14:00Z'),
      at('2027-03-01T14:30Z'),
      app.newRecurrence().addDailyRule().times(3),
    );
    series.deleteEventSeries();
    expect(app.getEvents(at('2027-03-01T00:00Z'), at('2027-03-10T00:00Z'))).toHaveLength(0);
  });

  test('getEventById on a series returns its first occurrence', () => {
    const { app } = setup();
    const series = app.createEventSeries(
      'Standup',
      at('2027-03-01T14:00Z'),
      at('2027-03-01T14:30Z'),
      app.newRecurrence().addDailyRule().times(3),
    );
    expect(app.getEventById(series.getId())?.getStartTime().toISOString()).toBe(
      '2027-03-01T14:00:00.000Z',
    );
  });

  test('changing one occurrence changes only it (an exception of the series)', () => {
    const { app } = setup();
    const series = app.createEventSeries(
      'Standup',
      at('2027-03-01T14:00Z'),
      at('2027-03-01T14:30Z'),
      app.newRecurrence().addDailyRule().times(3),
    );
    const range = [at('2027-03-01T00:00Z'), at('2027-03-10T00:00Z')] as const;
    const [first] = app.getEvents(...range);
    first.setTitle('Moved standup');
    first.setTime(at('2027-03-05T15:00Z'), at('2027-03-05T15:30Z'));
    expect(first.getStartTime().toISOString()).toBe('2027-03-05T15:00:00.000Z');
    expect(first.isRecurringEvent()).toBe(true);
    expect(first.getEventSeries().getTitle()).toBe('Standup');
    expect(
      app.getEvents(...range).map((e) => [e.getTitle(), e.getStartTime().toISOString()]),
    ).toEqual([
      ['Standup', '2027-03-02T14:00:00.000Z'],
      ['Standup', '2027-03-03T14:00:00.000Z'],
      ['Moved standup', '2027-03-05T15:00:00.000Z'],
    ]);
    expect(series.getTitle()).toBe('Standup');
  });
});
