// One Calendar-tab row → the event it asks for: the time rule, all-day dates, guests and bad rows.
import { type ActivityContext, parseActivity } from '../../src/domain/calendarSync/activity';
import type { ActivityParse, DesiredEvent } from '../../src/domain/calendarSync/types';
import { wallToInstant } from '../../src/domain/time/zones';
import { intlZoneOracle } from '../harness/intlZoneOracle';

const context: ActivityContext = {
  sheetZone: 'America/New_York',
  planZone: 'America/New_York',
  oracle: intlZoneOracle,
  partners: [
    { name: 'Riverside Public Library', email: 'library@example.org', invite: true },
    { name: 'Northside Food Bank', email: 'food@example.org', invite: false },
  ],
  invitePartners: false,
  planName: 'Riverside',
  sheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=7',
};

/** A Date cell as Sheets gives it: the wall value in the sheet's zone. */
const sheetDate = (y: number, m: number, d: number, h = 0, min = 0, zone = context.sheetZone) =>
  new Date(
    wallToInstant(
      intlZoneOracle,
      { year: y, month: m, day: d, hour: h, minute: min, second: 0 },
      zone,
    ),
  );

const row = (cells: Record<string, unknown>, ctx: Partial<ActivityContext> = {}): ActivityParse =>
  parseActivity(
    { row: 5, cells: { title: 'Tutor training', startDate: '2027-03-04', ...cells } },
    'A3',
    {
      ...context,
      ...ctx,
    },
  );

const event = (
  cells: Record<string, unknown>,
  ctx: Partial<ActivityContext> = {},
): DesiredEvent => {
  const p = row(cells, ctx);
  if (p.kind !== 'event') throw new Error(JSON.stringify(p));
  return p.event;
};

describe('parseActivity: timing', () => {
  it('reads a timed activity in the plan zone', () => {
    const e = event({ startTime: '09:30', endTime: '11:00' });
    expect(e.timing).toMatchObject({
      allDay: false,
      startMs: Date.UTC(2027, 2, 4, 14, 30),
      endMs: Date.UTC(2027, 2, 4, 16, 0),
      timeZone: 'America/New_York',
    });
  });

  it('reads Date cells (date and time) as the wall values the sheet shows', () => {
    const e = event({
      startDate: sheetDate(2027, 3, 4),
      startTime: new Date(sheetDate(1899, 12, 30, 9, 30)),
    });
    expect(e.timing).toMatchObject({
      startMs: Date.UTC(2027, 2, 4, 14, 30),
      endMs: Date.UTC(2027, 2, 4, 15, 30),
    });
  });

  it('uses the row time zone for partners elsewhere', () => {
    const e = event({ startTime: '09:00', endTime: '17:00', timeZone: 'Europe/Paris' });
    expect(e.timing).toMatchObject({
      startMs: Date.UTC(2027, 2, 4, 8, 0),
      timeZone: 'Europe/Paris',
    });
  });

  it('keeps the same wall time across a daylight-saving change (14 March 2027 in New York)', () => {
    const before = event({ startDate: '2027-03-13', startTime: '10:00' });
    const after = event({ startDate: '2027-03-15', startTime: '10:00' });
    expect(before.timing.allDay || before.timing.startMs).toBe(Date.UTC(2027, 2, 13, 15));
    expect(after.timing.allDay || after.timing.startMs).toBe(Date.UTC(2027, 2, 15, 14));
  });

  it('makes all-day events of wall dates, end exclusive, whatever the zones', () => {
    // A Date cell read in a sheet zone far east of UTC must still give 4–6 March.
    const tokyo = { sheetZone: 'Asia/Tokyo', planZone: 'Pacific/Honolulu' };
    const e = event(
      {
        startDate: sheetDate(2027, 3, 4, 0, 0, 'Asia/Tokyo'),
        endDate: sheetDate(2027, 3, 6, 0, 0, 'Asia/Tokyo'),
      },
      tokyo,
    );
    expect(e.timing).toEqual({ allDay: true, startDate: '2027-03-04', endDate: '2027-03-07' });
  });

  it('treats All day as winning over typed times', () => {
    expect(event({ startTime: '09:00', allDay: true }).timing).toEqual({
      allDay: true,
      startDate: '2027-03-04',
      endDate: '2027-03-05',
    });
  });

  it('spans days for a multi-day timed activity', () => {
    const e = event({ startTime: '18:00', endDate: '2027-03-05', endTime: '12:00' });
    expect(e.timing).toMatchObject({
      startMs: Date.UTC(2027, 2, 4, 23),
      endMs: Date.UTC(2027, 2, 5, 17),
    });
  });
});

describe('parseActivity: content', () => {
  it('describes lead, participants, goal, outcome and links back to the plan', () => {
    const e = event({
      lead: 'Riverside Public Library',
      participants: 'Northside Food Bank, Riverside YMCA',
      goal: 'G1 · Every child reads at grade level',
      outcome: 'O2 · 80% of K–2 students at benchmark',
      type: 'Training',
    });
    expect(e.description).toContain('Lead partner: Riverside Public Library');
    expect(e.description).toContain('Participants: Northside Food Bank, Riverside YMCA');
    expect(e.description).toContain('Linked goal: G1 · Every child reads at grade level');
    expect(e.description).toContain('Linked outcome: O2 · 80% of K–2 students at benchmark');
    expect(e.description).toContain(context.sheetUrl);
    expect(e.colorId).toBe('5');
  });

  it('invites partners ticked for invites, and emails typed among participants', () => {
    const e = event(
      { participants: 'Northside Food Bank, Ana@Example.org' },
      { invitePartners: true },
    );
    expect(e.guests).toEqual(['ana@example.org', 'library@example.org']);
  });

  it('builds a weekly series', () => {
    const e = event({ startTime: '15:00', recurrence: 'Weekly, 10 times' });
    expect(e.recurrence).toEqual(['RRULE:FREQ=WEEKLY;COUNT=10']);
  });

  it('changes the fingerprint with any written field, and not otherwise', () => {
    const a = event({ startTime: '15:00' });
    expect(event({ startTime: '15:00' }).fingerprint).toBe(a.fingerprint);
    expect(event({ startTime: '15:30' }).fingerprint).not.toBe(a.fingerprint);
    expect(event({ startTime: '15:00', location: 'Library' }).fingerprint).not.toBe(a.fingerprint);
    expect(event({ startTime: '15:00', notes: 'Bring laptops' }).fingerprint).not.toBe(
      a.fingerprint,
    );
  });
});

describe('parseActivity: status', () => {
  it.each([
    ['Draft', 'draft'],
    ['cancelled', 'cancelled'],
    ['Confirmed', 'event'],
    ['', 'event'],
  ])('%p', (status, kind) => {
    expect(row({ status }).kind).toBe(kind);
  });
});

describe('parseActivity: bad rows', () => {
  const messages = (cells: Record<string, unknown>) => {
    const p = row(cells);
    if (p.kind !== 'invalid') throw new Error(`expected invalid, got ${p.kind}`);
    return p.messages.join(' ');
  };
  it.each([
    [{ startDate: 'next Tuesday' }, 'Start date “next Tuesday” is not a date'],
    [{ startDate: '' }, 'Start date is empty'],
    [{ title: '' }, 'Title is empty'],
    [{ endDate: '2027-03-01' }, 'is before Start date'],
    [
      { startTime: '10:00', endTime: '09:00' },
      'ends (3/4/2027 09:00) before it starts (3/4/2027 10:00)',
    ],
    [{ recurrence: 'Whenever' }, 'Recurrence “Whenever”'],
    [{ participants: 'Library, ana@example' }, '“ana@example” is not a valid email'],
    [{ timeZone: 'Paris' }, 'Time zone “Paris” is not a time zone name'],
    [{ startTime: 'noonish' }, 'Start time “noonish” is not a time'],
    [{ status: 'Postponed' }, 'Status “Postponed”'],
    [{ recurrence: 'Weekly until 2027-01-01' }, 'before the Start date'],
  ])('%p', (cells, expected) => {
    expect(messages(cells)).toContain(expected);
  });

  it('lists every problem of the row at once', () => {
    expect(messages({ title: '', startDate: 'soon' })).toMatch(/Title is empty.*|.*Start date/);
    const p = row({ title: '', startDate: 'soon' });
    expect(p.kind === 'invalid' && p.messages.length).toBe(2);
  });
});
