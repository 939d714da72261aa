// CalendarApp facts: calendars, events, ids, guests, tags, deletion, access, call counting.
import { CalendarEmulator, CalendarMessages } from '../../emulator/calendar';
import { Runtime } from '../../emulator/runtime';

const USER = 'coordinator@example.org';

function setup(scriptZone = 'America/New_York', calendarZone = 'America/New_York') {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 10, 12) });
  const emu = new CalendarEmulator(runtime, {
    userEmail: USER,
    defaultCalendarTimeZone: calendarZone,
    scriptTimeZone: () => scriptZone,
  });
  return { runtime, emu, app: emu.calendarApp };
}

const at = (iso: string) => new Date(iso);

describe('CalendarApp calendars', () => {
  test('getDefaultCalendar is the primary calendar and its id is the user email', () => {
    const { app } = setup();
    const cal = app.getDefaultCalendar();
    expect(cal.getId()).toBe(USER);
    expect(cal.isMyPrimaryCalendar()).toBe(true);
    expect(cal.isOwnedByMe()).toBe(true);
    expect(cal.getTimeZone()).toBe('America/New_York');
  });

  test('getCalendarById returns null for unknown, unshared or deleted calendars', () => {
    const { app, emu } = setup();
    expect(app.getCalendarById('nope@group.calendar.google.com')).toBeNull();
    const hidden = emu.addCalendar({
      name: 'Private',
      timeZone: 'UTC',
      ownerEmail: 'x@example.org',
      access: 'none',
    });
    expect(app.getCalendarById(hidden)).toBeNull();
    const gone = emu.addCalendar({ name: 'Gone', timeZone: 'UTC' });
    emu.userDeletesCalendar(gone);
    expect(app.getCalendarById(gone)).toBeNull();
  });

  test('createCalendar makes an owned calendar with the given zone, colour and summary', () => {
    const { app } = setup();
    const cal = app.createCalendar('Partnership', {
      timeZone: 'Europe/Paris',
      color: app.Color.TEAL,
      summary: 'Shared plan',
    });
    expect(cal.getId()).toMatch(/@group\.calendar\.google\.com$/);
    expect(cal.getTimeZone()).toBe('Europe/Paris');
    expect(cal.getColor()).toBe('#28754E');
    expect(cal.getDescription()).toBe('Shared plan');
    expect(cal.isOwnedByMe()).toBe(true);
    expect(app.getCalendarsByName('Partnership').map((c) => c.getId())).toEqual([cal.getId()]);
    expect(app.getAllOwnedCalendars()).toHaveLength(2);
  });

  test('getAllCalendars includes subscribed calendars, getAllOwnedCalendars does not', () => {
    const { app, emu } = setup();
    emu.addCalendar({
      name: 'School',
      timeZone: 'UTC',
      ownerEmail: 'head@school.org',
      access: 'reader',
    });
    expect(app.getAllCalendars()).toHaveLength(2);
    expect(app.getAllOwnedCalendars()).toHaveLength(1);
  });

  test('setName changes the name; deleteCalendar removes an owned secondary calendar', () => {
    const { app } = setup();
    const cal = app.createCalendar('Old');
    cal.setName('New');
    expect(cal.getName()).toBe('New');
    const id = cal.getId();
    cal.deleteCalendar();
    expect(app.getCalendarById(id)).toBeNull();
    expect(() => cal.getName()).toThrow(CalendarMessages.CALENDAR_DELETED);
  });

  test('a read-only calendar refuses writes with "Action not allowed"', () => {
    const { app, emu } = setup();
    const id = emu.addCalendar({
      name: 'School',
      timeZone: 'UTC',
      ownerEmail: 'head@school.org',
      access: 'reader',
    });
    const cal = app.getCalendarById(id)!;
    expect(cal.isOwnedByMe()).toBe(false);
    expect(() => cal.createEvent('x', at('2027-02-01T10:00Z'), at('2027-02-01T11:00Z'))).toThrow(
      'Action not allowed',
    );
    expect(emu.allEvents(id)).toHaveLength(0);
  });

  test('a writer may create events but is not the owner', () => {
    const { app, emu } = setup();
    const id = emu.addCalendar({
      name: 'Shared',
      timeZone: 'UTC',
      ownerEmail: 'lead@x.org',
      access: 'writer',
    });
    const cal = app.getCalendarById(id)!;
    cal.createEvent('ok', at('2027-02-01T10:00Z'), at('2027-02-01T11:00Z'));
    expect(cal.isOwnedByMe()).toBe(false);
    expect(emu.liveEvents(id)).toHaveLength(1);
  });
});

describe('CalendarApp events', () => {
  test('createEvent stores the instants; getId is the iCalUID ending in @google.com', () => {
    const { app, emu } = setup();
    const ev = app
      .getDefaultCalendar()
      .createEvent('Kick-off', at('2027-02-01T15:00Z'), at('2027-02-01T16:30Z'), {
        description: 'Agenda',
        location: 'Library',
      });
    expect(ev.getId()).toMatch(/^[a-v0-9]+@google\.com$/);
    expect(ev.getTitle()).toBe('Kick-off');
    expect(ev.getDescription()).toBe('Agenda');
    expect(ev.getLocation()).toBe('Library');
    expect(ev.getStartTime().toISOString()).toBe('2027-02-01T15:00:00.000Z');
    expect(ev.getEndTime().toISOString()).toBe('2027-02-01T16:30:00.000Z');
    expect(ev.isAllDayEvent()).toBe(false);
    expect(ev.isRecurringEvent()).toBe(false);
    const [snap] = emu.allEvents(USER);
    expect(snap.iCalUID).toBe(ev.getId());
    expect(snap.iCalUID).toBe(`${snap.id}@google.com`);
  });

  test('guests is ONE comma-separated string and sendInvites defaults to false', () => {
    const { app, emu } = setup();
    const ev = app.createEvent('Meet', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'), {
      guests: 'a@x.org, b@y.org',
    });
    expect(ev.getGuestList().map((g) => g.getEmail())).toEqual(['a@x.org', 'b@y.org']);
    expect(ev.getGuestList()[0].getGuestStatus()).toBe('INVITED');
    expect(emu.invitationsSent()).toEqual([]);
    app.createEvent('Meet 2', at('2027-02-02T15:00Z'), at('2027-02-02T16:00Z'), {
      guests: 'c@x.org',
      sendInvites: true,
    });
    expect(emu.invitationsSent().map((i) => i.email)).toEqual(['c@x.org']);
  });

  test('addGuest and removeGuest change the guest list', () => {
    const { app } = setup();
    const ev = app.createEvent('Meet', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    ev.addGuest('p@x.org').addGuest('q@x.org').removeGuest('p@x.org');
    expect(ev.getGuestList().map((g) => g.getEmail())).toEqual(['q@x.org']);
    expect(ev.getGuestList(true).map((g) => g.getEmail())).toEqual([USER, 'q@x.org']);
  });

  test('end before start throws', () => {
    const { app } = setup();
    expect(() => app.createEvent('bad', at('2027-02-01T16:00Z'), at('2027-02-01T15:00Z'))).toThrow(
      CalendarMessages.START_AFTER_END,
    );
  });

  test("wrong argument types get Apps Script's signature error", () => {
    const { app } = setup();
    // biome-ignore lint/suspicious/noExplicitAny: deliberately calling with the wrong types, as a script could
    const loose = app.getDefaultCalendar() as any;
    expect(() => loose.createEvent('x', '2027-02-01', '2027-02-02')).toThrow(
      "The parameters (String,String,String) don't match the method signature for CalendarApp.Calendar.createEvent.",
    );
  });

  test('setters change the event and getLastUpdated moves on every change', () => {
    const { app, runtime } = setup();
    const ev = app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    const created = ev.getDateCreated().getTime();
    const u1 = ev.getLastUpdated().getTime();
    expect(u1).toBe(created);
    runtime.advance(60_000);
    ev.setTitle('B').setDescription('d').setLocation('l');
    const u2 = ev.getLastUpdated().getTime();
    expect(u2).toBeGreaterThan(u1);
    expect([ev.getTitle(), ev.getDescription(), ev.getLocation()]).toEqual(['B', 'd', 'l']);
    expect(ev.getDateCreated().getTime()).toBe(created);
  });

  test('getColor is "" until set; setColor takes "1".."11" or EventColor', () => {
    const { app } = setup();
    const ev = app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    expect(ev.getColor()).toBe('');
    ev.setColor(app.EventColor.RED);
    expect(ev.getColor()).toBe('11');
    ev.setColor('5');
    expect(ev.getColor()).toBe('5');
    expect(() => ev.setColor('12')).toThrow();
  });

  test('tags are string metadata: set, get, delete, list keys; missing key gives null', () => {
    const { app } = setup();
    const ev = app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    ev.setTag('swp.rowId', 'r-17').setTag('swp.hash', 'abc');
    expect(ev.getTag('swp.rowId')).toBe('r-17');
    expect(ev.getAllTagKeys().sort()).toEqual(['swp.hash', 'swp.rowId']);
    ev.deleteTag('swp.hash');
    expect(ev.getTag('swp.hash')).toBeNull();
  });

  test('tags keep the extended-property limits without a word: a key over 44 characters is dropped, a value over 1,024 cut (V)', () => {
    const { app } = setup();
    const ev = app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    ev.setTag('k'.repeat(45), 'v');
    ev.setTag('k', 'v'.repeat(1025));
    expect(ev.getAllTagKeys()).toEqual(['k']);
    expect(ev.getTag('k')).toBe('v'.repeat(1024));
    ev.setTag('k'.repeat(44), 'v'.repeat(1024));
    expect(ev.getAllTagKeys()).toHaveLength(2);
  });

  test('CalendarApp.getEventById searches the DEFAULT calendar only', () => {
    const { app } = setup();
    const other = app.createCalendar('Other');
    const ev = other.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    expect(app.getEventById(ev.getId())).toBeNull();
    expect(other.getEventById(ev.getId())?.getTitle()).toBe('A');
  });

  test('getEventById accepts the iCalUID and the REST id; null when missing', () => {
    const { app, emu } = setup();
    const ev = app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    const restId = emu.allEvents(USER)[0].id;
    expect(app.getEventById(ev.getId())?.getTitle()).toBe('A');
    expect(app.getEventById(restId)?.getTitle()).toBe('A');
    expect(app.getDefaultCalendar().getEventById('nothing@google.com')).toBeNull();
  });

  test('after deleteEvent the stale object throws and getEventById returns null (I)', () => {
    const { app, emu } = setup();
    const ev = app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    const id = ev.getId();
    ev.deleteEvent();
    expect(() => ev.getTitle()).toThrow(CalendarMessages.EVENT_DELETED);
    expect(app.getEventById(id)).toBeNull();
    expect(emu.allEvents(USER)[0].status).toBe('cancelled');
  });

  test('a partner deleting the event in the UI makes it disappear the same way', () => {
    const { app, emu } = setup();
    const id = app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z')).getId();
    emu.userDeletesEvent(USER, id);
    expect(app.getEventById(id)).toBeNull();
    expect(app.getEvents(at('2027-02-01T00:00Z'), at('2027-02-02T00:00Z'))).toHaveLength(0);
  });

  test('userEditsEvent moves the event and bumps updated', () => {
    const { app, emu, runtime } = setup();
    const ev = app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    const before = ev.getLastUpdated().getTime();
    runtime.advance(5_000);
    emu.userEditsEvent(USER, ev.getId(), {
      title: 'Moved',
      start: at('2027-02-03T15:00Z'),
      end: at('2027-02-03T17:00Z'),
    });
    expect(ev.getTitle()).toBe('Moved');
    expect(ev.getStartTime().toISOString()).toBe('2027-02-03T15:00:00.000Z');
    expect(ev.getLastUpdated().getTime()).toBeGreaterThan(before);
  });

  test('creator, original calendar and ownership', () => {
    const { app } = setup();
    const ev = app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    expect(ev.getCreators()).toEqual([USER]);
    expect(ev.getOriginalCalendarId()).toBe(USER);
    expect(ev.isOwnedByMe()).toBe(true);
    ev.setVisibility(app.Visibility.PRIVATE as unknown as GoogleAppsScript.Calendar.Visibility);
    expect(ev.getVisibility()).toBe('PRIVATE');
  });
});

describe('getEvents', () => {
  test('returns events overlapping [start, end): starting, ending inside, or spanning; not touching the end', () => {
    const { app } = setup();
    app.createEvent('before', at('2027-02-01T08:00Z'), at('2027-02-01T09:00Z'));
    app.createEvent('ends inside', at('2027-02-01T08:30Z'), at('2027-02-01T09:30Z'));
    app.createEvent('spans', at('2027-02-01T08:00Z'), at('2027-02-01T12:00Z'));
    app.createEvent('starts inside', at('2027-02-01T10:30Z'), at('2027-02-01T13:00Z'));
    app.createEvent('starts at end', at('2027-02-01T11:00Z'), at('2027-02-01T12:00Z'));
    const titles = app
      .getEvents(at('2027-02-01T09:00Z'), at('2027-02-01T11:00Z'))
      .map((e) => e.getTitle());
    expect(titles.sort()).toEqual(['ends inside', 'spans', 'starts inside']);
  });

  test('search is applied AFTER max', () => {
    const { app } = setup();
    app.createEvent('Budget review', at('2027-02-01T08:00Z'), at('2027-02-01T09:00Z'));
    app.createEvent('Training', at('2027-02-01T10:00Z'), at('2027-02-01T11:00Z'));
    app.createEvent('Budget vote', at('2027-02-01T12:00Z'), at('2027-02-01T13:00Z'));
    const range = [at('2027-02-01T00:00Z'), at('2027-02-02T00:00Z')] as const;
    expect(app.getEvents(...range, { search: 'budget' }).map((e) => e.getTitle())).toEqual([
      'Budget review',
      'Budget vote',
    ]);
    // max 2 takes the first two events, THEN the search drops "Training": only one comes back.
    expect(app.getEvents(...range, { search: 'budget', max: 2 }).map((e) => e.getTitle())).toEqual([
      'Budget review',
    ]);
  });

  test('author filters by creator', () => {
    const { app } = setup();
    app.createEvent('Mine', at('2027-02-01T08:00Z'), at('2027-02-01T09:00Z'));
    const range = [at('2027-02-01T00:00Z'), at('2027-02-02T00:00Z')] as const;
    expect(app.getEvents(...range, { author: USER })).toHaveLength(1);
    expect(app.getEvents(...range, { author: 'someone@else.org' })).toHaveLength(0);
  });
});

describe('call counting', () => {
  test('every getter is a counted call: 8 fields of 100 events cost 800+ calls', () => {
    const { app, runtime } = setup();
    const cal = app.getDefaultCalendar();
    for (let i = 0; i < 100; i++) {
      cal.createEvent(
        `E${i}`,
        new Date(Date.UTC(2027, 1, 1, i % 24)),
        new Date(Date.UTC(2027, 1, 1, i % 24, 30)),
      );
    }
    runtime.resetCounts();
    const events = cal.getEvents(at('2027-02-01T00:00Z'), at('2027-02-02T00:00Z'));
    expect(events).toHaveLength(100);
    for (const e of events) {
      e.getId();
      e.getTitle();
      e.getDescription();
      e.getLocation();
      e.getStartTime();
      e.getEndTime();
      e.getTag('row');
      e.getLastUpdated();
    }
    expect(runtime.count('CalendarApp.CalendarEvent.')).toBe(800);
    expect(runtime.count('CalendarApp.Calendar.getEvents')).toBe(1);
    expect(runtime.count('CalendarApp.CalendarEvent.getTitle')).toBe(100);
  });

  test('CalendarApp shortcuts count once under CalendarApp.*', () => {
    const { app, runtime } = setup();
    app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    expect(runtime.count('CalendarApp.createEvent')).toBe(1);
    expect(runtime.count('CalendarApp.Calendar.createEvent')).toBe(0);
  });

  test('calls advance the virtual clock by their modelled cost', () => {
    const { app, runtime } = setup();
    const t0 = runtime.now();
    app.createEvent('A', at('2027-02-01T15:00Z'), at('2027-02-01T16:00Z'));
    expect(runtime.now() - t0).toBe(runtime.costs.calendarWrite);
  });
});
