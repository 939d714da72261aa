// Which sheet is a plan tab: the tagged one, or a same-named one only when it is that table or empty.
import type { TabDef } from '../../domain/schema/columns';
import { freeSheetName, isAdoptableSheet } from '../../domain/table/adoption';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Whether this untagged sheet may be taken as the tab (see isAdoptableSheet): its header row is
 * read only here, the rare case of a same-named sheet without the tab's tag (two calls or four).
 */
export function isAdoptable(sheet: Sheet, tab: TabDef): boolean {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0 || sheet.getLastRow() === 0) return true;
  const headers = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  return isAdoptableSheet(tab, headers, false);
}

/** The untagged sheet bearing the tab's default name, when it may be adopted; else null. */
export function adoptableByName(spreadsheet: Spreadsheet, tab: TabDef): Sheet | null {
  const sheet = spreadsheet.getSheetByName(tab.name);
  return sheet && isAdoptable(sheet, tab) ? sheet : null;
}

/** A new last tab named `name`, or "Name (2)" when someone's own tab already has it. */
export function insertTabAtEnd(spreadsheet: Spreadsheet, name: string): Sheet {
  return spreadsheet.insertSheet(newSheetName(spreadsheet, name), spreadsheet.getNumSheets());
}

/** The name a new tab gets: its default, or "Name (2)" when someone's own tab already has it. */
export function newSheetName(spreadsheet: Spreadsheet, name: string): string {
  return freeSheetName(
    name,
    spreadsheet.getSheets().map((s) => s.getName()),
  );
}
