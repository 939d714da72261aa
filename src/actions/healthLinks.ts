// Sends the open round's personal links to approved partner contacts, and reminders only to those who have not answered.
import { loadApprovals } from '../adapters/approvals';
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
import { remainingMailQuota, sendMail } from '../adapters/mail';
import { readTab } from '../adapters/sheets/readTab';
import { digestRecipients } from '../domain/digest/recipients';
import { PARTNERS_TAB } from '../domain/schema/tabs';
import { asText } from '../domain/table/cells';
import { localeDay } from '../domain/time/localeDate';
import { UserError } from '../shared/errors';
import type { HealthCheckState } from '../shared/healthWire';
import { plural } from '../shared/plural';
import { planBasics } from './calendarContext';
import { newInvitation } from './digestHealthLink';
import { healthCheckState, requireHealthOwner } from './healthCheck';

/** A reminder waits at least this long after the last mail to the same person. */
export const REMINDER_GAP_MS = 20 * 3_600_000;

interface Recipient {
  email: string;
  partner: string;
  contact: string;
}

/** Approved contacts from the Partners tab (the approval book decides, as for every mail). */
function approvedContacts(services: GoogleServices): Recipient[] {
  const partners = readTab(services.spreadsheet(), PARTNERS_TAB, services.documentCache());
  if (!partners)
    throw new UserError('The Partners tab is missing: run Set up the work plan… first.');
  const rows = partners.records.map(({ row, cells }) => ({
    id: asText(cells.id),
    name: asText(cells.organisation),
    email: asText(cells.email),
    contact: asText(cells.contact),
    optedOut: false,
    row,
  }));
  const { recipients } = digestRecipients(rows, loadApprovals(services.documentProperties()));
  const seen = new Set<string>();
  return recipients
    .filter((r) => !seen.has(r.email) && seen.add(r.email))
    .map((r) => ({ email: r.email, partner: r.name, contact: r.contact }));
}

/** The invitation of each approved contact, made once per round with its own code. */
function invitationsFor(services: GoogleServices, round: HealthRound): HealthInvitation[] {
  const byEmail = new Map(round.invitations.map((x) => [x.email, x]));
  for (const r of approvedContacts(services)) {
    if (!byEmail.has(r.email)) byEmail.set(r.email, newInvitation(services, r.email, r.partner));
  }
  return [...byEmail.values()];
}

function message(
  round: HealthRound,
  planName: string,
  link: string,
  closes: string,
  reminder: boolean,
) {
  const subject = `${reminder ? 'Reminder: ' : ''}${planName}: how is our partnership going? (5 minutes)`;
  const lines = [
    reminder
      ? 'A reminder: the partnership health check is still open, and your view counts.'
      : 'How is our partnership going? Please tell us in a short, anonymous check: 16 statements and two open questions.',
    `It is open until ${closes}: ${link}`,
    'Your name and email are not collected with your answers. Results are only shown as totals, never split by organisation unless at least 3 people from it answered.',
    'This link is yours: it only lets the coordinator see that you answered, so you get no further reminder.',
  ];
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = lines
    .map(
      (l) =>
        `<p>${esc(l).replace(esc(link), `<a href="${esc(link)}">Open the health check</a>`)}</p>`,
    )
    .join('');
  return { subject, text: lines.join('\n\n'), html, round: round.id };
}

/**
 * One mail a person, within the day's quota: the invitation to whoever has none yet, a reminder to
 * whoever was invited, has not answered and had no mail in the last 20 hours. Nobody who answered
 * gets anything, and no mail names anyone else.
 */
export function sendHealthLinks(services: GoogleServices): HealthCheckState {
  requireHealthOwner(services);
  return withDocumentLock(services.documentLock(), () => {
    const properties = services.documentProperties();
    const state = loadHealthState(properties);
    const round = openRound(state);
    if (!round) throw new UserError('No round is open: open one first.');
    const current: HealthRound = round;
    const { settings, spreadsheet } = planBasics(services);
    const planName = settings.name || spreadsheet.getName();
    const closes = localeDay(round.closes, spreadsheet.getSpreadsheetLocale());
    const form = openForm(services, round.formId);
    const now = Date.now();
    let quota = remainingMailQuota(services);
    const counts = { sent: 0, reminded: 0, waiting: 0, failed: [] as string[] };
    // Invitations before reminders: someone never asked comes first when the quota is short.
    const all = invitationsFor(services, round);
    const order = [...all].sort((a, b) => Number(a.sentMs !== null) - Number(b.sentMs !== null));
    const done = new Map(order.map((x) => [x.email, sendOne(x)]));
    const invitations = all.map((x) => done.get(x.email) ?? x);
    function sendOne(x: HealthInvitation): HealthInvitation {
      const last = Math.max(x.sentMs ?? 0, x.remindedMs ?? 0);
      if (x.answered || (x.sentMs !== null && now - last < REMINDER_GAP_MS)) return x;
      if (quota < 1) {
        counts.waiting++;
        return x;
      }
      const reminder = x.sentMs !== null;
      const mail = message(current, planName, personalLink(form, x.code), closes, reminder);
      try {
        sendMail(services, {
          to: x.email,
          ...mail,
          name: settings.coordinator,
          replyTo: settings.coordinatorEmail,
        });
        quota--;
        if (reminder) counts.reminded++;
        else counts.sent++;
        return reminder ? { ...x, remindedMs: now } : { ...x, sentMs: now };
      } catch (error) {
        counts.failed.push(`${x.email}: ${(error as Error).message}`);
        quota = remainingMailQuota(services);
        return x;
      }
    }
    const next = {
      ...state,
      rounds: state.rounds.map((r) => (r.id === round.id ? { ...r, invitations } : r)),
    };
    saveHealthState(properties, next);
    return healthCheckState(services, sentSummary(counts, invitations));
  });
}

function sentSummary(
  counts: { sent: number; reminded: number; waiting: number; failed: string[] },
  invitations: readonly HealthInvitation[],
): string {
  const parts: string[] = [];
  if (counts.sent) parts.push(`${plural(counts.sent, 'invitation')} sent`);
  if (counts.reminded)
    parts.push(`${plural(counts.reminded, 'reminder')} sent to people who have not answered`);
  if (!parts.length) parts.push('No mail sent');
  const answered = invitations.filter((x) => x.answered).length;
  let text = `${parts.join(', ')}. ${answered} of ${invitations.length} invited have answered.`;
  if (counts.waiting)
    text += ` ${plural(counts.waiting, 'mail')} wait for tomorrow: today’s mail quota is used up.`;
  if (counts.failed.length) text += ` Not sent: ${counts.failed.join('; ')}.`;
  if (!invitations.length)
    text = `Nobody to invite: approve partner contacts’ emails first (Calendar sync… › Approved people).`;
  return text;
}
