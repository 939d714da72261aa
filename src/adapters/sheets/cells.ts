// The plain cell reads and writes actions need, so that src/actions/ holds no Sheets calls.
import { columnLetter } from '../../domain/workbook/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Every value of the sheet's data range (one call). */
export function dataValues(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

/** Every value of the sheet's data range as Sheets shows it (one call). */
export function displayedValues(sheet: Sheet): string[][] {
  return sheet.getDataRange().getDisplayValues();
}

/** One row's cells as Sheets shows them, from column 1 to `width`. */
export function displayedRow(sheet: Sheet, row: number, width: number): string[] {
  return sheet.getRange(row, 1, 1, width).getDisplayValues()[0];
}

/** One cell (1-based row and column). */
export function writeCell(sheet: Sheet, row: number, column: number, value: unknown): void {
  sheet.getRange(row, column).setValue(value);
}

/** A rectangle of values whose top-left cell is (row, column); nothing for an empty block. */
export function writeBlock(
  sheet: Sheet,
  row: number,
  column: number,
  values: readonly (readonly unknown[])[],
): void {
  if (values.length === 0) return;
  sheet.getRange(row, column, values.length, values[0].length).setValues(values as unknown[][]);
}

/**
 * A column's data cells, row 2 to the last row of the grid when Google reads the range ('B2:B',
 * V: an A1 range without an end row runs to the sheet's last row). A size read earlier would be
 * stale once a partner deleted rows: "The coordinates of the range are outside the dimensions of
 * the sheet". Used for formats, rules and a dropdown's source.
 */
export function dataColumnRange(sheet: Sheet, column: number): Range {
  const letter = columnLetter(column);
  return sheet.getRange(`${letter}2:${letter}`);
}

/**
 * Shows a data row selected (or the tab when the row is not one of its data rows, 2..`lastRow`:
 * the caller's last typed row, by the empty-row rule); its name.
 */
export function showRow(sheet: Sheet, row: number | null | undefined, lastRow: number): string {
  if (row && Number.isInteger(row) && row >= 2 && row <= lastRow) {
    sheet.getRange(row, 1, 1, Math.max(sheet.getLastColumn(), 1)).activate();
  } else sheet.activate();
  return sheet.getName();
}
