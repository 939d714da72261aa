// Finds where rows read at the start of a long run are now, after partners sorted, inserted or deleted rows.
import { asText } from './cells';
import type { ColumnLocation } from './locate';

/** One side of the comparison: a tab's data rows as read, where they start, and its columns. */
export interface RowsSnapshot {
  rows: readonly (readonly unknown[])[];
  /** 1-based sheet row of `rows[0]`. */
  firstRow: number;
  location: ColumnLocation;
}

const cellText = (value: unknown) =>
  Object.prototype.toString.call(value) === '[object Date]'
    ? String((value as Date).getTime())
    : asText(value);

/** A row's partner-typed content by column key, so a moved column does not change it. */
export function rowSignature(
  row: readonly unknown[],
  location: ColumnLocation,
  keys: readonly string[],
): string {
  return keys
    .map((key) => {
      const at = location.index[key];
      return at >= 0 ? cellText(row[at]) : '';
    })
    .join('\u0001');
}

/**
 * The candidate nearest to the row's old position (a row rarely moves far), the upper one on a
 * tie. Candidates are in ascending order: a binary search, since a tab of many blank rows (or
 * rows of unticked boxes) gives hundreds of rows the same content, each looked up once.
 */
function nearest(candidates: readonly number[], oldRow: number): number {
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candidates[mid] < oldRow) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return candidates[0];
  if (lo === candidates.length) return candidates[lo - 1];
  const above = candidates[lo - 1];
  const below = candidates[lo];
  return below - oldRow < oldRow - above ? below : above;
}

/** Adds a sheet row to a key's list (in place: copying the list each time was quadratic). */
function addTo(lists: Map<string, number[]>, key: string, sheetRow: number): void {
  const list = lists.get(key);
  if (list) list.push(sheetRow);
  else lists.set(key, [sheetRow]);
}

/**
 * Maps each old sheet row to the sheet row where the same record is now, or null when it is gone
 * (deleted while the run went on) or cannot be told apart. A row is followed by its ID (its old
 * one, or the one `assignedIds` gave it in this run), else by its content in `contentKeys`; among
 * equal candidates the one nearest the old position wins (a copy sits below its original).
 */
export function followRows(
  before: RowsSnapshot,
  after: RowsSnapshot,
  idKey: string,
  contentKeys: readonly string[],
  assignedIds: ReadonlyMap<number, string>,
): Map<number, number | null> {
  const byId = new Map<string, number[]>();
  const byContent = new Map<string, number[]>();
  const idAt = after.location.index[idKey];
  after.rows.forEach((row, i) => {
    const sheetRow = after.firstRow + i;
    const id = idAt >= 0 ? asText(row[idAt]).toUpperCase() : '';
    if (id) addTo(byId, id, sheetRow);
    addTo(byContent, rowSignature(row, after.location, contentKeys), sheetRow);
  });
  const oldIdAt = before.location.index[idKey];
  const result = new Map<number, number | null>();
  before.rows.forEach((row, i) => {
    const oldRow = before.firstRow + i;
    const ids = [assignedIds.get(oldRow), oldIdAt >= 0 ? asText(row[oldIdAt]) : '']
      .filter((id): id is string => Boolean(id))
      .map((id) => id.toUpperCase());
    for (const id of ids) {
      const rows = byId.get(id);
      if (rows?.length) {
        result.set(oldRow, nearest(rows, oldRow));
        return;
      }
    }
    const rows = byContent.get(rowSignature(row, before.location, contentKeys));
    result.set(oldRow, rows?.length ? nearest(rows, oldRow) : null);
  });
  return result;
}
