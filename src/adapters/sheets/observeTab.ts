// Finds the plan's sheets (one metadata search for all) and reads what set-up needs of each.
import type { TabDef } from '../../domain/schema/columns';
import { TAB_KEY_METADATA } from '../../domain/schema/metadata';
import type { ObservedTab } from '../../domain/workbook/observed';
import { columnSweep } from './columnIdentity';
import { isAdoptable } from './planSheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface FoundSheet {
  sheet: Sheet;
  tagged: boolean;
  /** Other sheets that carry the same tab key (a duplicated tab): reported, left alone. */
  copies: string[];
}

/**
 * Each tab's sheet: the one tagged with its key (preferring the one still bearing the default
 * name when a duplicated tab carries the tag too), else the sheet with the default name.
 */
export function findPlanSheets(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: readonly TabDef[],
): Map<string, FoundSheet> {
  const tagged = new Map<string, Sheet[]>();
  for (const metadata of spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(TAB_KEY_METADATA)
    .find()) {
    const sheet = metadata.getLocation().getSheet();
    const key = metadata.getValue();
    if (!sheet || !key) continue;
    tagged.set(key, [...(tagged.get(key) ?? []), sheet]);
  }
  const found = new Map<string, FoundSheet>();
  const sheets = spreadsheet.getSheets();
  for (const tab of tabs) {
    const candidates = tagged.get(tab.key) ?? [];
    if (candidates.length > 0) {
      const names = candidates.map((s) => s.getName());
      const at = Math.max(0, names.indexOf(tab.name));
      found.set(tab.key, {
        sheet: candidates[at],
        tagged: true,
        copies: names.filter((_n, i) => i !== at),
      });
      continue;
    }
    const byName = sheets.find((s) => s.getName() === tab.name);
    // Someone's own tab of that name is left alone: set-up then makes the plan's under a free name.
    if (byName && isAdoptable(byName, tab))
      found.set(tab.key, { sheet: byName, tagged: false, copies: [] });
  }
  return found;
}

export interface SheetObservation {
  observed: ObservedTab;
  /** The data rows (below the header), as getValues gives them, as wide as the header row. */
  rows: unknown[][];
  /** How many column-key entries the sheet carries (the column memo's check). */
  columnEntries: number;
}

/** One values read, one metadata search, one notes read and the sheet's dimensions. */
export function observeSheet(found: FoundSheet): SheetObservation {
  const { sheet } = found;
  const maxColumns = sheet.getMaxColumns();
  const maxRows = sheet.getMaxRows();
  const values = sheet.getDataRange().getValues();
  const lastColumn = sheet.getLastColumn();
  const { keys: allKeys, count: columnEntries } = columnSweep(sheet, maxColumns);
  let width = lastColumn;
  allKeys.forEach((key, i) => {
    if (key) width = Math.max(width, i + 1);
  });
  const pad = (row: unknown[]) =>
    width <= row.length
      ? row.slice(0, Math.max(width, 0))
      : [...row, ...new Array(width - row.length).fill('')];
  const headers = width > 0 ? pad(values[0] ?? []) : [];
  const notes = width > 0 ? sheet.getRange(1, 1, 1, width).getNotes()[0] : [];
  return {
    observed: {
      sheetName: sheet.getName(),
      headers,
      metadataKeys: allKeys.slice(0, width),
      notes,
      lastColumn,
      maxRows,
      maxColumns,
      frozenRows: sheet.getFrozenRows(),
      tagged: found.tagged,
    },
    rows: values.slice(1).map(pad),
    columnEntries,
  };
}
