// The words of the Exceptions column and the reading of exceptions from listed events (pure).
import type { EventJson } from '../../src/domain/calendarSync/eventResource';
import {
  exceptionsBySeries,
  exceptionsText,
  excludedOccurrences,
} from '../../src/domain/calendarSync/exceptions';
import { relaidNote } from '../../src/domain/calendarSync/writeBack';
import { localeDate } from '../../src/domain/time/localeDate';
import { intlZoneOracle } from '../harness/intlZoneOracle';

const oracle = intlZoneOracle;

const stub = (series: string, original: EventJson['start']): EventJson => ({
  id: `${series}_x`,
  status: 'cancelled',
  recurringEventId: series,
  originalStartTime: original,
});

describe('exceptionsBySeries', () => {
  it('groups changed and cancelled occurrences by series, in the order of the rule, last one counting', () => {
    const items: EventJson[] = [
      { id: 's1', recurrence: ['RRULE:FREQ=WEEKLY'] },
      stub('s1', { dateTime: '2027-03-22T09:00:00-04:00' }),
      {
        id: 's1_b',
        recurringEventId: 's1',
        originalStartTime: { dateTime: '2027-03-15T13:00:00Z' },
        start: { dateTime: '2027-03-16T19:00:00Z', timeZone: 'America/New_York' },
        end: { dateTime: '2027-03-16T20:00:00Z', timeZone: 'America/New_York' },
        summary: 'Moved',
      },
      stub('s1', { dateTime: '2027-03-15T13:00:00Z' }),
      stub('s2', { date: '2027-05-01' }),
      // Not placeable: no original start.
      { id: 's3_x', recurringEventId: 's3', status: 'cancelled' },
    ];
    const by = exceptionsBySeries(items);
    expect([...by.keys()]).toEqual(['s1', 's2']);
    expect(by.get('s1')?.map((x) => [x.original, x.now === null])).toEqual([
      [{ allDay: false, ms: Date.parse('2027-03-15T13:00:00Z') }, true],
      [{ allDay: false, ms: Date.parse('2027-03-22T13:00:00Z') }, true],
    ]);
    expect(by.get('s2')?.[0].original).toEqual({ allDay: true, date: '2027-05-01' });
  });
});

describe('exceptionsText', () => {
  const series = (zone: string, iso: string) =>
    ({
      allDay: false,
      startMs: Date.parse(iso),
      endMs: Date.parse(iso) + 3_600_000,
      timeZone: zone,
    }) as const;

  /** A day of 2027 (or another year) as `locale` writes it: the Start date cell's own format. */
  const on = (locale: string, month: number, day: number, year = 2027) =>
    localeDate({ year, month, day }, locale);

  it.each([
    ['America/New_York', '2027-03-01T15:00:00Z', 'en_US'],
    ['Asia/Kolkata', '2027-03-01T04:30:00Z', 'en_IN'],
    ['Pacific/Auckland', '2027-02-28T21:00:00Z', 'en_NZ'],
    ['Europe/Berlin', '2027-03-01T09:00:00Z', 'de_DE'],
  ])(
    'says moves and cancellations in the series’ zone (%s), dates as the locale (%s) writes them',
    (zone, first, locale) => {
      const words = `${on(locale, 3, 18)} moved to ${on(locale, 3, 19)} 15:00; ${on(locale, 3, 25)} cancelled`;
      // 10:00 local on 18 and 25 March, moved to 15:00 local on the 19th (instants from ICU).
      const at = (day: number, hour: number) =>
        Date.parse(first) + (day - 1) * 86_400_000 + (hour - 10) * 3_600_000;
      const fix = (ms: number) => {
        // Step to the same wall clock across a DST change between 1 March and the date.
        const want = oracle(Date.parse(first), zone).hour;
        return ms + (want - oracle(ms, zone).hour) * 3_600_000;
      };
      const x18 = fix(at(18, 10));
      const text = exceptionsText(
        [
          {
            eventId: 'x',
            original: { allDay: false, ms: x18 },
            now: {
              allDay: false,
              startMs: x18 + 29 * 3_600_000,
              endMs: x18 + 30 * 3_600_000,
              timeZone: zone,
            },
            title: '',
            location: '',
          },
          {
            eventId: 'x',
            original: { allDay: false, ms: fix(at(25, 10)) },
            now: null,
            title: '',
            location: '',
          },
        ],
        series(zone, first),
        oracle,
        'UTC',
        locale,
      );
      expect(text).toBe(words);
    },
  );

  it('all-day occurrences by date (in the locale’s short date, year included), same-day moves by the clock', () => {
    const text = exceptionsText(
      [
        {
          eventId: 'x',
          original: { allDay: true, date: '2027-12-30' },
          now: { allDay: true, startDate: '2028-01-02', endDate: '2028-01-03' },
          title: '',
          location: '',
        },
        {
          eventId: 'x',
          original: { allDay: true, date: '2028-01-06' },
          now: null,
          title: '',
          location: '',
        },
        {
          eventId: 'x',
          original: { allDay: true, date: '2027-12-23' },
          now: { allDay: true, startDate: '2027-12-23', endDate: '2027-12-24' },
          title: 'Renamed',
          location: '',
        },
      ],
      { allDay: true, startDate: '2027-12-02', endDate: '2027-12-03' },
      oracle,
      'Europe/Berlin',
      'de_DE',
    );
    expect(text).toBe(
      `${on('de_DE', 12, 30)} moved to ${on('de_DE', 1, 2, 2028)}; ${on('de_DE', 1, 6, 2028)} cancelled; ${on('de_DE', 12, 23)} changed`,
    );
    const sameDay = exceptionsText(
      [
        {
          eventId: 'x',
          original: { allDay: false, ms: Date.parse('2027-06-07T08:00:00Z') },
          now: {
            allDay: false,
            startMs: Date.parse('2027-06-07T12:30:00Z'),
            endMs: Date.parse('2027-06-07T13:30:00Z'),
            timeZone: '',
          },
          title: '',
          location: '',
        },
      ],
      {
        allDay: false,
        startMs: Date.parse('2027-06-07T08:00:00Z'),
        endMs: Date.parse('2027-06-07T09:00:00Z'),
        timeZone: '',
      },
      oracle,
      'Europe/Berlin',
      'en_GB',
    );
    expect(sameDay).toBe(`${on('en_GB', 6, 7)} moved to 14:30`);
  });
});

describe('relaidNote', () => {
  it('speaks only when the time or repeat changed on a series with exceptions', () => {
    expect(relaidNote(['title'], '8 Mar cancelled')).toBe('');
    expect(relaidNote(['time'], '')).toBe('');
    expect(relaidNote(['time', 'recurrence'], '8 Mar cancelled')).toBe(
      'the new time and repeat replace the occurrences changed in Google Calendar (8 Mar cancelled).',
    );
  });
});

describe('excludedOccurrences (EXDATE lines, RFC 5545)', () => {
  it('reads dates, UTC times, zoned wall times and floating times in the series’ zone', () => {
    const at = (lines: string[]) =>
      excludedOccurrences(lines, oracle, 'Europe/Paris').map((x) => x.original);
    expect(at(['EXDATE;VALUE=DATE:20270302,20270309'])).toEqual([
      { allDay: true, date: '2027-03-02' },
      { allDay: true, date: '2027-03-09' },
    ]);
    expect(at(['EXDATE:20270302T140000Z'])).toEqual([
      { allDay: false, ms: Date.parse('2027-03-02T14:00:00Z') },
    ]);
    // 09:00 in New York on 15 March 2027 is EDT (-04:00); 09:00 floating is Paris (CET, +01:00).
    expect(at(['EXDATE;TZID=America/New_York:20270315T090000', 'EXDATE:20270315T090000'])).toEqual([
      { allDay: false, ms: Date.parse('2027-03-15T13:00:00Z') },
      { allDay: false, ms: Date.parse('2027-03-15T08:00:00Z') },
    ]);
    expect(at(['RRULE:FREQ=WEEKLY', 'EXDATE:garbage'])).toEqual([]);
  });
});
