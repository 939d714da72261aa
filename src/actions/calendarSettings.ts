// The calendar sidebar's set-up: which calendar, sharing and invitations, automatic syncs.

import { advancedCalendar } from '../adapters/calendar/service';
import { calendarUrl, createGroupCalendar, writableCalendars } from '../adapters/calendar/target';
import type { GoogleServices } from '../adapters/google';
import { saveSettings, settingsTooBig } from '../adapters/settings';
import { loadLastRun, setTriggers, triggerState } from '../adapters/syncServices';
import type {
  AutoSyncSettings,
  CalendarChoice,
  CalendarChoiceInput,
  CalendarSyncState,
} from '../shared/calendarWire';
import { UserError } from '../shared/errors';
import { planBasics } from './calendarContext';

export function calendarSyncState(services: GoogleServices): CalendarSyncState {
  const { settings } = planBasics(services);
  const c = settings.calendar;
  let calendarName: string | null = null;
  if (c.calendarId) {
    try {
      calendarName =
        advancedCalendar(services).CalendarList!.get(c.calendarId).summary ?? c.calendarId;
    } catch {
      calendarName = null; // Shown as "not found": the sidebar offers to choose again.
    }
  }
  return {
    planName: settings.name,
    planTimeZone: settings.timeZone,
    mode: c.mode,
    calendarId: c.calendarId,
    calendarName,
    calendarUrl: c.calendarId ? calendarUrl(c.calendarId) : null,
    shareWithPartners: c.shareWithPartners,
    invitePartners: c.invitePartners,
    sendInvites: c.sendInvites,
    autoSync: triggerState(services.triggers()),
    lastRun: loadLastRun(services.documentProperties()),
  };
}

export function listCalendars(services: GoogleServices): CalendarChoice[] {
  return writableCalendars(services);
}

/**
 * Saves the coordinator's choice. "New" creates the partnership's calendar once (named after
 * the plan, in its zone) and keeps using it; choosing it again does not create a second one.
 */
export function saveCalendarChoice(
  services: GoogleServices,
  input: CalendarChoiceInput,
): CalendarSyncState {
  const basics = planBasics(services);
  const settings = basics.settings;
  const current = settings.calendar;
  let calendarId = current.calendarId;
  // Everything is checked before a calendar is created or a setting written.
  if (input.mode === 'existing') {
    const chosen = input.calendarId ?? '';
    if (!chosen || !writableCalendars(services).some((c) => c.id === chosen))
      throw new UserError('Choose one of your calendars in the list.');
    calendarId = chosen;
  }
  const next = (id: string | null) => ({
    ...settings,
    calendar: {
      mode: input.mode,
      calendarId: id,
      shareWithPartners: input.shareWithPartners,
      invitePartners: input.invitePartners,
      sendInvites: input.invitePartners && input.sendInvites,
    },
  });
  // A new calendar's ID is not known yet: room is kept for a long one (Google's are ~60 characters).
  const tooBig = settingsTooBig(next(calendarId ?? 'x'.repeat(200)));
  if (tooBig)
    throw new UserError(
      `The plan’s settings are too big to store (${tooBig.bytes.toLocaleString('en-US')} bytes, at most ${tooBig.limit.toLocaleString('en-US')}): run set-up with a shorter purpose first. Nothing was changed.`,
    );
  if (input.mode === 'new' && (current.mode !== 'new' || !current.calendarId))
    calendarId = createGroupCalendar(
      services,
      settings.name,
      settings.timeZone || basics.sheetZone,
    ).id;
  saveSettings(services.documentProperties(), next(calendarId));
  return calendarSyncState(services);
}

export function setAutoSync(services: GoogleServices, wanted: AutoSyncSettings): AutoSyncSettings {
  setTriggers(services.triggers(), services.spreadsheet(), wanted);
  return triggerState(services.triggers());
}
