// Merges many rows of a generated tab across its width in a fixed number of calls, however many rows.
import type { MergeRange } from '../../domain/table/grid';
import { columnLetter } from '../../domain/workbook/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Runs of consecutive row numbers (sorted, distinct) as [first, last] pairs. */
function runs(rows: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === row - 1) last[1] = row;
    else out.push([row, row]);
  }
  return out;
}

/**
 * Full-width merges (paragraph rows, one run per goal) become one mergeAcross over the span from
 * the first to the last, then one RangeList.breakApart of the rows between them: 3 calls instead
 * of one per goal. Other merges keep a call each (the layout has a fixed number of them). Runs on a
 * tab with no merges (a reset tab) and before its values are written, since merging clears every
 * cell but a row's first.
 */
export function mergeRows(sheet: Sheet, merges: readonly MergeRange[], width: number): void {
  const full = new Set<number>();
  const others: MergeRange[] = [];
  for (const m of merges) {
    if (m.column === 1 && m.numColumns === width)
      for (let r = m.row; r < m.row + m.numRows; r++) full.add(r);
    else others.push(m);
  }
  const rows = [...full].sort((a, b) => a - b);
  if (rows.length > 0) {
    const first = rows[0];
    const last = rows[rows.length - 1];
    sheet.getRange(first, 1, last - first + 1, width).mergeAcross();
    const between: number[] = [];
    for (let r = first; r <= last; r++) if (!full.has(r)) between.push(r);
    const right = columnLetter(width);
    if (between.length > 0)
      sheet.getRangeList(runs(between).map(([a, b]) => `A${a}:${right}${b}`)).breakApart();
  }
  for (const m of others) sheet.getRange(m.row, m.column, m.numRows, m.numColumns).mergeAcross();
}
