// Stores the approval book in document properties, split into parts that each fit one property value.
import { type ApprovalBook, emptyBook } from '../domain/people/approvals';
import { loadChunked, saveChunked } from './chunkedProperty';
import type { PropertyStore } from './google';

export const APPROVALS_KEY = 'sharedWorkPlan.approvals';

/** `all`: a read of every property the caller already made (saves a call). */
export function loadApprovals(
  store: PropertyStore,
  all: Readonly<Record<string, string>> = store.getProperties(),
): ApprovalBook {
  const text = loadChunked(store, APPROVALS_KEY, all);
  if (!text) return emptyBook();
  try {
    const parsed = JSON.parse(text) as Partial<ApprovalBook>;
    return {
      approved: parsed.approved ?? {},
      waiting: parsed.waiting ?? {},
      shared: parsed.shared ?? [],
      ...(parsed.earlierPeopleChecked ? { earlierPeopleChecked: true } : {}),
    };
  } catch {
    // A damaged value approves nobody: sharing and guests wait until the coordinator approves again.
    return emptyBook();
  }
}

/** Writes the book in parts of at most 9 KB (src/adapters/chunkedProperty.ts). */
export function saveApprovals(store: PropertyStore, book: ApprovalBook): void {
  saveChunked(store, APPROVALS_KEY, JSON.stringify(book));
}
