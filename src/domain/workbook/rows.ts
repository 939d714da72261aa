// Rows set-up writes: new rows laid out by column key, the first free row, and ID column rewrites.
import type { IdAssignment } from '../table/ids';
import { literalCell } from '../table/literal';
import { isBlankCell } from '../table/records';

/** A row of `width` cells with each key's value at its column; text is kept literal. */
export function rowFromCells(
  cells: Readonly<Record<string, unknown>>,
  columns: Readonly<Record<string, number>>,
  width: number,
): unknown[] {
  const row: unknown[] = new Array(width).fill('');
  for (const [key, value] of Object.entries(cells)) {
    const column = columns[key];
    if (column && column <= width) row[column - 1] = literalCell(value ?? '');
  }
  return row;
}

/**
 * The first row below every non-blank row (1-based), ignoring some columns (the profile block
 * beside the checklist is not a row of the table). Rows below the table are where new rows go,
 * so nothing a partner typed anywhere in the table is overwritten.
 */
export function nextFreeRow(
  rows: readonly (readonly unknown[])[],
  headerRow: number,
  ignoreColumns: ReadonlySet<number> = new Set(),
): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i].some((value, c) => !ignoreColumns.has(c + 1) && !isBlankCell(value)))
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
