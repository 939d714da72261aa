// A plan whose coordinator chose "a new group calendar" shared with the partners they approved, and who it is shared with.
import type { Workspace } from '../../emulator/workspace';
import { sidebarCall } from './sidebarCall';
import { EXAMPLE_PARTNERS, syncFixture } from './syncFixture';

/** The example partners' addresses, lower case and sorted. */
export const KNOWN_PARTNERS = EXAMPLE_PARTNERS.map((p) => String(p.email).toLowerCase()).sort();

/**
 * Only a group calendar the add-on made is ever shared (docs/security.md): the coordinator chooses
 * one, which also makes them the settings' owner, and approves the partners added at set-up.
 */
export function sharedGroupCalendar(
  zone: string,
  invites: { invitePartners: boolean; sendInvites: boolean },
) {
  const f = syncFixture({
    spreadsheetTimeZone: zone,
    calendar: { mode: 'none', calendarId: null },
  });
  const { calendarId } = sidebarCall(f.addon, 'saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: true,
    ...invites,
  });
  if (!calendarId) throw new Error('the group calendar was not made');
  sidebarCall(f.addon, 'approvePeople', KNOWN_PARTNERS);
  return { ...f, calendarId: calendarId as string };
}

/** Who the calendar is shared with as a reader, lower case and sorted. */
export const readersOf = (ws: Workspace, calendarId: string) =>
  (ws.calendar.toJSON().calendars.find((c) => c.id === calendarId)?.acl ?? [])
    .filter((r) => r.role === 'reader')
    .map((r) => String(r.scope.value).toLowerCase())
    .sort();
