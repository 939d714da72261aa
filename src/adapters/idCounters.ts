// The highest ID number each tab has handed out, so a deleted row's ID is never reused.
import type { TabDef } from '../domain/schema/columns';
import { allocateIds } from '../domain/table/ids';
import type { PropertyStore } from './google';

const KEY = 'sharedWorkPlan.idCounters';

export type IdCounters = Record<string, number>;

export function loadIdCounters(store: PropertyStore): IdCounters {
  const text = store.getProperty(KEY);
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as IdCounters) : {};
  } catch {
    // A damaged value only costs the reuse guard: IDs still continue after the highest in the tab.
    return {};
  }
}

export function saveIdCounters(store: PropertyStore, counters: IdCounters): void {
  store.setProperty(KEY, JSON.stringify(counters));
}

/**
 * The one way an action numbers new rows: `count` IDs after every ID in use and after the tab's
 * stored high-water mark, which is raised at once so a deleted row's ID is never handed out again.
 * Call it under the document lock.
 */
export function takeIds(
  store: PropertyStore,
  tab: TabDef,
  inUse: Iterable<unknown>,
  count = 1,
): string[] {
  if (!tab.idPrefix) throw new Error(`The ${tab.name} tab has no ID prefix.`);
  const counters = loadIdCounters(store);
  const { ids, next } = allocateIds(tab.idPrefix, inUse, counters[tab.key], count);
  if (count > 0) saveIdCounters(store, { ...counters, [tab.key]: next });
  return ids;
}

/** Stores a tab's high-water mark after IDs planned elsewhere (the sync's); it never goes back. */
export function raiseIdCounter(store: PropertyStore, tab: TabDef, next: number): void {
  const counters = loadIdCounters(store);
  if ((counters[tab.key] ?? 0) >= next) return;
  saveIdCounters(store, { ...counters, [tab.key]: next });
}
