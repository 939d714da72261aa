// VTIMEZONE components that stay right forever: the zone's current yearly rule as RRULE observances, derived from the oracle.
import { offsetMinutes, pad, wallTimeFromUtc, type ZoneOracle } from '../time/zones';
import { localStamp } from './lines';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const YEAR = 365.25 * DAY;
/** Years of offset changes read to find the current rule: enough for every weekday to recur. */
const RULE_YEARS = 14;
/** How far dated observances reach for a zone whose changes follow no weekday rule. */
const DATED_YEARS = 30;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export interface Transition {
  atMs: number;
  fromMinutes: number;
  toMinutes: number;
}

/** The instants in [fromMs, toMs) at which the zone's offset changes (found to the minute). */
export function transitions(
  oracle: ZoneOracle,
  zone: string,
  fromMs: number,
  toMs: number,
): Transition[] {
  const out: Transition[] = [];
  const step = 7 * DAY;
  let prevMs = fromMs;
  let prev = offsetMinutes(oracle, prevMs, zone);
  for (let t = fromMs + step; t <= toMs + step; t += step) {
    const at = Math.min(t, toMs);
    const now = offsetMinutes(oracle, at, zone);
    if (now !== prev) {
      // Binary search for the first minute with the new offset.
      let lo = prevMs;
      let hi = at;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE;
        if (offsetMinutes(oracle, mid, zone) === prev) lo = mid;
        else hi = mid;
      }
      out.push({ atMs: hi, fromMinutes: prev, toMinutes: now });
      prev = now;
    }
    prevMs = at;
    if (at >= toMs) break;
  }
  return out;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** RFC 5545 §3.6.5: an observance's DTSTART is the local time in the offset in force before it. */
const localBefore = (t: Transition) => wallTimeFromUtc(t.atMs + t.fromMinutes * MINUTE);

const kindOf = (t: Transition) => (t.toMinutes > t.fromMinutes ? 'DAYLIGHT' : 'STANDARD');

/** What a yearly rule is about: offsets, month, weekday and local time of day, not the date. */
function ruleKey(t: Transition): string {
  const w = localBefore(t);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return [t.fromMinutes, t.toMinutes, w.month, weekday, w.hour, w.minute, w.second].join('|');
}

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The RRULE of a change that happens every year on a weekday within a 7-day span of a month
 * (tz rules "lastSun", "Sun>=8", "Fri>=23"): BYDAY=2SU, BYDAY=-1SU or BYMONTHDAY=23,…,29;BYDAY=FR.
 * Null when the observed dates do not pin the span down.
 */
function yearlyRule(changes: readonly Transition[]): string | null {
  const walls = changes.map(localBefore);
  const days = walls.map((w) => w.day);
  const first = Math.min(...days);
  if (Math.max(...days) - first !== 6) return null;
  const { month } = walls[0];
  const weekday = WEEKDAYS[new Date(Date.UTC(walls[0].year, month - 1, walls[0].day)).getUTCDay()];
  const head = `RRULE:FREQ=YEARLY;BYMONTH=${month}`;
  if ((first - 1) % 7 === 0) return `${head};BYDAY=${(first - 1) / 7 + 1}${weekday}`;
  // "Last" only when it is last in every year, February included.
  if (walls.every((w) => w.day + 7 > daysInMonth(w.year, month)))
    return `${head};BYDAY=-1${weekday}`;
  const span = Array.from({ length: 7 }, (_, i) => first + i);
  // Every day of the span must exist in every year (a span past 28 February would skip years).
  if (span.some((d) => d > daysInMonth(2001, month))) return null;
  return `${head};BYMONTHDAY=${span.join(',')};BYDAY=${weekday}`;
}

interface Observance {
  change: Transition;
  rrule: string | null;
}

/**
 * The zone's current yearly rule, if it has one: the longest run of changes at the end of `changes`
 * that alternate between two keys (there and back), each expressible as an RRULE, reaching the end
 * of the scan. Null for zones whose changes follow no weekday rule (they get dated observances).
 */
function currentRule(
  changes: readonly Transition[],
  scanEndMs: number,
): { since: number; rules: Observance[] } | null {
  const n = changes.length;
  if (n < 2 || scanEndMs - changes[n - 1].atMs > 400 * DAY) return null;
  const keys = changes.map(ruleKey);
  const [a, b] = [keys[n - 2], keys[n - 1]];
  const there = changes[n - 1];
  const back = changes[n - 2];
  if (a === b || there.fromMinutes !== back.toMinutes || there.toMinutes !== back.fromMinutes)
    return null;
  // Walk back while the changes keep alternating between the two keys.
  let since = n - 1;
  while (since > 0 && keys[since - 1] === (keys[since] === a ? b : a)) since -= 1;
  const rules: Observance[] = [];
  for (const key of [a, b]) {
    const same = changes.slice(since).filter((_, i) => keys[since + i] === key);
    const rrule = yearlyRule(same);
    if (!rrule) return null;
    rules.push({ change: same[0], rrule });
  }
  return { since, rules: rules.sort((x, y) => x.change.atMs - y.change.atMs) };
}

/**
 * A VTIMEZONE for `zone`, right for every instant from `fromMs` on. The zone's current yearly rule
 * (read from the oracle over the next 14 years) becomes two observances with an RRULE, valid
 * forever, as tzurl.org's files are; changes before the rule starts are dated observances. A zone
 * without changes gets one STANDARD observance. A zone whose changes follow no weekday rule
 * (Morocco's moves around Ramadan, Cairo's changes at 24:00) gets dated observances up to `toMs`,
 * the last event it serves, and at least 30 years ahead.
 */
export function vtimezone(
  oracle: ZoneOracle,
  zone: string,
  fromMs: number,
  toMs: number,
): string[] {
  const scanEnd = fromMs + RULE_YEARS * YEAR;
  let changes = transitions(oracle, zone, fromMs, scanEnd);
  const rule = currentRule(changes, scanEnd);
  // No weekday rule (Cairo's "day after the last Thursday", Morocco's Ramadan moves): dated
  // changes through the last event, and at least 30 years for series without an end.
  const datedEnd = Math.max(toMs + YEAR, fromMs + DATED_YEARS * YEAR);
  if (!rule) changes = transitions(oracle, zone, fromMs, datedEnd);
  const dated = rule ? changes.slice(0, rule.since) : changes;
  const first = offsetMinutes(oracle, fromMs, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind: string, start: string, from: number, to: number, rrule?: string) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${start}`,
      ...(rrule ? [rrule] : []),
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  // The offset in force at the window's start; named after what the first change ends.
  const next = changes[0];
  const startKind = next && next.toMinutes < next.fromMinutes ? 'DAYLIGHT' : 'STANDARD';
  const fromWall = wallTimeFromUtc(Math.floor(fromMs / MINUTE) * MINUTE + first * MINUTE);
  observance(startKind, localStamp({ ...fromWall, second: 0 }), first, first);
  for (const c of dated)
    observance(kindOf(c), localStamp(localBefore(c)), c.fromMinutes, c.toMinutes);
  for (const r of rule?.rules ?? [])
    observance(
      kindOf(r.change),
      localStamp(localBefore(r.change)),
      r.change.fromMinutes,
      r.change.toMinutes,
      r.rrule ?? undefined,
    );
  lines.push('END:VTIMEZONE');
  return lines;
}
