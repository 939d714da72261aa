// Import proposals (pure): which listed events are proposed, how the book follows the calendar, the Recurrence cell.
import fc from 'fast-check';
import {
  applyListing,
  emptyBook,
  type ForeignEventJson,
  guessLead,
  importedCells,
  recurrenceCell,
  toProposal,
} from '../../src/domain/calendarSync/importEvents';
import { parseRecurrence, toRRule } from '../../src/domain/calendarSync/recurrence';
import { localeDate } from '../../src/domain/time/localeDate';
import { intlZoneOracle } from '../harness/intlZoneOracle';

const PLAN = 'sheet-1';
const event = (id: string, over: Partial<ForeignEventJson> = {}): ForeignEventJson => ({
  id,
  status: 'confirmed',
  summary: `Event ${id}`,
  start: { dateTime: '2027-03-10T18:00:00Z', timeZone: 'UTC' },
  end: { dateTime: '2027-03-10T19:00:00Z', timeZone: 'UTC' },
  updated: '2027-01-01T00:00:00Z',
  ...over,
});
const tagged = (id: string, plan = PLAN) =>
  event(id, { extendedProperties: { private: { swpPlan: plan, swpActivityId: 'A1' } } });

describe('toProposal', () => {
  it('proposes only untagged, live events that are not single occurrences', () => {
    expect(toProposal(event('a'))).toMatchObject({ eventId: 'a', title: 'Event a' });
    expect(toProposal(tagged('b'))).toBeNull();
    expect(toProposal(tagged('c', 'another-plan'))).toBeNull();
    expect(toProposal(event('d', { status: 'cancelled' }))).toBeNull();
    expect(toProposal(event('e', { recurringEventId: 'a' }))).toBeNull();
    expect(toProposal(event('f', { start: {}, end: {} }))).toBeNull();
  });
});

/** A calendar as a model: live events by id; each step changes it and the book reads the change. */
type Step =
  | { kind: 'add'; id: string; tagged: boolean }
  | { kind: 'edit'; id: string }
  | { kind: 'delete'; id: string }
  | { kind: 'decline'; id: string }
  | { kind: 'expire' };

describe('applyListing', () => {
  it('keeps the book equal to the untagged live events not declined, whatever the order of reads', () => {
    const ids = ['e1', 'e2', 'e3', 'e4', 'e5'];
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        id: fc.constantFrom(...ids),
        tagged: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('edit' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('decline' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('expire' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const live = new Map<string, ForeignEventJson>();
        let changed: ForeignEventJson[] = [];
        let book = emptyBook('cal');
        let full = true;
        let edits = 0;
        const read = () => {
          const items = full ? [...live.values()] : changed;
          book = applyListing(book, items, full).book;
          changed = [];
          full = false;
        };
        for (const s of steps) {
          if (s.kind === 'add' && !live.has(s.id)) {
            const e = s.tagged ? tagged(s.id) : event(s.id);
            live.set(s.id, e);
            changed.push(e);
          } else if (s.kind === 'edit' && live.has(s.id)) {
            const e = { ...(live.get(s.id) as ForeignEventJson), summary: `edit ${++edits}` };
            live.set(s.id, e);
            changed.push(e);
          } else if (s.kind === 'delete' && live.has(s.id)) {
            live.delete(s.id);
            changed.push({ id: s.id, status: 'cancelled' });
          } else if (s.kind === 'decline') {
            if (book.proposals.some((p) => p.eventId === s.id))
              book = {
                ...book,
                proposals: book.proposals.filter((p) => p.eventId !== s.id),
                declined: [...book.declined, s.id],
              };
          } else if (s.kind === 'expire') full = true;
          read();
          const expected = [...live.values()]
            .filter((e) => !e.extendedProperties && !book.declined.includes(e.id as string))
            .map((e) => `${e.id}:${e.summary}`)
            .sort();
          expect(book.proposals.map((p) => `${p.eventId}:${p.title}`).sort()).toEqual(expected);
          // Declined events are remembered only while they exist.
          for (const id of book.declined) expect(live.has(id)).toBe(true);
        }
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it('counts only first proposals as added, and keeps an accepted proposal’s activity ID', () => {
    let { book, added } = applyListing(emptyBook('cal'), [event('a'), event('b')], true);
    expect(added).toBe(2);
    book = { ...book, proposals: book.proposals.map((p) => ({ ...p, activityId: 'A9' })) };
    const next = applyListing(book, [event('a', { summary: 'Moved' })], false);
    expect(next.added).toBe(0);
    expect(next.book.proposals.find((p) => p.eventId === 'a')).toMatchObject({
      title: 'Moved',
      activityId: 'A9',
    });
  });
});

describe('recurrenceCell', () => {
  const start = { year: 2027, month: 3, day: 10 }; // a Wednesday
  const march31 = { year: 2027, month: 3, day: 31 };
  it.each([
    ['RRULE:FREQ=WEEKLY', 'Every week'],
    ['RRULE:FREQ=WEEKLY;BYDAY=WE', 'Every week'],
    ['RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=5;WKST=MO', 'Every 2 weeks, 5 times'],
    ['RRULE:FREQ=MONTHLY;BYMONTHDAY=10', 'Every month'],
    ['RRULE:FREQ=DAILY;UNTIL=20270331', `Every day until ${localeDate(march31, 'en_US')}`],
    ['RRULE:FREQ=WEEKLY;BYDAY=MO,WE', 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE'],
    ['RRULE:FREQ=WEEKLY;BYDAY=TH', 'RRULE:FREQ=WEEKLY;BYDAY=TH'],
    ['RRULE:FREQ=MONTHLY;BYDAY=2WE', 'RRULE:FREQ=MONTHLY;BYDAY=2WE'],
  ])('%s → %s', (rule, cell) => {
    expect(recurrenceCell([rule], start, 'UTC', intlZoneOracle)).toBe(cell);
  });

  it('reads a timed UNTIL in the row’s zone, and writes it as the sheet’s locale writes dates', () => {
    // 03:00 UTC on 1 April is still 31 March in New York.
    for (const locale of ['en_US', 'en_GB', 'de_DE', 'sv_SE'])
      expect(
        recurrenceCell(
          ['RRULE:FREQ=DAILY;UNTIL=20270401T030000Z'],
          start,
          'America/New_York',
          intlZoneOracle,
          locale,
        ),
      ).toBe(`Every day until ${localeDate(march31, locale)}`);
  });

  it('gives a cell the Recurrence column reads back to the same rule', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 800 })),
        fc.constantFrom('', ';BYDAY=WE', ';BYDAY=MO,FR', ';BYSETPOS=1'),
        (freq, interval, count, extra) => {
          const line = `RRULE:FREQ=${freq}${interval > 1 ? `;INTERVAL=${interval}` : ''}${count ? `;COUNT=${count}` : ''}${extra}`;
          const cell = recurrenceCell([line], start, 'UTC', intlZoneOracle);
          const back = parseRecurrence(cell, start, 'en_GB');
          expect(back.ok).toBe(true);
          if (!back.ok || !back.value) throw new Error('no rule');
          const written = toRRule(back.value, { allDay: true }, intlZoneOracle);
          if (cell.startsWith('RRULE:')) expect(written).toBe(line);
          else {
            expect(back.value).toMatchObject({ freq, interval, ...(count ? { count } : {}) });
            expect(extra === '' || extra === ';BYDAY=WE').toBe(true);
          }
        },
      ),
      { seed: 15 },
    );
  });
});

describe('guessLead and importedCells', () => {
  const partners = [
    { name: 'Riverside Public Library', email: 'Outreach@Library.example', invite: false },
    { name: 'Food Bank', email: 'info@food.example', invite: false },
  ];
  const records = [
    { row: 2, cells: { lead: 'Riverside Public Library', type: 'outreach' } },
    { row: 3, cells: { lead: 'Riverside Public Library', type: 'Outreach' } },
    { row: 4, cells: { lead: 'Riverside Public Library', type: 'Meeting' } },
  ];
  it('finds the partner by the creator’s or organiser’s email, and their usual type', () => {
    expect(guessLead(['outreach@library.example'], partners, records)).toEqual({
      lead: 'Riverside Public Library',
      type: 'Outreach',
    });
    expect(guessLead(['cal@group.example', 'INFO@food.example'], partners, records)).toEqual({
      lead: 'Food Bank',
      type: '',
    });
    expect(guessLead(['nobody@x.example'], partners, records)).toEqual({ lead: '', type: '' });
  });

  it('writes all-day events as inclusive dates and timed ones in the plan zone', () => {
    const context = { planZone: 'Asia/Kolkata', oracle: intlZoneOracle, partners, records };
    expect(
      importedCells(
        event('a', { start: { date: '2027-03-10' }, end: { date: '2027-03-13' } }),
        context,
      ),
    ).toMatchObject({ startDate: '2027-03-10', endDate: '2027-03-12', startTime: '', endTime: '' });
    expect(importedCells(event('b'), context)).toMatchObject({
      startDate: '2027-03-10',
      startTime: '23:30',
      endDate: '2027-03-11',
      endTime: '00:30',
      timeZone: '',
    });
    // A series made in another zone keeps its zone: its wall time holds across clock changes.
    expect(
      importedCells(
        event('c', {
          start: { dateTime: '2027-03-10T18:00:00Z', timeZone: 'America/New_York' },
          end: { dateTime: '2027-03-10T19:00:00Z', timeZone: 'America/New_York' },
          recurrence: ['RRULE:FREQ=WEEKLY'],
        }),
        context,
      ),
    ).toMatchObject({
      startTime: '13:00',
      endTime: '14:00',
      timeZone: 'America/New_York',
      recurrence: 'Every week',
    });
  });
});
