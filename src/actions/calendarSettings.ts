// The calendar sidebar's set-up: which calendar, sharing and invitations, automatic syncs.

import { advancedCalendar } from '../adapters/calendar/service';
import {
  adoptOlderGroupCalendar,
  calendarUrl,
  checkChosenCalendar,
  createGroupCalendar,
  whyNotShareable,
  writableCalendars,
} from '../adapters/calendar/target';
import type { GoogleServices } from '../adapters/google';
import { loadSettings, saveSettings, settingsTooBig } from '../adapters/settings';
import {
  hasLegacyTriggers,
  loadLastRun,
  setTriggers,
  triggerState,
} from '../adapters/syncServices';
import type {
  AutoSyncSettings,
  CalendarChoice,
  CalendarChoiceInput,
  CalendarSyncState,
} from '../shared/calendarWire';
import { UserError } from '../shared/errors';
import { CALENDAR_TEXT } from '../shared/messages';
import { actingUser, claimSettings, isSettingsOwner, requireSettingsOwner } from './authority';
import { planBasics } from './calendarContext';

export function calendarSyncState(services: GoogleServices): CalendarSyncState {
  const { settings, spreadsheet } = planBasics(services);
  const c = settings.calendar;
  const isOwner = isSettingsOwner(services, settings);
  // The owner's triggers under the handlers' old public names would no longer run: renew them.
  if (isOwner && hasLegacyTriggers(services.triggers(), spreadsheet))
    setTriggers(services.triggers(), spreadsheet, triggerState(services.triggers(), spreadsheet));
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
    // Only the owner's own triggers are theirs to see; others see what the owner last set.
    autoSync: isOwner ? triggerState(services.triggers(), spreadsheet) : { ...c.autoSync },
    lastRun: loadLastRun(services.documentProperties()),
    owner: c.owner,
    isOwner,
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
  // Everything is checked before a calendar is created or a setting written: the owner first.
  requireSettingsOwner(services, basics.settings);
  const settings = claimSettings(services, basics.settings);
  const current = settings.calendar;
  let calendarId = current.calendarId;
  if (input.mode === 'existing') {
    const chosen = (input.calendarId ?? '').trim();
    if (!chosen) throw new UserError(CALENDAR_TEXT.chooseFromList);
    // A missing or read-only calendar is refused now, in words, not at the first sync.
    checkChosenCalendar(services, chosen);
    calendarId = chosen;
  }
  const reusesNew = input.mode === 'new' && current.mode === 'new' && !!current.calendarId;
  // Sharing is only ever for a calendar the add-on created for this user (a new one will be).
  // The plan's own group calendar, made before the add-on listed what it made: the owner's save adopts it.
  if (input.shareWithPartners && reusesNew && calendarId)
    adoptOlderGroupCalendar(services, calendarId);
  if (input.shareWithPartners && (input.mode === 'existing' || reusesNew) && calendarId) {
    const refused = whyNotShareable(services, calendarId, actingUser(services));
    if (refused) throw new UserError(`${refused} Nothing was changed.`);
  }
  const next = (id: string | null) => ({
    ...settings,
    calendar: {
      ...current,
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
  if (input.mode === 'new' && !reusesNew)
    calendarId = createGroupCalendar(
      services,
      settings.name,
      settings.timeZone || basics.sheetZone,
    ).id;
  saveSettings(services.documentProperties(), next(calendarId));
  return calendarSyncState(services);
}

/**
 * Turns this plan's automatic syncs on or off, for the settings' owner only: the triggers act with
 * the account of whoever makes them. Turning both off hands the settings over (the owner is
 * cleared): the next person to save them, or to turn automatic sync on, owns them.
 */
export function setAutoSync(services: GoogleServices, wanted: AutoSyncSettings): AutoSyncSettings {
  const basics = planBasics(services);
  requireSettingsOwner(services, basics.settings);
  const spreadsheet = basics.spreadsheet;
  setTriggers(services.triggers(), spreadsheet, wanted);
  const now = triggerState(services.triggers(), spreadsheet);
  // A plan never set up has no settings to own yet (set-up or the calendar choice will save them).
  if (!loadSettings(services.documentProperties())) return now;
  const claimed = claimSettings(services, basics.settings);
  const handedOver = !now.afterEdits && !now.hourly;
  saveSettings(services.documentProperties(), {
    ...claimed,
    calendar: {
      ...claimed.calendar,
      autoSync: now,
      owner: handedOver ? null : claimed.calendar.owner,
    },
  });
  return now;
}
