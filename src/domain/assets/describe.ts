// The words the asset map and the sidebar use for findings, partners and what to do next.
import { referenceLabel } from '../table/cells';
import type { Finding, Match, PartnerEntry, ProblemEffect } from './model';

/** A sentence cut at a word boundary, so a long description still fits in a cell or a title. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** "F12 · Families cannot reach evening events". */
export const findingLabel = (f: Finding) => `${f.ref} · ${f.description}`;

/** Whose need or asset it is: the partner, or the community (and who it is about). */
export function ownerLabel(f: Finding): string {
  if (f.source === 'Organisational') return f.partner?.name ?? '';
  return f.population ? `Community (${f.population})` : 'Community';
}

export function contactLabel(partner: PartnerEntry): string {
  const parts = [partner.contact, partner.phone, partner.email].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No contact in the Partners tab';
}

/** The next step of a match, in one sentence: who to call, where, about what. */
export function matchAction(match: Match): string {
  const partner = match.asset.partner;
  if (!partner) return '';
  const asset = `“${shorten(match.asset.description, 60)}”`;
  const need = `${match.need.ref} (“${shorten(match.need.description, 60)}”)`;
  // One calls a phone and emails an address: "Call … on tom@…" reads wrong.
  const who = `${partner.contact} at ${partner.name}`;
  if (partner.contact && partner.phone)
    return `Call ${who} on ${partner.phone} and ask whether ${asset} can help with ${need}.`;
  if (partner.contact && partner.email)
    return `Email ${who} (${partner.email}) and ask whether ${asset} can help with ${need}.`;
  if (partner.contact) return `Ask ${who} whether ${asset} can help with ${need}.`;
  return `Ask ${partner.name} whether ${asset} can help with ${need} (add their contact to the Partners tab).`;
}

export const EFFECT_LABELS: Record<ProblemEffect, string> = {
  excluded: 'Left out of the map until fixed',
  used: 'In the map; this cell is ignored',
  note: 'Note',
};

/** "G1 · Every child reads at grade level", or '' when the finding links no goal. */
export const goalLabel = (f: Finding) => (f.goal ? referenceLabel(f.goal.id, f.goal.label) : '');
