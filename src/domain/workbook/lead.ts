// The lead organisation: which Partners row it is, the row set-up adds for it, and whether to ask.
import type { LeadOrganisation, PlanSettings } from '../../shared/settings';
import { nameKey, sameName } from '../people/names';
import { LEAD_ORGANISATION_ROLE } from '../schema/tabs';
import { asText } from '../table/cells';
import type { TableRecord } from '../table/records';

/** The lead organisation's Partners row as the plan has it now. */
export interface LeadRow {
  partnerId: string;
  name: string;
  row: number;
}

/**
 * The name set-up records as the lead organisation: the coordinator's answer, else the one
 * answered before, else '' (not answered: the plan keeps asking, and the first partner is never
 * taken for the school). The set-up sidebar offers the partnership's own name on a new plan (a
 * coalition is often its own host); the server never picks one.
 */
export function leadNameToRecord(answer: string, previous: PlanSettings | null): string {
  const typed = answer.trim().replace(/\s+/g, ' ');
  if (typed) return typed;
  return previous?.leadOrganisation?.name ?? '';
}

/** True while set-up must ask which organisation leads (a plan from before schema 4, unanswered). */
export function mustAskLead(settings: PlanSettings | null): boolean {
  return settings !== null && !settings.leadOrganisation;
}

/**
 * The lead's row: by its Partners ID (a renamed row stays the lead), else by the name recorded
 * (a row whose ID was lost). Null when neither is on the tab any more.
 */
export function findLeadRow(
  lead: LeadOrganisation | undefined,
  partners: readonly TableRecord[],
): LeadRow | null {
  if (!lead) return null;
  const id = lead.partnerId.trim().toUpperCase();
  const byId = id ? partners.find((r) => asText(r.cells.id).toUpperCase() === id) : undefined;
  const found =
    byId && asText(byId.cells.organisation) !== ''
      ? byId
      : partners.find((r) => sameName(r.cells.organisation, lead.name));
  if (!found) return null;
  return {
    partnerId: asText(found.cells.id).toUpperCase(),
    name: asText(found.cells.organisation),
    row: found.row,
  };
}

/** The lead's name as the plan shows it now ('' when there is no lead organisation). */
export function leadName(
  lead: LeadOrganisation | undefined,
  partners: readonly TableRecord[],
): string {
  return findLeadRow(lead, partners)?.name ?? lead?.name ?? '';
}

/**
 * The row set-up adds for a lead organisation not on the Partners tab yet. It is the
 * coordinator's side, so its contact is the coordinator and "Calendar invite" stays unticked:
 * nothing is shared or sent for it unless the coordinator ticks it (then its address waits for
 * approval like any other: a row anyone can edit never opens the calendar by itself).
 */
export function leadPartnerCells(
  name: string,
  coordinator: string,
  coordinatorEmail: string,
): Record<string, unknown> {
  return {
    organisation: name,
    role: LEAD_ORGANISATION_ROLE,
    contact: coordinator,
    email: coordinatorEmail,
    invite: false,
  };
}

/** Whether a name is already among these (typed partners or rows): compared as names are. */
export const hasName = (names: Iterable<string>, name: string): boolean => {
  const key = nameKey(name);
  for (const n of names) if (nameKey(n) === key) return true;
  return false;
};
