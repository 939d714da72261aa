// Every date the add-on writes in a sentence is the spreadsheet locale's short date, and reads back to the same day with the parser the cells use.
import fc from 'fast-check';
import { describeTiming } from '../../src/domain/calendarSync/report';
import type { DigestItem } from '../../src/domain/digest/items';
import { renderDigest } from '../../src/domain/digest/render';
import { parseDateText } from '../../src/domain/table/cells';
import { cellText } from '../../src/domain/time/cellText';
import { localeDate, localeDateStyle } from '../../src/domain/time/localeDate';
import { parseTypedDate } from '../../src/domain/time/typedDate';
import { addDays, formatWallDate, wallToInstant } from '../../src/domain/time/zones';
import { intlZoneOracle as oracle } from '../harness/intlZoneOracle';

/**
 * Locales a spreadsheet may have (getSpreadsheetLocale): every style the add-on knows, locales it
 * does not list (their fallback), the hyphenated spelling, an unknown and an empty one.
 */
const LOCALES = [
  'en_US',
  'en',
  'es_US',
  'en_PH',
  'fil_PH',
  'en_GB',
  'en_AU',
  'en_IN',
  'en-GB',
  'fr_FR',
  'fr_CA',
  'en_CA',
  'de_DE',
  'de_CH',
  'ru_RU',
  'pl_PL',
  'nb_NO',
  'no',
  'da_DK',
  'fi_FI',
  'tr_TR',
  'cs_CZ',
  'nl_NL',
  'sv_SE',
  'lt_LT',
  'ja_JP',
  'zh_CN',
  'zh_TW',
  'es_ES',
  'pt_BR',
  'it_IT',
  'hu_HU',
  'xx_YY',
  '',
];

/** Zones east and west of UTC, half-hour and 45-minute offsets, and one across the date line. */
const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Kiritimati',
  'America/St_Johns',
];

const day = fc.record({
  year: fc.integer({ min: 1990, max: 2070 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 31 }),
});
const validDay = day.filter(
  (d) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDate() === d.day,
);

/** Every date written in `locale`'s short format inside a sentence. */
function datesIn(sentence: string, locale: string): string[] {
  const style = localeDateStyle(locale);
  const sep = style.separator.replace(/[.*+?^${}()|[\]\\/ -]/g, (c) => `\\${c}`);
  const part = '\\d{1,2}';
  const year = '\\d{4}';
  const parts = {
    mdy: [part, part, year],
    dmy: [part, part, year],
    ymd: [year, part, part],
  }[style.order];
  return sentence.match(new RegExp(`(?<![\\d])${parts.join(sep)}(?![\\d])`, 'g')) ?? [];
}

const readBack = (text: string, locale: string) => {
  const parsed = parseDateText(text, locale);
  return parsed && formatWallDate(parsed);
};

describe('a date in a sentence reads back to its day in the spreadsheet’s locale', () => {
  it('the short date itself, in every locale (an unknown one falls back to day/month/year)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), validDay, (locale, d) => {
        const written = localeDate(d, locale);
        expect(datesIn(written, locale)).toEqual([written]);
        expect(readBack(written, locale)).toBe(formatWallDate(d));
      }),
      { seed: 22, numRuns: 600 },
    );
  });

  it('a date cell quoted in text (evidence, problem statements), in every zone and locale', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...ZONES),
        validDay,
        fc.integer({ min: 0, max: 23 }),
        (locale, zone, d, hour) => {
          const at = wallToInstant(oracle, { ...d, hour, minute: 30, second: 0 }, zone);
          const shown = oracle(at, zone);
          const text = cellText(new Date(at), { sheetZone: zone, oracle, locale });
          const [date] = datesIn(text, locale);
          expect(readBack(date, locale)).toBe(formatWallDate(shown));
          // The time as well: the whole quote reads back as the date-time the cell holds.
          const typed = parseTypedDate(text, { locale, today: null }, 'Date');
          expect(typed?.ok && typed.value.time).toEqual({ hour: shown.hour, minute: 30 });
        },
      ),
      { seed: 23, numRuns: 400 },
    );
  });

  it('the sync report’s timings, all-day and timed, in the event’s zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...ZONES),
        validDay,
        fc.integer({ min: 0, max: 3 }),
        (locale, zone, d, extraDays) => {
          const last = addDays(d, extraDays);
          const allDay = describeTiming(
            {
              allDay: true,
              startDate: formatWallDate(d),
              endDate: formatWallDate(addDays(last, 1)),
            },
            oracle,
            zone,
            locale,
          );
          const allDayDates = datesIn(allDay, locale).map((t) => readBack(t, locale));
          expect(allDayDates).toEqual(
            extraDays ? [formatWallDate(d), formatWallDate(last)] : [formatWallDate(d)],
          );
          const startMs = wallToInstant(oracle, { ...d, hour: 22, minute: 0, second: 0 }, zone);
          const timed = describeTiming(
            { allDay: false, startMs, endMs: startMs + 4 * 3_600_000, timeZone: zone },
            oracle,
            zone,
            locale,
          );
          const [start, end] = [oracle(startMs, zone), oracle(startMs + 4 * 3_600_000, zone)];
          const expected = [start, end].map(formatWallDate);
          const timedDates = datesIn(timed, locale).map((t) => readBack(t, locale));
          expect(timedDates).toEqual(expected[0] === expected[1] ? [expected[0]] : expected);
        },
      ),
      { seed: 24, numRuns: 300 },
    );
  });

  it('the weekly email’s lines', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.array(validDay, { minLength: 1, maxLength: 4 }),
        (locale, days) => {
          const items: DigestItem[] = days.map((d, i) => ({
            id: `A${i + 1}`,
            key: `A${i + 1}`,
            kind: 'Activity',
            label: `Session ${i + 1}`,
            date: formatWallDate(d),
            end: formatWallDate(d),
            status: 'Planned',
            tab: 'Calendar',
            row: i + 2,
          }));
          const email = renderDigest(
            { name: 'Riverside Library', contact: 'Ana' },
            { due: items, overdue: [], changed: [], first: false },
            { planName: 'Reading plan', coordinator: 'Sam', url: '', locale },
          );
          const read = datesIn(email.text, locale).map((t) => readBack(t, locale));
          expect(read).toEqual(days.map(formatWallDate));
        },
      ),
      { seed: 25, numRuns: 200 },
    );
  });

  it('a typed date’s note names the day it was read as', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), validDay, (locale, d) => {
        // Typed without a year: the note says which year it was read in.
        const today = { year: d.year, month: 1, day: 1 };
        const typed = parseTypedDate(`${d.day}/${d.month}`, { locale, today }, 'Start date');
        fc.pre(typed?.ok === true);
        if (!typed?.ok) return;
        const said = typed.value.notes.flatMap((n) => datesIn(n, locale));
        expect(said.length).toBeGreaterThan(0);
        for (const t of said) expect(readBack(t, locale)).toBe(formatWallDate(typed.value.date));
      }),
      { seed: 26, numRuns: 300 },
    );
  });
});
