// Turns a tab's raw rows into records keyed by column key, remembering each record's sheet row.
import type { TabDef, TypedCells } from '../schema/columns';
import { emptyCellRule, isEmptyRow, partnerColumns } from './emptyRow';
import type { ColumnLocation } from './locate';

export interface TableRecord {
  /** 1-based sheet row, so every message can name the row to fix. */
  row: number;
  /** Raw cell values by column key ('' for an empty or missing column, as getValues gives). */
  cells: Record<string, unknown>;
}

/** What an adapter reads from a tab: the header row, the data rows and the column metadata. */
export interface RawTab {
  sheetName: string;
  /** 1-based row of the header; data starts on the next row. */
  headerRow: number;
  headers: unknown[];
  metadataKeys: (string | null)[];
  rows: unknown[][];
}

export { isBlankCell } from './emptyRow';

/**
 * A record's cells by its tab's own column keys, so `cells.strtDate` is a compile error. Sound
 * because readRecords gives every column of the tab a value ('' when the column is missing).
 */
export function typedCells<T extends TabDef>(_tab: T, record: TableRecord): TypedCells<T> {
  return record.cells as TypedCells<T>;
}

/** Records read as `tab`'s, each with its cells typed by the tab's column keys (see typedCells). */
export function typedRecords<T extends TabDef>(
  tab: T,
  records: readonly TableRecord[],
): { row: number; cells: TypedCells<T> }[] {
  return records.map((record) => ({ row: record.row, cells: typedCells(tab, record) }));
}

/** Records for the rows partners typed into (see emptyRow.ts: blanks and unticked boxes are empty). */
export function readRecords(tab: TabDef, location: ColumnLocation, raw: RawTab): TableRecord[] {
  const records: TableRecord[] = [];
  const typed = partnerColumns(tab, location);
  const empty = emptyCellRule(tab, location);
  raw.rows.forEach((values, i) => {
    if (isEmptyRow(values, typed, empty)) return;
    const cells: Record<string, unknown> = {};
    for (const column of tab.columns) {
      const at = location.index[column.key];
      cells[column.key] = at >= 0 ? (values[at] ?? '') : '';
    }
    records.push({ row: raw.headerRow + 1 + i, cells });
  });
  return records;
}
