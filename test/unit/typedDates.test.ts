// Dates and times as partners type them: the sheet's locale, a missing year, a time in a date cell, every column-note phrase.
import fc from 'fast-check';
import { formatDate } from '../../emulator/services/utilities';
import { instantAt } from '../../emulator/time/zoneModel';
import { utilitiesZoneOracle } from '../../src/adapters/zoneOracle';
import { type ActivityContext, parseActivity } from '../../src/domain/calendarSync/activity';
import type { ActivityParse } from '../../src/domain/calendarSync/types';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { asTimeOfDay } from '../../src/domain/table/cells';
import { localeDate } from '../../src/domain/time/localeDate';
import { parseTypedDate } from '../../src/domain/time/typedDate';
import { yearTableOracle } from '../../src/domain/time/yearTableOracle';
import { ZONE_NAMES } from '../../src/domain/time/zoneNames.generated';
import { intlZoneOracle } from '../harness/intlZoneOracle';

const today = { year: 2026, month: 11, day: 30 };
const context = (over: Partial<ActivityContext> = {}): ActivityContext => ({
  sheetZone: 'Asia/Kolkata',
  planZone: 'America/Chicago',
  oracle: intlZoneOracle,
  partners: [],
  invitePartners: false,
  planName: 'Riverside',
  sheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=7',
  locale: 'en_US',
  today,
  ...over,
});
const parse = (
  cells: Record<string, unknown>,
  over: Partial<ActivityContext> = {},
): ActivityParse =>
  parseActivity({ row: 3, cells: { title: 'Tutor training', ...cells } }, 'A1', context(over));
const read = (text: string, locale = 'en_US', on = today) =>
  parseTypedDate(text, { locale, today: on }, 'Start date');

describe('d/m/y or m/d/y follows the spreadsheet’s locale', () => {
  it('reads 3/4/2027 month first in en_US and day first in en_GB, and says it could be read either way', () => {
    const us = read('3/4/2027', 'en_US');
    const gb = read('3/4/2027', 'en_GB');
    expect(us).toMatchObject({ ok: true, value: { date: { year: 2027, month: 3, day: 4 } } });
    expect(gb).toMatchObject({ ok: true, value: { date: { year: 2027, month: 4, day: 3 } } });
    expect(us?.ok && us.value.notes).toEqual([
      `Start date “3/4/2027” could be read either way: it was read month first, as this spreadsheet’s locale (en_US) writes dates, so ${localeDate({ year: 2027, month: 3, day: 4 }, 'en_US')}. Type it year first (2027-03-04) to avoid doubt.`,
    ]);
    expect(gb?.ok && gb.value.notes[0]).toContain(
      'read day first, as this spreadsheet’s locale (en_GB)',
    );
  });

  it('reads 15/3/2027 in an en_US sheet as 15 March, with a note; 4/4/2027 needs none', () => {
    const r = read('15/3/2027', 'en_US');
    expect(r).toEqual({
      ok: true,
      value: {
        date: { year: 2027, month: 3, day: 15 },
        time: null,
        notes: [
          `Start date “15/3/2027” was read day first, as ${localeDate({ year: 2027, month: 3, day: 15 }, 'en_US')}, although this spreadsheet’s locale (en_US) writes dates month first.`,
        ],
      },
    });
    expect(read('4/4/2027', 'en_GB')).toMatchObject({ ok: true, value: { notes: [] } });
  });

  it('for any day and month: the reading is a real date, and a note appears exactly when the order was in doubt or swapped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom('en_US', 'en_GB', 'fr_FR', 'de_DE', 'es_US'),
        (a, b, locale) => {
          const r = read(`${a}/${b}/2028`, locale);
          const monthFirst = locale.endsWith('US');
          const [mo, d] = monthFirst ? [a, b] : [b, a];
          const valid = (m: number, day: number) =>
            m <= 12 && new Date(Date.UTC(2028, m - 1, day)).getUTCDate() === day;
          if (!valid(mo, d) && !valid(d, mo)) return expect(r).toBeNull();
          if (!r?.ok) throw new Error(`not read: ${a}/${b}`);
          const { date, notes } = r.value;
          expect(valid(date.month, date.day)).toBe(true);
          if (valid(mo, d)) expect(date).toEqual({ year: 2028, month: mo, day: d });
          const doubt = a !== b && a <= 12 && b <= 12;
          expect(notes.length > 0).toBe(doubt || !valid(mo, d));
        },
      ),
      { seed: 7, numRuns: 400 },
    );
  });
});

describe('a date without a year', () => {
  it('takes the next such date from today, and says which year was assumed', () => {
    expect(read('3/15')).toEqual({
      ok: true,
      value: {
        date: { year: 2027, month: 3, day: 15 },
        time: null,
        notes: [
          `Start date “3/15” has no year: read as ${localeDate({ year: 2027, month: 3, day: 15 }, 'en_US')}, the next such day from today.`,
        ],
      },
    });
    expect(read('15 Dec')).toMatchObject({ ok: true, value: { date: { year: 2026 } } });
    expect(read('Nov 30')).toMatchObject({ ok: true, value: { date: { year: 2026 } } });
  });

  it('for any today: the date is today or later, within a year (29 Feb: the next leap year)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(2000, 0, 1)),
          max: new Date(Date.UTC(2090, 0, 1)),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (when, month, day) => {
          const on = {
            year: when.getUTCFullYear(),
            month: when.getUTCMonth() + 1,
            day: when.getUTCDate(),
          };
          const r = read(`${month}/${day}`, 'en_US', on);
          if (new Date(Date.UTC(2000, month - 1, day)).getUTCDate() !== day) return;
          if (!r?.ok) throw new Error(`not read: ${month}/${day}`);
          const got = Date.UTC(r.value.date.year, r.value.date.month - 1, r.value.date.day);
          const from = Date.UTC(on.year, on.month - 1, on.day);
          expect(got).toBeGreaterThanOrEqual(from);
          expect(got - from).toBeLessThan((month === 2 && day === 29 ? 8 : 1) * 366 * 86_400_000);
          expect(r.value.notes.at(-1)).toContain(
            `has no year: read as ${localeDate(r.value.date, 'en_US')},`,
          );
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe('a date-time in a date cell starts the event then: never a silent all-day event', () => {
  it.each([
    ['text', '3/15/2027 2:00 PM'],
    ['a Date value with a time', new Date(instantAt(Date.UTC(2027, 2, 15, 14), 'Asia/Kolkata'))],
  ])('%s', (_, startDate) => {
    const p = parse({ startDate });
    if (p.kind !== 'event') throw new Error(JSON.stringify(p));
    // 14:00 in the plan's zone (Chicago, CDT on 15 March 2027) is 19:00 UTC.
    expect(p.event.timing).toMatchObject({ allDay: false, startMs: Date.UTC(2027, 2, 15, 19) });
  });

  it('a typed Start time wins, and the row says so; All day ticked wins over both', () => {
    const p = parse({ startDate: '3/15/2027 2:00 PM', startTime: '09:00' });
    if (p.kind !== 'event') throw new Error(JSON.stringify(p));
    expect(p.event.timing).toMatchObject({ startMs: Date.UTC(2027, 2, 15, 14) });
    expect(p.event.notes).toEqual([
      'Start date also holds a time (14:00); the Start time 09:00 was used.',
    ]);
    const allDay = parse({ startDate: '3/15/2027 2:00 PM', allDay: true });
    expect(allDay).toMatchObject({ kind: 'event', event: { timing: { allDay: true } } });
  });
});

describe('time-only cells read as the wall clock in the spreadsheet’s zone, whatever its 1899 offset', () => {
  // The product's oracle on Google: formatDate (the emulator's, which prints Java's whole-minute offsets) in year tables.
  const oracle = yearTableOracle(utilitiesZoneOracle(formatDate));
  it('every zone in the list, any time of day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONE_NAMES),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (zone, hour, minute) => {
          // Sheets hands a time-only cell back as 30 Dec 1899 at that wall time in the sheet's zone.
          const cell = new Date(instantAt(Date.UTC(1899, 11, 30, hour, minute), zone));
          expect(asTimeOfDay(cell, zone, oracle, 'Start time')).toEqual({
            ok: true,
            value: { hour, minute },
          });
        },
      ),
      { seed: 1899, numRuns: 1500 },
    );
  });
});

describe('every phrase the column notes offer is understood', () => {
  const note = (key: string) => CALENDAR_TAB.columns.find((c) => c.key === key)?.note ?? '';
  const phrases = (key: string) =>
    (note(key).split('Understood: ')[1] ?? '')
      .replace(/\.$/, '')
      .split(' · ')
      .map((p) => ({ text: p.replace(/ \(.*\)$/, ''), claim: /\((.*)\)$/.exec(p)?.[1] ?? '' }));

  it('lists what Start date understands', () => {
    expect(phrases('startDate').map((p) => p.text)).toEqual([
      '2027-03-04',
      '4 Mar 2027',
      'March 4, 2027',
      '3/4/2027',
      '3/4',
      '3/4/2027 2:00 PM',
    ]);
  });

  it.each(phrases('startDate'))(
    'Start date “$text” is read as 4 March ($claim)',
    ({ text, claim }) => {
      const p = parse({ startDate: text });
      if (p.kind !== 'event') throw new Error(JSON.stringify(p));
      const t = p.event.timing;
      const day = t.allDay
        ? t.startDate
        : new Date(t.startMs - 5 * 3_600_000).toISOString().slice(0, 10);
      expect(day.slice(5)).toBe('03-04');
      if (claim.includes('no year')) expect(p.event.notes?.join(' ')).toContain('has no year');
      if (claim.includes('with a time')) expect(t).toMatchObject({ allDay: false });
      else expect(t.allDay).toBe(true);
      if (claim.includes('this sheet’s order')) {
        const gb = parse({ startDate: text }, { locale: 'en_GB' });
        expect(gb).toMatchObject({ kind: 'event', event: { timing: { startDate: '2027-04-03' } } });
      }
    },
  );

  it.each([...phrases('startTime'), ...phrases('endTime')])(
    'time “$text” is understood',
    ({ text }) => {
      const r = asTimeOfDay(text, 'Asia/Kolkata', intlZoneOracle, 'Start time');
      expect(r.ok).toBe(true);
    },
  );

  it('End date is typed like Start date, and its time ends the event when End time is empty', () => {
    expect(note('endDate')).toContain(
      'Typed like Start date; a time here is the end time when End time is empty.',
    );
    const p = parse({ startDate: '3/4/2027 2:00 PM', endDate: '3/4/2027 4:30 PM' });
    if (p.kind !== 'event' || p.event.timing.allDay) throw new Error(JSON.stringify(p));
    expect(p.event.timing.endMs - p.event.timing.startMs).toBe(2.5 * 3_600_000);
  });
});
