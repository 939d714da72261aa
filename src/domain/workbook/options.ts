// Checks and completes set-up's options, with one plain message per problem for the coordinator.

import { word } from '../../shared/plural';
import type { CalendarMode } from '../../shared/settings';
import type { CalendarSharing, PartnerInput, SetupOptions } from '../../shared/setupWire';
import type { AsTyped } from '../../shared/wire';
import { nameKey } from '../people/names';
import type { TabDef } from '../schema/columns';
import { PARTNER_ROLES, PARTNER_TYPES, USER_TABS } from '../schema/tabs';
import { isEmail, matchOption } from '../table/cells';
import { checkZoneName } from '../time/zoneNames';
import { fail, ok, type Parsed } from '../values';

export interface NormalisedPartner {
  organisation: string;
  type: string;
  contact: string;
  email: string;
  role: string;
  invite: boolean;
}

export interface NormalisedOptions {
  name: string;
  purpose: string;
  coordinator: string;
  coordinatorEmail: string;
  timeZone: string;
  partners: NormalisedPartner[];
  /** Tab keys to create, in schema order, with the tabs they depend on. */
  tabs: string[];
  /** Tabs added because a chosen tab needs them (its dropdowns read them). */
  addedDependencies: string[];
  calendar: { mode: CalendarMode; calendarId: string | null };
  /** Who gets the events, as set-up asked; null keeps what is stored (a repair asks nothing). */
  sharing: CalendarSharing | null;
  /** Whether the sync runs by itself, as set-up asked; null keeps what runs now (a repair asks nothing). */
  autoSync: { afterEdits: boolean; hourly: boolean } | null;
  /** The lead organisation's name as typed ('' = no answer: keep the one before, or keep asking). */
  leadOrganisation: string;
}

/** The sharing flags set-up sent, or null when it sent none (keep what is stored). */
function sharingOf(calendar: SetupOptions['calendar']): CalendarSharing | null {
  const flags = [calendar?.shareWithPartners, calendar?.invitePartners, calendar?.sendInvites];
  if (flags.every((f) => f === undefined || f === null)) return null;
  return {
    shareWithPartners: calendar?.shareWithPartners === true,
    invitePartners: calendar?.invitePartners === true,
    // As in Calendar sync: invitations are emailed to guests only.
    sendInvites: calendar?.invitePartners === true && calendar?.sendInvites === true,
  };
}

/** The automatic syncs set-up asked for; none without a calendar; null when it did not ask. */
function autoSyncOf(
  mode: string,
  asked: { afterEdits: boolean; hourly: boolean } | null | undefined,
): { afterEdits: boolean; hourly: boolean } | null {
  if (!asked) return null;
  if (mode === 'none') return { afterEdits: false, hourly: false };
  return { afterEdits: asked.afterEdits === true, hourly: asked.hourly === true };
}

export interface OptionContext {
  spreadsheetTimeZone: string;
  userEmail: string;
}

/** Every plan has a checklist and a partners directory: the other tabs build on them. */
export const REQUIRED_TABS = ['partnership', 'partners'] as const;

const DEPENDENCY_OF_KIND: Record<string, string> = {
  partner: 'partners',
  partners: 'partners',
  goalRef: 'goals',
  outcomeRef: 'outcomes',
  category: 'categories',
};

/** The tabs a tab's dropdowns read from. */
export function tabDependencies(tab: TabDef): string[] {
  const keys = tab.columns.map((c) => DEPENDENCY_OF_KIND[c.kind]).filter(Boolean);
  return [...new Set(keys)].filter((key) => key !== tab.key);
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** One partner from the sidebar, checked; `where` names it in messages ("Partner 2"). */
export function normalisePartner(
  input: AsTyped<PartnerInput>,
  where: string,
): Parsed<NormalisedPartner> {
  const organisation = text(input?.organisation);
  if (!organisation) return fail(`${where} has no organisation name.`);
  const problems: string[] = [];
  const email = text(input.email);
  if (email && !isEmail(email)) problems.push(`the email “${email}” is not an email address`);
  const typeText = text(input.type);
  const type = typeText ? matchOption(typeText, PARTNER_TYPES) : '';
  if (type === null) problems.push(`the type “${typeText}” is not one of the list`);
  const roleText = text(input.role);
  const role = roleText ? matchOption(roleText, PARTNER_ROLES) : '';
  if (role === null) problems.push(`the role “${roleText}” is not one of the list`);
  if (problems.length) return fail(`${organisation}: ${problems.join('; ')}.`);
  return ok({
    organisation,
    type: type ?? '',
    contact: text(input.contact),
    email,
    role: role ?? '',
    invite: input.invite === true,
  });
}

export function normaliseSetupOptions(
  input: Omit<SetupOptions, 'partners'> & { partners?: AsTyped<PartnerInput>[] | null },
  context: OptionContext,
): Parsed<NormalisedOptions> {
  const problems: string[] = [];
  const name = text(input?.name);
  if (!name) problems.push('Give the partnership a name.');
  const coordinatorEmail = text(input?.coordinatorEmail) || context.userEmail;
  if (coordinatorEmail && !isEmail(coordinatorEmail))
    problems.push(`The coordinator’s email “${coordinatorEmail}” is not an email address.`);
  // A typed zone is checked against the IANA list; the spreadsheet's own zone comes from Google.
  let timeZone = text(input?.timeZone) || context.spreadsheetTimeZone;
  if (timeZone !== context.spreadsheetTimeZone) {
    const zone = checkZoneName(timeZone);
    if (zone.ok) timeZone = zone.value;
    else problems.push(zone.message);
  }

  const partners: NormalisedPartner[] = [];
  const seen = new Set<string>();
  (input?.partners ?? []).forEach((partner, i) => {
    const parsed = normalisePartner(partner, `Partner ${i + 1}`);
    if (!parsed.ok) problems.push(parsed.message);
    else if (seen.has(nameKey(parsed.value.organisation)))
      problems.push(`${parsed.value.organisation} is listed twice.`);
    else {
      seen.add(nameKey(parsed.value.organisation));
      partners.push(parsed.value);
    }
  });

  const known = new Set(USER_TABS.map((t) => t.key));
  const chosen = input?.tabs ?? USER_TABS.map((t) => t.key);
  const unknown = chosen.filter((key) => !known.has(key));
  if (unknown.length)
    problems.push(`Unknown ${word(unknown.length, 'tab')}: ${unknown.join(', ')}.`);
  const wanted = new Set<string>([...REQUIRED_TABS, ...chosen.filter((key) => known.has(key))]);
  const addedDependencies: string[] = [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const tab of USER_TABS) {
      if (!wanted.has(tab.key)) continue;
      for (const dep of tabDependencies(tab)) {
        if (wanted.has(dep)) continue;
        wanted.add(dep);
        addedDependencies.push(dep);
        grew = true;
      }
    }
  }

  const mode = input?.calendar?.mode ?? 'none';
  const calendarId = text(input?.calendar?.calendarId) || null;
  if (!['none', 'new', 'existing'].includes(mode))
    problems.push(`Unknown calendar choice “${String(mode)}”.`);
  if (mode === 'existing' && !calendarId)
    problems.push('Choose one of your calendars in the list.');

  if (problems.length) return fail(problems.join(' '));
  return ok({
    name,
    purpose: text(input.purpose),
    coordinator: text(input.coordinator),
    coordinatorEmail,
    timeZone,
    partners,
    tabs: USER_TABS.map((t) => t.key).filter((key) => wanted.has(key)),
    addedDependencies,
    calendar: { mode, calendarId: mode === 'existing' ? calendarId : null },
    sharing: sharingOf(input?.calendar),
    // Without a calendar there is nothing to sync: no automatic run is started.
    autoSync: autoSyncOf(mode, input?.calendar?.autoSync),
    leadOrganisation: text(input.leadOrganisation).replace(/\s+/g, ' '),
  });
}
