// Who gets the digest: partners with an approved address who did not opt out; every other partner says why not.
import { type ApprovalBook, isApproved, normaliseEmail } from '../people/approvals';
import { isEmail } from '../table/cells';

export interface DigestPartnerRow {
  id: string;
  name: string;
  /** The Email cell as typed. */
  email: string;
  /** The Contact cell: the person the email greets. */
  contact: string;
  optedOut: boolean;
  row: number;
}

export interface DigestRecipient {
  partnerId: string;
  name: string;
  /** Normalised, approved. */
  email: string;
  contact: string;
  row: number;
}

export interface DigestLeftOut {
  name: string;
  row: number;
  reason: string;
}

/**
 * The digest goes only to an address the coordinator approved (never one a partner typed and
 * nobody approved: docs/approvals.md) and never to a partner who ticked the opt-out column.
 */
export function digestRecipients(
  partners: readonly DigestPartnerRow[],
  book: ApprovalBook,
): { recipients: DigestRecipient[]; leftOut: DigestLeftOut[] } {
  const recipients: DigestRecipient[] = [];
  const leftOut: DigestLeftOut[] = [];
  for (const p of partners) {
    const email = normaliseEmail(p.email);
    const out = (reason: string) => leftOut.push({ name: p.name, row: p.row, reason });
    if (p.optedOut) out('opted out of the weekly email');
    else if (email === '') out('no email address');
    else if (!isEmail(email)) out(`“${p.email.trim()}” is not one email address`);
    else if (!isApproved(book, email)) out(`${email} waits for the coordinator’s approval`);
    else recipients.push({ partnerId: p.id, name: p.name, email, contact: p.contact, row: p.row });
  }
  return { recipients, leftOut };
}
