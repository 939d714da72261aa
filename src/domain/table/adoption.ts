// When a sheet bearing a plan tab's name but not its tag is that table, and what a new tab is called.
import type { TabDef } from '../schema/columns';
import { locateColumns, normalise } from './locate';

/**
 * A same-named sheet without the tab's tag is adopted only when it is empty or its header row
 * names every required column of the tab (a hand-made partners list, say): a coordinator's own
 * "Calendar" or "Logic Model" of notes is someone's work, and is never taken over or cleared.
 */
export function isAdoptableSheet(
  tab: TabDef,
  headers: readonly unknown[],
  empty: boolean,
): boolean {
  if (empty) return true;
  if (tab.owner === 'addon') return false;
  const location = locateColumns(
    tab,
    headers,
    headers.map(() => null),
  );
  const required = tab.columns.filter((c) => c.required).map((c) => c.key);
  if (required.length === 0) return location.matchedByHeader.length > 0;
  return required.every((key) => location.index[key] >= 0);
}

/** `name`, or "name (2)", "name (3)" … : the first that no sheet has (sheet names ignore case). */
export function freeSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map(normalise));
  if (!used.has(normalise(name))) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!used.has(normalise(candidate))) return candidate;
  }
}
