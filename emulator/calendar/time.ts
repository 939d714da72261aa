// Zone maths for the Calendar emulator: wall dates/times in a zone, RFC 3339 in and out.
import { intlZoneOracle } from '../../src/domain/time/intlZoneOracle';
import {
  addDays,
  formatWallDate,
  offsetMinutes,
  type WallTime,
  wallToInstant,
} from '../../src/domain/time/zones';

export type { WallTime };
export { addDays, formatWallDate };

/** A calendar date (months 1-based), as all-day events store it. */
export interface WallDate {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The wall time of an instant in a zone (Intl-backed, as in the rest of the emulator). */
export function wallOf(instantMs: number, zone: string): WallTime {
  return intlZoneOracle(instantMs, zone);
}

/** The instant clocks in `zone` show `wall` (spring-forward gaps move forward, as Google does). */
export function instantOf(wall: WallTime, zone: string): number {
  return wallToInstant(intlZoneOracle, wall, zone);
}

/** Midnight at the start of a wall date in a zone. */
export function midnightIn(date: WallDate, zone: string): number {
  return instantOf({ ...date, hour: 0, minute: 0, second: 0 }, zone);
}

/** The wall date (in `zone`) on which an instant falls. */
export function dateOf(instantMs: number, zone: string): WallDate {
  const w = wallOf(instantMs, zone);
  return { year: w.year, month: w.month, day: w.day };
}

/** Parses `yyyy-mm-dd`; throws on anything else. */
export function parseWallDate(text: string): WallDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`Invalid date: ${text}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: WallDate, b: WallDate): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Day of week of a wall date, 0 = Sunday. */
export function weekdayOf(d: WallDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

export function compareDates(a: WallDate, b: WallDate): number {
  return daysBetween(b, a);
}

/**
 * RFC 3339 with the zone's offset, the way the REST API writes `start.dateTime`
 * ("2027-03-01T09:00:00-05:00") (V: events resource reference).
 */
export function rfc3339InZone(instantMs: number, zone: string): string {
  const w = wallOf(instantMs, zone);
  const off = offsetMinutes(intlZoneOracle, instantMs, zone);
  const sign = off < 0 ? '-' : '+';
  const offText =
    off === 0 && zone === 'UTC'
      ? 'Z'
      : `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offText}`;
}

/** `created`/`updated` are UTC with milliseconds: "2027-03-01T09:00:00.000Z" (V). */
export function rfc3339Utc(instantMs: number): string {
  return new Date(instantMs).toISOString();
}

/**
 * Parses an RFC 3339 date-time. Without an offset the wall time is read in `zone`; with neither an
 * offset nor a zone it is rejected, as the API rejects a dateTime it cannot place (S).
 */
export function parseRfc3339(text: string, zone: string | undefined): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.exec(
      text,
    );
  if (!m) return null;
  if (m[7]) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : ms;
  }
  if (!zone) return null;
  return instantOf(
    {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: Number(m[6] ?? 0),
    },
    zone,
  );
}

/** Compact UTC stamp used in RRULE UNTIL and in instance ids: 20270301T090000Z. */
export function compactUtc(instantMs: number): string {
  return new Date(instantMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Compact date: 20270301. */
export function compactDate(d: WallDate): string {
  return formatWallDate(d).replace(/-/g, '');
}
