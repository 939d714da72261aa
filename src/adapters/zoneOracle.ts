// The zone oracle on Google: Utilities.formatDate is documented to honour IANA zones (Intl data is not).
import type { ZoneTableStore } from '../domain/time/yearTableOracle';
import { type WallTime, wallTimeFromUtc, type ZoneOracle } from '../domain/time/zones';
import type { CacheStore } from './google';

/** Six hours, the longest Google keeps a cache entry (docs/google-facts.md, "Services with limits"). */
const TABLE_SECONDS = 21_600;

/** A table read more than three hours after it was written is written again (one cache call). */
const REFRESH_AFTER_MS = 3 * 3_600_000;

/**
 * The document cache as the home of worked-out zone tables: derived data that may vanish at any time
 * (a lost table costs ~60 formatDate calls once), so not the document's stored state. Outside a
 * container document there is no document cache (V): tables then last one execution.
 */
export function cachedZoneTables(cache: CacheStore | null): ZoneTableStore | null {
  if (!cache) return null;
  const put = (key: string, value: string) => {
    try {
      cache.put(key, `${Date.now()}|${value}`, TABLE_SECONDS);
    } catch {
      // Derived data: a table that could not be kept is worked out again next run, and the
      // sync that asked for it goes on.
    }
  };
  return {
    get: (key) => {
      const text = cache.get(key);
      if (text === null) return null;
      // Each entry starts with when it was written; one older than three hours is written again,
      // so the hourly syncs keep it and never work the tables out again (~60 calls) every six hours.
      const bar = text.indexOf('|');
      const at = bar > 0 ? Number(text.slice(0, bar)) : Number.NaN;
      const value = Number.isFinite(at) ? text.slice(bar + 1) : text;
      if (!(Date.now() - at <= REFRESH_AFTER_MS)) put(key, value);
      return value;
    },
    put,
  };
}

/**
 * One formatDate call per distinct (zone, minute): the sync asks for the same instants many times
 * (every activity's start in the calendar's zone), and each call is a service call.
 */
export function utilitiesZoneOracle(
  formatDate: (date: Date, zone: string, format: string) => string,
): ZoneOracle {
  // Wall clocks as UTC-field milliseconds, per (zone, instant asked).
  const cache = new Map<string, number>();
  const wallAt = (instantMs: number, zone: string): number => {
    const key = `${zone}|${instantMs}`;
    let wall = cache.get(key);
    if (wall === undefined) {
      const text = formatDate(new Date(instantMs), zone, 'yyyy-MM-dd HH:mm:ss');
      const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
      if (!m) throw new Error(`Unexpected date text from formatDate: ${text}`);
      wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
      cache.set(key, wall);
    }
    return wall;
  };
  return (instantMs: number, zone: string): WallTime => {
    const second = Math.floor(instantMs / 1000) * 1000;
    const minuteStart = Math.floor(instantMs / 60_000) * 60_000;
    const atMinute = wallAt(minuteStart, zone);
    // Offsets in whole minutes change on minute boundaries: the minute's wall clock plus the
    // seconds. Local mean time (before ~1900; Monrovia until 1972) has offsets with seconds and
    // changes mid-minute, so there the instant itself is asked.
    const wall = atMinute % 60_000 === 0 ? atMinute + (second - minuteStart) : wallAt(second, zone);
    return wallTimeFromUtc(wall);
  };
}
