// The one way rows are added to a plan tab: below every non-blank row, growing the grid first.
import { placeCells } from '../../domain/table/place';
import { nextFreeRow } from '../../domain/workbook/rows';
import { ensureGridSize } from './generatedTab';
import type { ReadTab } from './readTab';

/**
 * Writes `rows` (cells by column key) below everything on the tab, in one write, and returns the
 * first sheet row written. (V) A range beyond the grid throws, and partners delete the empty rows
 * at the bottom of a tab or fill it to the end: the grid grows first (one insert, none when it fits).
 */
export function appendRows(read: ReadTab, rows: readonly Record<string, unknown>[]): number {
  const first = nextFreeRow(read.raw.rows, read.raw.headerRow, new Set(), read.empty);
  if (rows.length === 0) return first;
  const width = Math.max(read.raw.headers.length, 1);
  ensureGridSize(read.sheet, first + rows.length - 1, width);
  read.sheet
    .getRange(first, 1, rows.length, width)
    .setValues(rows.map((cells) => placeCells(cells, read.location, width)));
  return first;
}

/** One row: see appendRows. */
export const appendRow = (read: ReadTab, cells: Record<string, unknown>): number =>
  appendRows(read, [cells]);
