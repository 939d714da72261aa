// Places cells given by column key into a row laid out as the tab's columns really are.

import { literalCell } from './literal';
import type { ColumnLocation } from './locate';

/**
 * A full-width row for `setValues`: each keyed value at its column, '' elsewhere (partners' own
 * columns included), and user text kept literal so it never becomes a formula.
 */
export function placeCells(
  cells: Record<string, unknown>,
  location: ColumnLocation,
  width: number,
): unknown[] {
  const row: unknown[] = new Array(width).fill('');
  for (const [key, value] of Object.entries(cells)) {
    const at = location.index[key];
    if (at !== undefined && at >= 0 && at < width) row[at] = literalCell(value);
  }
  return row;
}

/** The next free ID with this prefix: one more than the highest in use (F1, F2 … F10, F11). */
export function nextId(prefix: string, existing: readonly unknown[]): string {
  const pattern = new RegExp(`^\\s*${prefix}(\\d+)\\s*$`, 'i');
  let highest = 0;
  for (const value of existing) {
    const m = pattern.exec(String(value ?? ''));
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return `${prefix}${highest + 1}`;
}
