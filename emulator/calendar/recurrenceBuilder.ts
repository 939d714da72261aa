// CalendarApp.newRecurrence(): the EventRecurrence / RecurrenceRule builders, emitting RRULE lines.
import type { Runtime } from '../runtime';
import { isDate } from '../runtime';
import { notModelled } from './errors';
import { WEEKDAY_CODES } from './recurrence';
import { compactDate, compactUtc, dateOf, instantOf } from './time';

type Weekday = GoogleAppsScript.Base.Weekday;
type GDate = GoogleAppsScript.Base.Date;
type Month = GoogleAppsScript.Base.Month;

const WEEKDAY_NAMES = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
];
const MONTH_NAMES = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
];

/**
 * The emulator's `CalendarApp.Weekday`/`Month` values are their names (Apps Script enums print as
 * their names (I)); numbers are accepted too because the TypeScript typings declare numeric enums.
 */
function weekdayIndex(day: Weekday | string): number {
  const i = typeof day === 'number' ? day : WEEKDAY_NAMES.indexOf(String(day));
  if (i < 0 || i > 6) throw new Error(`Invalid argument: ${String(day)}`);
  return i;
}

function monthNumber(month: Month | string): number {
  const i = typeof month === 'number' ? month : MONTH_NAMES.indexOf(String(month));
  if (i < 0 || i > 11) throw new Error(`Invalid argument: ${String(month)}`);
  return i + 1;
}

export const WEEKDAY_ENUM = Object.fromEntries(WEEKDAY_NAMES.map((n) => [n, n]));
export const MONTH_ENUM = Object.fromEntries(MONTH_NAMES.map((n) => [n, n]));

interface RuleSpec {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval?: number;
  until?: Date;
  times?: number;
  byDay?: number[];
  byMonthDay?: number[];
  byMonth?: number[];
  wkst?: number;
}

/** How a built recurrence is turned into REST `recurrence` lines when a series is created. */
export interface RecurrenceContext {
  allDay: boolean;
  /** Zone the series recurs in: recurrence.setTimeZone(), else the calendar's (V). */
  zone: string;
  /** Dates passed to until()/addDate() are read as wall dates in the script zone (S/I). */
  scriptZone: string;
}

type RuleMethods =
  | 'interval'
  | 'until'
  | 'times'
  | 'onlyOnWeekday'
  | 'onlyOnWeekdays'
  | 'onlyOnMonthDay'
  | 'onlyOnMonthDays'
  | 'onlyInMonth'
  | 'onlyInMonths'
  | 'weekStartsOn';

/** Builder for recurrence rules; every call is counted ('other': no server round trip (I)). */
export class FakeEventRecurrence {
  /** @internal */ readonly rules: RuleSpec[] = [];
  /** @internal */ readonly dates: Date[] = [];
  /** @internal */ readonly exclusions: Date[] = [];
  /** @internal */ timeZone: string | undefined;

  constructor(protected readonly runtime: Runtime) {}

  protected count(method: string): void {
    const cls = this instanceof FakeRecurrenceRule ? 'RecurrenceRule' : 'EventRecurrence';
    this.runtime.call(`CalendarApp.${cls}.${method}`, 'other');
  }

  protected addRule(method: string, freq: RuleSpec['freq']): FakeRecurrenceRule {
    this.count(method);
    const spec: RuleSpec = { freq };
    this.rules.push(spec);
    return new FakeRecurrenceRule(this.runtime, this.root(), spec);
  }

  protected root(): FakeEventRecurrence {
    return this;
  }

  addDailyRule(): FakeRecurrenceRule {
    return this.addRule('addDailyRule', 'DAILY');
  }
  addWeeklyRule(): FakeRecurrenceRule {
    return this.addRule('addWeeklyRule', 'WEEKLY');
  }
  addMonthlyRule(): FakeRecurrenceRule {
    return this.addRule('addMonthlyRule', 'MONTHLY');
  }
  addYearlyRule(): FakeRecurrenceRule {
    return this.addRule('addYearlyRule', 'YEARLY');
  }
  /** Exclusion *rules* (EXRULE) are deprecated in RFC 5545 and not modelled. */
  addDailyExclusion(): FakeRecurrenceRule {
    throw notModelled('EventRecurrence.addDailyExclusion');
  }
  addWeeklyExclusion(): FakeRecurrenceRule {
    throw notModelled('EventRecurrence.addWeeklyExclusion');
  }
  addMonthlyExclusion(): FakeRecurrenceRule {
    throw notModelled('EventRecurrence.addMonthlyExclusion');
  }
  addYearlyExclusion(): FakeRecurrenceRule {
    throw notModelled('EventRecurrence.addYearlyExclusion');
  }
  addDate(date: GDate): FakeEventRecurrence {
    this.count('addDate');
    if (!isDate(date)) throw new Error('Invalid argument: date');
    this.root().dates.push(new Date(date.getTime()));
    return this.root();
  }
  addDateExclusion(date: GDate): FakeEventRecurrence {
    this.count('addDateExclusion');
    if (!isDate(date)) throw new Error('Invalid argument: date');
    this.root().exclusions.push(new Date(date.getTime()));
    return this.root();
  }
  setTimeZone(timeZone: string): FakeEventRecurrence {
    this.count('setTimeZone');
    this.root().timeZone = timeZone;
    return this.root();
  }

  /**
   * The REST `recurrence` lines. UNTIL is inclusive of the given *date* (V: "end on a given date
   * (inclusive)"): all-day series get `UNTIL=yyyymmdd`, timed ones the last second of that day in
   * the series zone, in UTC (RFC 5545 requires UTC when DTSTART has a zone) (I).
   */
  toLines(
    ctx: RecurrenceContext,
    startTime: { hour: number; minute: number; second: number },
  ): string[] {
    const root = this.root();
    if (root.rules.length === 0 && root.dates.length === 0) {
      throw new Error('Emulator: a recurrence needs at least one rule or date.');
    }
    const lines = root.rules.map((r) => {
      const parts = [`FREQ=${r.freq}`];
      if (r.interval && r.interval !== 1) parts.push(`INTERVAL=${r.interval}`);
      if (r.wkst !== undefined) parts.push(`WKST=${WEEKDAY_CODES[r.wkst]}`);
      if (r.until) {
        const d = dateOf(r.until.getTime(), ctx.scriptZone);
        parts.push(
          `UNTIL=${ctx.allDay ? compactDate(d) : compactUtc(instantOf({ ...d, hour: 23, minute: 59, second: 59 }, ctx.zone))}`,
        );
      } else if (r.times !== undefined) parts.push(`COUNT=${r.times}`);
      if (r.byMonth) parts.push(`BYMONTH=${r.byMonth.join(',')}`);
      if (r.byMonthDay) parts.push(`BYMONTHDAY=${r.byMonthDay.join(',')}`);
      if (r.byDay) parts.push(`BYDAY=${r.byDay.map((d) => WEEKDAY_CODES[d]).join(',')}`);
      return `RRULE:${parts.join(';')}`;
    });
    const dateLine = (kind: string, dates: Date[]) => {
      if (dates.length === 0) return [];
      const ds = dates.map((x) => dateOf(x.getTime(), ctx.scriptZone));
      if (ctx.allDay) return [`${kind};VALUE=DATE:${ds.map(compactDate).join(',')}`];
      return [
        `${kind}:${ds.map((d) => compactUtc(instantOf({ ...d, ...startTime }, ctx.zone))).join(',')}`,
      ];
    };
    return [...lines, ...dateLine('RDATE', root.dates), ...dateLine('EXDATE', root.exclusions)];
  }
}

/** One rule of a recurrence; `add*Rule` on it starts another rule of the same recurrence (V). */
export class FakeRecurrenceRule
  extends FakeEventRecurrence
  implements Record<RuleMethods, unknown>
{
  constructor(
    runtime: Runtime,
    private readonly parent: FakeEventRecurrence,
    private readonly spec: RuleSpec,
  ) {
    super(runtime);
  }

  protected override root(): FakeEventRecurrence {
    return this.parent;
  }

  interval(interval: number): FakeRecurrenceRule {
    this.count('interval');
    if (!Number.isInteger(interval) || interval < 1) throw new Error('Invalid argument: interval');
    this.spec.interval = interval;
    return this;
  }
  /** Ends the rule on this date, inclusive (V). until and times are exclusive of each other (I). */
  until(endDate: GDate): FakeRecurrenceRule {
    this.count('until');
    if (!isDate(endDate)) throw new Error('Invalid argument: endDate');
    this.spec.until = new Date(endDate.getTime());
    this.spec.times = undefined;
    return this;
  }
  times(times: number): FakeRecurrenceRule {
    this.count('times');
    if (!Number.isInteger(times) || times < 1) throw new Error('Invalid argument: times');
    this.spec.times = times;
    this.spec.until = undefined;
    return this;
  }
  onlyOnWeekday(day: Weekday): FakeRecurrenceRule {
    this.count('onlyOnWeekday');
    this.spec.byDay = [weekdayIndex(day)];
    return this;
  }
  onlyOnWeekdays(days: Weekday[]): FakeRecurrenceRule {
    this.count('onlyOnWeekdays');
    this.spec.byDay = days.map(weekdayIndex);
    return this;
  }
  onlyOnMonthDay(day: number): FakeRecurrenceRule {
    this.count('onlyOnMonthDay');
    this.spec.byMonthDay = [day];
    return this;
  }
  onlyOnMonthDays(days: number[]): FakeRecurrenceRule {
    this.count('onlyOnMonthDays');
    this.spec.byMonthDay = [...days];
    return this;
  }
  onlyInMonth(month: Month): FakeRecurrenceRule {
    this.count('onlyInMonth');
    this.spec.byMonth = [monthNumber(month)];
    return this;
  }
  onlyInMonths(months: Month[]): FakeRecurrenceRule {
    this.count('onlyInMonths');
    this.spec.byMonth = months.map(monthNumber);
    return this;
  }
  weekStartsOn(day: Weekday): FakeRecurrenceRule {
    this.count('weekStartsOn');
    this.spec.wkst = weekdayIndex(day);
    return this;
  }
  onlyOnWeek(): FakeRecurrenceRule {
    throw notModelled('RecurrenceRule.onlyOnWeek');
  }
  onlyOnWeeks(): FakeRecurrenceRule {
    throw notModelled('RecurrenceRule.onlyOnWeeks');
  }
  onlyOnYearDay(): FakeRecurrenceRule {
    throw notModelled('RecurrenceRule.onlyOnYearDay');
  }
  onlyOnYearDays(): FakeRecurrenceRule {
    throw notModelled('RecurrenceRule.onlyOnYearDays');
  }
}
