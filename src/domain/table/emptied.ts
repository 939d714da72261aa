// Rows a partner emptied of everything they typed, whose add-on cells (ID, event, status) linger.
import type { TabDef } from '../schema/columns';
import { asText } from './cells';
import { emptyCellRule, isEmptyRow, partnerColumns } from './emptyRow';
import type { ColumnLocation } from './locate';
import type { RawTab } from './records';

export interface EmptiedRow {
  /** 1-based sheet row. */
  row: number;
  /** The ID the row held ('' when none): retired, never handed out again. */
  id: string;
}

/**
 * A row empty in every partner column (blank or an unticked box) is empty, whatever the add-on left on it: its ID is retired
 * and its add-on cells are cleared, so a new row typed there later is a new row (a new ID, a new
 * event) instead of inheriting the old one's links and event.
 */
export function emptiedRows(tab: TabDef, location: ColumnLocation, raw: RawTab): EmptiedRow[] {
  const at = (key: string) => location.index[key] ?? -1;
  const partner = partnerColumns(tab, location);
  const addon = tab.columns
    .filter((c) => c.owner === 'addon')
    .map((c) => at(c.key))
    .filter((c) => c >= 0);
  const empty = emptyCellRule(tab, location);
  const emptied: EmptiedRow[] = [];
  raw.rows.forEach((values, i) => {
    if (!isEmptyRow(values, partner, empty) || isEmptyRow(values, addon, empty)) return;
    emptied.push({ row: raw.headerRow + 1 + i, id: at('id') >= 0 ? asText(values[at('id')]) : '' });
  });
  return emptied;
}
