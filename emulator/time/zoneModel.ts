// The emulator's own zone rules on Intl (ICU's tz data): instant -> wall clock and wall clock -> instant.

/**
 * A wall clock reading as a number: the milliseconds since 1970 that a UTC clock would show for the
 * same fields (year…millisecond). Arithmetic on it never involves a zone.
 */
export type WallMs = number;

const HOUR = 3_600_000;
const SECOND = 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One ICU formatter per zone. An unknown zone throws a RangeError here, as ICU rejects any id not
 * in its tz database (ECMA-402 IsValidTimeZoneName).
 */
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Is `zone` an IANA zone id ICU knows (names are matched case-insensitively, as ICU does)? */
export function isZoneId(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock `zone` shows at an instant, to the second (ICU's tz data includes LMT seconds). */
export function wallAt(instantMs: number, zone: string): WallMs {
  const whole = Math.floor(instantMs / SECOND) * SECOND;
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatter(zone).formatToParts(new Date(whole))) {
    if (part.type === 'era') bc = /^B/i.test(part.value);
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - fields.year : fields.year;
  const d = new Date(0);
  d.setUTCFullYear(year, fields.month - 1, fields.day);
  d.setUTCHours(fields.hour % 24, fields.minute, fields.second, instantMs - whole);
  return d.getTime();
}

/** The zone's offset from UTC at an instant, in ms (seconds are kept: LMT offsets have them). */
export function offsetAt(instantMs: number, zone: string): number {
  const whole = Math.floor(instantMs / SECOND) * SECOND;
  return wallAt(whole, zone) - whole;
}

/**
 * The instant at which clocks in `zone` show `wall`, following RFC 5545 §3.3.5 (and Temporal's
 * "compatible" disambiguation, which matches it): a wall time that happens twice (fall back) is
 * the EARLIER instant, its first occurrence; a wall time that never happens (spring forward) is
 * read with the offset in force before the change, which lands it later by the size of the gap.
 * (ICU's Calendar agrees on the gap but by default takes the LATER instant of a repeated wall
 * time, WALLTIME_LAST: docs/google-facts.md, "Time zones and formatting".)
 *
 * Method: every offset in force within 36 hours of the wall time is a candidate; an instant
 * `wall - offset` is real when the zone has that offset there. No zone changes its offset twice
 * within 36 hours, and no offset exceeds ±26 hours, so the candidates are complete.
 */
export function instantAt(wall: WallMs, zone: string): number {
  const key = `${zone}|${wall}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const instant = resolveWall(wall, zone);
  if (instants.size > 50_000) instants.clear();
  instants.set(key, instant);
  return instant;
}

/** Sheets read the same dates over and over: remember answers (bounded). */
const instants = new Map<string, number>();

function resolveWall(wall: WallMs, zone: string): number {
  // Usually no change within 36 hours: one offset, one instant.
  const early = offsetAt(wall - 36 * HOUR, zone);
  if (early === offsetAt(wall + 36 * HOUR, zone) && offsetAt(wall - early, zone) === early) {
    const mid = offsetAt(wall, zone);
    if (mid === early) return wall - early;
  }
  const offsets = new Set<number>();
  for (let h = -36; h <= 36; h += 6) offsets.add(offsetAt(wall + h * HOUR, zone));
  let best: number | null = null;
  for (const offset of offsets) {
    const instant = wall - offset;
    if (offsetAt(instant, zone) === offset && (best === null || instant < best)) best = instant;
  }
  if (best !== null) return best;
  // In a gap. Before the change the clock is behind the wall time by the largest candidate
  // offset's reading; the offset that was in force then is what RFC 5545 §3.3.5 applies.
  const before = offsetAt(wall - Math.max(...offsets), zone);
  return wall - before;
}

/** Splits a wall reading into calendar fields (months 1-based). */
export function wallFields(wall: WallMs): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
} {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** A wall reading from fields (months 1-based); years 0–99 are not shifted to 19xx. */
export function wallOfFields(
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
  ms = 0,
): WallMs {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}
