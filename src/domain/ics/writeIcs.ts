// The plan's activities as one RFC 5545 iCalendar file, for partners on Outlook or Apple Calendar.
import type { DesiredEvent } from '../calendarSync/types';
import type { ZoneOracle } from '../time/zones';
import { escapeText, joinLines, localStamp, utcStamp } from './lines';
import { vtimezone } from './vtimezone';

export interface IcsOptions {
  calendarName: string;
  /** Makes UIDs unique to this plan, and stable across exports (re-importing updates, not duplicates). */
  planKey: string;
  nowMs: number;
  oracle: ZoneOracle;
}

const DAY = 86_400_000;
const YEAR = 366 * DAY;
const UNIT_MS = { DAILY: DAY, WEEKLY: 7 * DAY, MONTHLY: 31 * DAY, YEARLY: YEAR } as const;
const dateValue = (isoDate: string) => isoDate.replace(/-/g, '');

/** How far a zone's VTIMEZONE must reach: the events' span, plus years for open-ended series. */
function zoneWindows(events: readonly DesiredEvent[]): Map<string, { from: number; to: number }> {
  const windows = new Map<string, { from: number; to: number }>();
  for (const e of events) {
    const t = e.timing;
    if (t.allDay) continue;
    let to = t.endMs;
    if (e.repeat) {
      const r = e.repeat;
      if (r.until) to = Date.UTC(r.until.year, r.until.month - 1, r.until.day) + 2 * DAY;
      else if (r.count) to = t.startMs + r.count * r.interval * UNIT_MS[r.freq] + DAY;
      else to = t.startMs + 5 * YEAR;
    }
    const w = windows.get(t.timeZone) ?? { from: t.startMs, to };
    windows.set(t.timeZone, { from: Math.min(w.from, t.startMs), to: Math.max(w.to, to) });
  }
  return windows;
}

function eventLines(e: DesiredEvent, options: IcsOptions): string[] {
  const t = e.timing;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.activityId}-${options.planKey}@shared-work-plan`,
    `DTSTAMP:${utcStamp(options.nowMs)}`,
  ];
  if (t.allDay) {
    lines.push(
      `DTSTART;VALUE=DATE:${dateValue(t.startDate)}`,
      `DTEND;VALUE=DATE:${dateValue(t.endDate)}`,
    );
  } else {
    lines.push(
      `DTSTART;TZID=${t.timeZone}:${localStamp(options.oracle(t.startMs, t.timeZone))}`,
      `DTEND;TZID=${t.timeZone}:${localStamp(options.oracle(t.endMs, t.timeZone))}`,
    );
  }
  for (const rule of e.recurrence) lines.push(rule);
  lines.push(`SUMMARY:${escapeText(e.title)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.type) lines.push(`CATEGORIES:${escapeText(e.type)}`);
  lines.push(`STATUS:${e.status === 'Planned' ? 'TENTATIVE' : 'CONFIRMED'}`, 'END:VEVENT');
  return lines;
}

/** A whole VCALENDAR; timed events keep their zone (TZID + VTIMEZONE) so series survive DST. */
export function writeIcs(events: readonly DesiredEvent[], options: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Shared Work Plan//Calendar export//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  for (const [zone, w] of zoneWindows(events)) {
    lines.push(...vtimezone(options.oracle, zone, w.from - YEAR / 12, w.to + YEAR / 12));
  }
  for (const e of events) lines.push(...eventLines(e, options));
  lines.push('END:VCALENDAR');
  return joinLines(lines);
}

/** The file name partners see: the plan's name, safe for every OS. */
export function icsFileName(planName: string, nowMs: number): string {
  const date = new Date(nowMs).toISOString().slice(0, 10);
  const safe =
    planName
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .replace(/\s+/g, '-') || 'activities';
  return `${safe}-${date}.ics`;
}
