// One long text in a property store, split into parts that each fit one property value (9 KB).

/**
 * 3,000 UTF-16 units are at most 9,000 UTF-8 bytes (a unit never takes more than 3), under the
 * 9 KB a property value holds (docs/google-facts.md) whatever the letters.
 */
const PART = 3000;

import type { PropertyStore } from './google';

/** Parts are `key`, `key.1`, `key.2`, …. */
const partKey = (key: string, n: number) => (n === 0 ? key : `${key}.${n}`);

/** The parts joined ('' when there are none), in one read of all properties (or the caller's). */
export function loadChunked(
  store: PropertyStore,
  key: string,
  all: Readonly<Record<string, string>> = store.getProperties(),
): string {
  let text = '';
  for (let n = 0; all[partKey(key, n)] !== undefined; n++) text += all[partKey(key, n)];
  return text;
}

/** Writes the text in one setProperties call, deleting parts it no longer needs. */
export function saveChunked(store: PropertyStore, key: string, text: string): void {
  const values: Record<string, string> = {};
  let n = 0;
  let at = 0;
  while (at < text.length) {
    // Never split a surrogate pair: the two halves would not survive a property round trip.
    let end = Math.min(at + PART, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    values[partKey(key, n++)] = text.slice(at, end);
    at = end;
  }
  store.setProperties(values);
  const all = store.getProperties();
  for (let k = n; all[partKey(key, k)] !== undefined; k++) store.deleteProperty(partKey(key, k));
}
