// Single occurrences of a series changed or cancelled on their own: the emulator's exception model.

import type { Ambiguities } from '../../emulator/ambiguities';
import { CalendarEmulator } from '../../emulator/calendar';
import { Runtime } from '../../emulator/runtime';

const USER = 'coordinator@example.org';
type Ev = GoogleAppsScript.Calendar.Schema.Event;

function setup(zone = 'America/New_York', ambiguities: Partial<Ambiguities> = {}) {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 10, 12), ambiguities });
  const emu = new CalendarEmulator(runtime, {
    userEmail: USER,
    defaultCalendarTimeZone: zone,
    scriptTimeZone: () => zone,
  });
  return { runtime, emu, events: emu.advanced.Events };
}

/** A weekly 09:00 New York series over the March 2027 DST change (14 March), tagged. */
function weekly(events: CalendarEmulator['advanced']['Events'], count = 4): string {
  return events.insert(
    {
      summary: 'Standup',
      location: 'Hall',
      start: { dateTime: '2027-03-01T14:00:00Z', timeZone: 'America/New_York' },
      end: { dateTime: '2027-03-01T15:00:00Z', timeZone: 'America/New_York' },
      recurrence: [`RRULE:FREQ=WEEKLY;COUNT=${count}`],
      extendedProperties: { private: { swpPlan: 'p1', swpActivityId: 'A1' } },
    },
    'primary',
  ).id as string;
}

const starts = (items: Ev[] | undefined) =>
  (items ?? []).map((i) => i.start?.dateTime ?? i.start?.date);

describe('exceptions through the advanced service (Events resource, events.list, events.instances)', () => {
  test('patching one instance moves only it: its own item with recurringEventId and originalStartTime', () => {
    const { events, runtime } = setup();
    const id = weekly(events);
    runtime.advance(60_000);
    const moved = events.patch(
      {
        start: { dateTime: '2027-03-16T19:00:00Z', timeZone: 'America/New_York' },
        end: { dateTime: '2027-03-16T20:00:00Z', timeZone: 'America/New_York' },
      },
      'primary',
      `${id}_20270315T130000Z`,
    );
    expect(moved).toMatchObject({
      id: `${id}_20270315T130000Z`,
      recurringEventId: id,
      originalStartTime: { dateTime: '2027-03-15T09:00:00-04:00', timeZone: 'America/New_York' },
      start: { dateTime: '2027-03-16T15:00:00-04:00' },
      summary: 'Standup',
    });
    // Without singleEvents: the series (rule unchanged) and the exception as its own item, tagged.
    const plain = events.list('primary', { privateExtendedProperty: 'swpPlan=p1' }).items ?? [];
    expect(plain.map((i) => i.id)).toEqual([id, `${id}_20270315T130000Z`]);
    expect(plain[0].recurrence).toEqual(['RRULE:FREQ=WEEKLY;COUNT=4']);
    expect(plain[1].extendedProperties?.private).toEqual({ swpPlan: 'p1', swpActivityId: 'A1' });
    // Expanded: the moved occurrence in its new place, the others as the rule has them.
    const single = events.list('primary', { singleEvents: true, orderBy: 'startTime' }).items;
    expect(starts(single)).toEqual([
      '2027-03-01T09:00:00-05:00',
      '2027-03-08T09:00:00-05:00',
      '2027-03-16T15:00:00-04:00',
      '2027-03-22T09:00:00-04:00',
    ]);
    expect(starts(events.instances('primary', id).items)).toEqual(starts(single));
    expect(events.get('primary', `${id}_20270315T130000Z`).start?.dateTime).toBe(
      '2027-03-16T15:00:00-04:00',
    );
  });

  test('deleting one instance cancels only it; lists show the stub as Google documents', () => {
    const { events, runtime } = setup();
    const id = weekly(events);
    const token = events.list('primary', {}).nextSyncToken;
    runtime.advance(60_000);
    events.remove('primary', `${id}_20270308T140000Z`);
    const stub = {
      id: `${id}_20270308T140000Z`,
      status: 'cancelled',
      recurringEventId: id,
      originalStartTime: { dateTime: '2027-03-08T09:00:00-05:00', timeZone: 'America/New_York' },
    };
    // showDeleted and singleEvents both false: the cancelled instance is still included (V, the
    // default reading of the two texts: ambiguities.deletedOccurrences).
    const plain = events.list('primary', { showDeleted: false }).items ?? [];
    expect(plain.find((i) => i.status === 'cancelled')).toEqual({
      kind: 'calendar#event',
      etag: expect.any(String),
      ...stub,
    });
    // Expanded without showDeleted: simply absent; with showDeleted: the stub.
    expect(starts(events.list('primary', { singleEvents: true }).items)).toHaveLength(3);
    expect(
      events
        .list('primary', { singleEvents: true, showDeleted: true })
        .items?.filter((i) => i.status === 'cancelled'),
    ).toMatchObject([stub]);
    expect(events.instances('primary', id).items).toHaveLength(3);
    expect(events.instances('primary', id, { showDeleted: true }).items).toHaveLength(4);
    // Incremental sync reports the cancelled exception, not the untouched series.
    expect(events.list('primary', { syncToken: token }).items).toMatchObject([stub]);
    // Deleting it again: already gone (410).
    expect(() => events.remove('primary', `${id}_20270308T140000Z`)).toThrow(/deleted/i);
  });

  test('a patch of the series’ title keeps its exceptions; a new start or rule drops them', () => {
    const { emu, events } = setup();
    const id = weekly(events);
    emu.moveOccurrence(USER, id, new Date('2027-03-15T13:00:00Z'), new Date('2027-03-16T19:00Z'));
    emu.cancelOccurrence(USER, id, new Date('2027-03-22T13:00:00Z'));
    events.patch({ summary: 'Weekly standup', location: 'Room 2' }, 'primary', id);
    const after = emu.instancesOf(USER, id);
    expect(after.map((i) => [i.start, i.title])).toEqual([
      [new Date('2027-03-01T14:00Z'), 'Weekly standup'],
      [new Date('2027-03-08T14:00Z'), 'Weekly standup'],
      // The exception keeps the fields it was made with (I: not documented).
      [new Date('2027-03-16T19:00Z'), 'Standup'],
    ]);
    events.patch(
      {
        start: { dateTime: '2027-03-01T15:00:00Z', timeZone: 'America/New_York' },
        end: { dateTime: '2027-03-01T16:00:00Z', timeZone: 'America/New_York' },
      },
      'primary',
      id,
    );
    expect(emu.instancesOf(USER, id).map((i) => i.exception)).toEqual([false, false, false, false]);
    expect(events.list('primary').items).toHaveLength(1);
  });

  test('deleting the series takes its exceptions with it', () => {
    const { emu, events } = setup();
    const id = weekly(events);
    emu.moveOccurrence(USER, id, new Date('2027-03-08T14:00:00Z'), new Date('2027-03-09T14:00Z'));
    emu.cancelOccurrence(USER, id, new Date('2027-03-15T13:00:00Z'));
    events.remove('primary', id);
    expect(events.list('primary').items).toEqual([]);
    expect(events.list('primary', { singleEvents: true }).items).toEqual([]);
  });

  test('all-day series: instance ids by date, moved to another day, cancelled', () => {
    const { emu, events } = setup('Asia/Kolkata');
    const id = events.insert(
      {
        summary: 'Market day',
        start: { date: '2027-03-01' },
        end: { date: '2027-03-02' },
        recurrence: ['RRULE:FREQ=DAILY;COUNT=4'],
      },
      'primary',
    ).id as string;
    expect(emu.moveOccurrence(USER, id, '2027-03-02', '2027-03-06')).toBe(`${id}_20270302`);
    emu.cancelOccurrence(USER, id, '2027-03-03');
    expect(starts(events.instances('primary', id).items)).toEqual([
      '2027-03-01',
      '2027-03-04',
      '2027-03-06',
    ]);
    expect(events.get('primary', `${id}_20270302`)).toMatchObject({
      originalStartTime: { date: '2027-03-02' },
      start: { date: '2027-03-06' },
      end: { date: '2027-03-07' },
    });
    const app = emu.calendarApp;
    expect(
      app
        .getDefaultCalendar()
        .getEvents(new Date('2027-02-28T00:00Z'), new Date('2027-03-10T00:00Z'))
        .map((e) => e.getAllDayStartDate().getTime()),
    ).toEqual(
      ['2027-03-01', '2027-03-04', '2027-03-06'].map((d) => new Date(`${d}T00:00+05:30`).getTime()),
    );
  });

  test('CalendarApp and the REST service see the same occurrences, whichever made the change', () => {
    const { emu, events } = setup();
    const id = weekly(events, 6);
    const cal = emu.calendarApp.getDefaultCalendar();
    const range = [new Date('2027-02-01T00:00Z'), new Date('2027-05-01T00:00Z')] as const;
    const [, second, third] = cal.getEvents(...range);
    second.setTime(new Date('2027-03-10T18:00Z'), new Date('2027-03-10T19:00Z'));
    third.deleteEvent();
    events.patch({ location: 'Garden' }, 'primary', `${id}_20270329T130000Z`);
    const viaApp = cal.getEvents(...range).map((e) => e.getStartTime().toISOString());
    const viaRest = (events.instances('primary', id).items ?? []).map((i) =>
      new Date(i.start!.dateTime!).toISOString(),
    );
    expect(viaApp).toEqual(viaRest);
    expect(viaApp).toEqual([
      '2027-03-01T14:00:00.000Z',
      '2027-03-10T18:00:00.000Z',
      '2027-03-22T13:00:00.000Z',
      '2027-03-29T13:00:00.000Z',
      '2027-04-05T13:00:00.000Z',
    ]);
    expect(cal.getEvents(...range).map((e) => e.getLocation())).toEqual([
      'Hall',
      'Hall',
      'Hall',
      'Garden',
      'Hall',
    ]);
    // The emulator's snapshot of events lists the series once (exceptions are its occurrences).
    expect(emu.liveEvents(USER)).toHaveLength(1);
  });
});

describe('what Google leaves undocumented about occurrences, both ways (emulator/ambiguities.ts)', () => {
  const STUB_KEYS = ['etag', 'id', 'kind', 'originalStartTime', 'recurringEventId', 'status'];
  const filtered = (events: CalendarEmulator['advanced']['Events']) =>
    (events.list('primary', { privateExtendedProperty: 'swpPlan=p1' }).items ?? []).map(
      (i) => i.id,
    );

  test.each([
    ['bare', false],
    ['tagged', true],
  ] as const)('cancelledStubs %s: the stub’s fields and the property filter', (option, tagged) => {
    const { events } = setup('America/New_York', { cancelledStubs: option });
    const id = weekly(events);
    const token = events.list('primary', {}).nextSyncToken;
    events.remove('primary', `${id}_20270308T140000Z`);
    const [stub] = events.list('primary', { syncToken: token }).items ?? [];
    expect(Object.keys(stub).sort()).toEqual(
      tagged ? [...STUB_KEYS, 'extendedProperties'].sort() : STUB_KEYS,
    );
    // The documented stub carries nothing a privateExtendedProperty filter could match.
    expect(filtered(events)).toEqual(tagged ? [id, `${id}_20270308T140000Z`] : [id]);
    // Unfiltered lists and instances with showDeleted return it either way.
    expect(events.list('primary').items?.map((i) => i.id)).toContain(`${id}_20270308T140000Z`);
    expect(
      events.instances('primary', id, { showDeleted: true }).items?.map((i) => i.status),
    ).toContain('cancelled');
  });

  test.each([
    ['copied', true],
    ['dropped', false],
  ] as const)('exceptionTags %s: a moved occurrence and the series’ tags', (option, copied) => {
    const { emu, events } = setup('America/New_York', { exceptionTags: option });
    const id = weekly(events);
    const xid = emu.moveOccurrence(
      USER,
      id,
      new Date('2027-03-15T13:00:00Z'),
      new Date('2027-03-16T19:00Z'),
    );
    expect(events.get('primary', xid).extendedProperties?.private).toEqual(
      copied ? { swpPlan: 'p1', swpActivityId: 'A1' } : undefined,
    );
    expect(filtered(events)).toEqual(copied ? [id, xid] : [id]);
    // Wherever its tags went, the exception names its series and is in place among the instances.
    const listed = events.list('primary').items?.find((i) => i.id === xid);
    expect(listed).toMatchObject({ recurringEventId: id });
    expect(starts(events.instances('primary', id).items)).toContain('2027-03-16T15:00:00-04:00');
  });

  test.each([
    ['listed', true],
    ['syncOnly', false],
  ] as const)('deletedOccurrences %s: a full list without showDeleted', (option, listed) => {
    const { events } = setup('America/New_York', { deletedOccurrences: option });
    const id = weekly(events);
    const token = events.list('primary', {}).nextSyncToken;
    events.remove('primary', `${id}_20270322T130000Z`);
    const full = (events.list('primary').items ?? []).map((i) => i.status);
    expect(full).toEqual(listed ? ['confirmed', 'cancelled'] : ['confirmed']);
    // Both texts agree on incremental sync and on showDeleted=true.
    expect(events.list('primary', { syncToken: token }).items?.map((i) => i.status)).toEqual([
      'cancelled',
    ]);
    expect(events.list('primary', { showDeleted: true }).items).toHaveLength(2);
  });
});
