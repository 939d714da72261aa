// RRULE strings (RFC 5545 subset) and their expansion into occurrences, in a named zone.
import {
  addDays,
  compactDate,
  compactUtc,
  compareDates,
  daysBetween,
  instantOf,
  type WallDate,
  type WallTime,
  wallOf,
  weekdayOf,
} from './time';

export const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
type Freq = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface ParsedRule {
  freq: Freq;
  interval: number;
  count?: number;
  /** UNTIL as an instant (date-time form) or a date (all-day form). Inclusive (RFC 5545). */
  untilMs?: number;
  untilDate?: WallDate;
  byDay?: Array<{ ord: number; wd: number }>;
  byMonthDay?: number[];
  byMonth?: number[];
  wkst: number;
}

function parseCompact(value: string, tzid: string | undefined): { ms?: number; date?: WallDate } {
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (date) return { date: { year: +date[1], month: +date[2], day: +date[3] } };
  const dt = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (!dt) throw new Error(`Invalid recurrence value: ${value}`);
  const wall: WallTime = {
    year: +dt[1],
    month: +dt[2],
    day: +dt[3],
    hour: +dt[4],
    minute: +dt[5],
    second: +dt[6],
  };
  if (dt[7] === 'Z')
    return {
      ms: Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second),
    };
  return { ms: instantOf(wall, tzid ?? 'UTC') };
}

/** Parses one `RRULE:` line; throws on parts the emulator does not expand (loud, not wrong). */
export function parseRRule(line: string): ParsedRule {
  const body = line.replace(/^RRULE:/i, '');
  const parts = new Map(
    body.split(';').map((kv) => {
      const [k, v] = kv.split('=');
      return [k.toUpperCase(), v ?? ''] as const;
    }),
  );
  const freq = parts.get('FREQ') as Freq | undefined;
  if (!freq || !['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq)) {
    throw new Error(`Emulator: unsupported RRULE frequency in "${line}"`);
  }
  for (const k of parts.keys()) {
    if (
      !['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST'].includes(k)
    ) {
      throw new Error(`Emulator: RRULE part ${k} is not modelled ("${line}")`);
    }
  }
  const rule: ParsedRule = { freq, interval: Number(parts.get('INTERVAL') ?? 1), wkst: 1 };
  if (parts.has('COUNT')) rule.count = Number(parts.get('COUNT'));
  if (parts.has('UNTIL')) {
    const u = parseCompact(parts.get('UNTIL')!, 'UTC');
    rule.untilMs = u.ms;
    rule.untilDate = u.date;
  }
  if (parts.has('BYDAY')) {
    rule.byDay = parts
      .get('BYDAY')!
      .split(',')
      .map((code) => {
        const m = /^([+-]?\d+)?(SU|MO|TU|WE|TH|FR|SA)$/i.exec(code);
        if (!m) throw new Error(`Invalid BYDAY in "${line}"`);
        return { ord: Number(m[1] ?? 0), wd: WEEKDAY_CODES.indexOf(m[2].toUpperCase() as 'SU') };
      });
  }
  if (parts.has('BYMONTHDAY')) rule.byMonthDay = parts.get('BYMONTHDAY')!.split(',').map(Number);
  if (parts.has('BYMONTH')) rule.byMonth = parts.get('BYMONTH')!.split(',').map(Number);
  if (parts.has('WKST'))
    rule.wkst = WEEKDAY_CODES.indexOf(parts.get('WKST')!.toUpperCase() as 'SU');
  return rule;
}

/** `EXDATE`/`RDATE` line → instants (timed) or dates (all-day). */
export function parseDateList(line: string): Array<{ ms?: number; date?: WallDate }> {
  const m = /^(EXDATE|RDATE)((?:;[^:]*)?):(.*)$/i.exec(line);
  if (!m) throw new Error(`Invalid recurrence line: ${line}`);
  const tzid = /TZID=([^;:]+)/i.exec(m[2])?.[1];
  return m[3].split(',').map((v) => parseCompact(v, tzid));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthDays(year: number, month: number, rule: ParsedRule, fallbackDay: number): WallDate[] {
  const dim = daysInMonth(year, month);
  let days: number[];
  if (rule.byMonthDay) {
    days = rule.byMonthDay.map((d) => (d < 0 ? dim + 1 + d : d)).filter((d) => d >= 1 && d <= dim);
    if (rule.byDay) {
      const wds = rule.byDay.map((b) => b.wd);
      days = days.filter((d) => wds.includes(weekdayOf({ year, month, day: d })));
    }
  } else if (rule.byDay) {
    days = [];
    for (const { ord, wd } of rule.byDay) {
      const matching: number[] = [];
      for (let d = 1; d <= dim; d++)
        if (weekdayOf({ year, month, day: d }) === wd) matching.push(d);
      if (ord === 0) days.push(...matching);
      else {
        const pick = ord > 0 ? matching[ord - 1] : matching[matching.length + ord];
        if (pick !== undefined) days.push(pick);
      }
    }
  } else {
    // A month without the start's day (e.g. the 31st) has no occurrence (RFC 5545).
    days = fallbackDay <= dim ? [fallbackDay] : [];
  }
  return [...new Set(days)].sort((a, b) => a - b).map((day) => ({ year, month, day }));
}

/** Candidate dates of the Nth period of a rule (before COUNT/UNTIL/DTSTART filtering). */
function periodDates(
  rule: ParsedRule,
  start: WallDate,
  period: number,
): { first: WallDate; dates: WallDate[] } {
  const step = period * rule.interval;
  const inMonths = (d: WallDate) => !rule.byMonth || rule.byMonth.includes(d.month);
  switch (rule.freq) {
    case 'DAILY': {
      const d = addDays(start, step);
      const ok =
        inMonths(d) &&
        (!rule.byMonthDay || rule.byMonthDay.includes(d.day)) &&
        (!rule.byDay || rule.byDay.some((b) => b.wd === weekdayOf(d)));
      return { first: d, dates: ok ? [d] : [] };
    }
    case 'WEEKLY': {
      const weekStart = addDays(start, -((weekdayOf(start) - rule.wkst + 7) % 7) + step * 7);
      const wds = rule.byDay ? rule.byDay.map((b) => b.wd) : [weekdayOf(start)];
      const dates: WallDate[] = [];
      for (let i = 0; i < 7; i++) {
        const d = addDays(weekStart, i);
        if (wds.includes(weekdayOf(d)) && inMonths(d)) dates.push(d);
      }
      return { first: weekStart, dates };
    }
    case 'MONTHLY': {
      const idx = start.month - 1 + step;
      const year = start.year + Math.floor(idx / 12);
      const month = (idx % 12) + 1;
      const first = { year, month, day: 1 };
      return { first, dates: inMonths(first) ? monthDays(year, month, rule, start.day) : [] };
    }
    case 'YEARLY': {
      const year = start.year + step;
      const months = rule.byMonth ?? [start.month];
      const dates = months.flatMap((m) => monthDays(year, m, rule, start.day));
      return { first: { year, month: 1, day: 1 }, dates };
    }
  }
}

export interface ExpandInput {
  recurrence: string[];
  allDay: boolean;
  /** First occurrence: a date (all-day) or a wall time in `zone` (timed). */
  startDate: WallDate;
  startTime: { hour: number; minute: number; second: number };
  zone: string;
  /** Stop generating occurrences that start at or after this instant. */
  untilMs: number;
}

/** One occurrence: its start date (wall date in zone) and start instant. */
export interface Occurrence {
  date: WallDate;
  startMs: number;
}

/**
 * Expands a recurrence set in the event's zone, so a weekly 09:00 America/New_York meeting stays
 * at 09:00 local across DST (RFC 5545 §3.3.10, and Google's behaviour for zoned events (V)).
 * DTSTART is always the first instance (RFC 5545). Occurrences starting at or after `untilMs` are
 * not generated, which bounds rules that never end.
 */
export function expand(input: ExpandInput): Occurrence[] {
  const { startDate, startTime, zone, allDay } = input;
  const instant = (d: WallDate) => instantOf({ ...d, ...startTime }, zone);
  const key = (d: WallDate) => compactDate(d);
  const found = new Map<string, WallDate>();
  const excluded: Array<{ ms?: number; date?: WallDate }> = [];
  const dtstartMs = instant(startDate);
  if (dtstartMs < input.untilMs) found.set(key(startDate), startDate);
  for (const line of input.recurrence) {
    const head = line.split(/[:;]/)[0].toUpperCase();
    if (head === 'EXDATE') excluded.push(...parseDateList(line));
    else if (head === 'RDATE') {
      for (const r of parseDateList(line)) {
        const d = r.date ?? dateInZone(r.ms!, zone);
        if (instant(d) < input.untilMs) found.set(key(d), d);
      }
    } else if (head === 'RRULE') {
      const rule = parseRRule(line);
      let produced = 1; // DTSTART counts as the first instance.
      const beyondUntil = (d: WallDate) =>
        rule.untilDate
          ? compareDates(d, rule.untilDate) > 0
          : rule.untilMs !== undefined &&
            (allDay
              ? compareDates(d, dateInZone(rule.untilMs, zone)) > 0
              : instant(d) > rule.untilMs);
      outer: for (let period = 0; period < 200_000; period++) {
        const { first, dates } = periodDates(rule, startDate, period);
        if (instant(first) >= input.untilMs + 8 * 86_400_000 && daysBetween(startDate, first) > 0)
          break;
        for (const d of dates) {
          if (compareDates(d, startDate) <= 0) continue;
          if (beyondUntil(d)) break outer;
          if (rule.count !== undefined && produced >= rule.count) break outer;
          produced++;
          if (instant(d) >= input.untilMs) break outer;
          found.set(key(d), d);
        }
      }
    } else {
      throw new Error(`Emulator: recurrence line "${line}" is not modelled`);
    }
  }
  const out: Occurrence[] = [];
  for (const d of found.values()) {
    const ms = instant(d);
    const isExcluded = excluded.some((x) =>
      x.date
        ? compareDates(x.date, d) === 0
        : allDay
          ? compareDates(dateInZone(x.ms!, zone), d) === 0
          : x.ms === ms,
    );
    if (!isExcluded) out.push({ date: d, startMs: ms });
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

function dateInZone(ms: number, zone: string): WallDate {
  const w = wallOf(ms, zone);
  return { year: w.year, month: w.month, day: w.day };
}

/** `EXDATE` line excluding one occurrence (used when a single occurrence is deleted). */
export function exdateLine(allDay: boolean, occ: Occurrence): string {
  return allDay
    ? `EXDATE;VALUE=DATE:${compactDate(occ.date)}`
    : `EXDATE:${compactUtc(occ.startMs)}`;
}
