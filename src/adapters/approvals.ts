// Stores the approval book in document properties, split into parts that each fit one property value.
import { type ApprovalBook, emptyBook } from '../domain/people/approvals';
import type { PropertyStore } from './google';

export const APPROVALS_KEY = 'sharedWorkPlan.approvals';

/**
 * 3,000 UTF-16 units are at most 9,000 UTF-8 bytes (a unit never takes more than 3), under the
 * 9 KB a property value holds (docs/google-facts.md) whatever the addresses' letters.
 */
const PART = 3000;

/** Parts are `sharedWorkPlan.approvals`, `sharedWorkPlan.approvals.1`, …: one read of all properties. */
const partKey = (n: number) => (n === 0 ? APPROVALS_KEY : `${APPROVALS_KEY}.${n}`);

export function loadApprovals(store: PropertyStore): ApprovalBook {
  const all = store.getProperties();
  let text = '';
  for (let n = 0; all[partKey(n)] !== undefined; n++) text += all[partKey(n)];
  if (!text) return emptyBook();
  try {
    const parsed = JSON.parse(text) as Partial<ApprovalBook>;
    return {
      approved: parsed.approved ?? {},
      waiting: parsed.waiting ?? {},
      shared: parsed.shared ?? [],
    };
  } catch {
    // A damaged value approves nobody: sharing and guests wait until the coordinator approves again.
    return emptyBook();
  }
}

/** Writes the book in one setProperties call, deleting parts it no longer needs. */
export function saveApprovals(store: PropertyStore, book: ApprovalBook): void {
  const text = JSON.stringify(book);
  const values: Record<string, string> = {};
  let n = 0;
  let at = 0;
  while (at < text.length) {
    // Never split a surrogate pair: the two halves would not survive a property round trip.
    let end = Math.min(at + PART, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    values[partKey(n++)] = text.slice(at, end);
    at = end;
  }
  store.setProperties(values);
  const all = store.getProperties();
  for (let k = n; all[partKey(k)] !== undefined; k++) store.deleteProperty(partKey(k));
}
