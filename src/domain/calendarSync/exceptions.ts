// Single occurrences of a synced series moved or cancelled in Google Calendar: read from the listed events, told in words.
import { localeClock, localeDate } from '../time/localeDate';
import { wallToInstant, type ZoneOracle } from '../time/zones';
import { type EventJson, parseRfc3339, timingOf } from './eventResource';
import type { DesiredEvent, ExistingEvent, ExistingTiming } from './types';

/** Where the series' rule put an occurrence: a date (all-day series) or an instant. */
export type OccurrenceAt = { allDay: true; date: string } | { allDay: false; ms: number };

/** One occurrence changed on its own in Google Calendar (an exception of the series). */
export interface OccurrenceException {
  /** The exception's own (instance) id. */
  eventId: string;
  /** Its place by the rule (REST `originalStartTime`). */
  original: OccurrenceAt;
  /** Where it is now; null when it was cancelled. */
  now: ExistingTiming | null;
  title: string;
  location: string;
}

function atOf(t: EventJson['start']): OccurrenceAt | null {
  if (t?.date) return { allDay: true, date: t.date };
  const ms = t?.dateTime ? parseRfc3339(t.dateTime) : null;
  return ms === null ? null : { allDay: false, ms };
}

/** An occurrence's key: its date (all-day series) or its instant by the rule. */
export const keyOf = (at: OccurrenceAt) => (at.allDay ? at.date : String(at.ms));

/**
 * One listed item as an exception of its series: changed ones with their own fields, cancelled
 * ones as stubs carrying only id, recurringEventId and originalStartTime (docs/google-facts.md).
 * Null for anything else (no original start: not an exception the sync can place).
 */
export function exceptionOf(e: EventJson): OccurrenceException | null {
  if (!e.recurringEventId) return null;
  const original = atOf(e.originalStartTime);
  if (!original) return null;
  const cancelled = e.status === 'cancelled';
  const now = cancelled ? null : timingOf(e);
  if (!cancelled && !now) return null;
  return { eventId: e.id ?? '', original, now, title: e.summary ?? '', location: e.location ?? '' };
}

/**
 * The exceptions among listed events, by the id of their series (Google lists them next to their
 * series when the list is not expanded), in the order of their original starts.
 */
export function exceptionsBySeries(
  items: readonly EventJson[],
): Map<string, OccurrenceException[]> {
  const bySeries = new Map<string, Map<string, OccurrenceException>>();
  for (const e of items) {
    const x = exceptionOf(e);
    if (!x || !e.recurringEventId) continue;
    const list = bySeries.get(e.recurringEventId) ?? new Map<string, OccurrenceException>();
    list.set(keyOf(x.original), x);
    bySeries.set(e.recurringEventId, list);
  }
  const out = new Map<string, OccurrenceException[]>();
  for (const [id, list] of bySeries) out.set(id, sortedByOriginal([...list.values()]));
  return out;
}

/** Exceptions in the order of the occurrences they stand for. */
export const sortedByOriginal = (list: OccurrenceException[]) => list.sort(byOriginal);

function startMsOf(at: OccurrenceAt): number {
  return at.allDay ? Date.parse(`${at.date}T00:00:00Z`) : at.ms;
}

const byOriginal = (a: OccurrenceException, b: OccurrenceException) =>
  startMsOf(a.original) - startMsOf(b.original);

/** Whether an exception only changed details (title, place) and kept its time. */
function keptItsTime(x: OccurrenceException): boolean {
  const now = x.now;
  if (!now) return false;
  return now.allDay
    ? x.original.allDay && now.startDate === x.original.date
    : !x.original.allDay && now.startMs === x.original.ms;
}

interface Day {
  year: number;
  month: number;
  day: number;
}

function dateParts(isoDate: string): Day {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year, month, day };
}

const sameDay = (a: Day, b: Day) => a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * "3/18/2027 moved to 3/19/2027 15:00; 3/25/2027 cancelled; 4/1/2027 changed": each occurrence by
 * the date the rule gave it, in the spreadsheet locale's short date (as the row's Start date shows
 * it), times in the series' zone (the zone the row's times are typed in). '' when none changed.
 */
export function exceptionsText(
  list: readonly OccurrenceException[],
  series: ExistingTiming,
  oracle: ZoneOracle,
  fallbackZone: string,
  locale: string,
): string {
  const zone = (!series.allDay && series.timeZone) || fallbackZone;
  const dayWords = (d: Day) => localeDate(d, locale);
  const dayOf = (at: OccurrenceAt): Day => (at.allDay ? dateParts(at.date) : oracle(at.ms, zone));
  return list
    .map((x) => {
      const was = dayOf(x.original);
      const label = dayWords(was);
      if (!x.now) return `${label} cancelled`;
      if (keptItsTime(x)) return `${label} changed`;
      if (x.now.allDay) return `${label} moved to ${dayWords(dateParts(x.now.startDate))}`;
      const at = oracle(x.now.startMs, zone);
      const clock = localeClock(at);
      return sameDay(at, was)
        ? `${label} moved to ${clock}`
        : `${label} moved to ${dayWords(at)} ${clock}`;
    })
    .join('; ');
}

/**
 * Cancelled occurrences written as `EXDATE` lines on the series (RFC 5545 §3.8.5.1): a date
 * (`VALUE=DATE`), a UTC time (`…Z`) or a wall time with `TZID`. Unreadable values are left out.
 */
export function excludedOccurrences(
  lines: readonly string[],
  oracle: ZoneOracle,
  seriesZone: string,
): OccurrenceException[] {
  const out: OccurrenceException[] = [];
  for (const line of lines) {
    const m = /^EXDATE((?:;[^:]*)?):(.*)$/i.exec(line.trim());
    if (!m) continue;
    // A wall time without TZID is in the series' zone (RFC 5545: DTSTART's).
    const zone = /;TZID=([^;:]+)/i.exec(m[1])?.[1] ?? seriesZone;
    for (const value of m[2].split(',')) {
      const v = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value.trim());
      if (!v) continue;
      const [year, month, day] = [+v[1], +v[2], +v[3]];
      let original: OccurrenceAt;
      if (v[4] === undefined) original = { allDay: true, date: `${v[1]}-${v[2]}-${v[3]}` };
      else {
        const wall = { year, month, day, hour: +v[4], minute: +v[5], second: +v[6] };
        const ms = v[7]
          ? Date.UTC(year, month - 1, day, wall.hour, wall.minute, wall.second)
          : wallToInstant(oracle, wall, zone);
        original = { allDay: false, ms };
      }
      out.push({ eventId: '', original, now: null, title: '', location: '' });
    }
  }
  return out;
}

/**
 * The plan's events with the exceptions of each series attached (and told in words): those known
 * for it (`known`, by series id: the occurrence book, docs/calendar-sync.md) and the EXDATE lines
 * of its rule.
 */
export function withExceptions(
  events: readonly ExistingEvent[],
  known: ReadonlyMap<string, readonly OccurrenceException[]>,
  oracle: ZoneOracle,
  fallbackZone: string,
  /** The spreadsheet's locale: the words in the Exceptions column write dates in it. */
  locale: string,
): ExistingEvent[] {
  return events.map((e) => {
    if (e.recurrence.length === 0) return e;
    const zone = (!e.timing.allDay && e.timing.timeZone) || fallbackZone;
    const excluded = excludedOccurrences(e.excludedDates ?? [], oracle, zone);
    const listedHere = known.get(e.eventId) ?? [];
    if (excluded.length === 0 && listedHere.length === 0) return e;
    // One entry per occurrence: an exception of its own says more than an EXDATE.
    const byKey = new Map([...excluded, ...listedHere].map((x) => [keyOf(x.original), x]));
    const list = [...byKey.values()].sort(byOriginal);
    return {
      ...e,
      exceptions: list,
      exceptionsText: exceptionsText(list, e.timing, oracle, fallbackZone, locale),
    };
  });
}

/** Whether a series' start, end, zone and rule are already as the row asks. */
export function sameLayout(desired: DesiredEvent, existing: ExistingEvent): boolean {
  if (existing.recurrence.length === 0) return false;
  if (desired.recurrence.join('\n') !== existing.recurrence.join('\n')) return false;
  const d = desired.timing;
  const e = existing.timing;
  if (d.allDay || e.allDay)
    return d.allDay && e.allDay && d.startDate === e.startDate && d.endDate === e.endDate;
  return d.startMs === e.startMs && d.endMs === e.endMs && d.timeZone === e.timeZone;
}

/**
 * The moved occurrences of a series to patch along with it when the row's title or place changed:
 * each field only where the occurrence still has the series' old value (a partner's own change to
 * one occurrence stays). Cancelled occurrences are left alone.
 */
export function followingExceptions(
  desired: DesiredEvent,
  existing: ExistingEvent,
): Array<{ eventId: string; fields: { summary?: string; location?: string } }> {
  const out: Array<{ eventId: string; fields: { summary?: string; location?: string } }> = [];
  for (const x of existing.exceptions ?? []) {
    if (!x.now || !x.eventId) continue;
    const fields: { summary?: string; location?: string } = {};
    if (desired.title !== existing.title && x.title === existing.title)
      fields.summary = desired.title;
    if (desired.location !== existing.location && x.location === existing.location)
      fields.location = desired.location;
    if (Object.keys(fields).length) out.push({ eventId: x.eventId, fields });
  }
  return out;
}
