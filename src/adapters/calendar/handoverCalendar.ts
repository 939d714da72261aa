// The group calendar in a hand-over: shared with the next coordinator to manage, taken back, or checked.
import type { GoogleServices } from '../google';
import { advancedCalendar, errorMessage, httpStatus } from './service';
import { rememberCreated } from './target';

type Services = Pick<GoogleServices, 'advancedCalendar' | 'userProperties'>;

/** The Acl rule id of one person (V: `user:<email>`). */
const ruleId = (email: string) => `user:${email}`;

/**
 * Gives `email` the "owner" role on the calendar: make changes and manage sharing (V: Acl roles).
 * Google mails them that the calendar was shared (`sendNotifications`, default true (V)), which is
 * how they learn of it. Google keeps the calendar itself with the account that made it: only a
 * Workspace administrator can move that (V: Calendars.transferOwnership). Returns their role
 * before, to put back on a cancel, or the problem in Google's words.
 */
export function shareToManage(
  services: Services,
  calendarId: string,
  email: string,
): { previousRole: string | null } | { problem: string } {
  const acl = advancedCalendar(services).Acl!;
  let previousRole: string | null = null;
  try {
    previousRole = acl.get(calendarId, ruleId(email)).role ?? null;
  } catch (error) {
    if (httpStatus(error) !== 404) return { problem: errorMessage(error) };
  }
  try {
    acl.insert({ role: 'owner', scope: { type: 'user', value: email } }, calendarId, {
      sendNotifications: true,
    });
    return { previousRole };
  } catch (error) {
    return { problem: errorMessage(error) };
  }
}

/** Takes the manager's role back (their earlier role, if any, is put back without a mail). */
export function takeBackManager(
  services: Services,
  calendarId: string,
  email: string,
  previousRole: string | null,
): string | null {
  const acl = advancedCalendar(services).Acl!;
  try {
    if (previousRole && previousRole !== 'owner')
      acl.insert({ role: previousRole, scope: { type: 'user', value: email } }, calendarId, {
        sendNotifications: false,
      });
    else if (!previousRole) acl.remove(calendarId, ruleId(email));
    return null;
  } catch (error) {
    return httpStatus(error) === 404 ? null : errorMessage(error);
  }
}

/** What the running account can do with the plan's calendar after a hand-over. */
export type CalendarReach = 'manages' | 'eventsOnly' | 'none';

/**
 * Whether the running account can write the calendar's events and change its sharing. Whether a
 * manager's `calendar.acls` reaches a calendar another account's add-on made is inferred
 * (docs/google-facts.md), so it is asked, not assumed: one Acl.list.
 */
export function calendarReach(services: Services, calendarId: string): CalendarReach {
  const calendar = advancedCalendar(services);
  let role: string;
  try {
    role = calendar.CalendarList!.get(calendarId).accessRole ?? 'reader';
  } catch {
    return 'none';
  }
  if (role !== 'owner' && role !== 'writer') return 'none';
  if (role === 'writer') return 'eventsOnly';
  try {
    calendar.Acl!.list(calendarId);
    return 'manages';
  } catch {
    return 'eventsOnly';
  }
}

/**
 * The new coordinator's add-on may share the plan's group calendar as its maker's did: it goes on
 * their own list of calendars the add-on made for the plan (target.ts), which nothing typed in a
 * sheet can add to.
 */
export function adoptHandedOverCalendar(services: Services, calendarId: string): void {
  rememberCreated(services.userProperties(), calendarId);
}
