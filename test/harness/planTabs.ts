// Plan tabs written straight into the emulated spreadsheet as set-up lays them out (schema headers,
// tab and column metadata), for tests that start without running set-up.

import {
  EXAMPLE_ACTIVITIES,
  EXAMPLE_FINDINGS,
  EXAMPLE_GOALS,
  EXAMPLE_OUTCOMES,
  EXAMPLE_PARTNERS,
  type ExampleRow,
} from '../../emulator/example/logicModel';
import {
  exampleFindingRows,
  exampleGoalRows,
  examplePartnerRows,
  type KeyedRow,
  type KeyedRows,
} from '../../emulator/example/rows';
import type { Workspace } from '../../emulator/workspace';
import { readTab } from '../../src/adapters/sheets/readTab';
import { DEFAULT_CATEGORIES } from '../../src/domain/schema/categories';
import type { TabDef } from '../../src/domain/schema/columns';
import { COLUMN_KEY_METADATA, TAB_KEY_METADATA } from '../../src/domain/schema/metadata';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  CATEGORIES_TAB,
  GOALS_TAB,
  OUTCOMES_TAB,
  PARTNERS_TAB,
} from '../../src/domain/schema/tabs';
import { placeCells } from '../../src/domain/table/place';

/** The example's rows, tab by tab. */
export const EXAMPLE_PLAN_ROWS: ReadonlyArray<[TabDef, ExampleRow[]]> = [
  [PARTNERS_TAB, EXAMPLE_PARTNERS],
  [GOALS_TAB, EXAMPLE_GOALS],
  [OUTCOMES_TAB, EXAMPLE_OUTCOMES],
  [ASSESSMENTS_TAB, EXAMPLE_FINDINGS],
  [CALENDAR_TAB, EXAMPLE_ACTIVITIES],
];

/** The fake typed as Google's: the add-on's own reader then works on it unchanged. */
const spreadsheetOf = (ws: Workspace) =>
  ws.sheets.app.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A plan tab as set-up makes it: the schema's headers, the tab key on the sheet and each column's
 * key on its column. Left as it is when the tab already exists (set-up ran first).
 */
export function ensurePlanTab(ws: Workspace, tab: TabDef): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = spreadsheetOf(ws);
  const existing = ss.getSheetByName(tab.name);
  if (existing) return existing;
  const sheet = ss.insertSheet(tab.name);
  sheet.addDeveloperMetadata(TAB_KEY_METADATA, tab.key);
  sheet.getRange(1, 1, 1, tab.columns.length).setValues([tab.columns.map((c) => c.header)]);
  tab.columns.forEach((c, i) => {
    const letter = String.fromCharCode(65 + (i % 26));
    const name = i < 26 ? letter : `A${letter}`;
    sheet.getRange(`${name}:${name}`).addDeveloperMetadata(COLUMN_KEY_METADATA, c.key);
  });
  return sheet;
}

/**
 * Appends `rows` under the tab's headers as a partner would type them (Sheets parses dates and
 * percentages), skipping rows whose ID is already there, so seeding twice changes nothing.
 */
export function appendExampleRows(ws: Workspace, tab: TabDef, rows: readonly ExampleRow[]): void {
  const sheet = ensurePlanTab(ws, tab);
  const read = readTab(spreadsheetOf(ws), tab, null);
  if (!read) throw new Error(`No ${tab.name} tab after creating it`);
  const present = new Set(read.records.map((r) => String(r.cells.id)));
  const fresh = rows.filter((r) => !r.id || !present.has(r.id));
  if (fresh.length === 0) return;
  const width = read.raw.headers.length;
  const block = fresh.map((row) => placeCells(row, read.location, width));
  const after = read.raw.headerRow + read.raw.rows.length;
  sheet.getRange(after + 1, 1, block.length, width).setValues(block);
}

/** The example partnership's plan rows on tabs laid out as set-up would (set-up not run). */
export function writeExamplePlan(ws: Workspace): void {
  for (const [tab, rows] of EXAMPLE_PLAN_ROWS) appendExampleRows(ws, tab, rows);
}

/** The default categories as rows of the Categories tab. */
export const exampleCategoryRows = (): KeyedRows =>
  DEFAULT_CATEGORIES.map((c) => ({ category: c.name, kind: c.kind, description: c.description }));

/** The tab's header row in schema order and one sheet row per keyed row (null: a blank row). */
export function tabValues(tab: TabDef, rows: readonly KeyedRow[]): unknown[][] {
  return [
    tab.columns.map((c) => c.header),
    ...rows.map((row) => tab.columns.map((c) => (row ? (row[c.key] ?? '') : ''))),
  ];
}

/**
 * The tab as set-up lays it out (`ensurePlanTab` above), holding exactly
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
