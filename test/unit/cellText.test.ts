// cellText: a date value quoted in text reads as the sheet's wall clock in its locale's short date, in every zone Intl knows.
import fc from 'fast-check';
import { cellText } from '../../src/domain/time/cellText';
import { localeDate, localeDateTime } from '../../src/domain/time/localeDate';
import { wallToInstant } from '../../src/domain/time/zones';
import { intlZoneOracle as oracle } from '../harness/intlZoneOracle';

const ZONES = (
  Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }
).supportedValuesOf('timeZone');

describe('cellText', () => {
  it('quotes a date cell as the wall date (and time) the sheet shows, in every zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom('en_US', 'en_GB', 'de_DE', 'ja_JP'),
        fc.record({
          year: fc.integer({ min: 1990, max: 2060 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
        }),
        (zone, locale, w) => {
          const midnight = { ...w, hour: 0, minute: 0, second: 0 };
          const at = wallToInstant(oracle, midnight, zone);
          // Midnight may not exist on a change day (it then moves forward): skip only those.
          fc.pre(oracle(at, zone).hour === 0);
          const dates = { sheetZone: zone, oracle, locale };
          expect(cellText(new Date(at), dates)).toBe(localeDate(w, locale));
          const timed = { ...w, second: 0 };
          const atTime = wallToInstant(oracle, timed, zone);
          fc.pre(oracle(atTime, zone).hour === w.hour && (w.hour > 0 || w.minute > 0));
          expect(cellText(new Date(atTime), dates)).toBe(localeDateTime(timed, locale));
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });

  it('quotes a time-only cell (30 Dec 1899) as its clock, even with 1899 local mean time', () => {
    const dates = { sheetZone: 'Asia/Kolkata', oracle, locale: 'en_GB' };
    const at = wallToInstant(
      oracle,
      { year: 1899, month: 12, day: 30, hour: 15, minute: 45, second: 0 },
      'Asia/Kolkata',
    );
    expect(cellText(new Date(at), dates)).toBe('15:45');
    expect(cellText('  plain text ', dates)).toBe('plain text');
    expect(cellText(42, dates)).toBe('42');
  });
});
