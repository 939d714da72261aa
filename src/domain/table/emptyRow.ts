// The one rule for an empty row: every cell a partner types into is blank or an unticked box.
import type { TabDef } from '../schema/columns';
import type { ColumnLocation } from './locate';

/** A cell with nothing in it, as getValues gives ('' for an empty cell). */
export const isBlankCell = (value: unknown) =>
  value === '' || value === null || value === undefined;

/**
 * An unticked box: Sheets may hand back FALSE for a checkbox nobody ticked, or one ticked then
 * unticked (whether an untouched cell reads '' or FALSE is undocumented, docs/google-facts.md).
 */
const isUnticked = (value: unknown) =>
  value === false || (typeof value === 'string' && value.trim().toUpperCase() === 'FALSE');

/** Whether one cell, at a 0-based column index, holds nothing anyone typed. */
export type EmptyCell = (value: unknown, column: number) => boolean;

/** Blank only: for grids with no known checkbox columns. */
export const blankOnly: EmptyCell = (value) => isBlankCell(value);

/**
 * The tab's empty-cell rule at the columns' current positions: blank, or FALSE in one of its
 * checkbox (yes/no) columns. FALSE typed elsewhere is content.
 */
export function emptyCellRule(tab: TabDef, location: ColumnLocation): EmptyCell {
  const checkboxes = new Set(
    tab.columns
      .filter((c) => c.kind === 'boolean')
      .map((c) => location.index[c.key] ?? -1)
      .filter((i) => i >= 0),
  );
  return (value, column) => isBlankCell(value) || (checkboxes.has(column) && isUnticked(value));
}

/** 0-based indexes of the columns partners type into (the add-on's own ID, event and status excluded). */
export function partnerColumns(tab: TabDef, location: ColumnLocation): number[] {
  return tab.columns
    .filter((c) => c.owner !== 'addon')
    .map((c) => location.index[c.key] ?? -1)
    .filter((i) => i >= 0);
}

/**
 * A row holds nothing a partner typed: no record, no ID, no status, no problem report. `columns`
 * are the ones to look at (partnerColumns for records; every column for where new rows go).
 */
export function isEmptyRow(
  values: readonly unknown[],
  columns: readonly number[],
  empty: EmptyCell,
): boolean {
  return columns.every((c) => empty(values[c] ?? '', c));
}
