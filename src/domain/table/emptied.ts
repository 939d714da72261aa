// Rows a partner emptied of everything they typed, whose add-on cells (ID, event, status) linger.
import type { TabDef } from '../schema/columns';
import { asText } from './cells';
import type { ColumnLocation } from './locate';
import { isBlankCell, type RawTab } from './records';

export interface EmptiedRow {
  /** 1-based sheet row. */
  row: number;
  /** The ID the row held ('' when none): retired, never handed out again. */
  id: string;
}

/**
 * A row blank in every partner column is empty, whatever the add-on left on it: its ID is retired
 * and its add-on cells are cleared, so a new row typed there later is a new row (a new ID, a new
 * event) instead of inheriting the old one's links and event.
 */
export function emptiedRows(tab: TabDef, location: ColumnLocation, raw: RawTab): EmptiedRow[] {
  const at = (key: string) => location.index[key] ?? -1;
  const partner = tab.columns.filter((c) => c.owner !== 'addon').map((c) => at(c.key));
  const addon = tab.columns.filter((c) => c.owner === 'addon').map((c) => at(c.key));
  const emptied: EmptiedRow[] = [];
  raw.rows.forEach((values, i) => {
    const blank = (c: number) => c < 0 || isBlankCell(values[c]);
    if (!partner.every(blank) || addon.every(blank)) return;
    emptied.push({ row: raw.headerRow + 1 + i, id: at('id') >= 0 ? asText(values[at('id')]) : '' });
  });
  return emptied;
}
