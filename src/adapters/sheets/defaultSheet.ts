// The empty "Sheet1" every new spreadsheet starts with: set-up removes it when nobody has used it.

/** Sheets' name for a new spreadsheet's first tab, and for the spreadsheet itself (English UI). */
export const DEFAULT_SHEET_NAME = 'Sheet1';
export const DEFAULT_SPREADSHEET_NAME = 'Untitled spreadsheet';

/** True for a spreadsheet name Sheets gave, not one a person chose. */
export function isDefaultSpreadsheetName(name: string): boolean {
  return name.trim().toLowerCase() === DEFAULT_SPREADSHEET_NAME.toLowerCase();
}

/**
 * Deletes the default Sheet1 when it holds nothing (no value in any cell) and other tabs exist;
 * a Sheet1 someone typed in is left where it is, untouched. Returns whether it was deleted.
 */
export function removeEmptyDefaultSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  planSheetIds: ReadonlySet<number>,
): boolean {
  const sheet = spreadsheet.getSheetByName(DEFAULT_SHEET_NAME);
  if (!sheet || planSheetIds.has(sheet.getSheetId())) return false;
  if (sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) return false;
  if (spreadsheet.getNumSheets() < 2) return false;
  spreadsheet.deleteSheet(sheet);
  return true;
}
