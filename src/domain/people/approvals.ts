// The coordinator's list of approved people and the addresses partners typed that wait for approval.

/** Where a waiting address was typed: the tab (its key), its row, and the activity when it is a guest. */
export interface EmailSource {
  tab: string;
  row: number;
  activityId: string;
}

export interface Approval {
  /** Who approved (the settings owner's address, or '' when unknown). */
  by: string;
  /** When, in ms since the epoch. */
  at: number;
}

export interface Waiting {
  sources: EmailSource[];
  firstSeen: number;
}

export interface SharedRule {
  calendar: string;
  email: string;
}

/** Everything the store keeps; addresses are lower-case keys. */
export interface ApprovalBook {
  approved: Record<string, Approval>;
  waiting: Record<string, Waiting>;
  /** Reader rules the add-on added, by calendar (the only rules it ever removes). */
  shared: SharedRule[];
  /**
   * The people a version from before approvals had shared with or invited were approved (once,
   * by the settings' owner: src/actions/earlierPeople.ts). Absent in books saved before that step.
   */
  earlierPeopleChecked?: boolean;
}

export const emptyBook = (): ApprovalBook => ({ approved: {}, waiting: {}, shared: [] });

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function isApproved(book: ApprovalBook, email: string): boolean {
  // Own keys only: an address can never read "constructor" off the prototype.
  return Object.getOwnPropertyDescriptor(book.approved, normaliseEmail(email)) !== undefined;
}

/** An address found in the plan, with where it was typed. */
export interface FoundEmail {
  email: string;
  source: EmailSource;
}

/** A source list keeps a few places per address: enough to find it, small enough to store. */
const MAX_SOURCES = 5;

/**
 * Records every unapproved address found now as waiting (first-seen time kept, its current places
 * replacing the old ones); waiting addresses no longer typed anywhere drop off the list.
 * Returns a new book and whether it differs from the old one.
 */
export function noteWaiting(
  book: ApprovalBook,
  found: readonly FoundEmail[],
  now: number,
): { book: ApprovalBook; changed: boolean } {
  const waiting: Record<string, Waiting> = {};
  for (const f of found) {
    const email = normaliseEmail(f.email);
    if (isApproved(book, email)) continue;
    const entry = waiting[email] ?? {
      sources: [],
      firstSeen: book.waiting[email]?.firstSeen ?? now,
    };
    if (entry.sources.length < MAX_SOURCES) entry.sources.push(f.source);
    waiting[email] = entry;
  }
  const changed = JSON.stringify(waiting) !== JSON.stringify(book.waiting);
  return { book: { ...book, waiting }, changed };
}

/** Approves these addresses (already approved ones keep who approved them and when). */
export function approve(
  book: ApprovalBook,
  emails: readonly string[],
  by: string,
  now: number,
): ApprovalBook {
  const approved = { ...book.approved };
  const waiting = { ...book.waiting };
  for (const raw of emails) {
    const email = normaliseEmail(raw);
    if (!approved[email]) approved[email] = { by, at: now };
    delete waiting[email];
  }
  return { ...book, approved, waiting };
}

/** Takes these addresses off the approved list (their reader rule goes at the next sync or at once). */
export function unapprove(book: ApprovalBook, emails: readonly string[]): ApprovalBook {
  const approved = { ...book.approved };
  for (const raw of emails) delete approved[normaliseEmail(raw)];
  return { ...book, approved };
}
