// Guests' answers (RSVP) in the emulated Calendar: stored per attendee, returned by every read.
import { CalendarEmulator } from '../../emulator/calendar';
import { Runtime } from '../../emulator/runtime';

/** The user's primary calendar: its id is their address (emulator helpers take real ids only). */
const PRIMARY = 'coordinator@example.org';

function setup() {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 10, 12) });
  const emu = new CalendarEmulator(runtime, {
    userEmail: 'coordinator@example.org',
    defaultCalendarTimeZone: 'UTC',
    scriptTimeZone: () => 'UTC',
  });
  const event = emu.advanced.Events.insert(
    {
      summary: 'Kick-off',
      start: { dateTime: '2027-02-01T10:00:00Z' },
      end: { dateTime: '2027-02-01T11:00:00Z' },
      attendees: [{ email: 'a@x.org' }, { email: 'B@x.org' }],
    },
    'primary',
  );
  return { runtime, emu, id: event.id as string, updated: event.updated };
}

describe('guestAnswers (Events resource: attendees[].responseStatus)', () => {
  test('a guest’s answer shows in list and get, moves `updated`, and the last answer counts', () => {
    const { runtime, emu, id, updated } = setup();
    runtime.advance(60_000);
    emu.guestAnswers(PRIMARY, id, 'a@x.org', 'declined');
    emu.guestAnswers(PRIMARY, id, 'a@x.org', 'accepted');
    emu.guestAnswers(PRIMARY, id, 'b@x.org', 'tentative');
    const listed = emu.advanced.Events.list('primary', {}).items?.[0];
    expect(listed?.attendees?.map((a) => [a.email, a.responseStatus])).toEqual([
      ['a@x.org', 'accepted'],
      ['B@x.org', 'tentative'],
    ]);
    expect(emu.advanced.Events.get('primary', id).attendees).toEqual(listed?.attendees);
    expect(listed?.updated).not.toBe(updated);
  });

  test('only a guest of the event can answer', () => {
    const { emu, id } = setup();
    expect(() => emu.guestAnswers(PRIMARY, id, 'c@x.org', 'accepted')).toThrow(
      'c@x.org is not a guest',
    );
  });
});
