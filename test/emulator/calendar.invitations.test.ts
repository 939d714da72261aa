// Who Calendar mails when the Advanced service writes with sendUpdates / sendNotifications.
import { CalendarEmulator } from '../../emulator/calendar';
import { Runtime } from '../../emulator/runtime';

function setup() {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 10, 12) });
  const emu = new CalendarEmulator(runtime, {
    userEmail: 'coordinator@example.org',
    defaultCalendarTimeZone: 'Europe/Paris',
    scriptTimeZone: () => 'Europe/Paris',
  });
  const id = emu.advanced.Events.insert(
    {
      summary: 'Kick-off',
      start: { dateTime: '2027-02-01T10:00:00Z' },
      end: { dateTime: '2027-02-01T11:00:00Z' },
      attendees: [{ email: 'a@x.org' }, { email: 'b@x.org' }],
    },
    'primary',
  ).id as string;
  return { emu, cal: emu.advanced, id };
}

const mails = (emu: CalendarEmulator) =>
  emu
    .invitationsSent()
    .map((i) => `${i.kind}:${i.email}`)
    .sort();

describe('invitations on patch, update and delete (Events reference: sendUpdates)', () => {
  test('a patch without sendUpdates mails nobody, even when it adds a guest', () => {
    const { emu, cal, id } = setup();
    cal.Events.patch({ attendees: [{ email: 'a@x.org' }, { email: 'c@x.org' }] }, 'primary', id);
    expect(emu.invitationsSent()).toEqual([]);
  });

  test("sendUpdates 'all' on a patch mails every guest: the new one an invitation, the others an update, the removed one a cancellation", () => {
    const { emu, cal, id } = setup();
    cal.Events.patch({ attendees: [{ email: 'a@x.org' }, { email: 'c@x.org' }] }, 'primary', id, {
      sendUpdates: 'all',
    });
    expect(mails(emu)).toEqual(['cancellation:b@x.org', 'invitation:c@x.org', 'update:a@x.org']);
  });

  test('a patch that leaves the guests alone still sends the update to all of them', () => {
    const { emu, cal, id } = setup();
    cal.Events.patch({ location: 'Library' }, 'primary', id, { sendUpdates: 'all' });
    expect(mails(emu)).toEqual(['update:a@x.org', 'update:b@x.org']);
  });

  test("the deprecated sendNotifications: true counts as 'all'; sendUpdates 'none' wins over it", () => {
    const { emu, cal, id } = setup();
    cal.Events.update(
      {
        summary: 'Kick-off',
        start: { dateTime: '2027-02-01T10:00:00Z' },
        end: { dateTime: '2027-02-01T11:00:00Z' },
        attendees: [{ email: 'a@x.org' }],
      },
      'primary',
      id,
      { sendNotifications: true },
    );
    expect(mails(emu)).toEqual(['cancellation:b@x.org', 'update:a@x.org']);
    cal.Events.patch({ location: 'Hall' }, 'primary', id, {
      sendUpdates: 'none',
      sendNotifications: true,
    });
    expect(emu.invitationsSent()).toHaveLength(2);
  });

  test('deleting with sendUpdates tells each guest the event is cancelled', () => {
    const { emu, cal, id } = setup();
    cal.Events.remove('primary', id, { sendUpdates: 'all' });
    expect(mails(emu)).toEqual(['cancellation:a@x.org', 'cancellation:b@x.org']);
  });
});
