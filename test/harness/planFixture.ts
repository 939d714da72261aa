// Writes plan tabs straight into the emulated spreadsheet (schema headers, tab and column metadata), as set-up would.

import type { KeyedRow } from '../../emulator/example/rows';
import { lastTypedRow } from '../../emulator/example/typeRows';
import type { Workspace } from '../../emulator/workspace';
import type { TabDef } from '../../src/domain/schema/columns';
import { tabValues, writeAssessmentPlan, writePlanTab } from './planTabs';

export { writeAssessmentPlan };

/** A plan tab as set-up writes it (see test/harness/planTabs.ts). */
export const writeTab = writePlanTab;

/** Appends rows after the tab's last row, the way a partner adds findings by hand. */
export function appendRows(ws: Workspace, tab: TabDef, rows: readonly KeyedRow[]): number {
  const sheet = ws.sheets.app.getActiveSpreadsheet().getSheetByName(tab.name);
  if (!sheet) throw new Error(`No ${tab.name} tab`);
  const values = tabValues(tab, rows).slice(1);
  const first = lastTypedRow(sheet) + 1;
  sheet.getRange(first, 1, values.length, tab.columns.length).setValues(values);
  return first;
}

/** The tab's values keyed by column key (uncounted), to assert what the add-on wrote. */
export function readKeyedRows(ws: Workspace, tab: TabDef): Array<Record<string, unknown>> {
  const [headers, ...rows] = ws.sheets.table(tab.name);
  return rows.map((row) =>
    Object.fromEntries(
      tab.columns.map((c) => [c.key, row[(headers as unknown[]).indexOf(c.header)] ?? '']),
    ),
  );
}
