// The one way rows are added to a plan tab: below every non-blank row, growing the grid first, with the tab's checkboxes.
import type { TabDef } from '../../domain/schema/columns';
import { placeCells } from '../../domain/table/place';
import { nextFreeRow } from '../../domain/workbook/rows';
import type { SheetBuilders } from '../google';
import { ensureGridSize } from './generatedTab';
import type { ReadTab } from './readTab';
import { ValidationFactory } from './tabFormats';

/** The tab a row goes to, by its schema, and what builds its checkbox rule. */
export interface AppendTarget {
  tab: TabDef;
  builders: SheetBuilders;
  /** Columns whose text is kept as typed (answers from a form): see placeCells. */
  asTyped?: readonly string[];
}

/**
 * Writes `rows` (cells by column key) below everything on the tab, in one write, and returns the
 * first sheet row written. (V) A range beyond the grid throws, and partners delete the empty rows
 * at the bottom of a tab or fill it to the end: the grid grows first (one insert, none when it fits).
 *
 * The written rows get the checkbox rule of each yes/no column (one call per such column): a
 * partner may have removed the rules below the table, and whether rows the grid grows by take
 * their neighbour's rules is not documented, so FALSE written into a cell without one would
 * show as the word, not as an unticked box.
 */
export function appendRows(
  read: ReadTab,
  rows: readonly Record<string, unknown>[],
  target: AppendTarget,
): number {
  const first = nextFreeRow(read.raw.rows, read.raw.headerRow, new Set(), read.empty);
  if (rows.length === 0) return first;
  const width = Math.max(read.raw.headers.length, 1);
  ensureGridSize(read.sheet, first + rows.length - 1, width);
  putCheckboxes(read, first, rows.length, target);
  read.sheet
    .getRange(first, 1, rows.length, width)
    .setValues(rows.map((cells) => placeCells(cells, read.location, width, target.asTyped)));
  return first;
}

/** The same warn-only checkbox rule a repair sets on the column, on the rows about to be written. */
function putCheckboxes(read: ReadTab, first: number, count: number, target: AppendTarget): void {
  const columns = target.tab.columns
    .filter((c) => c.kind === 'boolean')
    .map((c) => read.location.index[c.key])
    .filter((at) => at !== undefined && at >= 0);
  if (columns.length === 0) return;
  // No range rule is ever asked for: the resolver is never called for a checkbox.
  const rule = new ValidationFactory(target.builders, () => null).rule({ type: 'checkbox' });
  for (const at of columns) read.sheet.getRange(first, at + 1, count, 1).setDataValidation(rule);
}

/** One row: see appendRows. */
export const appendRow = (
  read: ReadTab,
  cells: Record<string, unknown>,
  target: AppendTarget,
): number => appendRows(read, [cells], target);
