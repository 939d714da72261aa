// The event IDs the sync itself removed lately, so a row that still names one is reported truthfully.
import type { PropertyStore } from './google';

const KEY = 'swp.calendarSync.removedEvents';
/** Event IDs are up to ~1 KB but Google's are ~26 characters: 250 of them stay well under 9 KB. */
const KEEP = 250;

function load(store: PropertyStore): string[] {
  const text = store.getProperty(KEY);
  return text ? text.split(' ').filter(Boolean) : [];
}

/** A lazy check: the property is read only when a row names an event the calendar lacks. */
export function removedBySync(store: PropertyStore): (eventId: string) => boolean {
  let ids: Set<string> | null = null;
  return (eventId) => {
    ids ??= new Set(load(store));
    return ids.has(eventId);
  };
}

/** Remembers the events a run removed (newest last; the oldest fall off past KEEP or ~8 KB). */
export function rememberRemoved(store: PropertyStore, eventIds: readonly string[]): void {
  if (!eventIds.length) return;
  const fresh = new Set(eventIds);
  let kept = [...load(store).filter((id) => !fresh.has(id)), ...fresh].slice(-KEEP);
  while (kept.join(' ').length > 8000) kept = kept.slice(1);
  store.setProperty(KEY, kept.join(' '));
}
