// A zone oracle that asks the underlying one ~100 times per zone and year instead of once per instant.
import { type WallTime, wallAsUtc, wallTimeFromUtc, type ZoneOracle } from './zones';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

interface Segment {
  /** First instant (ms) at which `offset` applies. */
  from: number;
  offsetMs: number;
}

/**
 * On Google each oracle answer is a `Utilities.formatDate` call, so reading 1,000 rows would cost
 * thousands of calls. Offsets change rarely: sample each zone-year weekly, find each change to the
 * minute by bisection, then answer any instant of that year by arithmetic. Years before 1972 (local
 * mean time offsets with seconds, e.g. the 1899 dates Sheets uses for time-only cells) and any
 * year whose offsets are not whole minutes go to the underlying oracle, which stays exact.
 */
export function yearTableOracle(base: ZoneOracle): ZoneOracle {
  const tables = new Map<string, Segment[] | null>();

  const offsetAt = (ms: number, zone: string): number | null => {
    const floored = Math.floor(ms / 1000) * 1000;
    const offset = wallAsUtc(base(floored, zone)) - floored;
    return offset % MINUTE === 0 ? offset : null;
  };

  const build = (zone: string, year: number): Segment[] | null => {
    const start = Date.UTC(year, 0, 1) - 2 * 24 * 60 * MINUTE;
    const end = Date.UTC(year + 1, 0, 1) + 2 * 24 * 60 * MINUTE;
    const first = offsetAt(start, zone);
    if (first === null) return null;
    const segments: Segment[] = [{ from: start, offsetMs: first }];
    let prevT = start;
    let prev = first;
    for (let t = start + WEEK; ; t += WEEK) {
      const at = Math.min(t, end);
      const now = offsetAt(at, zone);
      if (now === null) return null;
      if (now !== prev) {
        let lo = prevT;
        let hi = at;
        while (hi - lo > MINUTE) {
          const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE;
          const o = offsetAt(mid, zone);
          if (o === null) return null;
          if (o === prev) lo = mid;
          else hi = mid;
        }
        // More than one change inside a week is not worth modelling: let the base answer.
        if (offsetAt(hi, zone) !== now) return null;
        segments.push({ from: hi, offsetMs: now });
        prev = now;
      }
      prevT = at;
      if (at >= end) break;
    }
    return segments;
  };

  return (instantMs: number, zone: string): WallTime => {
    const year = new Date(instantMs).getUTCFullYear();
    if (year < 1972) return base(instantMs, zone);
    const key = `${zone}|${year}`;
    if (!tables.has(key)) tables.set(key, build(zone, year));
    const table = tables.get(key);
    if (!table) return base(instantMs, zone);
    let offset = table[0].offsetMs;
    for (const s of table) if (s.from <= instantMs) offset = s.offsetMs;
    return wallTimeFromUtc(instantMs + offset);
  };
}
