// The hand-over offer waiting for its answer, in the document's properties (one small JSON value).
import type { PropertyStore } from './google';

export const HANDOVER_KEY = 'sharedWorkPlan.handover';

export interface StoredHandover {
  from: string;
  to: string;
  offeredMs: number;
  /** The group calendar shared with `to` as a manager, when it was. */
  calendarId: string | null;
  /** Their role on it before (a reader, say): put back if the offer is cancelled. */
  previousRole: string | null;
}

export function loadHandover(store: PropertyStore): StoredHandover | null {
  const text = store.getProperty(HANDOVER_KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as StoredHandover;
    return typeof parsed.to === 'string' && typeof parsed.from === 'string' ? parsed : null;
  } catch {
    // A damaged offer is no offer: the owner names the person again.
    return null;
  }
}

export function saveHandover(store: PropertyStore, offer: StoredHandover): void {
  store.setProperty(HANDOVER_KEY, JSON.stringify(offer));
}

export function clearHandover(store: PropertyStore): void {
  store.deleteProperty(HANDOVER_KEY);
}
