// The occurrence book: what the plan knows of each series' moved and cancelled occurrences, from whatever evidence a run has.
import fc from 'fast-check';
import type { EventJson } from '../../src/domain/calendarSync/eventResource';
import {
  applyListed,
  emptyOccurrenceBook,
  exceptionsAmongInstances,
  knownBySeries,
  layoutOf,
} from '../../src/domain/calendarSync/occurrenceBook';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ZONES = ['Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

interface Series {
  json: EventJson;
  /** The rule's occurrences: start instants (timed) or midnight UTC of the date (all-day). */
  starts: number[];
  allDay: boolean;
  durationMs: number;
}

/** Change i of a series: cancelled, moved by some minutes (or days), or retitled in place. */
type Change = { kind: 'cancel' } | { kind: 'move'; by: number } | { kind: 'retitle' };

const seriesArb = fc
  .record({
    allDay: fc.boolean(),
    first: fc.integer({ min: 0, max: 700 }),
    count: fc.integer({ min: 2, max: 12 }),
    step: fc.constantFrom(1, 7, 14),
    zone: fc.constantFrom(...ZONES),
    hour: fc.integer({ min: 6, max: 20 }),
  })
  .map(({ allDay, first, count, step, zone, hour }): Series => {
    const base = Date.UTC(2027, 0, 1) + first * DAY + (allDay ? 0 : hour * HOUR);
    // Across a DST change the instants of a wall-clock series shift by an hour: modelled here by
    // moving the later half an hour earlier, which the book must not mistake for a move.
    const starts = Array.from(
      { length: count },
      (_, i) => base + i * step * DAY - (allDay || i < count / 2 ? 0 : HOUR),
    );
    const durationMs = allDay ? DAY : HOUR;
    const time = (ms: number) =>
      allDay ? { date: isoDate(ms) } : { dateTime: iso(ms), timeZone: zone };
    return {
      allDay,
      starts,
      durationMs,
      json: {
        id: `series${first}`,
        summary: 'Steering group',
        location: 'Library',
        start: time(base),
        end: time(base + durationMs),
        recurrence: [`RRULE:FREQ=DAILY;INTERVAL=${step};COUNT=${count}`],
      },
    };
  });

function changesArb(s: Series) {
  return fc.array(
    fc.option(
      fc.oneof(
        fc.constant<Change>({ kind: 'cancel' }),
        fc.integer({ min: 1, max: 3 }).map<Change>((n) => ({ kind: 'move', by: n })),
        fc.constant<Change>({ kind: 'retitle' }),
      ),
      { nil: null },
    ),
    { minLength: s.starts.length, maxLength: s.starts.length },
  );
}

/** The instances Google returns with showDeleted: stubs for cancelled ones, the rest in place. */
function instancesOf(s: Series, changes: ReadonlyArray<Change | null>): EventJson[] {
  const time = (ms: number) =>
    s.allDay ? { date: isoDate(ms) } : { dateTime: iso(ms), timeZone: s.json.start?.timeZone };
  return s.starts.map((original, i) => {
    const change = changes[i];
    const id = `${s.json.id}_${i}`;
    const originalStartTime = time(original);
    if (change?.kind === 'cancel')
      return { id, status: 'cancelled', recurringEventId: s.json.id, originalStartTime };
    const start =
      change?.kind === 'move' ? original + change.by * (s.allDay ? DAY : 15 * 60_000) : original;
    return {
      id,
      status: 'confirmed',
      recurringEventId: s.json.id,
      originalStartTime,
      summary: change?.kind === 'retitle' ? 'Special session' : s.json.summary,
      location: s.json.location,
      start: time(start),
      end: time(start + s.durationMs),
    };
  });
}

const changedIndexes = (changes: ReadonlyArray<Change | null>) =>
  changes.flatMap((c, i) => (c ? [i] : []));

describe('exceptionsAmongInstances (property)', () => {
  it('finds exactly the cancelled, moved and retitled occurrences, across zones and DST shifts', () => {
    fc.assert(
      fc.property(
        seriesArb.chain((s) => fc.tuple(fc.constant(s), changesArb(s))),
        ([s, changes]) => {
          const found = exceptionsAmongInstances(s.json, instancesOf(s, changes));
          expect(found.map((x) => x.eventId)).toEqual(
            changedIndexes(changes).map((i) => `${s.json.id}_${i}`),
          );
          for (const x of found) {
            const change = changes[Number(x.eventId.split('_')[1])];
            expect(x.now === null).toBe(change?.kind === 'cancel');
          }
        },
      ),
      { numRuns: 150, seed: 26 },
    );
  });
});

describe('applyListed (property)', () => {
  it('the same evidence read in one go, in pieces, or twice (an interrupted run) gives one book', () => {
    fc.assert(
      fc.property(
        seriesArb.chain((s) =>
          fc.tuple(fc.constant(s), changesArb(s), fc.integer({ min: 0, max: 12 })),
        ),
        ([s, changes, cut]) => {
          const series = new Map([[s.json.id as string, s.json]]);
          const items = instancesOf(s, changes).filter((_, i) => changes[i]);
          const once = applyListed(emptyOccurrenceBook('cal'), items, series).book;
          const first = applyListed(emptyOccurrenceBook('cal'), items.slice(0, cut), series).book;
          const pieces = applyListed(first, items.slice(cut), series).book;
          const twice = applyListed(once, items, series).book;
          expect(pieces).toEqual(once);
          expect(twice).toEqual(once);
          expect(
            (knownBySeries(once).get(s.json.id as string) ?? []).map((x) => x.eventId),
          ).toEqual(changedIndexes(changes).map((i) => `${s.json.id}_${i}`));
        },
      ),
      { numRuns: 150, seed: 261 },
    );
  });

  it('names a series laid out anew, forgets one deleted or no longer the plan’s, ignores others’ series', () => {
    const s: EventJson = {
      id: 'abc',
      summary: 'Clinic',
      start: { dateTime: '2027-03-03T16:00:00Z', timeZone: 'Europe/Lisbon' },
      end: { dateTime: '2027-03-03T17:00:00Z', timeZone: 'Europe/Lisbon' },
      recurrence: ['RRULE:FREQ=WEEKLY;COUNT=5'],
    };
    const stub = {
      id: 'abc_x',
      status: 'cancelled',
      recurringEventId: 'abc',
      originalStartTime: { dateTime: '2027-03-10T16:00:00Z' },
    };
    const foreign = { ...stub, id: 'zzz_x', recurringEventId: 'zzz' };
    const series = new Map([['abc', s]]);
    const { book } = applyListed(emptyOccurrenceBook('cal'), [stub, foreign], series);
    expect(Object.keys(book.series)).toEqual(['abc']);
    expect(book.series.abc.layout).toBe(layoutOf(s));
    // Same layout (another title): nothing to read again.
    expect(applyListed(book, [{ ...s, summary: 'Drop-in' }], series).relaid.size).toBe(0);
    // A new start time: read again (Calendar may have dropped its exceptions).
    const later = {
      ...s,
      start: { ...s.start, dateTime: '2027-03-03T17:00:00Z' },
      end: { ...s.end, dateTime: '2027-03-03T18:00:00Z' },
    };
    expect([...applyListed(book, [later], series).relaid]).toEqual(['abc']);
    // Deleted, or gone from the plan's list: out of the book.
    expect(applyListed(book, [{ id: 'abc', status: 'cancelled' }], series).book.series).toEqual({});
    expect(applyListed(book, [], new Map()).book.series).toEqual({});
  });
});
