// "Hand over the plan": the coordinator names the next one, who accepts from their own account (or the spreadsheet's owner takes over).
import {
  adoptHandedOverCalendar,
  type CalendarReach,
  calendarReach,
  shareToManage,
  takeBackManager,
} from '../adapters/calendar/handoverCalendar';
import { calendarsCreatedByAddon } from '../adapters/calendar/target';
import { loadDigestState, saveDigestState } from '../adapters/digestState';
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import {
  clearHandover,
  loadHandover,
  type StoredHandover,
  saveHandover,
} from '../adapters/handoverStore';
import { loadSettings, saveSettings } from '../adapters/settings';
import { appendSyncLog } from '../adapters/sheets/syncLog';
import { setTriggers } from '../adapters/syncServices';
import { localeDate } from '../domain/time/localeDate';
import { UserError } from '../shared/errors';
import type {
  HandoverKeep,
  HandoverOffer,
  HandoverResult,
  HandoverState,
} from '../shared/handoverWire';
import type { PlanSettings } from '../shared/settings';
import { actingUser, isSettingsOwner, requireSettingsOwner, sameEmail } from './authority';
import { planBasics } from './calendarContext';
import { keepDigestScheduled } from './digest';

const BUSY = 'Someone is changing the plan’s settings right now. Try again in a minute.';
const lower = (email: string) => email.trim().toLowerCase();

/** The spreadsheet's owner (null in a shared drive, which has none (V)) and its editors. */
function people(services: GoogleServices): { owner: string | null; editors: string[] } {
  const spreadsheet = services.spreadsheet();
  const owner = spreadsheet.getOwner()?.getEmail() || null;
  const editors = spreadsheet.getEditors().map((u) => lower(u.getEmail()));
  return { owner: owner ? lower(owner) : null, editors: [...new Set(editors)] };
}

/** What the plan runs now, the acceptance's starting choices: keep what the plan had on. */
function keepNow(services: GoogleServices, settings: PlanSettings): HandoverKeep {
  return {
    ...settings.calendar.autoSync,
    weeklyEmail: loadDigestState(services.documentProperties()).enabled,
  };
}

/** The section's state for whoever has the sidebar open. */
export function handoverState(services: GoogleServices): HandoverState {
  const { settings, oracle, sheetZone, spreadsheet } = planBasics(services);
  const me = lower(actingUser(services));
  const offer = loadHandover(services.documentProperties());
  const { owner: sheetOwner, editors } = people(services);
  const owner = settings.calendar.owner;
  return {
    owner,
    me,
    isOwner: owner !== null && sameEmail(owner, me),
    pending: offer
      ? {
          from: offer.from,
          to: offer.to,
          offeredOn: localeDate(
            oracle(offer.offeredMs, sheetZone),
            spreadsheet.getSpreadsheetLocale(),
          ),
          calendarShared: offer.calendarId !== null,
        }
      : null,
    canAccept: offer !== null && sameEmail(offer.to, me),
    canTakeOver: sheetOwner === me && !(owner !== null && sameEmail(owner, me)),
    editors: editors.filter((e) => !sameEmail(e, owner ?? me)),
    keep: keepNow(services, settings),
  };
}

/** The settings, or the plain refusal when the plan was never set up. */
function settingsOrRefuse(services: GoogleServices): PlanSettings {
  const settings = loadSettings(services.documentProperties());
  if (!settings)
    throw new UserError('Set up the work plan first: there is nothing to hand over yet.');
  return settings;
}

/** The person named, checked: an address, not the coordinator, an editor of the spreadsheet. */
function checkedSuccessor(services: GoogleServices, typed: string, owner: string): string {
  const to = lower(typed);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(to))
    throw new UserError(
      'Type the email address of the person who takes over the plan (their Google account). Nothing was changed.',
    );
  if (sameEmail(to, owner))
    throw new UserError(
      'You are the plan’s coordinator already: name the person who takes over from you. Nothing was changed.',
    );
  if (!people(services).editors.includes(to))
    throw new UserError(
      `${to} cannot take over the plan: they cannot edit this spreadsheet. Share the spreadsheet with them as an editor (Share, top right), then name them again. Nothing was changed.`,
    );
  return to;
}

/**
 * The coordinator names the next one. Nothing of the plan changes until they accept: only the
 * group calendar the add-on made is shared with them to manage, so that they can run it after
 * accepting (only this account can share it: once it is gone, nobody could), and a cancel takes
 * that back. A new offer replaces an earlier one.
 */
export function offerHandover(services: GoogleServices, offer: HandoverOffer): HandoverResult {
  const settings = settingsOrRefuse(services);
  requireSettingsOwner(services, settings, 'handover');
  const me = lower(actingUser(services));
  const to = checkedSuccessor(services, offer.to, me);
  const calendarLine = withDocumentLock(
    services.documentLock(),
    () => {
      withdraw(services, loadHandover(services.documentProperties()));
      const stored: StoredHandover = {
        from: me,
        to,
        offeredMs: Date.now(),
        calendarId: null,
        previousRole: null,
      };
      const line = shareGroupCalendar(services, settings, stored);
      saveHandover(services.documentProperties(), stored);
      return line;
    },
    10_000,
    BUSY,
  );
  return {
    state: handoverState(services),
    message:
      `${to} can now accept the plan: ask them to open Extensions › Shared Work Plan › Set up the work plan… and press Accept in “Hand over the plan”. Until then nothing changes, and you can cancel. ${calendarLine}`.trim(),
  };
}

/** Shares the plan's own group calendar with the person named (recorded in `stored`); says what it did. */
function shareGroupCalendar(
  services: GoogleServices,
  settings: PlanSettings,
  stored: StoredHandover,
): string {
  const calendarId = settings.calendar.calendarId;
  if (!calendarId || settings.calendar.mode === 'none') return '';
  const made = calendarsCreatedByAddon(services.userProperties()).includes(calendarId);
  if (settings.calendar.mode !== 'new' || !made)
    return 'The calendar the plan syncs to is one of your own: it stays yours. Once they accept, they choose a calendar of theirs in Calendar sync… and the plan’s events move there.';
  const shared = shareToManage(services, calendarId, stored.to);
  if ('problem' in shared)
    return `The group calendar could not be shared with them (${shared.problem}): once they accept, they can make a new group calendar in Calendar sync… and the plan’s events move there.`;
  stored.calendarId = calendarId;
  stored.previousRole = shared.previousRole;
  return 'Google has emailed them that the group calendar is shared with them, so that they can manage it once they accept.';
}

/** Takes back what an offer gave (the calendar role); the offer itself is removed by the caller. */
function withdraw(services: GoogleServices, offer: StoredHandover | null): string | null {
  if (!offer?.calendarId) return null;
  return takeBackManager(services, offer.calendarId, offer.to, offer.previousRole);
}

/** The coordinator takes the offer back: nothing changed, and the calendar is theirs alone again. */
export function cancelHandover(services: GoogleServices): HandoverResult {
  const settings = settingsOrRefuse(services);
  requireSettingsOwner(services, settings, 'handover');
  const offer = loadHandover(services.documentProperties());
  if (!offer) return { state: handoverState(services), message: 'No hand-over was waiting.' };
  const problem = withDocumentLock(
    services.documentLock(),
    () => {
      const left = withdraw(services, offer);
      clearHandover(services.documentProperties());
      return left;
    },
    10_000,
    BUSY,
  );
  const calendar = problem
    ? ` Their access to the group calendar could not be taken back (${problem}): remove it in Google Calendar’s settings for the calendar.`
    : '';
  return {
    state: handoverState(services),
    message: `The hand-over to ${offer.to} is cancelled: you are still the coordinator.${calendar}`,
  };
}

/** The named person accepts, from their own account: the plan's settings become theirs. */
export function acceptHandover(services: GoogleServices, keep: HandoverKeep): HandoverResult {
  const settings = settingsOrRefuse(services);
  const me = lower(actingUser(services));
  const offer = loadHandover(services.documentProperties());
  const owner = settings.calendar.owner ?? 'its coordinator';
  if (!offer)
    throw new UserError(
      `Nobody has offered you the plan: ask ${owner} to hand it over (Set up the work plan… › Hand over the plan). Nothing was changed.`,
    );
  if (!sameEmail(offer.to, me))
    throw new UserError(
      `This hand-over is for ${offer.to}: only they can accept it, from their own Google account. Nothing was changed.`,
    );
  if (!people(services).editors.includes(me))
    throw new UserError(
      'You can no longer edit this spreadsheet, so you cannot take the plan over: ask its owner to share it with you as an editor. Nothing was changed.',
    );
  // The plan changed hands since the offer (a take-over, settings given up): it no longer speaks for it.
  if (settings.calendar.owner !== null && !sameEmail(settings.calendar.owner, offer.from))
    throw new UserError(
      `This hand-over from ${offer.from} is out of date: ${settings.calendar.owner} coordinates the plan now. Ask them to hand it over. Nothing was changed.`,
    );
  return becomeCoordinator(services, keep, offer.from, 'accepted the hand-over');
}

/**
 * The spreadsheet's owner takes the plan over when its coordinator is gone (an account suspended
 * or deleted, someone who never answers): the same as an acceptance, without an offer.
 */
export function takeOverPlan(services: GoogleServices, keep: HandoverKeep): HandoverResult {
  const settings = settingsOrRefuse(services);
  const me = lower(actingUser(services));
  const { owner: sheetOwner } = people(services);
  if (isSettingsOwner(services, settings) && settings.calendar.owner !== null)
    throw new UserError('You are the plan’s coordinator already. Nothing was changed.');
  if (sheetOwner !== me)
    throw new UserError(
      `Only the spreadsheet’s owner${sheetOwner ? ` (${sheetOwner})` : ''} can take the plan over without a hand-over: ask ${settings.calendar.owner ?? 'its coordinator'} to hand it over to you instead. Nothing was changed.`,
    );
  return becomeCoordinator(
    services,
    keep,
    settings.calendar.owner ?? 'nobody',
    'took the plan over as the spreadsheet’s owner',
  );
}

/** The shared end of an acceptance and a take-over: settings, triggers, weekly email, calendar. */
function becomeCoordinator(
  services: GoogleServices,
  keep: HandoverKeep,
  from: string,
  how: string,
): HandoverResult {
  const me = lower(actingUser(services));
  const settings = withDocumentLock(
    services.documentLock(),
    () => takeSettings(services, me, keep),
    10_000,
    BUSY,
  );
  appendSyncLog(services.spreadsheet(), [
    [
      new Date(),
      'Hand-over',
      'New coordinator',
      '',
      '',
      '',
      '',
      '',
      '',
      `${me} ${how} from ${from}.`,
    ],
  ]);
  const calendarId = settings.calendar.mode === 'none' ? null : settings.calendar.calendarId;
  const reach = calendarId ? calendarReach(services, calendarId) : null;
  if (reach === 'manages' && settings.calendar.mode === 'new' && calendarId)
    adoptHandedOverCalendar(services, calendarId);
  return {
    state: handoverState(services),
    message:
      `You are now the plan’s coordinator: its automatic syncs and weekly email run with your account, and ${from}’s no longer do (each removes itself the next time it would run). ${calendarWords(reach, from)}`.trim(),
  };
}

/** Under the lock: the settings become the acting user's, with their triggers and weekly email. */
function takeSettings(services: GoogleServices, me: string, keep: HandoverKeep): PlanSettings {
  const properties = services.documentProperties();
  const before = settingsOrRefuse(services);
  const syncs = { afterEdits: keep.afterEdits, hourly: keep.hourly };
  const settings: PlanSettings = {
    ...before,
    coordinatorEmail: me,
    calendar: { ...before.calendar, owner: me, releasedBy: null, autoSync: syncs },
  };
  saveSettings(properties, settings);
  clearHandover(properties);
  setTriggers(services.triggers(), services.spreadsheet(), syncs);
  const digest = loadDigestState(properties);
  if (digest.enabled !== keep.weeklyEmail)
    saveDigestState(properties, { ...digest, enabled: keep.weeklyEmail });
  // The weekly email's trigger, with this account (or carried by the hourly sync's).
  keepDigestScheduled(services);
  return settings;
}

/** What the new coordinator can do with the plan's calendar, and the way on when it is not enough. */
function calendarWords(reach: CalendarReach | null, from: string): string {
  const switchPath =
    'Make the plan a group calendar of your own: Calendar sync… › “A new group calendar” › Save. The plan’s events move there, and it is shared with the approved partners from your account.';
  if (reach === null || reach === 'manages')
    return reach
      ? 'You manage the group calendar now: sharing with approved partners goes on.'
      : '';
  if (reach === 'eventsOnly')
    return `You can change the calendar’s events, but Google lets only ${from}’s account change who it is shared with. ${switchPath}`;
  return `You cannot change the calendar the plan syncs to: it belongs to ${from}’s account. Until you switch, syncs stop with an error. ${switchPath}`;
}
