// Writes plan tabs straight into the emulated spreadsheet (schema headers, tab and column metadata), as set-up would.

import {
  exampleCategoryRows,
  exampleFindingRows,
  exampleGoalRows,
  examplePartnerRows,
} from '../../emulator/example/rows';
import { columnLetter } from '../../emulator/spreadsheet/a1';
import type { Workspace } from '../../emulator/workspace';
import type { TabDef } from '../../src/domain/schema/columns';
import { COLUMN_KEY_METADATA, TAB_KEY_METADATA } from '../../src/domain/schema/metadata';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  CATEGORIES_TAB,
  GOALS_TAB,
  PARTNERS_TAB,
} from '../../src/domain/schema/tabs';
import { type KeyedRow, tabValues } from './records';

/**
 * The tab with its schema headers, `swp.tab` on the sheet and `swp.column` on every column, then
 * one row per keyed row (null: a blank row). Writes through the emulator's counted API: reset the
 * counts afterwards when a test measures calls.
 */
export function writeTab(ws: Workspace, tab: TabDef, rows: readonly KeyedRow[]): void {
  const spreadsheet = ws.sheets.app.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(tab.name);
  const sheet = existing ?? spreadsheet.insertSheet(tab.name);
  if (!existing) {
    sheet.addDeveloperMetadata(TAB_KEY_METADATA, tab.key);
    tab.columns.forEach((column, i) => {
      const letter = columnLetter(i + 1);
      sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_KEY_METADATA, column.key);
    });
  } else sheet.clearContents();
  const values = tabValues(tab, rows);
  sheet.getRange(1, 1, values.length, tab.columns.length).setValues(values);
}

/** Appends rows after the tab's last row, the way a partner adds findings by hand. */
export function appendRows(ws: Workspace, tab: TabDef, rows: readonly KeyedRow[]): number {
  const sheet = ws.sheets.app.getActiveSpreadsheet().getSheetByName(tab.name);
  if (!sheet) throw new Error(`No ${tab.name} tab`);
  const values = tabValues(tab, rows).slice(1);
  const first = sheet.getLastRow() + 1;
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

/**
 * The example partnership's tabs (Partners, Goals, Categories, Assessments and an empty Calendar),
 * optionally with other Assessments rows. Stands in for set-up until the workbook set-up seeds them.
 */
export function writeExamplePlan(
  ws: Workspace,
  findings: readonly KeyedRow[] = exampleFindingRows(),
): void {
  writeTab(ws, PARTNERS_TAB, examplePartnerRows());
  writeTab(ws, GOALS_TAB, exampleGoalRows());
  writeTab(ws, CATEGORIES_TAB, exampleCategoryRows());
  writeTab(ws, ASSESSMENTS_TAB, findings);
  writeTab(ws, CALENDAR_TAB, []);
}
