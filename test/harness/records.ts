// Builds a tab's raw values and records from rows keyed by column key, as readTab would give them.
import type { TabDef } from '../../src/domain/schema/columns';
import { locateColumns } from '../../src/domain/table/locate';
import { type RawTab, readRecords, type TableRecord } from '../../src/domain/table/records';

/** A row keyed by column key; `null` stands for a blank row (every cell empty). */
export type KeyedRow = Record<string, unknown> | null;

/** The tab's header row in schema order and one sheet row per keyed row. */
export function tabValues(tab: TabDef, rows: readonly KeyedRow[]): unknown[][] {
  return [
    tab.columns.map((c) => c.header),
    ...rows.map((row) => tab.columns.map((c) => (row ? (row[c.key] ?? '') : ''))),
  ];
}

export function tabRecords(
  tab: TabDef,
  rows: readonly KeyedRow[],
): { raw: RawTab; records: TableRecord[] } {
  const [headers, ...values] = tabValues(tab, rows);
  const raw: RawTab = {
    sheetName: tab.name,
    headerRow: 1,
    headers,
    metadataKeys: tab.columns.map((c) => c.key),
    rows: values,
  };
  const location = locateColumns(tab, raw.headers, raw.metadataKeys);
  return { raw, records: readRecords(tab, location, raw) };
}
