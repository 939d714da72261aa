// The product's zone maths against the emulator's independent model, over every zone's transitions.
import { formatDate } from '../../emulator/services/utilities';
import { instantAt, offsetAt, wallAt } from '../../emulator/time/zoneModel';
import { utilitiesZoneOracle } from '../../src/adapters/zoneOracle';
import { yearTableOracle } from '../../src/domain/time/yearTableOracle';
import { type WallTime, wallAsUtc, wallToInstant } from '../../src/domain/time/zones';

/**
 * SWP_ZONES_FULL=1 scans every year 1970–2100 in every zone (minutes); by default each zone gets
 * a few seeded years, different per zone, so the run stays in seconds and still covers every zone.
 */
const FULL = process.env.SWP_ZONES_FULL === '1';
const YEARS_PER_ZONE = 2;
const SECOND = 1000;
const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

/** Mulberry32: a small seeded generator, so a failure names a reproducible case. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Transition {
  at: number;
  before: number;
  after: number;
}

/** Offset changes within [from, to), found by weekly samples and bisection to the second. */
function transitions(zone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let t = from;
  let offset = offsetAt(t, zone);
  while (t < to) {
    const next = Math.min(t + WEEK, to);
    const nextOffset = offsetAt(next, zone);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > SECOND) {
        const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
        if (offsetAt(mid, zone) === offset) lo = mid;
        else hi = mid;
      }
      found.push({ at: hi, before: offset, after: offsetAt(hi, zone) });
    }
    t = next;
    offset = nextOffset;
  }
  return found;
}

const toWallTime = (wallMs: number): WallTime => {
  const d = new Date(wallMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
};

// Node 18+ has it; the project's ES lib typings predate it.
const zones: string[] = (
  Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }
).supportedValuesOf('timeZone');

function yearsFor(zone: string, index: number): number[] {
  if (FULL) return [1970];
  const random = seeded(0x5eed + index);
  return Array.from({ length: YEARS_PER_ZONE }, () => 1970 + Math.floor(random() * 131)).concat(
    zone.length % 2 === 0 ? [2027] : [2026],
  );
}

describe('product zone maths = the emulator’s independent zone model', () => {
  // The product on Google: a year table over Utilities.formatDate (here the emulator's, injected).

  it(`covers every Intl zone (${zones.length})`, () => {
    expect(zones.length).toBeGreaterThan(300);
  });

  it.each(zones.map((zone, i) => [zone, i] as const))(
    '%s: instants and wall times agree around every transition',
    (zone, index) => {
      const oracle = yearTableOracle(utilitiesZoneOracle(formatDate));
      const mismatches: string[] = [];
      for (const year of yearsFor(zone, index)) {
        const from = Date.UTC(year, 0, 1);
        const to = FULL ? Date.UTC(2101, 0, 1) : Date.UTC(year + 1, 0, 1);
        for (const { at, before, after } of transitions(zone, from, to)) {
          for (const instant of [at - SECOND, at, at + SECOND, at + HOUR]) {
            const product = wallAsUtc(oracle(instant, zone));
            const model = wallAt(instant, zone);
            if (product !== model) {
              mismatches.push(`wall at ${new Date(instant).toISOString()}: ${product} ≠ ${model}`);
            }
          }
          const lo = Math.min(before, after);
          const hi = Math.max(before, after);
          const walls = [
            at + lo - HOUR,
            at + lo - SECOND,
            at + lo,
            at + (lo + hi) / 2,
            at + hi - SECOND,
            at + hi,
            at + hi + HOUR,
          ];
          for (const wall of walls.map((w) => Math.floor(w / SECOND) * SECOND)) {
            const product = wallToInstant(oracle, toWallTime(wall), zone);
            const model = instantAt(wall, zone);
            if (product !== model) {
              mismatches.push(
                `${new Date(wall).toISOString().slice(0, 19)} wall → ${new Date(product).toISOString()}, model ${new Date(model).toISOString()}`,
              );
            }
          }
        }
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
    },
  );
});

describe('the rule both models hold at a change (docs/time-zones.md)', () => {
  const wall = (y: number, mo: number, d: number, h: number, mi: number) =>
    Date.UTC(y, mo - 1, d, h, mi);

  it.each([
    // A nonexistent wall time moves forward by the gap, east and west of UTC.
    ['Europe/Berlin', wall(2027, 3, 28, 2, 30), '2027-03-28T01:30:00.000Z'],
    ['Asia/Tehran', wall(2021, 3, 22, 0, 30), '2021-03-21T21:00:00.000Z'],
    ['America/New_York', wall(2027, 3, 14, 2, 30), '2027-03-14T07:30:00.000Z'],
    ['Australia/Lord_Howe', wall(2027, 10, 3, 2, 15), '2027-10-02T15:45:00.000Z'],
    // An ambiguous wall time takes the earlier instant.
    ['Europe/Berlin', wall(2027, 10, 31, 2, 30), '2027-10-31T00:30:00.000Z'],
    ['America/New_York', wall(2027, 11, 7, 1, 30), '2027-11-07T05:30:00.000Z'],
    ['Australia/Lord_Howe', wall(2027, 4, 4, 1, 45), '2027-04-03T14:45:00.000Z'],
  ])('%s %#', (zone, wallMs, expected) => {
    const oracle = yearTableOracle(utilitiesZoneOracle(formatDate));
    expect(new Date(instantAt(wallMs, zone)).toISOString()).toBe(expected);
    expect(new Date(wallToInstant(oracle, toWallTime(wallMs), zone)).toISOString()).toBe(expected);
  });
});
