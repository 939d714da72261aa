// Stores what each row held at the last repair (see domain/table/rowState.ts) in document properties.

import { decodeRowStates, encodeRowStates, type RowStates } from '../domain/table/rowState';
import type { PropertyStore } from './google';

const PREFIX = 'sharedWorkPlan.rowState.';

/** Every tab's row states, in one read of the document's properties. */
export function loadRowStates(store: PropertyStore): Map<string, RowStates> {
  const all = store.getProperties();
  const parts = new Map<string, string[]>();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    const [tab, n] = key.slice(PREFIX.length).split('.');
    const list = parts.get(tab) ?? [];
    list[Number(n) || 0] = value;
    parts.set(tab, list);
  }
  return new Map([...parts].map(([tab, list]) => [tab, decodeRowStates(list.filter(Boolean))]));
}

/**
 * Replaces the stored row states of these tabs in one write (plus one delete per part a tab no
 * longer needs): each part stays under the 9 KB a property value may hold.
 */
export function saveRowStates(
  store: PropertyStore,
  states: ReadonlyMap<string, RowStates>,
  before: ReadonlyMap<string, RowStates>,
): void {
  const values: Record<string, string> = {};
  const stale: string[] = [];
  for (const [tab, rows] of states) {
    const parts = encodeRowStates(rows);
    parts.forEach((part, n) => {
      values[`${PREFIX}${tab}.${n}`] = part;
    });
    const old = encodeRowStates(before.get(tab) ?? new Map()).length;
    for (let n = parts.length; n < old; n++) stale.push(`${PREFIX}${tab}.${n}`);
  }
  if (Object.keys(values).length > 0) store.setProperties(values);
  for (const key of stale) store.deleteProperty(key);
}
