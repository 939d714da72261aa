// A tab's column identities in a handful of calls: the last sweep is remembered while the header row and entry count hold.
import { COLUMN_KEY_METADATA } from '../../domain/schema/metadata';
import {
  type ColumnMemo,
  headerDigest,
  memoKeys,
  parseColumnMemo,
} from '../../domain/table/columnMemo';
import type { CacheStore } from '../google';

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

const memoKey = (sheet: Sheet) => `sharedWorkPlan.columns.${sheet.getSheetId()}`;

/** Six hours, the longest Google keeps a cache entry (docs/google-facts.md, "Services with limits"). */
const MEMO_SECONDS = 21_600;

/**
 * The identity of each header column, as `columnKeys` gives it, but read through the memo of the
 * last sweep when the header row and the number of entries say nothing moved: one find, one cache
 * read. A changed tab is swept and the memo rewritten. The memo lives in the document cache, not in
 * the properties: it is derived data that may vanish at any time (a lost memo costs one sweep), and a
 * read-only action such as a refused save must leave the document's stored state untouched.
 */
export function headerColumnKeys(
  cache: CacheStore | null,
  sheet: Sheet,
  headers: readonly unknown[],
): (string | null)[] {
  const found = sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY_METADATA).find();
  // Outside a container document there is no document cache (V): sweep every time.
  if (!cache) return sweep(found, headers.length);
  const key = memoKey(sheet);
  const remembered = memoKeys(parseColumnMemo(cache.get(key)), headers, found.length);
  if (remembered) return remembered;
  const keys = sweep(found, headers.length);
  const memo: ColumnMemo = { count: found.length, headers: headerDigest(headers), keys };
  cache.put(key, JSON.stringify(memo), MEMO_SECONDS);
  return keys;
}
