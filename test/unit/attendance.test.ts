// attendanceText: guests' answers counted in words, rooms left out.
import { attendanceText } from '../../src/domain/calendarSync/attendance';

describe('attendanceText', () => {
  it('counts each answer, leaves zero counts out and keeps a fixed order', () => {
    expect(
      attendanceText([
        { email: 'a@x.org', responseStatus: 'needsAction' },
        { email: 'b@x.org', responseStatus: 'accepted' },
        { email: 'c@x.org', responseStatus: 'declined' },
        { email: 'd@x.org', responseStatus: 'accepted' },
        { email: 'e@x.org', responseStatus: 'tentative' },
      ]),
    ).toBe('2 yes · 1 no · 1 maybe · 1 no answer');
    expect(attendanceText([{ email: 'a@x.org', responseStatus: 'declined' }])).toBe('1 no');
  });

  it('says nothing without guests, skips rooms and reads a missing answer as no answer', () => {
    expect(attendanceText([])).toBe('');
    expect(
      attendanceText([
        { email: 'room@resource.calendar.google.com', resource: true, responseStatus: 'accepted' },
        { email: 'a@x.org' },
      ]),
    ).toBe('1 no answer');
  });
});
