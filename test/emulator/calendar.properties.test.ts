// Extended-property limits (keys dropped, values cut, the per-event cap) and sharing a calendar (notices, the 403 just after creating it).
import fc from 'fast-check';
import type { Ambiguities } from '../../emulator/ambiguities';
import { CalendarEmulator, type GoogleJsonResponseException } from '../../emulator/calendar';
import {
  PROPERTIES_PER_EVENT,
  PROPERTY_KEY_MAX,
  PROPERTY_VALUE_MAX,
  TOO_MANY_PROPERTIES,
} from '../../emulator/calendar/extendedProperties';
import { Runtime } from '../../emulator/runtime';

const USER = 'coordinator@example.org';
type Ev = GoogleAppsScript.Calendar.Schema.Event;

function setup(ambiguities: Partial<Ambiguities> = {}) {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 10, 12), ambiguities });
  const emu = new CalendarEmulator(runtime, {
    userEmail: USER,
    defaultCalendarTimeZone: 'America/Chicago',
    scriptTimeZone: () => 'America/Chicago',
  });
  return { runtime, emu, cal: emu.advanced, app: emu.calendarApp };
}

const event = (props: Record<string, string | null>, extra: Ev = {}): Ev => ({
  summary: 'Meeting',
  start: { dateTime: '2027-03-01T15:00:00Z' },
  end: { dateTime: '2027-03-01T16:00:00Z' },
  extendedProperties: { private: props as Record<string, string> },
  ...extra,
});

function restError(fn: () => unknown): GoogleJsonResponseException {
  try {
    fn();
  } catch (e) {
    return e as GoogleJsonResponseException;
  }
  throw new Error('expected a REST error');
}

/** Keys around the 44 limit and values around the 1,024 limit, in several scripts. */
const keys = fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme-ascii' });
const values = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc
    .tuple(fc.constantFrom('a', 'é', '日', '-'), fc.integer({ min: 1000, max: 1100 }))
    .map(([c, n]) => c.repeat(n)),
);
/** What the guide's limits leave of one written property (V). */
const expected = (key: string, value: string) =>
  key.length > PROPERTY_KEY_MAX ? undefined : value.slice(0, PROPERTY_VALUE_MAX);

describe('extended-property limits (V: "Extended properties" guide, Limits)', () => {
  test('insert, patch and update drop a key over 44 characters and cut a value over 1,024, without an error', () => {
    fc.assert(
      fc.property(keys, values, fc.constantFrom('insert', 'patch', 'update'), (k, v, how) => {
        const { cal, emu } = setup();
        const calendarId = emu.primaryCalendarId;
        const written =
          how === 'insert'
            ? cal.Events.insert(event({ [k]: v }), calendarId)
            : cal.Events[how](
                event({ [k]: v }),
                calendarId,
                cal.Events.insert(event({ other: '1' }), calendarId).id!,
              );
        const stored = cal.Events.get(calendarId, written.id!).extendedProperties?.private ?? {};
        expect(stored[k]).toBe(expected(k, v));
        expect(written.extendedProperties?.private?.[k]).toBe(expected(k, v));
      }),
      {
        numRuns: 60,
        // Keys that are special to JavaScript objects are plain keys to Google.
        examples: [
          ['__proto__', '', 'insert'],
          ['constructor', 'x', 'patch'],
        ],
      },
    );
  });

  test('CalendarApp tags share the store and the limits', () => {
    fc.assert(
      fc.property(keys, values, (k, v) => {
        const { cal, emu, app } = setup();
        const ev = app
          .getDefaultCalendar()
          .createEvent('A', new Date(Date.UTC(2027, 2, 1, 15)), new Date(Date.UTC(2027, 2, 1, 16)));
        ev.setTag(k, v);
        expect(ev.getTag(k) ?? undefined).toBe(expected(k, v));
        const listed = cal.Events.list(emu.primaryCalendarId).items ?? [];
        expect(listed[0].extendedProperties?.private?.[k]).toBe(expected(k, v));
      }),
      { numRuns: 40 },
    );
  });

  test('a cut value is what a privateExtendedProperty query matches: the full value no longer finds it', () => {
    const { cal, emu } = setup();
    const long = 'x'.repeat(PROPERTY_VALUE_MAX + 10);
    cal.Events.insert(event({ swpGuests: long }), emu.primaryCalendarId);
    const find = (value: string) =>
      (
        cal.Events.list(emu.primaryCalendarId, { privateExtendedProperty: `swpGuests=${value}` })
          .items ?? []
      ).length;
    expect(find(long)).toBe(0);
    expect(find(long.slice(0, PROPERTY_VALUE_MAX))).toBe(1);
  });
});

describe('past the per-event cap (I: propertyOverflow)', () => {
  const many = (n: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));

  test('past 300 properties (I): refused with a 400 by default, nothing written', () => {
    const { cal, emu } = setup({ propertyOverflow: 'refuses' });
    const e = restError(() =>
      cal.Events.insert(event(many(PROPERTIES_PER_EVENT + 1)), emu.primaryCalendarId),
    );
    expect(e.details.code).toBe(400);
    expect(e.message).toContain(TOO_MANY_PROPERTIES);
    expect(cal.Events.list(emu.primaryCalendarId).items ?? []).toHaveLength(0);
    const id = cal.Events.insert(event(many(PROPERTIES_PER_EVENT)), emu.primaryCalendarId).id!;
    expect(
      restError(() =>
        cal.Events.patch(event({ extra: 'v' }, { summary: 'Renamed' }), emu.primaryCalendarId, id),
      ).details.code,
    ).toBe(400);
    expect(cal.Events.get(emu.primaryCalendarId, id).summary).toBe('Meeting');
  });

  test('past 32 kB (I, other reading): the properties past the cap are left out without a word', () => {
    const { cal, emu } = setup({ propertyOverflow: 'drops' });
    const big = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`k${String(i).padStart(2, '0')}`, 'v'.repeat(1000)]),
    );
    const ev = cal.Events.insert(event(big), emu.primaryCalendarId);
    const kept = Object.keys(ev.extendedProperties?.private ?? {});
    expect(kept.length).toBeLessThan(40);
    expect(kept.length).toBeGreaterThan(30);
    expect(kept).toEqual(Object.keys(big).slice(0, kept.length));
  });
});

describe('sharing a calendar (Acl.insert)', () => {
  const reader = (email: string) => ({ role: 'reader', scope: { type: 'user', value: email } });

  test('Google mails the person unless sendNotifications is false (V: the default is true)', () => {
    const { cal, emu } = setup();
    const id = cal.Calendars.insert({ summary: 'Partnership' }).id!;
    cal.Acl.insert(reader('a@x.org'), id);
    cal.Acl.insert(reader('b@x.org'), id, { sendNotifications: true });
    cal.Acl.insert(reader('c@x.org'), id, { sendNotifications: false });
    cal.Acl.insert({ role: 'reader', scope: { type: 'default' } }, id);
    expect(emu.sharingNoticesSent().map((n) => `${n.email}:${n.role}`)).toEqual([
      'a@x.org:reader',
      'b@x.org:reader',
    ]);
  });

  test('with the fault on, Acl.insert just after Calendars.insert answers 403 for the owner, then works (S)', () => {
    const { cal, emu, runtime } = setup();
    emu.setAclSettleTime(5_000);
    const id = cal.Calendars.insert({ summary: 'Partnership' }).id!;
    const e = restError(() => cal.Acl.insert(reader('a@x.org'), id));
    expect(e.details.code).toBe(403);
    expect(e.message).toContain('You need to have owner access to this calendar.');
    expect(cal.Acl.list(id).items?.map((r) => r.scope?.value)).toEqual([USER]);
    runtime.advance(5_000);
    cal.Acl.insert(reader('a@x.org'), id);
    expect(cal.Acl.list(id).items?.map((r) => r.scope?.value)).toEqual([USER, 'a@x.org']);
  });

  test('the fault is off by default, and never touches a calendar made otherwise', () => {
    const { cal, emu, app } = setup();
    const fresh = cal.Calendars.insert({ summary: 'Partnership' }).id!;
    cal.Acl.insert(reader('a@x.org'), fresh);
    emu.setAclSettleTime(60_000);
    const byApp = app.createCalendar('Other').getId();
    cal.Acl.insert(reader('a@x.org'), byApp);
    expect(emu.sharingNoticesSent()).toHaveLength(2);
  });
});
