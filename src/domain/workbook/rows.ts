// Where set-up's rows go: the first free row, and ID column rewrites.

import { blankOnly, type EmptyCell } from '../table/emptyRow';
import type { IdAssignment } from '../table/ids';

/**
 * The first row below every non-empty row (1-based), ignoring some columns (the profile block
 * beside the checklist is not a row of the table). Rows below the table are where new rows go,
 * so nothing a partner typed anywhere in the table is overwritten. `empty` is the tab's cell rule
 * (emptyCellRule: unticked boxes below the table are not content); every column counts, the
 * partners' own and the add-on's.
 */
export function nextFreeRow(
  rows: readonly (readonly unknown[])[],
  headerRow: number,
  ignoreColumns: ReadonlySet<number> = new Set(),
  empty: EmptyCell = blankOnly,
): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i].some((value, c) => !ignoreColumns.has(c + 1) && !empty(value, c)))
      return headerRow + 2 + i;
  }
  return headerRow + 1;
}

/**
 * The ID column's cells from the first data row to the last assigned row, with the assignments
 * applied and every other cell as it was: one write, whatever the number of rows.
 */
export function idColumnValues(
  rows: readonly (readonly unknown[])[],
  idColumn: number,
  headerRow: number,
  assignments: readonly IdAssignment[],
): { startRow: number; values: unknown[][] } | null {
  if (assignments.length === 0) return null;
  const last = Math.max(...assignments.map((a) => a.row));
  const values: unknown[][] = [];
  for (let row = headerRow + 1; row <= last; row++) {
    values.push([rows[row - headerRow - 1]?.[idColumn - 1] ?? '']);
  }
  for (const a of assignments) values[a.row - headerRow - 1] = [a.id];
  return { startRow: headerRow + 1, values };
}
