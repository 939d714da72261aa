// A tab's column identities in a handful of calls: the last sweep is remembered (and kept alive) while the header row and entry count hold.
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

/** The column-key metadata of each column (null where none) and the number of entries, as one find and a sweep. */
export function columnSweep(
  sheet: Sheet,
  width: number,
): { keys: (string | null)[]; count: number } {
  const found = sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY_METADATA).find();
  return { keys: sweep(found, width), count: found.length };
}

/** The column-key metadata of each column of the sheet (null where none), as one find and a sweep. */
export function columnKeys(sheet: Sheet, width: number): (string | null)[] {
  return columnSweep(sheet, width).keys;
}

const memoKey = (sheet: Sheet) => `sharedWorkPlan.columns.${sheet.getSheetId()}`;

/** Six hours, the longest Google keeps a cache entry (docs/google-facts.md, "Services with limits"). */
const MEMO_SECONDS = 21_600;

/** A memo read more than three hours after it was written is written again (one cache call). */
const REFRESH_AFTER_MS = 3 * 3_600_000;

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
  const memo = parseColumnMemo(cache.get(key));
  const remembered = memoKeys(memo, headers, found.length);
  if (remembered) {
    // Kept alive by the syncs that use it: an hourly sync finds it, never the ~4 calls per column
    // of a sweep each time Google drops an entry six hours old.
    if (Date.now() - (memo?.at ?? 0) > REFRESH_AFTER_MS)
      rememberColumnKeys(cache, sheet, headers, remembered, found.length);
    return remembered;
  }
  const keys = sweep(found, headers.length);
  rememberColumnKeys(cache, sheet, headers, keys, found.length);
  return keys;
}

/**
 * Remembers a layout known without a new sweep: set-up's, right after it swept the tab and tagged
 * the columns itself, so the first sync after set-up reads the memo instead of sweeping (~4 calls
 * per column). The memo is checked against the header row and the entry count when read, so a
 * layout that is not what the sheet holds only costs that sweep.
 */
export function rememberColumnKeys(
  cache: CacheStore | null,
  sheet: Sheet,
  headers: readonly unknown[],
  keys: readonly (string | null)[],
  count: number,
): void {
  if (!cache) return;
  const memo: ColumnMemo = {
    count,
    headers: headerDigest(headers),
    keys: [...keys],
    at: Date.now(),
  };
  cache.put(memoKey(sheet), JSON.stringify(memo), MEMO_SECONDS);
}
