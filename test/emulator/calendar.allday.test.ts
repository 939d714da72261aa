// All-day events: exclusive end dates, the script-zone trap, and the two kinds of "start" getters.
import { CalendarEmulator } from '../../emulator/calendar';
import { Runtime } from '../../emulator/runtime';

const USER = 'coordinator@example.org';

function setup(scriptZone: string, calendarZone: string) {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 10, 12) });
  const emu = new CalendarEmulator(runtime, {
    userEmail: USER,
    defaultCalendarTimeZone: calendarZone,
    scriptTimeZone: () => scriptZone,
  });
  return { runtime, emu, app: emu.calendarApp };
}

/** Midnight of a wall date in a zone, the way a sheet cell's Date arrives. */
function midnight(zoneOffsetHours: number, y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d) - zoneOffsetHours * 3_600_000);
}

describe('all-day events', () => {
  test('the end date is exclusive: 15-17 Aug is created with 15 and 18 Aug', () => {
    const { app, emu } = setup('UTC', 'UTC');
    const ev = app.createAllDayEvent(
      'Festival',
      new Date('2027-08-15T00:00Z'),
      new Date('2027-08-18T00:00Z'),
    );
    const [snap] = emu.allEvents(USER);
    expect(snap.start).toBe('2027-08-15');
    expect(snap.end).toBe('2027-08-18');
    expect(ev.isAllDayEvent()).toBe(true);
    expect(ev.getAllDayEndDate().toISOString()).toBe('2027-08-18T00:00:00.000Z');
    // Found on the 17th, not on the 18th.
    expect(
      app.getEvents(new Date('2027-08-17T12:00Z'), new Date('2027-08-17T13:00Z')),
    ).toHaveLength(1);
    expect(
      app.getEvents(new Date('2027-08-18T00:00Z'), new Date('2027-08-19T00:00Z')),
    ).toHaveLength(0);
  });

  test('createAllDayEvent(title, date) is one day and the time is ignored', () => {
    const { app, emu } = setup('UTC', 'UTC');
    app.createAllDayEvent('Deadline', new Date('2027-03-04T17:45Z'), { description: 'submit' });
    const [snap] = emu.allEvents(USER);
    expect([snap.start, snap.end, snap.description]).toEqual([
      '2027-03-04',
      '2027-03-05',
      'submit',
    ]);
  });

  test('the date is read in the SCRIPT zone: a UTC-midnight Date lands a day early in New York', () => {
    // The well-known bug: new Date('2027-03-04') is UTC midnight, which is 3 March, 19:00 in New York.
    const { app, emu } = setup('America/New_York', 'Europe/Paris');
    app.createAllDayEvent('Deadline', new Date('2027-03-04'));
    expect(emu.allEvents(USER)[0].start).toBe('2027-03-03');
  });

  test('a Date built at midnight in the script zone lands on the intended day', () => {
    const { app, emu } = setup('America/New_York', 'Europe/Paris');
    app.createAllDayEvent('Deadline', midnight(-5, 2027, 3, 4));
    expect(emu.allEvents(USER)[0].start).toBe('2027-03-04');
  });

  test('getStartTime is midnight in the CALENDAR zone, getAllDayStartDate midnight in the SCRIPT zone', () => {
    const { app } = setup('America/New_York', 'Europe/Paris');
    const ev = app.createAllDayEvent('Day', midnight(-5, 2027, 3, 4));
    expect(ev.getStartTime().toISOString()).toBe('2027-03-03T23:00:00.000Z'); // 00:00 Paris
    expect(ev.getEndTime().toISOString()).toBe('2027-03-04T23:00:00.000Z');
    expect(ev.getAllDayStartDate().toISOString()).toBe('2027-03-04T05:00:00.000Z'); // 00:00 New York
    expect(ev.getAllDayEndDate().toISOString()).toBe('2027-03-05T05:00:00.000Z');
  });

  test('getAllDayStartDate throws on a timed event', () => {
    const { app } = setup('UTC', 'UTC');
    const ev = app.createEvent('t', new Date('2027-03-04T10:00Z'), new Date('2027-03-04T11:00Z'));
    expect(() => ev.getAllDayStartDate()).toThrow();
  });

  test('setTime turns an all-day event into a timed one', () => {
    const { app, emu } = setup('UTC', 'UTC');
    const ev = app.createAllDayEvent('Day', new Date('2027-03-04T00:00Z'));
    ev.setTime(new Date('2027-03-04T09:00Z'), new Date('2027-03-04T10:00Z'));
    expect(ev.isAllDayEvent()).toBe(false);
    expect(emu.allEvents(USER)[0].start).toEqual(new Date('2027-03-04T09:00Z'));
  });

  test('setAllDayDate / setAllDayDates make a timed event all-day (end exclusive)', () => {
    const { app, emu } = setup('UTC', 'UTC');
    const ev = app.createEvent('t', new Date('2027-03-04T10:00Z'), new Date('2027-03-04T11:00Z'));
    ev.setAllDayDate(new Date('2027-03-06T15:00Z'));
    expect(ev.isAllDayEvent()).toBe(true);
    expect([emu.allEvents(USER)[0].start, emu.allEvents(USER)[0].end]).toEqual([
      '2027-03-06',
      '2027-03-07',
    ]);
    ev.setAllDayDates(new Date('2027-03-06T00:00Z'), new Date('2027-03-09T00:00Z'));
    expect([emu.allEvents(USER)[0].start, emu.allEvents(USER)[0].end]).toEqual([
      '2027-03-06',
      '2027-03-09',
    ]);
  });

  test('getEventsForDay covers midnight to midnight in the calendar zone', () => {
    const { app } = setup('UTC', 'UTC');
    app.createEvent('late', new Date('2027-03-04T23:30Z'), new Date('2027-03-05T00:30Z'));
    app.createEvent('next', new Date('2027-03-05T09:00Z'), new Date('2027-03-05T10:00Z'));
    expect(app.getEventsForDay(new Date('2027-03-04T12:00Z')).map((e) => e.getTitle())).toEqual([
      'late',
    ]);
  });

  test('the REST view shows all-day events as start.date / end.date', () => {
    const { app, emu } = setup('UTC', 'UTC');
    app.createAllDayEvent('Festival', new Date('2027-08-15T00:00Z'), new Date('2027-08-18T00:00Z'));
    const [item] = emu.advanced.Events.list('primary').items!;
    expect(item.start).toEqual({ date: '2027-08-15' });
    expect(item.end).toEqual({ date: '2027-08-18' });
  });
});
