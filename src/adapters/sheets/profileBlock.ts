// Writes the partnership profile block beside the checklist and finds it again on later runs.

import { columnLetter } from '../../domain/workbook/a1';
import {
  PROFILE_BLOCK_METADATA,
  PROFILE_BLOCK_VALUE,
  PROFILE_NOTE,
} from '../../domain/workbook/profile';
import type { ProtectionSpec } from './protections';
import { HEADER_BACKGROUND, wholeColumn } from './tabStructure';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The block's label column, or null when the block was never written on this sheet. */
export function findProfileColumn(sheet: Sheet): number | null {
  for (const m of sheet.createDeveloperMetadataFinder().withKey(PROFILE_BLOCK_METADATA).find()) {
    const column = m.getLocation().getColumn();
    if (column && m.getValue() === PROFILE_BLOCK_VALUE) return column.getColumn();
  }
  return null;
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
