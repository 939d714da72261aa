// The year-table oracle answers exactly like the oracle it wraps, with far fewer questions.

import { yearTableOracle } from '../../src/domain/time/yearTableOracle';
import type { ZoneOracle } from '../../src/domain/time/zones';
import { intlZoneOracle } from '../harness/intlZoneOracle';

describe('yearTableOracle', () => {
  it.each([
    'America/New_York',
    'Europe/Paris',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'UTC',
  ])('matches Intl in %s, minute by minute around changes and every few hours all year', (zone) => {
    let calls = 0;
    const counting: ZoneOracle = (ms, z) => {
      calls += 1;
      return intlZoneOracle(ms, z);
    };
    const oracle = yearTableOracle(counting);
    const start = Date.UTC(2027, 0, 1);
    for (let t = start; t < Date.UTC(2028, 0, 1); t += 3 * 3_600_000 + 7 * 60_000 + 13_000) {
      expect(oracle(t, zone)).toEqual(intlZoneOracle(t, zone));
    }
    // Around the US and EU changes, minute by minute.
    for (const change of [
      Date.UTC(2027, 2, 14, 7),
      Date.UTC(2027, 2, 28, 1),
      Date.UTC(2027, 9, 31, 1),
    ]) {
      for (let t = change - 90 * 60_000; t < change + 90 * 60_000; t += 60_000)
        expect(oracle(t, zone)).toEqual(intlZoneOracle(t, zone));
    }
    expect(calls).toBeLessThan(200);
  });

  it('hands 1899 time cells (offsets with seconds) to the oracle it wraps', () => {
    const oracle = yearTableOracle(intlZoneOracle);
    const t = Date.UTC(1899, 11, 30, 20, 26, 2);
    expect(oracle(t, 'America/New_York')).toEqual(intlZoneOracle(t, 'America/New_York'));
  });

  it.each(['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Kiritimati'])(
    'answers every minute of 1899-12-30 in %s with two questions per UTC day',
    (zone) => {
      let calls = 0;
      const oracle = yearTableOracle((ms, z) => {
        calls += 1;
        return intlZoneOracle(ms, z);
      });
      const days = new Set<number>();
      for (let m = 0; m < 24 * 60; m += 7) {
        const t = Date.UTC(1899, 11, 30, 0, m, 13);
        days.add(Math.floor(t / 86_400_000));
        expect(oracle(t, zone)).toEqual(intlZoneOracle(t, zone));
      }
      expect(calls).toBe(2 * days.size);
    },
  );

  it('answers a day before 1972 whose offset changes instant by instant, exactly', () => {
    // New York's daylight time began at 07:00 UTC on 26 April 1970.
    const oracle = yearTableOracle(intlZoneOracle);
    const day = Date.UTC(1970, 3, 26);
    for (let t = day; t < day + 86_400_000; t += 17 * 60_000 + 1_000)
      expect(oracle(t, 'America/New_York')).toEqual(intlZoneOracle(t, 'America/New_York'));
  });
});
