// Every phrase the Calendar tab's Recurrence note and suggestions offer means what it says, checked by expanding the rule here.
import {
  describeRule,
  parseRecurrence,
  type RepeatRule,
} from '../../src/domain/calendarSync/recurrence';
import { CALENDAR_TAB, RECURRENCE_SUGGESTIONS } from '../../src/domain/schema/tabs';

interface Day {
  year: number;
  month: number;
  day: number;
}

const note = CALENDAR_TAB.columns.find((c) => c.key === 'recurrence')?.note ?? '';
const notePhrases = note
  .replace(/^e\.g\.\s*/, '')
  .replace(/\.$/, '')
  .split(' · ')
  .map((p) => p.trim());
const phrases = [...new Set([...notePhrases, ...RECURRENCE_SUGGESTIONS])].filter(
  (p) => p !== 'Does not repeat',
);

const utc = (d: Day) => Date.UTC(d.year, d.month - 1, d.day);
const DAY = 86_400_000;
const toDay = (ms: number): Day => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** The k-th step of a rule from `start`, by plain calendar arithmetic (months skip missing days, as RFC 5545). */
function nth(rule: RepeatRule, start: Day, k: number): Day | null {
  if (rule.freq === 'DAILY') return toDay(utc(start) + k * rule.interval * DAY);
  if (rule.freq === 'WEEKLY') return toDay(utc(start) + k * rule.interval * 7 * DAY);
  const months = k * rule.interval * (rule.freq === 'YEARLY' ? 12 : 1);
  const d = new Date(Date.UTC(start.year, start.month - 1 + months, start.day));
  return d.getUTCDate() === start.day ? toDay(d.getTime()) : null;
}

/** Occurrence start days from `start` (at most 800, so an open rule stops). */
function expand(rule: RepeatRule, start: Day): Day[] {
  const out: Day[] = [];
  for (let k = 0; out.length < 800 && k < 2000; k++) {
    const d = nth(rule, start, k);
    if (!d) continue;
    if (rule.until && utc(d) > utc(rule.until)) break;
    out.push(d);
    if (rule.count !== undefined && out.length >= rule.count) break;
  }
  return out;
}

/** The day `n` units after `start` (months clamp to the month's last day). */
function after(start: Day, n: number, unit: string): number {
  if (unit === 'day') return utc(start) + n * DAY;
  if (unit === 'week') return utc(start) + n * 7 * DAY;
  const months = n * (unit === 'year' ? 12 : 1);
  const last = new Date(Date.UTC(start.year, start.month + months, 0)).getUTCDate();
  return Date.UTC(start.year, start.month - 1 + months, Math.min(start.day, last));
}

const starts: Day[] = [
  { year: 2027, month: 1, day: 4 },
  { year: 2027, month: 1, day: 31 },
  { year: 2027, month: 2, day: 28 },
  { year: 2024, month: 2, day: 29 },
  { year: 2026, month: 11, day: 30 },
];

describe('the Recurrence note lists phrases the parser understands as they read', () => {
  it('the note offers count, duration and end-date phrases', () => {
    expect(notePhrases.length).toBeGreaterThanOrEqual(5);
    expect(notePhrases.some((p) => /\bfor \d+ (day|week|month|year)s?$/i.test(p))).toBe(true);
    expect(notePhrases.some((p) => /\d+ times$/i.test(p))).toBe(true);
  });

  describe.each(phrases)('%p', (phrase) => {
    it.each(starts)('from %p', (start) => {
      const parsed = parseRecurrence(phrase, start, 'en_US');
      if (!parsed.ok) throw new Error(parsed.message);
      const rule = parsed.value;
      expect(rule).not.toBeNull();
      if (!rule) return;
      const days = expand(rule, start);
      expect(days[0]).toEqual(start);
      const times = /(\d+) times$/i.exec(phrase);
      const duration = /\bfor (\d+) (day|week|month|year)s?$/i.exec(phrase);
      const until = /until (\d{4})-(\d{2})-(\d{2})$/i.exec(phrase);
      if (times) expect(days).toHaveLength(Number(times[1]));
      else if (duration) {
        // Every session starts within the duration, and the next step would not.
        const end = after(start, Number(duration[1]), duration[2].toLowerCase());
        for (const d of days) expect(utc(d)).toBeLessThan(end);
        const next = nth({ ...rule, count: undefined, until: undefined }, start, days.length);
        if (next) expect(utc(next)).toBeGreaterThanOrEqual(end);
      } else if (until) {
        const last = Date.UTC(Number(until[1]), Number(until[2]) - 1, Number(until[3]));
        expect(rule.until).toEqual(toDay(last));
      } else {
        expect(rule.count).toBeUndefined();
        expect(rule.until).toBeUndefined();
      }
      // What the sync writes back in words (its end date in the sheet locale's short date) reads
      // as the same rule in that locale.
      for (const locale of ['en_US', 'en_GB', 'de_DE', 'cs_CZ', 'sv_SE', 'xx_YY']) {
        const again = parseRecurrence(describeRule(rule, locale), start, locale);
        expect(again.ok && again.value).toEqual(rule);
      }
    });
  });
});

describe('durations are durations, counts are counts', () => {
  const start = { year: 2027, month: 3, day: 1 };
  it.each([
    ['Biweekly for 10 weeks', 5],
    ['Every 2 weeks for 10 weeks', 5],
    ['Daily for 2 weeks', 14],
    ['Weekly for 10 weeks', 10],
    ['Weekly, 10 weeks', 10],
    ['Every 3 days for 10 days', 4],
    ['Monthly for 1 year', 12],
    ['Every 2 months for 1 year', 6],
    ['Weekly for 3 months', 14],
    ['Monthly for 10 weeks', 3],
    ['Biweekly, 10 times', 10],
    ['Daily 2 times', 2],
  ])('%p from 2027-03-01 is %p sessions', (phrase, sessions) => {
    const parsed = parseRecurrence(phrase, start, 'en_US');
    if (!parsed.ok || !parsed.value) throw new Error(`${phrase} not understood`);
    expect(expand(parsed.value, start)).toHaveLength(sessions);
  });
});
