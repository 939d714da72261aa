// Writes a year's archive tab in a fixed number of calls, protects it warning-only, and reads it back.
import type { ArchiveGrid } from '../../domain/newYear/archive';
import { literalCell } from '../../domain/table/literal';
import type { SheetBuilders } from '../google';
import { ensureGridSize, resetGeneratedTab } from './generatedTab';
import { PROTECTION_PREFIX } from './protections';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * One reset, one value write, one format write, one weight write and the protection: the count
 * does not grow with the rows archived. Text stays literal ("=…" typed by a partner stays text).
 */
export function writeArchiveTab(
  builders: SheetBuilders,
  sheet: Sheet,
  grid: ArchiveGrid,
  description: string,
): void {
  resetGeneratedTab(sheet);
  const rows = grid.values.length;
  const columns = grid.values[0]?.length ?? 1;
  ensureGridSize(sheet, rows, columns);
  const all = sheet.getRange(1, 1, rows, columns);
  // Formats first: a value written into a plain-text cell stays as typed.
  all.setNumberFormats(grid.formats);
  all.setValues(grid.values.map((row) => row.map(literalCell)));
  const bold = new Set(grid.headings);
  all.setFontWeights(
    grid.values.map((row, i) => row.map(() => (bold.has(i + 1) ? 'bold' : 'normal'))),
  );
  protectWarningOnly(builders, sheet, description);
}

/**
 * The whole tab warning-only (see protections.ts for why never editor-restricted): someone typing
 * into last year's history is asked to confirm; the add-on's own writes are not prompted. An
 * existing sheet protection is reused, never doubled: whether `protect()` on a protected sheet
 * returns the same protection is not documented (I), so it is looked for first.
 */
export function protectWarningOnly(
  builders: SheetBuilders,
  sheet: Sheet,
  description: string,
): void {
  const wanted = `${PROTECTION_PREFIX}${description}`;
  const [existing, ...extra] = sheet.getProtections(builders.sheetProtection());
  for (const protection of extra) protection.remove();
  const protection = existing ?? sheet.protect();
  if (protection.getDescription() !== wanted) protection.setDescription(wanted);
  if (!protection.isWarningOnly()) protection.setWarningOnly(true);
}

/** The archive's values, in one read. */
export const readArchiveValues = (sheet: Sheet): unknown[][] => sheet.getDataRange().getValues();

/** Rewrites one archive row (an archived activity a partner changed since it was copied). */
export function rewriteArchiveRow(sheet: Sheet, row: number, values: readonly unknown[]): void {
  sheet.getRange(row, 1, 1, values.length).setValues([values.map(literalCell)]);
}

/** The number formats of a tab's cells by sheet row (one read), so the archive shows dates as they were. */
export function numberFormatsByRow(sheet: Sheet | null): (row: number) => readonly string[] {
  const all = sheet ? sheet.getDataRange().getNumberFormats() : [];
  return (row) => all[row - 1] ?? [];
}

/**
 * Writes single cells as plain text (a measure stays as shown: "45%"), each alone: the cells around
 * them keep their values, formulas and formats. Two calls a cell; a year measures a few outcomes.
 */
export function writeTextCells(
  sheet: Sheet,
  cells: readonly { row: number; column: number; value: string }[],
): void {
  for (const cell of cells)
    sheet.getRange(cell.row, cell.column).setNumberFormat('@').setValue(literalCell(cell.value));
}

/** Deletes sheet rows (any order), bottom run first so the rows above keep their numbers. */
export function deleteSheetRows(sheet: Sheet, rows: readonly number[]): void {
  const sorted = [...new Set(rows)].sort((a, b) => b - a);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] - 1) j++;
    sheet.deleteRows(sorted[j], j - i + 1);
    i = j + 1;
  }
}
