// Writes plan tabs straight into the emulated spreadsheet (schema headers, tab and column metadata), as set-up does.
import type { TabDef } from '../../src/domain/schema/columns';
import { COLUMN_KEY_METADATA, TAB_KEY_METADATA } from '../../src/domain/schema/metadata';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  CATEGORIES_TAB,
  GOALS_TAB,
  PARTNERS_TAB,
} from '../../src/domain/schema/tabs';
import { columnLetter } from '../spreadsheet/a1';
import type { Workspace } from '../workspace';
import {
  exampleCategoryRows,
  exampleFindingRows,
  exampleGoalRows,
  examplePartnerRows,
  type KeyedRow,
} from './rows';

/** The tab's header row in schema order and one sheet row per keyed row (null: a blank row). */
export function tabValues(tab: TabDef, rows: readonly KeyedRow[]): unknown[][] {
  return [
    tab.columns.map((c) => c.header),
    ...rows.map((row) => tab.columns.map((c) => (row ? (row[c.key] ?? '') : ''))),
  ];
}

/**
 * The tab with its schema headers, `swp.tab` on the sheet and `swp.column` on every column, then
 * the rows. Writes through the emulator's counted API (tests reset counts afterwards). Stands in
 * for the workbook set-up until it seeds the example itself.
 */
export function writePlanTab(ws: Workspace, tab: TabDef, rows: readonly KeyedRow[]): void {
  const spreadsheet = ws.sheets.app.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(tab.name);
  const sheet = existing ?? spreadsheet.insertSheet(tab.name);
  if (!existing) {
    sheet.addDeveloperMetadata(TAB_KEY_METADATA, tab.key);
    tab.columns.forEach((column, i) => {
      const letter = columnLetter(i + 1);
      sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_KEY_METADATA, column.key);
    });
    if (tab.tabColor) sheet.setTabColor(tab.tabColor);
    sheet.setFrozenRows(1);
  } else sheet.clearContents();
  const values = tabValues(tab, rows);
  sheet.getRange(1, 1, values.length, tab.columns.length).setValues(values);
}

/** Partners, Goals, Categories, Assessments (the given rows) and an empty Calendar. */
export function writeExamplePlan(
  ws: Workspace,
  findings: readonly KeyedRow[] = exampleFindingRows(),
): void {
  writePlanTab(ws, PARTNERS_TAB, examplePartnerRows());
  writePlanTab(ws, GOALS_TAB, exampleGoalRows());
  writePlanTab(ws, CATEGORIES_TAB, exampleCategoryRows());
  writePlanTab(ws, ASSESSMENTS_TAB, findings);
  writePlanTab(ws, CALENDAR_TAB, []);
}
