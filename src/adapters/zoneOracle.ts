// The zone oracle on Google: Utilities.formatDate is documented to honour IANA zones (Intl data is not).
import type { WallTime, ZoneOracle } from '../domain/time/zones';

/**
 * One formatDate call per distinct (zone, minute): the sync asks for the same instants many times
 * (every activity's start in the calendar's zone), and each call is a service call.
 */
export function utilitiesZoneOracle(): ZoneOracle {
  const cache = new Map<string, WallTime>();
  return (instantMs: number, zone: string): WallTime => {
    const minute = Math.floor(instantMs / 60_000);
    const key = `${zone}|${minute}`;
    const hit = cache.get(key);
    if (hit) return { ...hit, second: Math.floor((instantMs - minute * 60_000) / 1000) };
    const text = Utilities.formatDate(new Date(minute * 60_000), zone, 'yyyy-MM-dd HH:mm:ss');
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
    if (!m) throw new Error(`Unexpected date text from Utilities.formatDate: ${text}`);
    const wall: WallTime = {
      year: +m[1],
      month: +m[2],
      day: +m[3],
      hour: +m[4],
      minute: +m[5],
      second: 0,
    };
    cache.set(key, wall);
    return { ...wall, second: Math.floor((instantMs - minute * 60_000) / 1000) };
  };
}
