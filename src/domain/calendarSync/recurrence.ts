// Reads the Recurrence column as partners write it ("Weekly", "Every 2 weeks, 10 times") and writes RRULEs.
import { parseDateText, quoteCell, type WallDate } from '../table/cells';
import { localeDate } from '../time/localeDate';
import { addDays, formatWallDate, wallToInstant, type ZoneOracle } from '../time/zones';
import { fail, ok, type Parsed } from '../values';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** A repeat rule: every `interval` days/weeks/months/years, optionally `count` times or until a date. */
export interface RepeatRule {
  freq: Frequency;
  interval: number;
  count?: number;
  /** The last day an occurrence may start on (inclusive), a wall date. */
  until?: WallDate;
  /**
   * An RRULE kept as Google wrote it: an imported event's rule the words above cannot say
   * ("every Monday and Wednesday"). Written back to the event as it is.
   */
  rrule?: string;
}

const NONE = /^(|none|no|never|once|one time|does not repeat|doesn'?t repeat|not repeating|-)$/;

const UNIT: Record<string, Frequency> = {
  day: 'DAILY',
  week: 'WEEKLY',
  month: 'MONTHLY',
  year: 'YEARLY',
};

const ADVERB: Record<string, { freq: Frequency; interval: number }> = {
  daily: { freq: 'DAILY', interval: 1 },
  weekly: { freq: 'WEEKLY', interval: 1 },
  biweekly: { freq: 'WEEKLY', interval: 2 },
  fortnightly: { freq: 'WEEKLY', interval: 2 },
  monthly: { freq: 'MONTHLY', interval: 1 },
  yearly: { freq: 'YEARLY', interval: 1 },
  annually: { freq: 'YEARLY', interval: 1 },
};

const WORD_NUMBERS: Record<string, number> = { other: 2, two: 2, three: 3, four: 4, six: 6 };

const HELP =
  'Write e.g. Weekly, Every 2 weeks, Monthly, Weekly, 10 times, Biweekly for 10 weeks or Weekly until 2027-06-30 (or leave it empty).';

type DurationUnit = 'day' | 'week' | 'month' | 'year';

/** Each unit as a number of days (day, week) or of months (month, year): the two never mix exactly. */
const SPAN: Record<DurationUnit, { days: number } | { months: number }> = {
  day: { days: 1 },
  week: { days: 7 },
  month: { months: 1 },
  year: { months: 12 },
};
const FREQ_UNIT: Record<Frequency, DurationUnit> = {
  DAILY: 'day',
  WEEKLY: 'week',
  MONTHLY: 'month',
  YEARLY: 'year',
};

/** The wall date `n` months after `date`, on the same day or the month's last day when it is shorter. */
function addMonths(date: WallDate, n: number): WallDate {
  const index = date.year * 12 + date.month - 1 + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, last) };
}

/**
 * "for N weeks" is a duration: the sessions that start within N weeks of the first one. In the
 * rule's own unit family (days/weeks, months/years) it is an exact count ("Biweekly for 10 weeks" is
 * 5 sessions, "Daily for 2 weeks" 14); across families ("Weekly for 3 months") it ends the day before
 * the same date N units after the start, which needs the start date.
 */
function endOfDuration(
  base: { freq: Frequency; interval: number },
  n: number,
  unit: DurationUnit,
  start: WallDate | undefined,
): { count: number } | { until: WallDate } | null {
  const span = SPAN[unit];
  const step = SPAN[FREQ_UNIT[base.freq]];
  if ('days' in span && 'days' in step)
    return { count: Math.ceil((n * span.days) / (step.days * base.interval)) };
  if ('months' in span && 'months' in step)
    return { count: Math.ceil((n * span.months) / (step.months * base.interval)) };
  if (!start) return null;
  const after = 'days' in span ? addDays(start, n * span.days) : addMonths(start, n * span.months);
  return { until: addDays(after, -1) };
}

/** The frequency part: "weekly", "every week", "every 2 weeks", "every other week". */
function parseFrequency(text: string): { freq: Frequency; interval: number } | null {
  const adverb = ADVERB[text];
  if (adverb) return adverb;
  const m = /^every\s+(?:(\d+|other|two|three|four|six)\s+)?(day|week|month|year)s?$/.exec(text);
  if (!m) return null;
  const interval = m[1] ? (WORD_NUMBERS[m[1]] ?? Number(m[1])) : 1;
  return { freq: UNIT[m[2]], interval };
}

/**
 * Parses the Recurrence cell. `null` means the activity does not repeat. The end may follow a comma,
 * "for" or nothing: "Weekly, 10 times" (a count), "Weekly for 10 weeks" (a duration), "Weekly until
 * 30 June 2027" (a typed end date in the sheet's `locale` order). `start` (the activity's Start date) turns a duration in another unit family than
 * the rule's ("Weekly for 3 months") into an end date; without it such a rule has no end yet.
 */
export function parseRecurrence(
  value: unknown,
  start: WallDate | undefined,
  locale: string,
): Parsed<RepeatRule | null> {
  const raw = String(value ?? '').trim();
  if (/^rrule:/i.test(raw)) return parseRawRule(raw);
  const text = raw.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').replace(/[.;]$/, '');
  if (NONE.test(text)) return ok(null);
  // "N weeks" counts only after a comma or "for": "Every 2 weeks" is an interval, not a count.
  const m =
    /^(.+?)(?:(?:\s*,\s*|\s+for\s+|\s+)(\d+)\s*(?:times|x|occurrences|sessions)|(?:\s*,\s*(?:for\s+)?|\s+for\s+)(\d+)\s*(day|week|month|year)s?|(?:\s*,\s*|\s+)(?:until|till|through|to)\s+(.+))$/.exec(
      text,
    );
  const base = parseFrequency(m ? m[1].trim() : text);
  if (!base)
    return fail(`Recurrence ${quoteCell(raw)} is not a repeat rule the sync knows. ${HELP}`);
  if (base.interval < 1 || base.interval > 52)
    return fail(`Recurrence ${quoteCell(raw)}: the interval must be between 1 and 52.`);
  const rule: RepeatRule = { ...base };
  if (m?.[3] && m[4]) {
    const n = Number(m[3]);
    if (n < 1) return fail(`Recurrence ${quoteCell(raw)}: the length must be at least 1 ${m[4]}.`);
    const end = endOfDuration(base, n, m[4] as DurationUnit, start);
    if (end && 'until' in end) rule.until = end.until;
    else if (end) {
      if (end.count > 730)
        return fail(`Recurrence ${quoteCell(raw)}: that is more than 730 sessions.`);
      rule.count = end.count;
    }
  }
  if (m?.[2]) {
    const count = Number(m[2]);
    if (count < 1 || count > 730)
      return fail(`Recurrence ${quoteCell(raw)}: the number of times must be between 1 and 730.`);
    rule.count = count;
  }
  if (m?.[5]) {
    const until = parseDateText(raw.slice(raw.length - m[5].length), locale);
    if (!until) return fail(`Recurrence ${quoteCell(raw)}: the end date is not a date. ${HELP}`);
    rule.until = until;
  }
  return ok(rule);
}

const RULE_PART = /^[A-Z]+=[A-Z0-9,+-]+$/;

/**
 * "RRULE:FREQ=WEEKLY;BYDAY=MO,WE" as an import leaves it in the Recurrence cell: checked for a
 * frequency and well-formed parts, then kept as typed (Google Calendar checks the rest).
 */
function parseRawRule(raw: string): Parsed<RepeatRule> {
  const body = raw.slice(6).trim().toUpperCase();
  const parts = body.split(';').filter(Boolean);
  const fields = new Map(parts.map((p) => [p.split('=')[0], p.split('=')[1] ?? '']));
  const freq = fields.get('FREQ') as Frequency | undefined;
  const interval = Number(fields.get('INTERVAL') ?? 1);
  if (
    !freq ||
    !(freq in FREQ_UNIT) ||
    !parts.every((p) => RULE_PART.test(p)) ||
    !Number.isInteger(interval) ||
    interval < 1
  )
    return fail(`Recurrence ${quoteCell(raw)} is not a repeat rule the sync knows. ${HELP}`);
  const count = fields.has('COUNT') ? Number(fields.get('COUNT')) : undefined;
  return ok({
    freq,
    interval,
    ...(count !== undefined && Number.isInteger(count) ? { count } : {}),
    rrule: `RRULE:${parts.join(';')}`,
  });
}

const compact = (w: WallDate) => formatWallDate(w).replace(/-/g, '');

function compactUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The RRULE line. RFC 5545: UNTIL is a DATE for all-day events, and a UTC date-time for timed events
 * anchored in a zone; an occurrence starting on the until day (in the event's zone) is included.
 */
export function toRRule(
  rule: RepeatRule,
  timing: { allDay: true } | { allDay: false; timeZone: string },
  oracle: ZoneOracle,
): string {
  if (rule.rrule) return rule.rrule;
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until) {
    if (timing.allDay) parts.push(`UNTIL=${compact(rule.until)}`);
    else {
      const last = wallToInstant(
        oracle,
        { ...rule.until, hour: 23, minute: 59, second: 59 },
        timing.timeZone,
      );
      parts.push(`UNTIL=${compactUtc(last)}`);
    }
  }
  return `RRULE:${parts.join(';')}`;
}

/**
 * How the rule reads back to a person (sidebar, ICS preview, Sync Log, the Recurrence column): its
 * end date in the spreadsheet locale's short date, which parseRecurrence reads back in that locale.
 */
export function describeRule(rule: RepeatRule, locale: string): string {
  if (rule.rrule) return rule.rrule;
  const unit = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' }[rule.freq];
  let text = rule.interval === 1 ? `Every ${unit}` : `Every ${rule.interval} ${unit}s`;
  if (rule.count !== undefined) text += `, ${rule.count} times`;
  if (rule.until) text += ` until ${localeDate(rule.until, locale)}`;
  return text;
}
