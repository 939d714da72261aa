// The target calendar: create the partnership's own, check the user may write to it, share it with partners.
import { UserError } from '../../shared/errors';
import { CALENDAR_TEXT } from '../../shared/messages';
import { advancedCalendar, type CalendarServices, errorMessage, httpStatus } from './service';

export interface CalendarInfo {
  id: string;
  name: string;
  timeZone: string;
  /** REST accessRole: owner | writer | reader | freeBusyReader. */
  accessRole: string;
}

/** A secondary calendar named after the partnership, in its zone (Calendars.insert (V)). */
export function createGroupCalendar(
  services: CalendarServices,
  name: string,
  timeZone: string,
): CalendarInfo {
  const created = advancedCalendar(services).Calendars!.insert({
    summary: name,
    timeZone,
    description: CALENDAR_TEXT.calendarDescription(name),
  });
  return { id: created.id ?? '', name: created.summary ?? name, timeZone, accessRole: 'owner' };
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
 * Shares the calendar with each (approved) partner email as a reader (Acl.insert; needs owner
 * access (V)). Existing rules are listed once so nobody is re-added, and a rule someone else made
 * is never reported as the add-on's. Returns the emails newly shared with, and problems in plain
 * words (never fails the sync).
 */
export function shareWithPartners(
  services: CalendarServices,
  calendarId: string,
  emails: readonly string[],
): { shared: string[]; problems: string[] } {
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
  for (const email of emails) {
    const e = email.toLowerCase();
    if (existing.has(e)) continue;
    try {
      acl.insert({ role: 'reader', scope: { type: 'user', value: e } }, calendarId, {
        sendNotifications: false,
      });
      shared.push(e);
      existing.add(e);
    } catch (error) {
      problems.push(`${e}: ${errorMessage(error)}`);
    }
  }
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
