// The ICS export read back by a real parser (ical.js): all-day, time zones across DST, recurrence, escaping.
import ICAL from 'ical.js';
import { parseActivity } from '../../src/domain/calendarSync/activity';
import type { DesiredEvent } from '../../src/domain/calendarSync/types';
import { foldLine } from '../../src/domain/ics/lines';
import { icsFileName, icsUid, writeIcs } from '../../src/domain/ics/writeIcs';
import { TEST_ACTIVITY_CONTEXT } from '../harness/activityContext';
import { intlZoneOracle } from '../harness/intlZoneOracle';

const context = TEST_ACTIVITY_CONTEXT;

function desired(id: string, cells: Record<string, unknown>): DesiredEvent {
  const p = parseActivity({ row: 2, cells }, id, context);
  if (p.kind !== 'event') throw new Error(JSON.stringify(p));
  return p.event;
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { root, events };
}

const events = [
  desired('A1', {
    title: 'Tutoring, reading; writing',
    startDate: '2027-03-01',
    startTime: '15:00',
    endTime: '16:30',
    recurrence: 'Weekly, 10 times',
    location: 'Riverside Elementary, Room 12',
    notes: 'Line one\nLine two',
  }),
  desired('A2', { title: 'Family reading fair', startDate: '2027-04-10', endDate: '2027-04-12' }),
  desired('A3', {
    title: 'Trainer workshop',
    startDate: '2027-05-20',
    startTime: '09:00',
    endTime: '12:00',
    timeZone: 'Europe/Paris',
  }),
  desired('A4', {
    title: 'Board meeting',
    startDate: '2027-01-15',
    startTime: '18:00',
    recurrence: 'Monthly until 2027-06-30',
  }),
];
const text = writeIcs(
  events.map((event) => ({
    event,
    uid: icsUid({ activityId: event.activityId, eventId: '', contentKey: '' }, 'plan1'),
    cancelled: false,
    lastModifiedMs: Date.UTC(2026, 11, 1),
  })),
  {
    calendarName: 'Riverside Partnership',
    nowMs: Date.UTC(2027, 0, 1),
    oracle: intlZoneOracle,
  },
);

describe('writeIcs', () => {
  it('is a valid iCalendar with CRLF lines of at most 75 octets', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const { events: parsed } = parse(text);
    expect(parsed.map((e) => e.uid)).toEqual([
      'A1-plan1@shared-work-plan',
      'A2-plan1@shared-work-plan',
      'A3-plan1@shared-work-plan',
      'A4-plan1@shared-work-plan',
    ]);
  });

  it('keeps text with commas, semicolons and new lines intact', () => {
    const [tutoring] = parse(text).events;
    expect(tutoring.summary).toBe('Tutoring, reading; writing');
    expect(tutoring.location).toBe('Riverside Elementary, Room 12');
    expect(tutoring.description).toContain('Line one\nLine two');
  });

  it('writes all-day events as dates with an exclusive end', () => {
    const fair = parse(text).events[1];
    expect(fair.startDate.isDate).toBe(true);
    expect(fair.startDate.toString()).toBe('2027-04-10');
    expect(fair.endDate.toString()).toBe('2027-04-13');
  });

  it('keeps a weekly series at 15:00 New York time across the DST change of 14 March', () => {
    const tutoring = parse(text).events[0];
    const it = tutoring.iterator();
    const starts: number[] = [];
    for (let next = it.next(); next; next = it.next()) {
      starts.push(tutoring.getOccurrenceDetails(next).startDate.toJSDate().getTime());
    }
    expect(starts).toHaveLength(10);
    expect(starts[0]).toBe(Date.UTC(2027, 2, 1, 20)); // 15:00 EST
    expect(starts[2]).toBe(Date.UTC(2027, 2, 15, 19)); // 15:00 EDT
  });

  it('places an activity in another zone at the right instant', () => {
    const paris = parse(text).events[2];
    expect(paris.startDate.zone.tzid).toBe('Europe/Paris');
    expect(paris.startDate.toJSDate().getTime()).toBe(Date.UTC(2027, 4, 20, 7));
  });

  it('ends a monthly series on its until date', () => {
    const board = parse(text).events[3];
    const it = board.iterator();
    let n = 0;
    while (it.next()) n += 1;
    expect(n).toBe(6);
  });

  it('folds long lines without splitting a character', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
    for (const piece of folded.split('\r\n'))
      expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'é'.repeat(80)}`);
  });

  it('names the file after the plan', () => {
    expect(icsFileName('Riverside / Partnership', '2027-03-01')).toBe(
      'Riverside-Partnership-2027-03-01.ics',
    );
  });
});
