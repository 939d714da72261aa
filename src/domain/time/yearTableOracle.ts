// A zone oracle that asks the underlying one ~60 times per zone and year instead of once per instant, and remembers the answer across runs.
import { type WallTime, wallAsUtc, wallTimeFromUtc, type ZoneOracle } from './zones';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

/**
 * How far apart a zone-year is sampled: a sample interval must not hold a whole segment (an offset
 * that starts and ends between two samples is never seen). Scanning every zone of the tz database
 * (Node's ICU, 1972–2039) finds none shorter than 28 days after 2010 (the last: Cairo's 21-day
 * Ramadan break of September 2010); before, Brazil's northeast kept one for 7 days in October 2000.
 * So fortnightly from 2011, weekly before. An interval holding two changes is seen (its bisection ends
 * on the wrong offset) and that year is left to the underlying oracle.
 */
const stepFor = (year: number): number => (year >= 2011 ? 2 * WEEK : WEEK);

interface Segment {
  /** First instant (ms) at which `offset` applies. */
  from: number;
  offsetMs: number;
}

/** Where worked-out tables outlive one execution (the document cache on Google): text by key. */
export interface ZoneTableStore {
  get(key: string): string | null;
  put(key: string, value: string): void;
}

/** The stored form of a zone-year: its segments, or "none" when the base oracle must answer it. */
export const zoneTableKey = (zone: string, year: number): string =>
  `sharedWorkPlan.zoneYear.${zone}.${year}`;

function parseSegments(text: string | null): Segment[] | null | undefined {
  if (text === null) return undefined;
  if (text === 'none') return null;
  try {
    const value = JSON.parse(text) as unknown;
    const valid =
      Array.isArray(value) &&
      value.length > 0 &&
      value.every(
        (s) =>
          typeof s?.from === 'number' &&
          typeof s?.offsetMs === 'number' &&
          s.offsetMs % MINUTE === 0,
      );
    return valid ? (value as Segment[]) : undefined;
  } catch {
    return undefined;
  }
}

const earlyKey = (zone: string): string => `sharedWorkPlan.zoneDays.${zone}`;
const DAY = 24 * 60 * MINUTE;
/** Days kept per zone: well inside a cache value's 100 KB (about 20 bytes each). */
const EARLY_LIMIT = 1000;

/** Per UTC day (by its number since 1970) its one offset in ms, or null when it changes that day. */
type DayOffsets = Record<string, number | null>;

function parseEarly(text: string | null): DayOffsets {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const entries = Object.entries(value as Record<string, unknown>);
    return Object.fromEntries(
      entries.filter(([, v]) => v === null || typeof v === 'number'),
    ) as DayOffsets;
  } catch {
    return {};
  }
}

/** One zone-year's offsets: samples a week or two apart (`stepFor`), each change bisected to the minute (null: let the base answer). */
function buildTable(offsetAt: (ms: number) => number | null, year: number): Segment[] | null {
  const start = Date.UTC(year, 0, 1) - 2 * 24 * 60 * MINUTE;
  const end = Date.UTC(year + 1, 0, 1) + 2 * 24 * 60 * MINUTE;
  const first = offsetAt(start);
  if (first === null) return null;
  const segments: Segment[] = [{ from: start, offsetMs: first }];
  let prevT = start;
  let prev = first;
  const step = stepFor(year);
  for (let t = start + step; ; t += step) {
    const at = Math.min(t, end);
    const now = offsetAt(at);
    if (now === null) return null;
    if (now !== prev) {
      let lo = prevT;
      let hi = at;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE;
        const o = offsetAt(mid);
        if (o === null) return null;
        if (o === prev) lo = mid;
        else hi = mid;
      }
      // More than one change inside a sample interval is not worth modelling: let the base answer.
      if (offsetAt(hi) !== now) return null;
      segments.push({ from: hi, offsetMs: now });
      prev = now;
    }
    prevT = at;
    if (at >= end) break;
  }
  return segments;
}

/**
 * On Google each oracle answer is a `Utilities.formatDate` call, so reading 1,000 rows would cost
 * thousands of calls. Offsets change rarely: sample each zone-year every week or two, find each change to the
 * minute by bisection, then answer any instant of that year by arithmetic. Years before 1972 (local
 * mean time offsets with seconds, e.g. the 1899 dates Sheets uses for time-only cells) are answered
 * per UTC day, and any year whose offsets are not whole minutes goes to the underlying oracle.
 */
export function yearTableOracle(base: ZoneOracle, store: ZoneTableStore | null = null): ZoneOracle {
  const tables = new Map<string, Segment[] | null>();

  const offsetAt = (ms: number, zone: string): number | null => {
    const floored = Math.floor(ms / 1000) * 1000;
    const offset = wallAsUtc(base(floored, zone)) - floored;
    return offset % MINUTE === 0 ? offset : null;
  };

  /**
   * A zone-year worked out by an earlier run is read back (one store read instead of ~60 questions:
   * each sync, each hour, needs the same few zone-years); a new one is worked out and kept.
   */
  const remembered = (zone: string, year: number): Segment[] | null => {
    const stored = store ? parseSegments(store.get(zoneTableKey(zone, year))) : undefined;
    if (stored !== undefined) return stored;
    const table = buildTable((ms) => offsetAt(ms, zone), year);
    store?.put(zoneTableKey(zone, year), table ? JSON.stringify(table) : 'none');
    return table;
  };

  const early = new Map<string, DayOffsets>();
  /**
   * Instants before 1972 carry offsets with seconds, so no year table: they are answered per UTC
   * day instead. A time-only cell is an instant on 30 December 1899, so a Calendar tab's start
   * times all fall on one or two such days: the offset at each day's first and last second is
   * asked, and when both agree (no zone changed its offset and changed it back within one day)
   * every instant of the day is answered by arithmetic, two questions for all of them. A day whose
   * offset changes is answered instant by instant. Each zone's days are kept in one store entry,
   * read once per run and written once per new day.
   */
  const answeredEarly = (instantMs: number, zone: string): WallTime => {
    let known = early.get(zone);
    if (!known) {
      known = parseEarly(store?.get(earlyKey(zone)) ?? null);
      early.set(zone, known);
    }
    const second = Math.floor(instantMs / 1000) * 1000;
    const day = Math.floor(second / DAY);
    let offset = known[String(day)];
    if (offset === undefined) {
      const first = day * DAY;
      const last = first + DAY - 1000;
      const atFirst = wallAsUtc(base(first, zone)) - first;
      const atLast = wallAsUtc(base(last, zone)) - last;
      offset = atFirst === atLast ? atFirst : null;
      if (Object.keys(known).length < EARLY_LIMIT) {
        known[String(day)] = offset;
        store?.put(earlyKey(zone), JSON.stringify(known));
      }
    }
    return offset === null ? base(instantMs, zone) : wallTimeFromUtc(second + offset);
  };

  return (instantMs: number, zone: string): WallTime => {
    const year = new Date(instantMs).getUTCFullYear();
    if (year < 1972) return answeredEarly(instantMs, zone);
    const key = `${zone}|${year}`;
    if (!tables.has(key)) tables.set(key, remembered(zone, year));
    const table = tables.get(key);
    if (!table) return base(instantMs, zone);
    let offset = table[0].offsetMs;
    for (const s of table) if (s.from <= instantMs) offset = s.offsetMs;
    return wallTimeFromUtc(instantMs + offset);
  };
}
