// The Recurrence column as partners write it, and the RRULEs the sync sends to Google Calendar.
import { describeRule, parseRecurrence, toRRule } from '../../src/domain/calendarSync/recurrence';
import { intlZoneOracle } from '../harness/intlZoneOracle';

const rule = (text: string) => {
  const p = parseRecurrence(text, undefined, 'en_US');
  if (!p.ok) throw new Error(p.message);
  return p.value;
};
const must = (text: string) => {
  const r = rule(text);
  if (!r) throw new Error(`${text} does not repeat`);
  return r;
};

describe('parseRecurrence', () => {
  it.each(['', 'Does not repeat', "doesn't repeat", 'None', 'once'])('%p does not repeat', (t) => {
    expect(rule(t)).toBeNull();
  });

  it.each([
    ['Weekly', { freq: 'WEEKLY', interval: 1 }],
    ['every week', { freq: 'WEEKLY', interval: 1 }],
    ['Every 2 weeks', { freq: 'WEEKLY', interval: 2 }],
    ['every other week', { freq: 'WEEKLY', interval: 2 }],
    ['Biweekly', { freq: 'WEEKLY', interval: 2 }],
    ['Monthly', { freq: 'MONTHLY', interval: 1 }],
    ['Every 3 months', { freq: 'MONTHLY', interval: 3 }],
    ['Daily', { freq: 'DAILY', interval: 1 }],
    ['Weekly, 10 times', { freq: 'WEEKLY', interval: 1, count: 10 }],
    ['Every 2 weeks for 6 times', { freq: 'WEEKLY', interval: 2, count: 6 }],
    [
      'Weekly until 2027-06-30',
      { freq: 'WEEKLY', interval: 1, until: { year: 2027, month: 6, day: 30 } },
    ],
    [
      'Monthly until 30 June 2027',
      { freq: 'MONTHLY', interval: 1, until: { year: 2027, month: 6, day: 30 } },
    ],
  ])('%p', (text, expected) => {
    expect(rule(text)).toEqual(expected);
  });

  it.each([
    'Sometimes',
    'Every blue moon',
    'Weekly until someday',
    'Every 0 weeks',
    'Weekly, 0 times',
  ])('explains %p', (text) => {
    const p = parseRecurrence(text, undefined, 'en_US');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toContain(`“${text}”`);
  });

  it('reads back in words', () => {
    expect(describeRule(must('Every 2 weeks, 10 times'), 'en_US')).toBe('Every 2 weeks, 10 times');
  });
});

describe('toRRule', () => {
  it('writes interval and count', () => {
    expect(toRRule(must('Every 2 weeks, 10 times'), { allDay: true }, intlZoneOracle)).toBe(
      'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=10',
    );
  });

  it('writes UNTIL as a date for all-day events', () => {
    expect(toRRule(must('Weekly until 2027-06-30'), { allDay: true }, intlZoneOracle)).toBe(
      'RRULE:FREQ=WEEKLY;UNTIL=20270630',
    );
  });

  it('writes UNTIL as the end of that day in the event zone, in UTC, for timed events', () => {
    // 23:59:59 on 30 June in New York (EDT, UTC-4) is 03:59:59 UTC on 1 July.
    expect(
      toRRule(
        must('Weekly until 2027-06-30'),
        { allDay: false, timeZone: 'America/New_York' },
        intlZoneOracle,
      ),
    ).toBe('RRULE:FREQ=WEEKLY;UNTIL=20270701T035959Z');
  });
});
