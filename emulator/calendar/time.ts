// Zone maths for the Calendar emulator: wall dates/times in a zone, RFC 3339 in and out.
import { instantAt, offsetAt, wallAt, wallFields, wallOfFields } from '../time/zoneModel';

/** A calendar date (months 1-based), as all-day events store it. */
export interface WallDate {
  year: number;
  month: number;
  day: number;
}

/** A date and time of day as read on a clock in some zone. */
export interface WallTime extends WallDate {
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Adds whole days to a calendar date. */
export function addDays(date: WallDate, days: number): WallDate {
  const f = wallFields(wallOfFields(date.year, date.month, date.day + days));
  return { year: f.year, month: f.month, day: f.day };
}

/** `yyyy-mm-dd`, as `start.date` is written (V: events resource). */
export function formatWallDate(d: WallDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** The wall time of an instant in a zone (the emulator's own zone model, emulator/time). */
export function wallOf(instantMs: number, zone: string): WallTime {
  const f = wallFields(wallAt(instantMs, zone));
  return {
    year: f.year,
    month: f.month,
    day: f.day,
    hour: f.hour,
    minute: f.minute,
    second: f.second,
  };
}

/** The instant clocks in `zone` show `wall` (a gap moves forward, an overlap takes the earlier). */
export function instantOf(wall: WallTime, zone: string): number {
  const w = wallOfFields(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second);
  return instantAt(w, zone);
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
  const off = Math.round(offsetAt(instantMs, zone) / 60_000);
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
