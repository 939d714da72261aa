// The note that a user's weekly-email trigger is owed the plan's one clock trigger a sync's continuation holds.
import type { PropertyStore } from './google';

export const DIGEST_SLOT_KEY = 'swp.digest.slot';

/**
 * An add-on may hold one time-driven trigger per user and document (V). While a sync's
 * continuation holds it, this note says whose weekly email waits for it back: `displaced` when
 * its daily trigger was deleted to make room (a daily check may have been missed meanwhile),
 * false when the weekly email was turned on while the continuation was pending.
 */
export interface DigestSlotNote {
  /** Format of the note: a later version reads this one; an unknown one is ignored. */
  v: 1;
  /** The account whose trigger slot it is (triggers are per user). */
  by: string;
  /** When the slot was lent (ms). */
  at: number;
  displaced: boolean;
}

function parse(text: string | null | undefined): DigestSlotNote | null {
  if (!text) return null;
  try {
    const note = JSON.parse(text) as Partial<DigestSlotNote>;
    if (note.v !== 1 || typeof note.by !== 'string' || typeof note.at !== 'number') return null;
    return { v: 1, by: note.by, at: note.at, displaced: note.displaced === true };
  } catch {
    // A damaged note owes nothing: keepDigestScheduled's next call (set-up, a sidebar) rules anyway.
    return null;
  }
}

export function loadSlotNote(store: PropertyStore): DigestSlotNote | null {
  return parse(store.getProperty(DIGEST_SLOT_KEY));
}

/** The note out of a read of every property a run already made (the quiet sync reads no more). */
export function slotNoteIn(all: Readonly<Record<string, string>>): DigestSlotNote | null {
  return parse(all[DIGEST_SLOT_KEY]);
}

export function saveSlotNote(store: PropertyStore, note: DigestSlotNote): void {
  store.setProperty(DIGEST_SLOT_KEY, JSON.stringify(note));
}

export function clearSlotNote(store: PropertyStore): void {
  store.deleteProperty(DIGEST_SLOT_KEY);
}
