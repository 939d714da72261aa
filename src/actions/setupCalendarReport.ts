// What set-up left the calendar doing: which calendar, who is shared with and invited, what waits for a click.
import { advancedCalendar } from '../adapters/calendar/service';
import type { GoogleServices } from '../adapters/google';
import { readTab } from '../adapters/sheets/readTab';
import { loadLastRun, triggerState } from '../adapters/syncServices';
import { PARTNERS_TAB } from '../domain/schema/tabs';
import { asBoolean, asText, isEmail } from '../domain/table/cells';
import type { TableRecord } from '../domain/table/records';
import type { PlanSettings } from '../shared/settings';
import type { SetupCalendarReport } from '../shared/setupWire';
import { isSettingsOwner } from './authority';

interface InvitedPartner {
  organisation: string;
  email: string;
}

/** The Partners tab's rows ticked "Calendar invite" (a word a checkbox cannot hold counts as not ticked). */
function invitedPartners(records: readonly TableRecord[]): InvitedPartner[] {
  return records
    .filter((r) => {
      const ticked = asBoolean(r.cells.invite, 'Calendar invite');
      return ticked.ok && ticked.value;
    })
    .map((r) => ({ organisation: asText(r.cells.organisation), email: asText(r.cells.email) }))
    .filter((p) => p.organisation !== '' || p.email !== '');
}

/** The calendar's name, or null when it cannot be read (deleted, or no longer shared with this user). */
function calendarName(services: GoogleServices, calendarId: string): string | null {
  try {
    const entry = advancedCalendar(services).CalendarList!.get(calendarId);
    return entry.summaryOverride || entry.summary || null;
  } catch {
    return null;
  }
}

/**
 * Read after set-up wrote the tabs (one more read of the Partners tab, outside the lock): who is
 * ticked there now, whether set-up added them or someone ticked them before.
 */
export function calendarReport(
  services: GoogleServices,
  settings: PlanSettings,
): SetupCalendarReport {
  const partners = readTab(services.spreadsheet(), PARTNERS_TAB, services.documentCache());
  const invited = invitedPartners(partners?.records ?? []);
  const c = settings.calendar;
  const name = c.calendarId
    ? calendarName(services, c.calendarId)
    : c.mode === 'new'
      ? settings.name
      : null;
  const owner = isSettingsOwner(services, settings);
  return {
    mode: c.mode,
    calendarName: name,
    exists: c.calendarId !== null,
    shareWithPartners: c.shareWithPartners,
    invitePartners: c.invitePartners,
    sendInvites: c.sendInvites,
    guests: invited.filter((p) => isEmail(p.email)).map((p) => p.organisation || p.email),
    guestsWithoutEmail: invited.filter((p) => !isEmail(p.email)).map((p) => p.organisation),
    synced: loadLastRun(services.documentProperties()) !== null,
    autoSync: autoSyncNow(services, settings, owner),
  };
}

/**
 * The automatic syncs running now: only the owner's own triggers are theirs to see; others see
 * what the owner last set (both off before any settings exist).
 */
export function autoSyncNow(
  services: GoogleServices,
  settings: PlanSettings | null,
  owner = settings !== null && isSettingsOwner(services, settings),
): { afterEdits: boolean; hourly: boolean } {
  if (!settings) return { afterEdits: false, hourly: false };
  return owner
    ? triggerState(services.triggers(), services.spreadsheet())
    : { ...settings.calendar.autoSync };
}
