// The plan's activities as one RFC 5545 iCalendar file, for partners on Outlook or Apple Calendar.
import type { OccurrenceAt, OccurrenceException } from '../calendarSync/exceptions';
import type { DesiredEvent, ExistingTiming } from '../calendarSync/types';
import type { ZoneOracle } from '../time/zones';
import { escapeText, joinLines, localStamp, utcStamp } from './lines';
import { vtimezone } from './vtimezone';

export interface IcsOptions {
  calendarName: string;
  nowMs: number;
  oracle: ZoneOracle;
}

/** One activity of the file, with what a calendar app needs to update it on re-import. */
export interface IcsEntry {
  event: DesiredEvent;
  /** Stable across exports and sorts (see icsUid). */
  uid: string;
  /** Cancelled activities stay in the file as STATUS:CANCELLED, so a re-import removes them. */
  cancelled: boolean;
  /** When the activity last changed as far as the add-on knows (LAST-MODIFIED). */
  lastModifiedMs: number;
  /**
   * Occurrences of the series moved or cancelled in Google Calendar: EXDATE for the cancelled
   * ones, a VEVENT with RECURRENCE-ID for each moved one (RFC 5545 §3.8.5.1, §3.8.4.4).
   */
  exceptions?: readonly OccurrenceException[];
}

const DAY = 86_400_000;
const MONTH = 31 * DAY;
const UNIT_MS = { DAILY: DAY, WEEKLY: 7 * DAY, MONTHLY: 31 * DAY, YEARLY: 366 * DAY } as const;
const dateValue = (isoDate: string) => isoDate.replace(/-/g, '');
/** SEQUENCE counts minutes since 2020 at export: every export outranks the ones before it. */
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/**
 * The UID of an activity: its Activity ID (or, failing that, its Calendar event ID) with the plan
 * key, never the row number, so a sort or an inserted row changes no UID and a re-import updates
 * instead of duplicating. A row the sync has not numbered yet gets a UID from what it says (title,
 * start date and time): a sort keeps it; editing those before the first sync makes a new event.
 */
export function icsUid(
  ids: { activityId: string; eventId: string; contentKey: string },
  planKey: string,
): string {
  const own = ids.activityId || (ids.eventId ? `E${ids.eventId}` : `N${ids.contentKey}`);
  return `${own.replace(/[^A-Za-z0-9_.-]/g, '')}-${planKey}@shared-work-plan`;
}

/** Where each zone's VTIMEZONE must start and the last instant a dated observance must reach. */
function zoneWindows(entries: readonly IcsEntry[]): Map<string, { from: number; to: number }> {
  const windows = new Map<string, { from: number; to: number }>();
  const widen = (zone: string, from: number, to: number) => {
    const w = windows.get(zone) ?? { from, to };
    windows.set(zone, { from: Math.min(w.from, from), to: Math.max(w.to, to) });
  };
  for (const { event: e, exceptions } of entries) {
    const t = e.timing;
    if (t.allDay) continue;
    let to = t.endMs;
    const r = e.repeat;
    if (r?.until) to = Date.UTC(r.until.year, r.until.month - 1, r.until.day) + 2 * DAY;
    else if (r?.count) to = t.startMs + r.count * r.interval * UNIT_MS[r.freq] + DAY;
    widen(t.timeZone, t.startMs, to);
    // A moved occurrence may leave the series' span (moved before its first or after its last).
    for (const x of exceptions ?? [])
      if (x.now && !x.now.allDay) widen(x.now.timeZone || t.timeZone, x.now.startMs, x.now.endMs);
  }
  return windows;
}

/** DTSTART/DTEND (or RECURRENCE-ID) values: a date, or a wall time with the series' TZID. */
function timingLines(t: ExistingTiming, zone: string, oracle: ZoneOracle): string[] {
  if (t.allDay)
    return [
      `DTSTART;VALUE=DATE:${dateValue(t.startDate)}`,
      `DTEND;VALUE=DATE:${dateValue(t.endDate)}`,
    ];
  return [
    `DTSTART;TZID=${zone}:${localStamp(oracle(t.startMs, zone))}`,
    `DTEND;TZID=${zone}:${localStamp(oracle(t.endMs, zone))}`,
  ];
}

/** The same form as the series' DTSTART, so parsers match it with an occurrence (RFC 5545). */
function occurrenceValue(at: OccurrenceAt, zone: string, oracle: ZoneOracle): string {
  return at.allDay
    ? `;VALUE=DATE:${dateValue(at.date)}`
    : `;TZID=${zone}:${localStamp(oracle(at.ms, zone))}`;
}

function eventLines(entry: IcsEntry, options: IcsOptions): string[] {
  const e = entry.event;
  const t = e.timing;
  const zone = t.allDay ? '' : t.timeZone;
  const head = [
    `UID:${entry.uid}`,
    `DTSTAMP:${utcStamp(options.nowMs)}`,
    `LAST-MODIFIED:${utcStamp(Math.min(entry.lastModifiedMs, options.nowMs))}`,
    `SEQUENCE:${Math.max(0, Math.floor((options.nowMs - SEQUENCE_EPOCH) / 60_000))}`,
  ];
  const status = entry.cancelled ? 'CANCELLED' : e.status === 'Planned' ? 'TENTATIVE' : 'CONFIRMED';
  const details = (title: string, location: string) => [
    `SUMMARY:${escapeText(title)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.type ? [`CATEGORIES:${escapeText(e.type)}`] : []),
    `STATUS:${status}`,
  ];
  const lines = ['BEGIN:VEVENT', ...head, ...timingLines(t, zone, options.oracle)];
  for (const rule of e.recurrence) lines.push(rule);
  const exceptions = e.recurrence.length ? (entry.exceptions ?? []) : [];
  for (const x of exceptions)
    if (!x.now) lines.push(`EXDATE${occurrenceValue(x.original, zone, options.oracle)}`);
  lines.push(...details(e.title, e.location), 'END:VEVENT');
  for (const x of exceptions) {
    if (!x.now) continue;
    const own = x.now.allDay ? '' : x.now.timeZone || zone;
    lines.push(
      'BEGIN:VEVENT',
      ...head,
      `RECURRENCE-ID${occurrenceValue(x.original, zone, options.oracle)}`,
      ...timingLines(x.now, own, options.oracle),
      ...details(x.title || e.title, x.location),
      'END:VEVENT',
    );
  }
  return lines;
}

/** A whole VCALENDAR; timed events keep their zone (TZID + VTIMEZONE) so series survive DST. */
export function writeIcs(entries: readonly IcsEntry[], options: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Shared Work Plan//Calendar export//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  for (const [zone, w] of zoneWindows(entries)) {
    lines.push(...vtimezone(options.oracle, zone, w.from - MONTH, w.to + MONTH));
  }
  for (const entry of entries) lines.push(...eventLines(entry, options));
  lines.push('END:VCALENDAR');
  return joinLines(lines);
}

/** The file name partners see: the plan's name, safe for every OS, and the day it was made. */
export function icsFileName(planName: string, today: string): string {
  const safe =
    planName
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .replace(/\s+/g, '-') || 'activities';
  return `${safe}-${today}.ics`;
}
