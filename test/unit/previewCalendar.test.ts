// The preview's calendar view reads rules and colours as Google Calendar shows them.
import { eventColor } from '../../preview/calendar/eventColors';
import { describeRecurrence } from '../../preview/calendar/recurrenceText';

const NY = 'America/New_York';

describe('describeRecurrence', () => {
  it('reads the interval and the last day in the event’s zone, not in UTC', () => {
    // 23:59:59 on 17 Dec in New York is already 18 Dec in UTC.
    expect(describeRecurrence(['RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20271218T045959Z'], NY)).toBe(
      'Every 2 weeks until 17 Dec 2027',
    );
    expect(describeRecurrence(['RRULE:FREQ=WEEKLY;UNTIL=20271218T045959Z'], 'Asia/Tokyo')).toBe(
      'Weekly until 18 Dec 2027',
    );
  });

  it('reads counts, all-day UNTIL dates, week days and skipped dates', () => {
    expect(describeRecurrence(['RRULE:FREQ=MONTHLY;COUNT=6'], NY)).toBe('Monthly, 6 times');
    expect(describeRecurrence(['RRULE:FREQ=DAILY;UNTIL=20280105'], NY)).toBe(
      'Daily until 5 Jan 2028',
    );
    expect(
      describeRecurrence(
        ['RRULE:FREQ=WEEKLY;BYDAY=MO,WE', 'EXDATE;TZID=America/New_York:20270913T153000'],
        NY,
      ),
    ).toBe('Weekly on Mon, Wed (1 date skipped)');
  });

  it('shows the rule itself when it holds something it cannot read, and nothing without a rule', () => {
    expect(describeRecurrence(['RRULE:FREQ=HOURLY'], NY)).toBe('RRULE:FREQ=HOURLY');
    expect(describeRecurrence(['RRULE:FREQ=WEEKLY;BYDAY=1MO'], NY)).toBe(
      'RRULE:FREQ=WEEKLY;BYDAY=1MO',
    );
    expect(describeRecurrence([], NY)).toBe('');
  });
});

describe('eventColor', () => {
  it('maps Google’s colour ids to their Calendar names, and no id to the calendar’s colour', () => {
    expect(eventColor('11', '#2952A3').name).toBe('Tomato');
    expect(eventColor('9', '#2952A3').name).toBe('Blueberry');
    expect(eventColor('', '#2952A3')).toEqual({ name: 'Calendar colour', hex: '#2952A3' });
  });
});
