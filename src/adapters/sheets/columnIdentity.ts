// A tab's column identities in a handful of calls: the last sweep is remembered while the header row and entry count hold.
import { COLUMN_KEY_METADATA } from '../../domain/schema/metadata';
import {
  type ColumnMemo,
  headerDigest,
  memoKeys,
  parseColumnMemo,
} from '../../domain/table/columnMemo';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** Each found entry costs four getters (location, column, its index, value): 150 calls for two tabs. */
function sweep(found: readonly Metadata[], width: number): (string | null)[] {
  const keys: (string | null)[] = new Array(width).fill(null);
  for (const metadata of found) {
    const column = metadata.getLocation().getColumn();
    if (!column) continue;
    const at = column.getColumn() - 1;
    if (at >= 0 && at < width && keys[at] === null) keys[at] = metadata.getValue();
  }
  return keys;
}

/** The column-key metadata of each column of the sheet (null where none), as one find and a sweep. */
export function columnKeys(sheet: Sheet, width: number): (string | null)[] {
  return sweep(sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY_METADATA).find(), width);
}

const memoProperty = (sheet: Sheet) => `sharedWorkPlan.columns.${sheet.getSheetId()}`;

/**
 * The identity of each header column, as `columnKeys` gives it, but read through the memo of the
 * last sweep (a document property) when the header row and the number of entries say nothing moved:
 * one find, one property read. A changed tab is swept and the memo rewritten.
 */
export function headerColumnKeys(sheet: Sheet, headers: readonly unknown[]): (string | null)[] {
  const found = sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY_METADATA).find();
  // Outside Apps Script (the example seeder in emulator/example reads tabs directly) there is no
  // property store: sweep every time.
  if (typeof PropertiesService === 'undefined') return sweep(found, headers.length);
  const properties = PropertiesService.getDocumentProperties();
  const name = memoProperty(sheet);
  const remembered = memoKeys(parseColumnMemo(properties.getProperty(name)), headers, found.length);
  if (remembered) return remembered;
  const keys = sweep(found, headers.length);
  const memo: ColumnMemo = { count: found.length, headers: headerDigest(headers), keys };
  const text = JSON.stringify(memo);
  // A tab wider than a property holds (9 KB) is simply swept each time.
  if (text.length < 8000) properties.setProperty(name, text);
  return keys;
}
