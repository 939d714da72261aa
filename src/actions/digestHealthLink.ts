// The open health check round's personal links for the weekly email: only approved contacts who have not answered.
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { openForm, personalLink } from '../adapters/healthForm';
import {
  type HealthInvitation,
  type HealthRound,
  loadHealthState,
  openRound,
  saveHealthState,
} from '../adapters/healthState';
import type { DigestHealthInvite } from '../domain/digest/healthSection';
import { localeDay } from '../domain/time/localeDate';
import type { HealthCheckState } from '../shared/healthWire';
import { healthCheckState, requireHealthOwner } from './healthCheck';

/** True while the weekly email should carry the round's link: open, within its dates, not turned off. */
export function carriesLink(round: HealthRound | null, today: string): round is HealthRound {
  return (
    round !== null &&
    !round.closed &&
    round.inDigest !== false &&
    round.opens <= today &&
    today <= round.closes
  );
}

/** A new invitation with its own code (as healthLinks makes them: the uuid's random tail). */
export function newInvitation(
  services: GoogleServices,
  email: string,
  partner: string,
): HealthInvitation {
  return {
    email,
    partner,
    code: services.uuid().replace(/-/g, '').slice(-16),
    sentMs: null,
    remindedMs: null,
    answered: false,
  };
}

/**
 * Each recipient's section, by email, for the weekly email composed on `today` (sheet zone, ISO).
 * The recipients are the digest's: approved addresses only. Someone without an invitation gets one
 * (saved, so their answer is recognised and no reminder follows it); someone who answered gets no
 * section when `sending`. The preview (`sending` false) shows the section to everyone, with a
 * placeholder in place of the personal link, and makes no invitation: any editor may
 * open it, so it must neither tell who answered nor hand one person another's code (which would
 * let them answer in that person's name). Runs under the caller's document lock. Empty
 * when no round carries a link, or its form cannot be opened or stopped taking answers (the weekly
 * email goes out all the same).
 */
export function digestHealthInvites(
  services: GoogleServices,
  today: string,
  recipients: readonly { email: string; name: string }[],
  sending: boolean,
): Map<string, DigestHealthInvite> {
  const found = new Map<string, DigestHealthInvite>();
  const properties = services.documentProperties();
  const state = loadHealthState(properties);
  const round = openRound(state);
  if (!carriesLink(round, today) || recipients.length === 0) return found;
  let form: ReturnType<typeof openForm>;
  try {
    form = openForm(services, round.formId);
    if (!form.isAcceptingResponses()) return found;
  } catch {
    // A form deleted or no longer shared with this account: the email simply has no section.
    return found;
  }
  const closes = localeDay(round.closes, services.spreadsheet().getSpreadsheetLocale());
  if (!sending) {
    for (const r of recipients) found.set(r.email, { round: round.id, closes, link: null });
    return found;
  }
  const byEmail = new Map(round.invitations.map((x) => [x.email, x]));
  const added: HealthInvitation[] = [];
  for (const r of recipients) {
    if (byEmail.has(r.email)) continue;
    const made = newInvitation(services, r.email, r.name);
    byEmail.set(r.email, made);
    added.push(made);
  }
  if (added.length)
    saveHealthState(properties, withInvitations(state, round.id, [...round.invitations, ...added]));
  for (const r of recipients) {
    const x = byEmail.get(r.email);
    if (!x || x.answered) continue;
    found.set(r.email, { round: round.id, closes, link: personalLink(form, x.code) });
  }
  return found;
}

function withInvitations(
  state: ReturnType<typeof loadHealthState>,
  id: string,
  list: HealthInvitation[],
) {
  return {
    ...state,
    rounds: state.rounds.map((r) => (r.id === id ? { ...r, invitations: list } : r)),
  };
}

/**
 * After a weekly email carried the link: those people count as invited (the sidebar's count, and
 * the next Send link reminds rather than invites them, no sooner than its 20-hour gap).
 */
export function noteLinksSent(
  services: GoogleServices,
  emails: readonly string[],
  nowMs: number,
): void {
  if (!emails.length) return;
  const properties = services.documentProperties();
  const state = loadHealthState(properties);
  const round = openRound(state);
  if (!round) return;
  const sent = new Set(emails);
  const invitations = round.invitations.map((x) =>
    sent.has(x.email) && x.sentMs === null ? { ...x, sentMs: nowMs } : x,
  );
  saveHealthState(properties, withInvitations(state, round.id, invitations));
}

/** Coordinator only: the open round's link in the weekly email on or off (on by default). */
export function setHealthLinkInDigest(services: GoogleServices, on: boolean): HealthCheckState {
  requireHealthOwner(services);
  return withDocumentLock(services.documentLock(), () => {
    const properties = services.documentProperties();
    const state = loadHealthState(properties);
    const round = openRound(state);
    if (!round) return healthCheckState(services, 'No round is open.');
    saveHealthState(properties, {
      ...state,
      rounds: state.rounds.map((r) => (r.id === round.id ? { ...r, inDigest: on } : r)),
    });
    return healthCheckState(
      services,
      on
        ? `The weekly email carries round ${round.id}’s link to approved contacts who have not answered, until it closes.`
        : `The weekly email no longer carries round ${round.id}’s link. Send the link from here instead.`,
    );
  });
}
