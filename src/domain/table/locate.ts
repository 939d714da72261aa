// Finds each schema column in a tab by identity: column metadata first, then the header text.
import type { TabDef } from '../schema/columns';

export interface ColumnLocation {
  /** 0-based column index of each schema column key, or -1 where the column is missing. */
  index: Record<string, number>;
  /** Schema keys with no column in the tab (deleted by someone, or never created). */
  missing: string[];
  /** Columns matched by header text only (no metadata yet): set-up tags them. */
  matchedByHeader: string[];
  /** Headers that are not part of the schema: partners' own columns, left alone. */
  extraColumns: Array<{ index: number; header: string }>;
}

/** Compares names and headers the way people mean them: case, curly quotes and spacing do not count. */
export const normalise = (text: unknown) =>
  String(text ?? '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/**
 * @param headers the header row's values
 * @param metadataKeys the column-key metadata of each column (null where none), same length
 */
export function locateColumns(
  tab: TabDef,
  headers: readonly unknown[],
  metadataKeys: readonly (string | null)[],
): ColumnLocation {
  const index: Record<string, number> = {};
  const taken = new Set<number>();
  const known = new Set(tab.columns.map((c) => c.key));
  // 1. Metadata wins: it survives renames and moves. The first column carrying a key owns it
  //    (a copied column carries the same metadata; the copy is then treated as an extra column).
  metadataKeys.forEach((key, i) => {
    if (key && known.has(key) && index[key] === undefined) {
      index[key] = i;
      taken.add(i);
    }
  });
  // 2. Header text (or an alias) for columns with no metadata yet.
  const matchedByHeader: string[] = [];
  for (const column of tab.columns) {
    if (index[column.key] !== undefined) continue;
    const names = [column.header, ...(column.aliases ?? [])].map(normalise);
    const at = headers.findIndex(
      (h, i) => !taken.has(i) && !metadataKeys[i] && names.includes(normalise(h)),
    );
    if (at >= 0) {
      index[column.key] = at;
      taken.add(at);
      matchedByHeader.push(column.key);
    }
  }
  const missing = tab.columns.filter((c) => index[c.key] === undefined).map((c) => c.key);
  for (const key of missing) index[key] = -1;
  const extraColumns = headers
    .map((header, i) => ({ index: i, header: String(header ?? '') }))
    .filter((c) => !taken.has(c.index) && c.header.trim() !== '');
  return { index, missing, matchedByHeader, extraColumns };
}
