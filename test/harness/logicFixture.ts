// The example partnership's plan tabs and rows on a fresh workspace with the built add-on (until set-up lands).

import { EXAMPLE_PARTNERSHIP } from '../../emulator/example/partnership';
import { writeExamplePlan } from './planTabs';
import { loadAddon } from './workspace';

/** A workspace whose spreadsheet holds the example plan; call counts start at zero. */
export function loadExamplePlan() {
  const loaded = loadAddon({
    spreadsheetName: EXAMPLE_PARTNERSHIP.name,
    spreadsheetTimeZone: EXAMPLE_PARTNERSHIP.timeZone,
  });
  writeExamplePlan(loaded.ws);
  loaded.ws.runtime.resetCounts();
  return loaded;
}

/** 1-based column of a header in the header row of a tab (tests locate columns as users see them). */
export function columnOf(table: unknown[][], header: string): number {
  const at = table[0].indexOf(header);
  if (at < 0) throw new Error(`No column ${header}`);
  return at + 1;
}

/** 1-based row whose first cell (the ID column) is `id`. */
export function rowOf(table: unknown[][], id: string, idColumn = 1): number {
  const at = table.findIndex((r) => r[idColumn - 1] === id);
  if (at < 0) throw new Error(`No row with ID ${id}`);
  return at + 1;
}
