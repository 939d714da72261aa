// A tab's column identities in a handful of calls: the last sweep is remembered (in the cache, and in the document by actions that write it) while the header row and entry count hold.
import { COLUMN_KEY_METADATA } from '../../domain/schema/metadata';
import {
  type ColumnMemo,
  headerDigest,
  memoKeys,
  parseColumnMemo,
} from '../../domain/table/columnMemo';
import type { CacheStore, PropertyStore } from '../google';

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

/** Below the 9 KB a property value may hold, with room for the key. */
const KEPT_MEMO_LIMIT = 8_000;

/** A memo read more than three hours after it was written is written again (one cache call). */
const REFRESH_AFTER_MS = 3 * 3_600_000;

/**
 * Where an action keeps the column memo. The document cache forgets it after six hours at most, and
 * a sweep then costs ~4 calls per column of every tab read (a dashboard updated once a day: ~320
 * calls). So an action that writes the document anyway (the dashboard, set-up and repair) also
 * keeps each memo in the document properties, read when the cache has none. An action that may
 * end writing nothing (a refused save, a sidebar's read) passes the cache alone: it never changes
 * the document's stored state.
 */
export interface KeptColumnMemo {
  cache: CacheStore;
  properties: PropertyStore;
}

/** What the readers accept: the cache alone, the cache and the properties, or nothing (sweep). */
export type ColumnMemoPlace = CacheStore | KeptColumnMemo | null;

/** The cache and the properties, for an action that writes the document anyway (null cache: none). */
export function keptColumnMemo(
  cache: CacheStore | null,
  properties: PropertyStore,
): KeptColumnMemo | null {
  return cache ? { cache, properties } : null;
}

const placeOf = (place: ColumnMemoPlace) =>
  !place
    ? null
    : 'properties' in place
      ? place
      : { cache: place, properties: null as PropertyStore | null };

/**
 * The identity of each header column, as `columnKeys` gives it, but read through the memo of the
 * last sweep when the header row and the number of entries say nothing moved: one find, one cache
 * read (on a cache miss, one property read where the action keeps memos). A changed tab is swept
 * and the memo rewritten. The memo is derived data checked on every read, so losing it, or a stale
 * copy in the properties, only ever costs that sweep.
 */
export function headerColumnKeys(
  memoPlace: ColumnMemoPlace,
  sheet: Sheet,
  headers: readonly unknown[],
): (string | null)[] {
  const found = sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY_METADATA).find();
  const place = placeOf(memoPlace);
  // Outside a container document there is no document cache (V): sweep every time.
  if (!place) return sweep(found, headers.length);
  const key = memoKey(sheet);
  const cached = parseColumnMemo(place.cache.get(key));
  const remembered = memoKeys(cached, headers, found.length);
  if (remembered && cached) {
    // Kept alive by the syncs that use it: an hourly sync finds it, never the ~4 calls per column
    // of a sweep each time Google drops an entry six hours old. An action that keeps memos stores
    // one only the cache had (a read-only action's sweep) once.
    if (place.properties && !cached.kept)
      storeMemo(place, key, memoOf(headers, remembered, found.length));
    else if (Date.now() - (cached.at ?? 0) > REFRESH_AFTER_MS)
      putMemo(place.cache, key, {
        ...memoOf(headers, remembered, found.length),
        kept: cached.kept,
      });
    return remembered;
  }
  if (place.properties) {
    const text = place.properties.getProperty(key);
    const kept = memoKeys(parseColumnMemo(text), headers, found.length);
    if (kept) {
      putMemo(place.cache, key, { ...memoOf(headers, kept, found.length), kept: true });
      return kept;
    }
  }
  const keys = sweep(found, headers.length);
  storeMemo(place, key, memoOf(headers, keys, found.length));
  return keys;
}

function memoOf(
  headers: readonly unknown[],
  keys: readonly (string | null)[],
  count: number,
): ColumnMemo {
  return { count, headers: headerDigest(headers), keys: [...keys], at: Date.now() };
}

function putMemo(cache: CacheStore, key: string, memo: ColumnMemo): void {
  cache.put(key, JSON.stringify(memo), MEMO_SECONDS);
}

/** Into the cache, and into the properties where the action keeps memos and the memo fits. */
function storeMemo(
  place: { cache: CacheStore; properties: PropertyStore | null },
  key: string,
  memo: ColumnMemo,
): void {
  // The properties' copy carries no time: it is the layout, whatever the cache's age.
  const lasting = JSON.stringify({ count: memo.count, headers: memo.headers, keys: memo.keys });
  // A tab wider than a property holds (9 KB, docs/google-facts.md) keeps the cache's memo only.
  const kept = place.properties !== null && lasting.length < KEPT_MEMO_LIMIT;
  if (kept) place.properties?.setProperty(key, lasting);
  putMemo(place.cache, key, { ...memo, kept });
}

/**
 * Remembers a layout known without a new sweep: set-up's, right after it swept the tab and tagged
 * the columns itself, so the first sync after set-up reads the memo instead of sweeping (~4 calls
 * per column). Where the action keeps memos, the properties get it too. The memo is checked
 * against the header row and the entry count when read, so a layout that is not what the sheet
 * holds only costs that sweep.
 */
export function rememberColumnKeys(
  memoPlace: ColumnMemoPlace,
  sheet: Sheet,
  headers: readonly unknown[],
  keys: readonly (string | null)[],
  count: number,
): void {
  const place = placeOf(memoPlace);
  if (place) storeMemo(place, memoKey(sheet), memoOf(headers, keys, count));
}
