// Finds or creates a tab the add-on generates, and rewrites it from a layout in a fixed number of calls.
import { TAB_KEY_METADATA } from '../../domain/schema/metadata';
import type { CellRange, GeneratedLayout } from '../../domain/table/grid';
import { literalCell } from '../../domain/table/literal';
import { columnLetter } from '../../domain/workbook/a1';
import { mergeRows } from './mergeRows';
import { newSheetName } from './planSheet';
import { findTaggedSheet } from './readTab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface GeneratedSheet {
  sheet: Sheet;
  /** The name of someone's own tab that bears the default name and was left alone, or null. */
  leftAlone: string | null;
  /** True when the tab was made (or an empty one adopted) just now: nothing is on it yet. */
  fresh?: boolean;
}

/**
 * The generated tab by its tab-key metadata (survives a rename), else a sheet of that name only
 * when it is empty (then tagged), else a new tab — under a free name ("Logic Model (2)") when
 * someone's own tab has the name: that is their work, never adopted nor cleared.
 */
export function findOrCreateGeneratedTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
  name: string,
  tabColor: string,
): GeneratedSheet {
  const tagged = findTaggedSheet(spreadsheet, key);
  if (tagged) return { sheet: tagged, leftAlone: null };
  const named = spreadsheet.getSheetByName(name);
  if (named && named.getLastRow() === 0 && named.getLastColumn() === 0) {
    named.addDeveloperMetadata(TAB_KEY_METADATA, key);
    return { sheet: named, leftAlone: null, fresh: true };
  }
  const sheet = spreadsheet.insertSheet(named ? newSheetName(spreadsheet, name) : name);
  sheet.addDeveloperMetadata(TAB_KEY_METADATA, key);
  sheet.setTabColor(tabColor);
  return { sheet, leftAlone: named ? named.getName() : null, fresh: true };
}

/** The generated tab (see findOrCreateGeneratedTab), for callers that need not say more. */
export function generatedTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
  name: string,
  tabColor: string,
): Sheet {
  return findOrCreateGeneratedTab(spreadsheet, key, name, tabColor).sheet;
}

const rangeOf = (sheet: Sheet, r: CellRange) => sheet.getRange(r.row, r.column, r.rows, r.columns);
const a1Of = (r: CellRange) =>
  `${columnLetter(r.column)}${r.row}:${columnLetter(r.column + r.columns - 1)}${r.row + r.rows - 1}`;

/**
 * (V) A range outside the grid throws, and a new tab has 1000 rows and 26 columns: grow the grid
 * before writing `rows` × `columns` from the top-left (at most two calls, none when it fits).
 */
export function ensureGridSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Empties a generated tab before it is rewritten; (I) clear() is not documented to unmerge. */
export function resetGeneratedTab(sheet: Sheet): void {
  sheet.getDataRange().breakApart();
  sheet.clear();
}

/** Runs of equal widths, so columns are sized with as few calls as possible. */
export function widthRuns(
  widths: readonly number[],
): Array<{ start: number; count: number; width: number }> {
  const runs: Array<{ start: number; count: number; width: number }> = [];
  widths.forEach((width, i) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width) last.count += 1;
    else runs.push({ start: i + 1, count: 1, width });
  });
  return runs;
}

/**
 * The layout's shape around its values: no wrap but where it says, the title's font and note, the
 * column widths it measured, the taller rows. Call counts follow the layout's columns and styles,
 * never its rows.
 */
export function shapeLayout(sheet: Sheet, layout: GeneratedLayout, all: Range): void {
  all.setWrap(false);
  // Every wrapping block in one call, however many columns wrap.
  if (layout.wrap.length === 1) rangeOf(sheet, layout.wrap[0]).setWrap(true);
  else if (layout.wrap.length > 1) sheet.getRangeList(layout.wrap.map(a1Of)).setWrap(true);
  const title = sheet.getRange(1, 1);
  title.setFontSize(14);
  title.setNote(layout.note);
  for (const run of widthRuns(layout.columnWidths))
    sheet.setColumnWidths(run.start, run.count, run.width);
  for (const { row, height } of layout.rowHeights) sheet.setRowHeight(row, height);
}

/**
 * One clear, the merges, one setValues (text kept literal), one call per format array, a handful
 * of wrap, width and height calls, and at most one insert to grow the grid: the count depends on
 * the layout's shape, never on how many rows it has.
 */
export function writeLayout(sheet: Sheet, layout: GeneratedLayout): void {
  resetGeneratedTab(sheet);
  const rows = layout.values.length;
  const columns = layout.values[0]?.length ?? 1;
  ensureGridSize(sheet, rows, columns);
  mergeRows(sheet, layout.merges, columns);
  const all = sheet.getRange(1, 1, rows, columns);
  all.setValues(layout.values.map((row) => row.map(literalCell)));
  all.setFontWeights(layout.fontWeights);
  all.setFontColors(layout.fontColors);
  all.setBackgrounds(layout.backgrounds);
  shapeLayout(sheet, layout, all);
}
