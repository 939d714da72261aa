// The one row builder: cells given by column key placed into a row laid out as the tab's columns are.

import { literalCell, typedTextCell } from './literal';
import type { ColumnLocation } from './locate';

/**
 * A full-width row for `setValues`: each keyed value at its column, '' elsewhere (partners' own
 * columns included), and user text kept literal so it never becomes a formula. The `asTyped`
 * keys' text is kept as the words typed, never read as a number or a date either.
 */
export function placeCells(
  cells: Record<string, unknown>,
  location: ColumnLocation,
  width: number,
  asTyped: readonly string[] = [],
): unknown[] {
  const row: unknown[] = new Array(width).fill('');
  for (const [key, value] of Object.entries(cells)) {
    const at = location.index[key];
    if (at === undefined || at < 0 || at >= width) continue;
    row[at] =
      asTyped.includes(key) && typeof value === 'string'
        ? typedTextCell(value)
        : literalCell(value ?? '');
  }
  return row;
}
