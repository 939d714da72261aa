// Applies each schema column's number format, dropdown/validation and wrapping to its whole data range.

import type { ColumnPlacement } from '../../domain/workbook/columns';
import {
  columnFormat,
  type ReferenceLists,
  type ValidationSpec,
} from '../../domain/workbook/formats';
import type { SheetBuilders } from '../google';
import { dataColumnRange } from './cells';

type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** Where a 'range' validation reads its values: another tab's column, rows 2..end. */
export type ColumnRangeResolver = (tabKey: string, columnKey: string) => Range | null;

/** Builds each distinct rule once per run: the same partner dropdown serves a dozen columns. */
export class ValidationFactory {
  private readonly built = new Map<string, DataValidation | null>();

  constructor(
    private readonly builders: SheetBuilders,
    private readonly resolveRange: ColumnRangeResolver,
  ) {}

  rule(spec: ValidationSpec): DataValidation | null {
    const key = JSON.stringify(spec);
    if (this.built.has(key)) return this.built.get(key) ?? null;
    const rule = this.build(spec);
    this.built.set(key, rule);
    return rule;
  }

  private build(spec: ValidationSpec): DataValidation | null {
    const builder = this.builders.newDataValidation();
    switch (spec.type) {
      case 'list':
        builder.requireValueInList([...spec.values], true);
        break;
      case 'range': {
        const range = this.resolveRange(spec.tab, spec.column);
        if (!range) return null;
        builder.requireValueInRange(range, true);
        break;
      }
      case 'checkbox':
        builder.requireCheckbox();
        break;
      case 'date':
        builder.requireDate();
        break;
      case 'number':
        builder.requireNumberGreaterThanOrEqualTo(0);
        break;
      case 'email':
        builder.requireTextIsEmail();
        break;
    }
    // Warn, never refuse (see formats.ts): a partner's typing is never thrown away.
    builder.setAllowInvalid(true);
    if ('help' in spec) builder.setHelpText(spec.help);
    return builder.build();
  }
}

/**
 * Per column, whole data range (rows 2 to the grid's end when the call runs: dataColumnRange): a few calls per column, none per row, so a
 * 1,000-row tab costs what a 10-row one does. Columns partners added are never touched.
 *
 * Checkboxes cover the whole column too: an empty cell under a checkbox rule may read as FALSE
 * (undocumented, docs/google-facts.md), and the one empty-row rule (domain/table/emptyRow.ts)
 * counts an unticked box as empty, so those rows get no ID and new rows still go onto them.
 */
/**
 * Applies `apply` to a column's data rows. A Range is fixed when made: a partner deleting rows
 * between getRange and the next call leaves it past the sheet's end ("The coordinates of the range
 * are outside the dimensions of the sheet"); the column is then formatted again on a fresh range.
 */
function onDataColumn(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  apply: (range: GoogleAppsScript.Spreadsheet.Range) => void,
): void {
  try {
    apply(dataColumnRange(sheet, column));
  } catch (error) {
    if (!/outside the dimensions of the sheet/i.test(String(error))) throw error;
    apply(dataColumnRange(sheet, column));
  }
}

export function applyColumnFormats(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  placements: readonly ColumnPlacement[],
  maxRows: number,
  lists: ReferenceLists,
  validations: ValidationFactory,
  /** The spreadsheet's locale: date columns show its short date. */
  locale: string,
): void {
  if (maxRows < 2) return;
  for (const p of placements) {
    const format = columnFormat(p.def, lists, locale);
    // Recurrence had a list rule once: it flagged phrases its note promised, so a repair lifts it.
    const isReference =
      p.def.kind === 'goalRef' || p.def.kind === 'outcomeRef' || p.def.key === 'recurrence';
    if (!format.numberFormat && !format.validation && !format.wrap && !isReference) continue;
    const apply = (range: GoogleAppsScript.Spreadsheet.Range) => {
      if (format.numberFormat) range.setNumberFormat(format.numberFormat);
      if (format.wrap) range.setWrap(true);
      if (format.validation) {
        const rule = validations.rule(format.validation);
        if (rule) range.setDataValidation(rule);
      } else if (isReference) {
        // No goals (or outcomes) left to pick from: a stale list would offer deleted ones; and the
        // Recurrence column's old list of suggestions goes.
        range.setDataValidation(null);
      }
    };
    onDataColumn(sheet, p.column, apply);
  }
}
