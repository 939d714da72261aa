// What each row held at the last repair (a short hash of its partner cells, by ID): tells a copy from its original.
import type { TabDef } from '../schema/columns';
import { isDate } from '../values';
import { asText } from './cells';

/** ID → hash of the row's partner cells when the add-on last saw it. */
export type RowStates = ReadonlyMap<string, string>;

const cellText = (value: unknown) => (isDate(value) ? String(value.getTime()) : asText(value));

/** A 32-bit FNV-1a hash of the row's partner-typed cells, in base 36 (at most 7 characters). */
export function rowHash(tab: TabDef, cells: Readonly<Record<string, unknown>>): string {
  const text = tab.columns
    .filter((c) => c.owner !== 'addon')
    .map((c) => cellText(cells[c.key]))
    .join('\u0001');
  // Math.imul read once, not per character (see fingerprint.ts `hash`).
  const imul = Math.imul;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** "G1:abc,G2:def" split into parts of at most `size` characters (a property value holds 9 KB). */
export function encodeRowStates(states: RowStates, size = 8000): string[] {
  const parts: string[] = [];
  let current = '';
  for (const [id, hash] of states) {
    const entry = `${id}:${hash}`;
    if (current && current.length + entry.length + 1 > size) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current},${entry}` : entry;
  }
  if (current) parts.push(current);
  return parts;
}

export function decodeRowStates(parts: readonly string[]): Map<string, string> {
  const states = new Map<string, string>();
  for (const part of parts)
    for (const entry of part.split(',')) {
      const at = entry.indexOf(':');
      if (at > 0) states.set(entry.slice(0, at), entry.slice(at + 1));
    }
  return states;
}
