// Writes the partnership profile block beside the checklist and finds it again on later runs.

import { tabByKey } from '../../domain/schema/tabs';
import { literalCell } from '../../domain/table/literal';
import { columnLetter } from '../../domain/workbook/a1';
import {
  PROFILE_BLOCK_METADATA,
  PROFILE_BLOCK_VALUE,
  PROFILE_CALENDAR_ROW,
  PROFILE_NOTE,
  profileCalendarText,
} from '../../domain/workbook/profile';
import type { PlanSettings } from '../../shared/settings';
import type { ProtectionSpec } from './protections';
import { findPlanSheet } from './readTab';
import { HEADER_BACKGROUND, wholeColumn } from './tabStructure';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The block's label column, or null when the block was never written on this sheet. */
export function findProfileColumn(sheet: Sheet): number | null {
  for (const m of sheet.createDeveloperMetadataFinder().withKey(PROFILE_BLOCK_METADATA).find()) {
    const column = m.getLocation().getColumn();
    if (column && m.getValue() === PROFILE_BLOCK_VALUE) return column.getColumn();
  }
  return null;
}

/**
 * The calendar line alone, when a sync or Calendar sync made or chose the calendar after set-up
 * wrote the block (a plan without the block, or without the tab, is left as it is).
 */
export function rewriteProfileCalendar(spreadsheet: Spreadsheet, settings: PlanSettings): void {
  // One tagged-sheet lookup, not a sweep of every tab's tag: this runs in the first sync.
  const sheet = findPlanSheet(spreadsheet, tabByKey('partnership'));
  const column = sheet ? findProfileColumn(sheet) : null;
  if (!sheet || column === null) return;
  sheet
    .getRange(PROFILE_CALENDAR_ROW, column + 1)
    .setValue(literalCell(profileCalendarText(settings)));
}

/** One write for the whole block; the label column is tagged the first time. */
export function writeProfileBlock(
  sheet: Sheet,
  column: number,
  rows: unknown[][],
  tagged: boolean,
): ProtectionSpec {
  if (column + 1 > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), column + 1 - sheet.getMaxColumns());
  if (!tagged) {
    wholeColumn(sheet, column).addDeveloperMetadata(PROFILE_BLOCK_METADATA, PROFILE_BLOCK_VALUE);
    sheet.setColumnWidth(column, 190);
    sheet.setColumnWidth(column + 1, 320);
  }
  const block = sheet.getRange(1, column, rows.length, 2);
  block.setValues(rows);
  block.setWrap(true);
  sheet.getRange(1, column, rows.length, 1).setFontWeight('bold');
  sheet.getRange(1, column, 1, 2).setBackground(HEADER_BACKGROUND);
  sheet.getRange(1, column).setNote(PROFILE_NOTE);
  return {
    description: 'partnership profile',
    a1: `${columnLetter(column)}1:${columnLetter(column + 1)}${rows.length}`,
  };
}
