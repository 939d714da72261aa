// Plans from before approvals existed (the first version): the people it shared with or invited are approved once, so nothing they had is taken.
import { loadApprovals, saveApprovals } from '../adapters/approvals';
import { listPlanEvents } from '../adapters/calendar/events';
import { advancedCalendar } from '../adapters/calendar/service';
import { adoptOlderGroupCalendar } from '../adapters/calendar/target';
import type { GoogleServices } from '../adapters/google';
import { readPartnerContacts } from '../adapters/sheets/partners';
import { readTab } from '../adapters/sheets/readTab';
import { approve, normaliseEmail } from '../domain/people/approvals';
import { CALENDAR_TAB } from '../domain/schema/tabs';
import type { PlanSettings } from '../shared/settings';
import { foundEmails } from './approvals';
import { actingUser, isSettingsOwner } from './authority';

/** Who already reads the calendar (user rules) and who is a guest of the plan's events. */
function alreadyReached(
  services: GoogleServices,
  calendarId: string,
): { readers: Set<string>; guests: Set<string> } {
  const rules = advancedCalendar(services).Acl!.list(calendarId).items ?? [];
  const readers = new Set(
    rules
      .filter((r) => r.role === 'reader' && r.scope?.type === 'user')
      .map((r) => normaliseEmail(r.scope?.value ?? '')),
  );
  const planKey = services.spreadsheet().getId();
  const guests = new Set(
    listPlanEvents(services, calendarId, planKey).flatMap((e) =>
      (e.attendees ?? []).map((a) => normaliseEmail(a.email ?? '')),
    ),
  );
  return { readers, guests };
}

/**
 * The first version shared the plan's group calendar with every partner and invited the ones the
 * rows named, with the coordinator's account, before anyone had to approve an address. Under
 * today's rule they would all wait for approval: new events would lose the guests old ones have,
 * rows would say guests wait who are already on the event, and the calendar would stop being
 * shared. So, once, and only with the settings' owner's authority, every address typed in the
 * plan that already reads the calendar or is a guest of one of its events is approved (the
 * reader rules recorded as the add-on's, as they were), and the group calendar the add-on made
 * is put on the list of calendars it may share. Addresses nobody reached yet still wait.
 * Returns the addresses approved.
 */
export function approveEarlierPeople(services: GoogleServices, settings: PlanSettings): string[] {
  const store = services.documentProperties();
  const book = loadApprovals(store);
  const calendarId = settings.calendar.calendarId;
  if (book.earlierPeopleChecked || !calendarId) return [];
  if (settings.calendar.owner === null || !isSettingsOwner(services, settings)) return [];
  if (settings.calendar.mode === 'new') adoptOlderGroupCalendar(services, calendarId);
  let reached: ReturnType<typeof alreadyReached>;
  try {
    reached = alreadyReached(services, calendarId);
  } catch {
    return []; // The calendar cannot be read now: tried again next time.
  }
  const spreadsheet = services.spreadsheet();
  const cache = services.documentCache();
  const tab = readTab(spreadsheet, CALENDAR_TAB, cache);
  const typed = foundEmails(readPartnerContacts(spreadsheet, cache), tab?.records ?? []).map((f) =>
    normaliseEmail(f.email),
  );
  const approved = [...new Set(typed)].filter(
    (e) => reached.readers.has(e) || reached.guests.has(e),
  );
  const shared = [...reached.readers]
    .filter((e) => approved.includes(e))
    .filter((e) => !book.shared.some((s) => s.calendar === calendarId && s.email === e))
    .map((email) => ({ calendar: calendarId, email }));
  const next = approve(book, approved, normaliseEmail(actingUser(services)), Date.now());
  saveApprovals(store, {
    ...next,
    shared: [...next.shared, ...shared],
    earlierPeopleChecked: true,
  });
  return approved;
}
