// Builds a tab's raw values and records from rows keyed by column key, as readTab would give them.

import type { KeyedRow } from '../../emulator/example/rows';
import type { TabDef } from '../../src/domain/schema/columns';
import { locateColumns } from '../../src/domain/table/locate';
import { type RawTab, readRecords, type TableRecord } from '../../src/domain/table/records';
import { tabValues } from './planTabs';

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

export type { KeyedRow };
