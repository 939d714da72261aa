// The calendar sidebar's set-up: which calendar, sharing and invitations, automatic syncs.

import { calendarReach } from '../adapters/calendar/handoverCalendar';
import { advancedCalendar } from '../adapters/calendar/service';
import {
  adoptOlderGroupCalendar,
  calendarsCreatedByAddon,
  calendarUrl,
  checkChosenCalendar,
  createGroupCalendar,
  whyNotShareable,
  writableCalendars,
} from '../adapters/calendar/target';
import { loadDigestState, saveDigestState } from '../adapters/digestState';
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { loadSettings, saveSettings, settingsTooBig } from '../adapters/settings';
import { rewriteProfileCalendar } from '../adapters/sheets/profileBlock';
import {
  hasLegacyTriggers,
  loadLastRun,
  removeMyPlanTriggers,
  setTriggers,
  triggerState,
} from '../adapters/syncServices';
import type {
  AutoSyncSettings,
  CalendarChoice,
  CalendarChoiceInput,
  CalendarMovePreview,
  CalendarSyncState,
} from '../shared/calendarWire';
import { UserError } from '../shared/errors';
import { CALENDAR_TEXT } from '../shared/messages';
import { plural } from '../shared/plural';
import { actingUser, claimSettings, isSettingsOwner, requireSettingsOwner } from './authority';
import { planBasics } from './calendarContext';
import { takeBackIdleSlot } from './digest';
import {
  continueMove,
  eventsToMove,
  loadPendingMove,
  MOVE_KEY,
  type PendingMove,
} from './moveCalendar';

export function calendarSyncState(services: GoogleServices): CalendarSyncState {
  const { settings, spreadsheet } = planBasics(services);
  const c = settings.calendar;
  const isOwner = isSettingsOwner(services, settings);
  // The owner's triggers under the handlers' old public names would no longer run: renew them.
  if (isOwner && hasLegacyTriggers(services.triggers(), spreadsheet))
    setTriggers(services.triggers(), spreadsheet, triggerState(services.triggers(), spreadsheet));
  // A clock trigger the weekly email lent to a continuation chain that died comes back.
  if (isOwner) takeBackIdleSlot(services);
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
  finishEarlierMove(services, basics.planKey);
  const settings = claimSettings(services, basics.settings);
  const current = settings.calendar;
  let calendarId = current.calendarId;
  let chosenName = settings.name;
  if (input.mode === 'existing') {
    const chosen = (input.calendarId ?? '').trim();
    if (!chosen) throw new UserError(CALENDAR_TEXT.chooseFromList);
    // A missing or read-only calendar is refused now, in words, not at the first sync.
    chosenName = checkChosenCalendar(services, chosen).name;
    calendarId = chosen;
  }
  const reusesNew = reusesGroupCalendar(services, current, input);
  // Another calendar than the one the plan's events are in: they move, once the owner confirmed the count.
  const from = movingFrom(current, input.mode === 'new' && !reusesNew ? null : calendarId);
  const toMove = from ? eventsToMove(services, from, basics.planKey) : 0;
  if (from && toMove > 0 && input.confirmMove !== toMove)
    throw new UserError(
      `Saving moves ${plural(toMove, 'event')} of the plan from “${calendarName(services, from)}” to “${chosenName}”: confirm the move to save. Nothing was changed.`,
    );
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
  // The Partnership tab's profile names the calendar the plan now syncs to.
  rewriteProfileCalendar(services.spreadsheet(), next(calendarId));
  if (from && toMove > 0 && calendarId) {
    const move: PendingMove = {
      from,
      fromName: calendarName(services, from),
      to: calendarId,
      toName: chosenName,
      total: toMove,
    };
    services.documentProperties().setProperty(MOVE_KEY, JSON.stringify(move));
    withDocumentLock(
      services.documentLock(),
      () => continueMove(services, basics.planKey, 'calendar switch'),
      10_000,
      CALENDAR_TEXT.busy,
    );
  }
  return calendarSyncState(services);
}

/**
 * "A new group calendar" again keeps the plan's group calendar when this account may run it: one
 * the add-on made for them, or one they manage (a hand-over). A coordinator who cannot manage it
 * (it stays with a former coordinator's account) gets a new one, and the plan's events move there.
 */
function reusesGroupCalendar(
  services: GoogleServices,
  current: { mode: string; calendarId: string | null },
  input: CalendarChoiceInput,
): boolean {
  if (input.mode !== 'new' || current.mode !== 'new' || !current.calendarId) return false;
  if (calendarsCreatedByAddon(services.userProperties()).includes(current.calendarId)) return true;
  return calendarReach(services, current.calendarId) === 'manages';
}

/** The calendar the plan's events are in, when saving `to` would leave it; null otherwise. */
function movingFrom(
  current: { mode: string; calendarId: string | null },
  to: string | null,
): string | null {
  if (current.mode === 'none' || !current.calendarId) return null;
  return current.calendarId === to ? null : current.calendarId;
}

function calendarName(services: GoogleServices, calendarId: string): string {
  try {
    const entry = advancedCalendar(services).CalendarList!.get(calendarId);
    return entry.summaryOverride || entry.summary || calendarId;
  } catch {
    return calendarId;
  }
}

/** A move left unfinished by a quota error is finished before the plan switches again. */
function finishEarlierMove(services: GoogleServices, planKey: string): void {
  if (!loadPendingMove(services.documentProperties())) return;
  const result = withDocumentLock(
    services.documentLock(),
    () => continueMove(services, planKey, 'calendar switch'),
    10_000,
    CALENDAR_TEXT.busy,
  );
  if (result && !result.complete)
    throw new UserError(`${result.summary} Save the calendar choice once the move has finished.`);
}

/**
 * What saving this choice would move: the sidebar asks the owner with these words before saving
 * (and the save refuses an unconfirmed move). Null when nothing moves.
 */
export function previewCalendarMove(
  services: GoogleServices,
  input: CalendarChoiceInput,
): CalendarMovePreview | null {
  const basics = planBasics(services);
  const current = basics.settings.calendar;
  const reusesNew = reusesGroupCalendar(services, current, input);
  const to = input.mode === 'existing' ? (input.calendarId ?? '').trim() : null;
  const from = movingFrom(current, input.mode === 'new' && !reusesNew ? null : to);
  if (!from) return null;
  const events = eventsToMove(services, from, basics.planKey);
  if (events === 0) return null;
  return {
    events,
    from: calendarName(services, from),
    to: to ? calendarName(services, to) : `${basics.settings.name} (a new calendar)`,
  };
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
  const me = claimed.calendar.owner;
  saveSettings(services.documentProperties(), {
    ...claimed,
    calendar: {
      ...claimed.calendar,
      autoSync: now,
      owner: handedOver ? null : me,
      releasedBy: handedOver ? me : null,
    },
  });
  // Given up: nothing may go on running as this account, the weekly email included (issue 25).
  if (handedOver) releaseWeeklyEmail(services, basics.spreadsheet);
  return now;
}

/**
 * The weekly email goes out from its owner's account: once the owner gives the settings up, their
 * digest trigger goes and the email is off until the next owner turns it on from their own account.
 */
function releaseWeeklyEmail(
  services: GoogleServices,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): void {
  removeMyPlanTriggers(services.triggers(), spreadsheet);
  const properties = services.documentProperties();
  const digest = loadDigestState(properties);
  if (digest.enabled) saveDigestState(properties, { ...digest, enabled: false });
}
