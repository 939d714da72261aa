// A zone oracle that asks the underlying one ~100 times per zone and year instead of once per instant, and remembers the answer across runs.
import { type WallTime, wallAsUtc, wallTimeFromUtc, type ZoneOracle } from './zones';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

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

const earlyKey = (zone: string): string => `sharedWorkPlan.zoneEarly.${zone}`;
/** Answers kept per zone: well inside a cache value's 100 KB (about 40 bytes each). */
const EARLY_LIMIT = 1000;

function parseEarly(text: string | null): Record<string, number> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const entries = Object.entries(value as Record<string, unknown>);
    return Object.fromEntries(entries.filter(([, v]) => typeof v === 'number')) as Record<
      string,
      number
    >;
  } catch {
    return {};
  }
}

/** One zone-year's offsets: weekly samples, each change bisected to the minute (null: let the base answer). */
function buildTable(offsetAt: (ms: number) => number | null, year: number): Segment[] | null {
  const start = Date.UTC(year, 0, 1) - 2 * 24 * 60 * MINUTE;
  const end = Date.UTC(year + 1, 0, 1) + 2 * 24 * 60 * MINUTE;
  const first = offsetAt(start);
  if (first === null) return null;
  const segments: Segment[] = [{ from: start, offsetMs: first }];
  let prevT = start;
  let prev = first;
  for (let t = start + WEEK; ; t += WEEK) {
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
      // More than one change inside a week is not worth modelling: let the base answer.
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
 * thousands of calls. Offsets change rarely: sample each zone-year weekly, find each change to the
 * minute by bisection, then answer any instant of that year by arithmetic. Years before 1972 (local
 * mean time offsets with seconds, e.g. the 1899 dates Sheets uses for time-only cells) and any
 * year whose offsets are not whole minutes go to the underlying oracle, which stays exact.
 */
export function yearTableOracle(base: ZoneOracle, store: ZoneTableStore | null = null): ZoneOracle {
  const tables = new Map<string, Segment[] | null>();

  const offsetAt = (ms: number, zone: string): number | null => {
    const floored = Math.floor(ms / 1000) * 1000;
    const offset = wallAsUtc(base(floored, zone)) - floored;
    return offset % MINUTE === 0 ? offset : null;
  };

  /**
   * A zone-year worked out by an earlier run is read back (one store read instead of ~90 questions:
   * each sync, each hour, needs the same few zone-years); a new one is worked out and kept.
   */
  const remembered = (zone: string, year: number): Segment[] | null => {
    const stored = store ? parseSegments(store.get(zoneTableKey(zone, year))) : undefined;
    if (stored !== undefined) return stored;
    const table = buildTable((ms) => offsetAt(ms, zone), year);
    store?.put(zoneTableKey(zone, year), table ? JSON.stringify(table) : 'none');
    return table;
  };

  const early = new Map<string, Record<string, number>>();
  /**
   * Instants before 1972 are answered one by one (offsets with seconds). They are few and repeat
   * from sync to sync — a time-only cell is an instant on 30 December 1899 — so each zone's answers
   * are kept together in one store entry, read once per run.
   */
  const answeredEarly = (instantMs: number, zone: string): WallTime => {
    let known = early.get(zone);
    if (!known) {
      known = parseEarly(store?.get(earlyKey(zone)) ?? null);
      early.set(zone, known);
    }
    const wall = known[String(instantMs)];
    if (typeof wall === 'number') return wallTimeFromUtc(wall);
    const answer = base(instantMs, zone);
    if (Object.keys(known).length < EARLY_LIMIT) {
      known[String(instantMs)] = wallAsUtc(answer);
      store?.put(earlyKey(zone), JSON.stringify(known));
    }
    return answer;
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
