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
const DAY = 24 * 60 * MINUTE;

/** Treats a wall time as if it were UTC: the arithmetic base for offsets. */
export function wallAsUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC at an instant, in minutes (e.g. +60 for Paris in winter). */
/** The wall clock a UTC-based millisecond count stands for (the inverse of wallAsUtc). */
export function wallTimeFromUtc(wallMs: number): WallTime {
  const d = new Date(wallMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function offsetMinutes(oracle: ZoneOracle, instantMs: number, zone: string): number {
  const wall = oracle(instantMs, zone);
  const flooredInstant = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallAsUtc(wall) - flooredInstant) / MINUTE);
}

/** What the one wall-time rule did to a wall time that a clock change made odd. */
export type WallAdjustment =
  | null
  /** The wall time never happens (spring forward): it moved forward by the gap to `shown`. */
  | { kind: 'gap'; shown: WallTime }
  /** The wall time happens twice (fall back): the earlier instant was taken. */
  | { kind: 'overlap'; laterMs: number };

/**
 * The instant at which clocks in `zone` show `wall`, and whether the clock change rule applied.
 * In a spring-forward gap (a wall time that does not exist) the clock is read as if the change
 * had not happened yet, which moves it forward by the gap, as Google Calendar does; in a
 * fall-back overlap the earlier instant is taken. Callers tell the partner when it applied.
 */
export function resolveWallTime(
  oracle: ZoneOracle,
  wall: WallTime,
  zone: string,
): { instantMs: number; adjustment: WallAdjustment } {
  const guess = wallAsUtc(wall);
  // Offsets cannot reach a day, so a day either side is before and after any change near `wall`.
  // Exact offsets, seconds included: local mean time before ~1900 is not whole minutes.
  const offsetMs = (instant: number) => wallAsUtc(oracle(instant, zone)) - instant;
  const before = offsetMs(guess - DAY);
  const after = offsetMs(guess + DAY);
  const shows = (instant: number) => wallAsUtc(oracle(instant, zone)) === guess;
  const valid = [...new Set([before, after].map((offset) => guess - offset))].filter(shows);
  // In an overlap both are valid: the earlier instant is taken.
  if (valid.length === 2)
    return {
      instantMs: Math.min(...valid),
      adjustment: { kind: 'overlap', laterMs: Math.max(...valid) },
    };
  if (valid.length === 1) return { instantMs: valid[0], adjustment: null };
  // In a gap neither is: read the clock with the offset in force before the change, which moves
  // the time forward by the gap, east or west of UTC alike.
  const instantMs = guess - before;
  return { instantMs, adjustment: { kind: 'gap', shown: oracle(instantMs, zone) } };
}

/** The instant at which clocks in `zone` show `wall` (the rule of resolveWallTime). */
export function wallToInstant(oracle: ZoneOracle, wall: WallTime, zone: string): number {
  return resolveWallTime(oracle, wall, zone).instantMs;
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
