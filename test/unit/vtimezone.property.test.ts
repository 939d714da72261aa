// Every VTIMEZONE the export writes, read by ical.js, gives Intl's offset at any instant for decades: the rules never drift.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { vtimezone } from '../../src/domain/ics/vtimezone';
import { intlZoneOracle as oracle } from '../harness/intlZoneOracle';

const ALL_ZONES = (
  Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }
).supportedValuesOf('timeZone');
const NAMED = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/Santiago',
  'Pacific/Chatham',
  'Asia/Jerusalem',
  'Europe/Dublin',
  'Africa/Casablanca',
  'Africa/Cairo',
];
const FULL = process.env.SWP_ZONES_FULL === '1';
const FROM = Date.UTC(2027, 0, 1);
const UNTIL = Date.UTC(2080, 0, 1);

const offsetMinutes = (ms: number, zone: string) => {
  const w = oracle(ms, zone);
  return Math.round(
    (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - ms) / 60_000,
  );
};

const YEAR = 365 * 86_400_000;
/**
 * A zone that changes offsets without a weekday rule (Morocco, Cairo) gets dated observances only:
 * 30 years ahead, or to the last event.
 */
const validForever = (zone: string) => {
  const lines = vtimezone(oracle, zone, FROM, FROM + 86_400_000);
  return lines.some((l) => l.startsWith('RRULE')) || lines.length <= 8;
};
const wallAt = (ms: number, zone: string) => oracle(ms, zone);

/**
 * The instant ical.js gives the wall clock Intl shows at `ms`, with the file's VTIMEZONE. It shows
 * the same wall clock exactly when the VTIMEZONE's offset there is a right one (in a fall-back
 * overlap either instant is).
 */
function readBack(tz: ICAL.Timezone, ms: number, zone: string): number {
  const w = wallAt(ms, zone);
  const local = ICAL.Time.fromData(
    { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second },
    tz,
  );
  return local.toUnixTime() * 1000;
}

function icalZone(zone: string): ICAL.Timezone {
  const text = [
    'BEGIN:VCALENDAR',
    ...vtimezone(oracle, zone, FROM, FROM + 86_400_000),
    'END:VCALENDAR',
  ].join('\r\n');
  return new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtimezone')!);
}

describe('vtimezone', () => {
  const zones = FULL ? ALL_ZONES : NAMED;
  it.each(zones)('%s: ical.js reads Intl’s offset at random instants 2027–2080', (zone) => {
    const tz = icalZone(zone);
    // Zones without a weekday rule (Morocco, Cairo) are dated 30 years ahead.
    const until = validForever(zone) ? UNTIL : FROM + 29 * YEAR;
    fc.assert(
      fc.property(fc.integer({ min: FROM / 60_000, max: until / 60_000 }), (minute) => {
        const ms = minute * 60_000;
        expect([zone, ms, wallAt(readBack(tz, ms, zone), zone)]).toEqual([
          zone,
          ms,
          wallAt(ms, zone),
        ]);
      }),
      { seed: 11, numRuns: FULL ? 300 : 150 },
    );
  });

  it('writes a rule, not a list of dates, for every zone with yearly changes (seeded sample)', () => {
    const sample = fc.sample(fc.constantFrom(...ALL_ZONES), {
      seed: 11,
      numRuns: FULL ? 2000 : 30,
    });
    for (const zone of new Set(sample)) {
      const lines = vtimezone(oracle, zone, FROM, FROM + 86_400_000);
      const dated = lines.filter((l) => l.startsWith('DTSTART')).length;
      // At most: the offset at the start, dated changes before the rule, and the rule's two.
      if (lines.some((l) => l.startsWith('RRULE'))) expect(dated).toBeLessThanOrEqual(6);
      const tz = icalZone(zone);
      for (const year of [2030, 2045, 2060, 2075]) {
        for (const month of [0, 3, 6, 9]) {
          const ms = Date.UTC(year, month, 15, 12);
          if (!validForever(zone) && ms > FROM + 29 * YEAR) continue;
          expect([
            zone,
            year,
            month,
            tz.utcOffset(ICAL.Time.fromJSDate(new Date(ms), true)) / 60,
          ]).toEqual([zone, year, month, offsetMinutes(ms, zone)]);
        }
      }
    }
  });
});
