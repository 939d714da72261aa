// Writes plan tabs straight into the emulated spreadsheet (schema headers, tab and column metadata), as set-up does.
import type { TabDef } from '../../src/domain/schema/columns';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  CATEGORIES_TAB,
  GOALS_TAB,
  PARTNERS_TAB,
} from '../../src/domain/schema/tabs';
import type { Workspace } from '../workspace';
import { ensurePlanTab } from './logicModel';
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
 * The tab as set-up lays it out (emulator/example/logicModel.ts `ensurePlanTab`), holding exactly
 * these rows. Writes through the emulator's counted API: tests reset counts afterwards.
 */
export function writePlanTab(ws: Workspace, tab: TabDef, rows: readonly KeyedRow[]): void {
  const sheet = ensurePlanTab(ws, tab);
  sheet.getDataRange().clearContent();
  const values = tabValues(tab, rows);
  sheet.getRange(1, 1, values.length, tab.columns.length).setValues(values);
}

/** Partners, Goals, Categories, Assessments (the given rows) and an empty Calendar. */
export function writeAssessmentPlan(
  ws: Workspace,
  findings: readonly KeyedRow[] = exampleFindingRows(),
): void {
  writePlanTab(ws, PARTNERS_TAB, examplePartnerRows());
  writePlanTab(ws, GOALS_TAB, exampleGoalRows());
  writePlanTab(ws, CATEGORIES_TAB, exampleCategoryRows());
  writePlanTab(ws, ASSESSMENTS_TAB, findings);
  writePlanTab(ws, CALENDAR_TAB, []);
}
