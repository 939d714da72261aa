// Writes the Logic Model tab: one clear, one setValues and a fixed set of format and merge calls.

import { styleMatrices, type TabLayout, WIDTH } from '../../domain/logicModel/layout';
import type { TabDef } from '../../domain/schema/columns';
import { rowHeightFor } from '../../domain/table/textFit';
import { ensureGridSize, generatedTab, resetGeneratedTab, widthRuns } from './generatedTab';
import { mergeRows } from './mergeRows';

/**
 * The generated tab is found by its tab-key metadata (a renamed tab is still found) and rewritten
 * in place: nobody types in it, and the note on row 2 says so.
 */
export function writeGeneratedLayout(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: TabDef,
  layout: TabLayout,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = generatedTab(spreadsheet, tab.key, tab.name, tab.tabColor ?? '#5f6368');
  resetGeneratedTab(sheet);
  ensureGridSize(sheet, layout.values.length, WIDTH);
  mergeRows(sheet, layout.merges, WIDTH);
  const range = sheet.getRange(1, 1, layout.values.length, WIDTH);
  range.setValues(layout.values);
  const { fontWeights, backgrounds } = styleMatrices(layout);
  range.setFontWeights(fontWeights);
  range.setBackgrounds(backgrounds);
  range.setWrap(true);
  range.setVerticalAlignment('top');
  sheet.getRange(1, 1).setFontSize(14);
  // The title's larger font needs a taller row than the default (merged rows may not grow).
  sheet.setRowHeight(1, rowHeightFor(14));
  sheet.setFrozenRows(layout.frozenRows);
  for (const run of widthRuns(layout.columnWidths)) {
    sheet.setColumnWidths(run.start, run.count, run.width);
  }
  return sheet;
}
