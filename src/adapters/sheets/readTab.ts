// Reads one plan tab in a constant number of calls: its values in one read, its column identities in one find.

import type { TabDef } from '../../domain/schema/columns';
import { TAB_KEY_METADATA } from '../../domain/schema/metadata';
import { type EmptyCell, emptyCellRule } from '../../domain/table/emptyRow';
import { type ColumnLocation, locateColumns } from '../../domain/table/locate';
import { type RawTab, readRecords, type TableRecord } from '../../domain/table/records';
import { hasFormulaErrors, typedTextRows } from '../../domain/table/typedFormulas';
import { type ColumnMemoPlace, headerColumnKeys } from './columnIdentity';
import { adoptableByName } from './planSheet';

export interface ReadTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  raw: RawTab;
  location: ColumnLocation;
  records: TableRecord[];
  /** The tab's empty-cell rule (blank, or an unticked box), for where new rows go. */
  empty: EmptyCell;
}

/** The sheet tagged with this tab key (survives a rename), or null. */
export function findTaggedSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  const tagged = spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(TAB_KEY_METADATA)
    .withValue(key)
    .find();
  for (const metadata of tagged) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

/**
 * The sheet of a plan tab: by its tab-key metadata (survives a rename), else by its default name
 * when that sheet is the table or empty (someone's own tab of that name is not the plan's).
 */
export function findPlanSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: TabDef,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  return findTaggedSheet(spreadsheet, tab.key) ?? adoptableByName(spreadsheet, tab);
}

export { columnKeys } from './columnIdentity';

/** Everything a feature needs from a tab, or null when the tab does not exist (set-up not run). */
export function readTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: TabDef,
  /** Where the column memo lives (null: sweep the metadata every time); see `KeptColumnMemo`. */
  cache: ColumnMemoPlace,
): ReadTab | null {
  const sheet = findPlanSheet(spreadsheet, tab);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const headerRow = 1;
  const headers = values[0] ?? [];
  const raw: RawTab = {
    sheetName: sheet.getName(),
    headerRow,
    headers,
    metadataKeys: headerColumnKeys(cache, sheet, headers),
    rows: values.slice(headerRow),
  };
  const location = locateColumns(tab, raw.headers, raw.metadataKeys, raw.rows);
  const empty = emptyCellRule(tab, location);
  // The records carry the words as typed; `raw` stays the sheet's values (the writers compare with it).
  const typed = hasFormulaErrors(tab, location, raw.rows)
    ? {
        ...raw,
        rows: typedTextRows(
          tab,
          location,
          raw.rows,
          sheet.getDataRange().getFormulas().slice(headerRow),
        ),
      }
    : raw;
  return { sheet, raw, location, records: readRecords(tab, location, typed), empty };
}
