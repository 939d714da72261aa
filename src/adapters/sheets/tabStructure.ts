// Applies a column plan to a sheet: new header cells, column tags, header notes, widths, frozen row.
import type { TabDef } from '../../domain/schema/columns';
import { COLUMN_KEY_METADATA, TAB_KEY_METADATA } from '../../domain/schema/metadata';
import { columnLetter } from '../../domain/workbook/a1';
import type { ColumnPlan } from '../../domain/workbook/columns';
import type { ObservedTab } from '../../domain/workbook/observed';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const HEADER_BACKGROUND = '#e8eaed';

/** (V) Developer metadata can sit on a whole column only ('C:C'), not on arbitrary ranges. */
export function wholeColumn(sheet: Sheet, column: number): GoogleAppsScript.Spreadsheet.Range {
  const letter = columnLetter(column);
  return sheet.getRange(`${letter}:${letter}`);
}

/**
 * A constant number of calls per column touched, none per row: one write for the new headers,
 * one for all header notes (only when they changed), one tag per untagged column.
 */
export function applyColumnPlan(
  sheet: Sheet,
  tab: TabDef,
  plan: ColumnPlan,
  observed: ObservedTab | null,
): void {
  const created = observed === null;
  if (created) sheet.addDeveloperMetadata(TAB_KEY_METADATA, tab.key);
  else if (!observed.tagged) sheet.addDeveloperMetadata(TAB_KEY_METADATA, tab.key);

  const maxColumns = observed?.maxColumns ?? sheet.getMaxColumns();
  if (plan.width > maxColumns) sheet.insertColumnsAfter(maxColumns, plan.width - maxColumns);

  if (plan.append.length > 0) {
    sheet
      .getRange(1, plan.append[0].column, 1, plan.append.length)
      .setValues([plan.append.map((p) => p.def.header)])
      .setFontWeight('bold')
      .setBackground(HEADER_BACKGROUND);
    for (const p of plan.append) {
      if (p.def.width) sheet.setColumnWidth(p.column, p.def.width);
      if (p.def.hidden) sheet.hideColumns(p.column);
    }
  }
  for (const p of plan.headerRestores) sheet.getRange(1, p.column).setValue(p.def.header);
  // A tag the data has left would name an empty column again once a partner typed in it.
  for (const column of plan.untag)
    for (const metadata of wholeColumn(sheet, column).getDeveloperMetadata())
      if (metadata.getKey() === COLUMN_KEY_METADATA) metadata.remove();
  for (const p of plan.tag)
    wholeColumn(sheet, p.column).addDeveloperMetadata(COLUMN_KEY_METADATA, p.key);

  const notesChanged =
    !observed || plan.notes.some((note, i) => note !== String(observed.notes[i] ?? ''));
  if (notesChanged && plan.width > 0) sheet.getRange(1, 1, 1, plan.width).setNotes([plan.notes]);

  if ((observed?.frozenRows ?? 0) < 1) sheet.setFrozenRows(1);
  if (created && tab.tabColor) sheet.setTabColor(tab.tabColor);
}
