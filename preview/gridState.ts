// What the preview grid draws beyond the text: dropdowns, checkboxes, hidden and frozen columns, notes, colours.

import type { Workbook } from '../emulator/spreadsheet/book';
import { shiftRelative } from '../emulator/spreadsheet/book';
import { FormulaError } from '../emulator/spreadsheet/formula';
import type {
  CfRuleSpec,
  ChartSpec,
  SheetState,
  ValidationSpec,
} from '../emulator/spreadsheet/model';
import {
  EMPTY_ROWS_BELOW,
  emptyDetails,
  type PreviewChart,
  type PreviewGridDetails,
  type PreviewRule,
} from './gridShape';

/** (V) a new sheet's columns are 100 pixels wide (Sheets API: DimensionProperties.pixelSize). */
const DEFAULT_COLUMN_WIDTH = 100;

const key = (r: number, c: number) => `${r}:${c}`;

/** The options a VALUE_IN_RANGE rule offers: the range's shown values, once each, in order. */
function rangeValues(book: Workbook, spec: ValidationSpec): string[] {
  const arg = spec.args[0];
  if (!arg || typeof arg !== 'object' || !('range' in arg) || arg.range.broken) return [];
  const source = book.sheetById(arg.range.sheetId);
  if (!source) return [];
  const { r1, c1, r2, c2 } = book.resolve(arg.range);
  const seen = new Set<string>();
  const lastRow = Math.min(r2, book.lastRow(source));
  for (let r = r1; r <= lastRow; r++)
    for (let c = c1; c <= c2; c++) {
      const text = book.display(source, r, c);
      if (text !== '') seen.add(text);
    }
  return [...seen];
}

function previewRule(book: Workbook, spec: ValidationSpec): PreviewRule {
  const strict = !spec.allowInvalid;
  const help = spec.helpText ?? '';
  if (spec.type === 'CHECKBOX') return { kind: 'checkbox' };
  // (V) a list rule shows its dropdown unless showDropdown (the second criteria value) is false.
  const dropdown = spec.args[1] !== false;
  if (spec.type === 'VALUE_IN_LIST' && dropdown) {
    const arg = spec.args[0];
    const values = arg && typeof arg === 'object' && 'list' in arg ? arg.list : [];
    return { kind: 'list', values, strict, help };
  }
  if (spec.type === 'VALUE_IN_RANGE' && dropdown)
    return { kind: 'list', values: rangeValues(book, spec), strict, help };
  return { kind: 'other', strict, help };
}

/** Whether a custom-formula rule holds at (r, c): its formula is written for the first range's top-left cell. */
function ruleHolds(book: Workbook, sheet: SheetState, rule: CfRuleSpec, r: number, c: number) {
  const formula = rule.condition?.values[0];
  const anchor = rule.ranges[0];
  if (rule.condition?.type !== 'CUSTOM_FORMULA' || typeof formula !== 'string' || !anchor)
    return false;
  const at = shiftRelative(formula, sheet.name, r - anchor.r1, c - anchor.c1);
  const { v } = book.evaluateOn(sheet, at);
  if (v instanceof FormulaError) return false;
  return v === true || (typeof v === 'number' && v !== 0);
}

/** A number as a chart reads a cell: numbers and numeric text, else a gap in the line. */
function chartNumber(text: string): number | null {
  const n = Number(text.replace(/[,%]/g, ''));
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}

/**
 * What a chart draws, read from its first range as Sheets reads it with `setNumHeaders(1)`: the
 * first row names the series, the first column holds the labels, each other column is a series.
 */
function previewChart(book: Workbook, spec: ChartSpec): PreviewChart | null {
  const ref = spec.ranges[0];
  const sheet = ref && !ref.broken ? book.sheetById(ref.sheetId) : undefined;
  if (!ref || !sheet) return null;
  const { r1, c1, r2, c2 } = book.resolve(ref);
  const headers = Number(spec.options.numHeaders ?? 0) > 0 ? 1 : 0;
  const colors = Array.isArray(spec.options.colors) ? (spec.options.colors as string[]) : [];
  const rows = Array.from({ length: r2 - r1 + 1 - headers }, (_, i) => r1 + headers + i);
  return {
    kind: spec.type === 'LINE' ? 'line' : spec.type === 'COLUMN' ? 'column' : 'other',
    title: String(spec.options.title ?? ''),
    row: spec.position.row,
    col: spec.position.column,
    offsetX: spec.position.offsetX,
    offsetY: spec.position.offsetY,
    categories: rows.map((r) => book.display(sheet, r, c1)),
    series: Array.from({ length: c2 - c1 }, (_, i) => ({
      name: headers ? book.display(sheet, r1, c1 + 1 + i) : `Series ${i + 1}`,
      values: rows.map((r) => chartNumber(book.display(sheet, r, c1 + 1 + i))),
      color: colors[i],
    })),
  };
}

export function gridDetails(book: Workbook, sheet: SheetState): PreviewGridDetails {
  const lastRow = Math.max(book.lastRow(sheet), 1);
  const lastCol = Math.max(book.lastColumn(sheet), 1);
  const shownRows = Math.min(lastRow + EMPTY_ROWS_BELOW, sheet.rows.length);
  const details: PreviewGridDetails = {
    ...emptyDetails(shownRows),
    frozenCols: sheet.frozenCols,
    colWidths: sheet.cols.slice(0, lastCol).map((col) => col.width ?? DEFAULT_COLUMN_WIDTH),
  };
  sheet.cols.forEach((col, i) => {
    if (col.hidden && i < lastCol) details.hiddenCols.push(i + 1);
  });
  const ruleIndex = new Map<string, number>();
  for (let r = 1; r <= shownRows; r++) {
    const row = sheet.rows[r - 1];
    if (row?.hidden) details.hiddenRows.push(r);
    if (row?.height) details.rowHeights[r] = row.height;
    for (let c = 1; c <= lastCol; c++) {
      const cell = row?.cells[c - 1];
      if (!cell) continue;
      const at = key(r, c);
      if (cell.note) details.notes[at] = cell.note;
      if (cell.f) details.formulas[at] = cell.f;
      if (cell.invalid) details.invalid.push(at);
      const st = cell.st;
      if (st?.background || st?.fontColor || st?.fontWeight === 'bold' || st?.wrap || st?.fontSize)
        details.styles[at] = {
          background: st.background,
          color: st.fontColor,
          bold: st.fontWeight === 'bold' || undefined,
          wrap: st.wrap || undefined,
          size: st.fontSize && st.fontSize !== 10 ? st.fontSize : undefined,
        };
      if (cell.dv) {
        const id = JSON.stringify(cell.dv);
        let index = ruleIndex.get(id);
        if (index === undefined) {
          index = details.rules.push(previewRule(book, cell.dv)) - 1;
          ruleIndex.set(id, index);
        }
        details.ruleAt[at] = index;
      }
    }
  }
  for (const ref of sheet.merges) {
    if (ref.broken) continue;
    const { r1, c1, r2, c2 } = book.resolve(ref);
    if (r1 <= shownRows)
      details.merges.push({ row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 });
  }
  for (const spec of sheet.charts) {
    const chart = previewChart(book, spec);
    if (chart) details.charts.push(chart);
  }
  // (V) conditional formats are checked in order and the first rule that holds styles the cell.
  const styled = new Set<string>();
  for (const rule of sheet.cfRules) {
    for (const ref of rule.ranges) {
      if (ref.broken) continue;
      const { r1, c1, r2, c2 } = book.resolve(ref);
      for (let r = r1; r <= Math.min(r2, shownRows); r++)
        for (let c = c1; c <= Math.min(c2, lastCol); c++) {
          const at = key(r, c);
          if (styled.has(at) || !ruleHolds(book, sheet, rule, r, c)) continue;
          styled.add(at);
          const f = rule.format;
          details.styles[at] = {
            ...details.styles[at],
            ...(f.background ? { background: f.background } : {}),
            ...(f.fontColor ? { color: f.fontColor } : {}),
            ...(f.bold ? { bold: true } : {}),
          };
        }
    }
  }
  return details;
}
