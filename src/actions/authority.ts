// Who may change the settings that act with the coordinator's authority, and when a trigger may act.
import type { GoogleServices } from '../adapters/google';
import { refuseNewerPlan } from '../adapters/settings';
import { UserError } from '../shared/errors';
import type { PlanSettings } from '../shared/settings';

/** Emails compare without case or surrounding spaces: Google treats them so. */
export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The owner of the authority settings, as Google compares emails; null before anyone owns them. */
export function settingsOwner(settings: PlanSettings): string | null {
  const owner = settings.calendar.owner;
  return owner ? owner.trim().toLowerCase() : null;
}

/** Whose authority this execution runs with: the person at the keyboard, or a trigger's creator. */
export function actingUser(services: GoogleServices): string {
  return services.effectiveUserEmail();
}

/** True when nobody owns the settings yet, or the acting user does. */
export function isSettingsOwner(services: GoogleServices, settings: PlanSettings): boolean {
  const owner = settings.calendar.owner;
  return owner === null || sameEmail(owner, actingUser(services));
}

/** The settings that act with the owner's account: a refusal names the one it refuses. */
export type OwnedSetting =
  | 'calendar'
  | 'weeklyEmail'
  | 'approvals'
  | 'import'
  | 'handover'
  | 'healthCheck'
  | 'communitySurvey';

/** What each refusal says is refused, and why it is the owner's (one home for the words). */
const REFUSED: Record<OwnedSetting, (owner: string) => string> = {
  calendar: (owner) =>
    `Only ${owner} can change the calendar settings of this plan (the calendar, sharing, invitations and automatic syncs): they set them up, and the automatic syncs act with their account. Ask them to change it, or to hand the plan over to you (Set up the work plan… › Hand over the plan). You can still sync now with your own account.`,
  weeklyEmail: (owner) =>
    `Only ${owner} can change the weekly email to partners (turn it on or off): it goes out from their account. Ask them to change it.`,
  approvals: (owner) =>
    `Only ${owner} can change who is approved (the events’ guests, the calendar’s readers and the weekly email’s recipients): approved people are invited, shared with and mailed from their account. Ask them to approve or take back an address.`,
  handover: (owner) =>
    `Only ${owner} can change who coordinates the plan (hand it over, or cancel a hand-over): the automatic syncs and the weekly email run with their account. If they have left and cannot do it, the spreadsheet’s owner can take the plan over.`,
  healthCheck: (owner) =>
    `Only ${owner} can change the partnership health check (open or close a round, send its link, draft what it suggests): its form is made in their Drive and its emails go out from their account. Ask them to do it.`,
  communitySurvey: (owner) =>
    `Only ${owner} can change the community survey (make its form, accept or decline its answers): the form is made in their Drive, and the answers can hold what people said about themselves. Ask them to do it.`,
  import: (owner) =>
    `Only ${owner} can change how events added in Google Calendar come into the plan (accepting, declining, bringing them in automatically): the automatic syncs act with their account. Ask them to do it.`,
};

/** The plain-words refusal a non-owner sees, naming the setting and the owner to ask. */
export function notOwnerMessage(owner: string, setting: OwnedSetting = 'calendar'): string {
  return `${REFUSED[setting](owner)} Nothing was changed.`;
}

/**
 * Refuses (UserError) a change to an authority setting by anyone but the settings' owner, naming
 * that setting. With no owner yet, anyone may: their save makes them the owner (claimSettings).
 */
export function requireSettingsOwner(
  services: GoogleServices,
  settings: PlanSettings,
  setting: OwnedSetting = 'calendar',
): void {
  // Before anything: an older copy of the add-on (a stale sidebar) changes nothing in a newer plan.
  refuseNewerPlan(settings);
  const owner = settings.calendar.owner;
  if (owner !== null && !sameEmail(owner, actingUser(services)))
    throw new UserError(notOwnerMessage(owner, setting));
}

/** The settings with the acting user recorded as their owner (once the owner check passed). */
export function claimSettings(services: GoogleServices, settings: PlanSettings): PlanSettings {
  return {
    ...settings,
    calendar: { ...settings.calendar, owner: actingUser(services), releasedBy: null },
  };
}

/**
 * Whether a trigger run may act: only the owner's triggers do. A trigger left by someone else (a
 * former coordinator, an editor who once turned sync on) does nothing and says why in the log.
 * Settings saved before owners existed have none: the first trigger to run claims them for its
 * creator, who had set up automatic sync.
 */
export function triggerMayAct(
  services: GoogleServices,
  settings: PlanSettings,
  /** A continuation finishing a sync a person clicked: the click was theirs to make. */
  finishesAClick = false,
): { act: true } | { act: false; reason: string } {
  // A trigger of an older copy of the add-on acts on no plan a newer one set up.
  refuseNewerPlan(settings);
  const owner = settings.calendar.owner;
  const runAs = actingUser(services);
  // Given up by its owner: only an explicit save or switch by a person takes it again, never a
  // trigger — except the rest of a Sync now someone clicked meanwhile, which only finishes it.
  if (owner === null && settings.calendar.releasedBy && !finishesAClick)
    return {
      act: false,
      reason: `the calendar settings were handed over by ${settings.calendar.releasedBy} and nobody has taken them yet; no automatic run acts until someone does.`,
    };
  if (owner === null || sameEmail(owner, runAs)) return { act: true };
  return {
    act: false,
    reason: `this trigger belongs to ${runAs}, but the calendar settings belong to ${owner}; only their automatic syncs run.`,
  };
}
