// Wall-clock time in a named IANA zone <-> instants, built on an injected "zone oracle".

/** A calendar date and time of day as read on a clock in some zone (months are 1-based). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Tells the wall time of an instant in a zone. On Google this is `Utilities.formatDate` (documented,
 * unlike `Intl` time-zone data in Apps Script's V8); in Node and the emulator it is `Intl`.
 */
export type ZoneOracle = (instantMs: number, zone: string) => WallTime;

const MINUTE = 60_000;

/** Treats a wall time as if it were UTC: the arithmetic base for offsets. */
export function wallAsUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC at an instant, in minutes (e.g. +60 for Paris in winter). */
export function offsetMinutes(oracle: ZoneOracle, instantMs: number, zone: string): number {
  const wall = oracle(instantMs, zone);
  const flooredInstant = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallAsUtc(wall) - flooredInstant) / MINUTE);
}

/**
 * The instant at which clocks in `zone` show `wall`. In a spring-forward gap (a wall time that
 * does not exist) the clock is read as if the change had not happened yet, which moves it forward
 * by the gap, as Google Calendar does; in a fall-back overlap the earlier instant is taken.
 */
export function wallToInstant(oracle: ZoneOracle, wall: WallTime, zone: string): number {
  const guess = wallAsUtc(wall);
  const firstOffset = offsetMinutes(oracle, guess, zone);
  let candidate = guess - firstOffset * MINUTE;
  const secondOffset = offsetMinutes(oracle, candidate, zone);
  if (secondOffset !== firstOffset) {
    const retry = guess - secondOffset * MINUTE;
    if (offsetMinutes(oracle, retry, zone) === secondOffset) candidate = retry;
  }
  // Prefer the earlier of two valid instants in an overlap.
  const earlier = candidate - 60 * MINUTE;
  const earlierWall = oracle(earlier, zone);
  if (wallAsUtc(earlierWall) === guess) return earlier;
  return candidate;
}

/** Is `zone` a zone name the oracle understands? (Invalid names throw in both oracles.) */
export function isKnownZone(oracle: ZoneOracle, zone: string): boolean {
  if (!/^[A-Za-z]+(?:[/_+-][A-Za-z0-9_+-]+)*$/.test(zone) && zone !== 'UTC') return false;
  try {
    oracle(0, zone);
    return true;
  } catch {
    return false;
  }
}

/** Adds whole days to a calendar date (no zone involved: dates are wall dates). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A number with leading zeros ("07", "0042"): the one padding rule for dates, times and ICS stamps. */
export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `yyyy-MM-dd` of a wall date. */
export function formatWallDate(w: { year: number; month: number; day: number }): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `yyyy-MM-dd HH:mm` of a wall time. */
export function formatWallTime(w: WallTime): string {
  return `${formatWallDate(w)} ${pad(w.hour)}:${pad(w.minute)}`;
}
