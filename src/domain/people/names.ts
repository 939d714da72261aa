// One rule for matching names people typed (partners, owners, leads): case, curly quotes and spacing do not count.
import { normalise } from '../table/locate';

/** The key a name is compared by: "Riverside  Library " and "riverside library" are one partner. */
export const nameKey = (name: unknown): string => normalise(name);

/** True when two typed names mean the same organisation; an empty name matches nothing. */
export function sameName(a: unknown, b: unknown): boolean {
  const key = nameKey(a);
  return key !== '' && key === nameKey(b);
}
