// Finds each schema column in a tab by identity: column metadata first, then the header text.
import type { ColumnDef, TabDef } from '../schema/columns';

export interface ColumnLocation {
  /** 0-based column index of each schema column key, or -1 where the column is missing. */
  index: Record<string, number>;
  /** Schema keys with no column in the tab (deleted by someone, or never created). */
  missing: string[];
  /** Columns matched by header text only (no metadata yet): set-up tags them. */
  matchedByHeader: string[];
  /** Headers that are not part of the schema: partners' own columns, left alone. */
  extraColumns: Array<{ index: number; header: string }>;
  /**
   * 0-based columns whose tag the data has left (see staleTag): not used, and a repair removes
   * the tag. Absent when the caller gave no rows to check.
   */
  staleTags?: number[];
}

/** Compares names and headers the way people mean them: case, curly quotes and spacing do not count. */
export const normalise = (text: unknown) =>
  String(text ?? '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

const namesOf = (column: ColumnDef) => [column.header, ...(column.aliases ?? [])].map(normalise);

/**
 * A column's tag is stale when the data has left it: a partner cut the whole column (header
 * included) and pasted it elsewhere, and Google may leave a column's developer metadata behind
 * (undocumented: docs/google-facts.md). The tagged column is then empty, header and every cell,
 * while another column, untagged or tagged the same, carries the key's header: identity follows
 * the data there. A column whose header alone was emptied keeps its tag (its data is still in it).
 */
function staleTag(
  i: number,
  column: ColumnDef,
  headers: readonly unknown[],
  metadataKeys: readonly (string | null)[],
  rows: readonly (readonly unknown[])[],
): boolean {
  if (normalise(headers[i]) !== '') return false;
  if (rows.some((row) => String(row[i] ?? '').trim() !== '' && row[i] !== false)) return false;
  const names = namesOf(column);
  return headers.some(
    (h, j) =>
      j !== i &&
      (!metadataKeys[j] || metadataKeys[j] === column.key) &&
      names.includes(normalise(h)),
  );
}

/**
 * @param headers the header row's values
 * @param metadataKeys the column-key metadata of each column (null where none), same length
 * @param rows the data rows, when the caller has them: a tag the data has left is then not used
 */
export function locateColumns(
  tab: TabDef,
  headers: readonly unknown[],
  metadataKeys: readonly (string | null)[],
  rows?: readonly (readonly unknown[])[],
): ColumnLocation {
  const index: Record<string, number> = {};
  const taken = new Set<number>();
  const byKey = new Map(tab.columns.map((c) => [c.key, c]));
  const staleTags: number[] = [];
  // 1. Metadata wins: it survives renames and moves. The first column carrying a key owns it
  //    (a copied column carries the same metadata; the copy is then treated as an extra column),
  //    unless the data has left it (staleTag).
  metadataKeys.forEach((key, i) => {
    const column = key ? byKey.get(key) : undefined;
    if (!key || !column || index[key] !== undefined) return;
    if (rows && staleTag(i, column, headers, metadataKeys, rows)) {
      staleTags.push(i);
      return;
    }
    index[key] = i;
    taken.add(i);
  });
  // 2. Header text (or an alias) for columns with no metadata yet.
  const matchedByHeader: string[] = [];
  for (const column of tab.columns) {
    if (index[column.key] !== undefined) continue;
    const names = namesOf(column);
    const at = headers.findIndex(
      (h, i) =>
        !taken.has(i) &&
        (!metadataKeys[i] || metadataKeys[i] === column.key) &&
        names.includes(normalise(h)),
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
  return rows
    ? { index, missing, matchedByHeader, extraColumns, staleTags }
    : { index, missing, matchedByHeader, extraColumns };
}
