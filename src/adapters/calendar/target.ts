// The target calendar: create the partnership's own, check the user may write to it, share it with partners.
import { UserError } from '../../shared/errors';
import { CALENDAR_MARK, CALENDAR_TEXT } from '../../shared/messages';
import type { GoogleServices, PropertyStore } from '../google';
import { advancedCalendar, type CalendarServices, errorMessage, httpStatus } from './service';

export interface CalendarInfo {
  id: string;
  name: string;
  timeZone: string;
  /** REST accessRole: owner | writer | reader | freeBusyReader. */
  accessRole: string;
}

/** What creating and sharing need: the calendar service and the user's own memory of what it made. */
export type OwnCalendarServices = Pick<GoogleServices, 'advancedCalendar' | 'userProperties'>;

/**
 * The calendars the add-on created for this user, kept in the user's own properties (no other
 * user, and nothing typed in a sheet, can add to it): the only calendars it will ever share.
 */
const CREATED_KEY = 'swp.calendarsCreated';

export function calendarsCreatedByAddon(properties: PropertyStore): string[] {
  try {
    const list: unknown = JSON.parse(properties.getProperty(CREATED_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberCreated(properties: PropertyStore, calendarId: string): void {
  // The newest 100 are kept: far under a property's 9 KB, far more than anyone's plans.
  const list = [
    ...calendarsCreatedByAddon(properties).filter((id) => id !== calendarId),
    calendarId,
  ];
  properties.setProperty(CREATED_KEY, JSON.stringify(list.slice(-100)));
}

/** A secondary calendar named after the partnership, in its zone (Calendars.insert (V)). */
export function createGroupCalendar(
  services: OwnCalendarServices,
  name: string,
  timeZone: string,
): CalendarInfo {
  const created = advancedCalendar(services).Calendars!.insert({
    summary: name,
    timeZone,
    description: CALENDAR_TEXT.calendarDescription(name),
  });
  if (created.id) rememberCreated(services.userProperties(), created.id);
  return { id: created.id ?? '', name: created.summary ?? name, timeZone, accessRole: 'owner' };
}

/**
 * Why the add-on will not share this calendar, or null when it may: only a calendar it created
 * for this user, never the primary one (its id is "primary" or the user's address) (V: Calendar
 * API, "primary" keyword).
 */
export function whyNotShareable(
  services: OwnCalendarServices,
  calendarId: string,
  userEmail: string,
): string | null {
  const id = calendarId.trim().toLowerCase();
  if (id === 'primary' || id === userEmail.trim().toLowerCase())
    return CALENDAR_TEXT.primaryNotShared;
  if (calendarsCreatedByAddon(services.userProperties()).includes(calendarId)) return null;
  return CALENDAR_TEXT.notCreatedNotShared;
}

/**
 * Puts on the list a group calendar the add-on made before it kept one: a calendar the user owns,
 * not the primary, whose description is the add-on's (only an owner can change a description).
 * Called only when the settings' owner saves the plan's own "new" calendar again, never by a sync.
 */
export function adoptOlderGroupCalendar(
  services: OwnCalendarServices,
  calendarId: string,
): boolean {
  const properties = services.userProperties();
  if (calendarsCreatedByAddon(properties).includes(calendarId)) return true;
  try {
    const entry = advancedCalendar(services).CalendarList!.get(calendarId);
    const ours =
      entry.accessRole === 'owner' &&
      entry.primary !== true &&
      (entry.description ?? '').includes(CALENDAR_MARK);
    if (ours) rememberCreated(properties, calendarId);
    return ours;
  } catch {
    return false;
  }
}

/** The user's calendars they may add events to (CalendarList.list, one call). */
export function writableCalendars(services: CalendarServices): CalendarInfo[] {
  const list = advancedCalendar(services).CalendarList!.list({ minAccessRole: 'writer' });
  return (list.items ?? [])
    .filter((c) => c.accessRole === 'owner' || c.accessRole === 'writer')
    .map((c) => ({
      id: c.id ?? '',
      name: c.summaryOverride || c.summary || c.id || '',
      timeZone: c.timeZone ?? '',
      accessRole: c.accessRole ?? '',
    }));
}

/**
 * The target calendar, checked before anything is written: it must exist, be on the user's list,
 * and allow "make changes to events". Each failure says what to do.
 */
export function checkTargetCalendar(services: CalendarServices, calendarId: string): CalendarInfo {
  let entry: GoogleAppsScript.Calendar.Schema.CalendarListEntry;
  try {
    entry = advancedCalendar(services).CalendarList!.get(calendarId);
  } catch (error) {
    if (httpStatus(error) === 404) throw new UserError(CALENDAR_TEXT.calendarMissing);
    throw error;
  }
  const info: CalendarInfo = {
    id: entry.id ?? calendarId,
    name: entry.summaryOverride || entry.summary || calendarId,
    timeZone: entry.timeZone ?? '',
    accessRole: entry.accessRole ?? 'reader',
  };
  if (info.accessRole !== 'owner' && info.accessRole !== 'writer')
    throw new UserError(CALENDAR_TEXT.readOnly(info.name));
  return info;
}

/**
 * A calendar someone is choosing now (set-up, the calendar sidebar): refused at once, in words
 * for a choice, when it does not exist for them or they may only read it.
 */
export function checkChosenCalendar(services: CalendarServices, calendarId: string): CalendarInfo {
  try {
    return checkTargetCalendar(services, calendarId);
  } catch (error) {
    if (error instanceof UserError && error.message === CALENDAR_TEXT.calendarMissing)
      throw new UserError(CALENDAR_TEXT.chooseFromList);
    throw error;
  }
}

/**
 * Google mails each partner the calendar is shared with (Acl.insert's `sendNotifications`, true by
 * default (V)), and the add-on asks for that on purpose: the mail tells the partner the group
 * calendar exists and carries Google's link to add it to their calendars — without it a reader rule
 * shows them nothing unless they know the calendar's address. It goes once per partner, only to
 * addresses the coordinator approved, for a calendar the coordinator chose to share (docs/security.md).
 */
export const SHARING_MAILS_PARTNERS = true;

/**
 * Pauses before asking again when Google refuses the owner's rule with a 403: it does so just after
 * Calendars.insert, as if the new calendar were not the owner's yet (S: google-api-javascript-client
 * issue 521, "Intermittent error updating ACL on newly created calendar").
 */
const SHARE_RETRY_PAUSES_MS = [2_000, 5_000];

type Acl = GoogleAppsScript.Calendar.Collection.AclCollection;

/** The refusal reported just after a calendar is made: a 403 saying the owner is not the owner. */
const notOwnerYet = (error: unknown) =>
  httpStatus(error) === 403 && /owner access/i.test(errorMessage(error));

/** One reader rule, asked again after a pause while Google answers 403; throws the last error. */
function insertReaderRule(
  services: Pick<GoogleServices, 'sleep'>,
  acl: Acl,
  calendarId: string,
  email: string,
): void {
  for (let attempt = 0; ; attempt++) {
    try {
      acl.insert({ role: 'reader', scope: { type: 'user', value: email } }, calendarId, {
        sendNotifications: SHARING_MAILS_PARTNERS,
      });
      return;
    } catch (error) {
      const pause = SHARE_RETRY_PAUSES_MS[attempt];
      if (!notOwnerYet(error) || pause === undefined) throw error;
      services.sleep(pause);
    }
  }
}

/**
 * Shares the calendar with each (approved) partner email as a reader (Acl.insert; the
 * `calendar.acls` scope and owner access (V)), each partner mailed by Google once
 * (SHARING_MAILS_PARTNERS) — only a calendar the add-on created for this user, never the primary.
 * Existing rules are listed once so nobody is re-added, and a rule someone else made is never
 * reported as the add-on's. Returns the emails newly shared with, and problems in plain words
 * (never fails the sync); a refusal that outlasts the retries is left for the next sync.
 */
export function shareWithPartners(
  services: OwnCalendarServices & Pick<GoogleServices, 'effectiveUserEmail' | 'sleep'>,
  calendarId: string,
  emails: readonly string[],
): { shared: string[]; problems: string[] } {
  const refused = whyNotShareable(services, calendarId, services.effectiveUserEmail());
  if (refused) return { shared: [], problems: [refused] };
  const acl = advancedCalendar(services).Acl!;
  const problems: string[] = [];
  let existing: Set<string>;
  try {
    existing = new Set(
      (acl.list(calendarId).items ?? []).map((r) => (r.scope?.value ?? '').toLowerCase()),
    );
  } catch (error) {
    return { shared: [], problems: [CALENDAR_TEXT.cannotShare(errorMessage(error))] };
  }
  const shared: string[] = [];
  const notYet: string[] = [];
  for (const email of emails) {
    const e = email.toLowerCase();
    if (existing.has(e)) continue;
    try {
      insertReaderRule(services, acl, calendarId, e);
      shared.push(e);
      existing.add(e);
    } catch (error) {
      if (notOwnerYet(error)) notYet.push(e);
      else problems.push(`${e}: ${errorMessage(error)}`);
    }
  }
  if (notYet.length) problems.push(CALENDAR_TEXT.notSharedYet(notYet));
  return { shared, problems };
}

/**
 * Removes the reader rules the add-on added for these emails (rule id `user:<email>` (V)); a rule
 * already gone counts as removed. Returns the emails whose rule is gone and problems in words.
 */
export function removeReaderRules(
  services: CalendarServices,
  calendarId: string,
  emails: readonly string[],
): { removed: string[]; problems: string[] } {
  const acl = advancedCalendar(services).Acl!;
  const removed: string[] = [];
  const problems: string[] = [];
  for (const email of emails) {
    try {
      acl.remove(calendarId, `user:${email}`);
      removed.push(email);
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404 || status === 410) removed.push(email);
      else problems.push(`${email}: ${errorMessage(error)}`);
    }
  }
  return { removed, problems };
}

/** The calendar's web address, for the sidebar's link. */
export function calendarUrl(calendarId: string): string {
  return `https://calendar.google.com/calendar/u/0/r?cid=${encodeURIComponent(calendarId)}`;
}
