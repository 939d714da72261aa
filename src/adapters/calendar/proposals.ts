// The import proposals of the plan's calendar, in document properties (split under 9 KB a part).
import { emptyBook, type ProposalBook } from '../../domain/calendarSync/importEvents';
import { loadChunked, saveChunked } from '../chunkedProperty';
import type { PropertyStore } from '../google';

const KEY = 'swp.calendarImport.proposals';

/**
 * The book of `calendarId`, or null when there is none for it (never read, the plan switched
 * calendars, or a damaged value): the caller then reads the calendar in full.
 */
export function storedProposals(store: PropertyStore, calendarId: string): ProposalBook | null {
  const text = loadChunked(store, KEY);
  if (!text) return null;
  try {
    const book = JSON.parse(text) as ProposalBook;
    if (book.calendarId !== calendarId || !Array.isArray(book.proposals)) return null;
    return { ...book, declined: Array.isArray(book.declined) ? book.declined : [] };
  } catch {
    return null;
  }
}

/** The book of `calendarId`, empty when there is none. */
export const loadProposals = (store: PropertyStore, calendarId: string): ProposalBook =>
  storedProposals(store, calendarId) ?? emptyBook(calendarId);

export function saveProposals(store: PropertyStore, book: ProposalBook): void {
  saveChunked(store, KEY, JSON.stringify(book));
}
