// Writes a tab's add-on-owned cells in a few block writes, never touching a partner's column.

import { literalCell } from '../../domain/table/literal';
import type { ColumnLocation } from '../../domain/table/locate';
import type { RawTab } from '../../domain/table/records';
import { isDate } from '../../domain/values';

/** Per row (1-based sheet row), new values by column key; keys not given keep their cell. */
export type CellUpdates = Map<number, Record<string, unknown>>;

const same = (a: unknown, b: unknown) =>
  isDate(a) && isDate(b) ? a.getTime() === b.getTime() : String(a ?? '') === String(b ?? '');

/** Whether any update differs from the cells as read: when none does, nothing is read or written. */
export function changesAnything(
  raw: RawTab,
  location: ColumnLocation,
  keys: readonly string[],
  updates: CellUpdates,
): boolean {
  const firstRow = raw.headerRow + 1;
  for (const [row, cells] of updates) {
    const current = raw.rows[row - firstRow] ?? [];
    for (const key of keys) {
      const at = location.index[key];
      if (at < 0 || !(key in cells)) continue;
      if (!same(current[at] ?? '', cells[key] ?? '')) return true;
    }
  }
  return false;
}

/**
 * One setValues per run of adjacent add-on columns (usually two: the ID column and the sync
 * columns at the end), over the data rows, built from the values just read so unchanged cells
 * are written back as they were. Nothing is written when nothing changes. Text goes through
 * `literalCell`; `forceText` keys always get the leading apostrophe (an event ID such as "123e4"
 * must not turn into a number).
 */
export function writeAddonColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  raw: RawTab,
  location: ColumnLocation,
  keys: readonly string[],
  updates: CellUpdates,
  forceText: readonly string[] = [],
): number {
  const present = keys
    .map((key) => ({ key, at: location.index[key] }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at);
  const blocks: Array<typeof present> = [];
  for (const c of present) {
    const last = blocks[blocks.length - 1];
    if (last && last[last.length - 1].at === c.at - 1) last.push(c);
    else blocks.push([c]);
  }
  const firstRow = raw.headerRow + 1;
  let lastRow = firstRow + raw.rows.length - 1;
  for (const row of updates.keys()) lastRow = Math.max(lastRow, row);
  if (lastRow < firstRow) return 0;
  let writes = 0;
  for (const block of blocks) {
    let changed = false;
    const values: unknown[][] = [];
    for (let row = firstRow; row <= lastRow; row++) {
      const current = raw.rows[row - firstRow] ?? [];
      const update = updates.get(row);
      values.push(
        block.map(({ key, at }) => {
          const before = current[at] ?? '';
          const next = update && key in update ? (update[key] ?? '') : before;
          if (!same(before, next)) changed = true;
          // Unchanged text is written back the same way, so "00123" stays text.
          if (typeof next !== 'string' || next === '') return next;
          return forceText.includes(key) ? `'${next}` : literalCell(next);
        }),
      );
    }
    if (!changed) continue;
    sheet
      .getRange(firstRow, block[0].at + 1, lastRow - firstRow + 1, block.length)
      .setValues(values);
    writes += 1;
    // Keep the caller's copy current, so a later write of the same run compares with the sheet.
    for (let row = firstRow; row <= lastRow; row++) {
      const update = updates.get(row);
      if (!update) continue;
      const current = raw.rows[row - firstRow] ?? [];
      raw.rows[row - firstRow] = current;
      for (const { key, at } of block) if (key in update) current[at] = update[key] ?? '';
    }
  }
  return writes;
}
