// The SpreadsheetApp emulator's state: plain data (JSON-safe) that every fake class reads and writes.
import type { Scalar } from './values';

export type CriteriaType =
  | 'DATE_AFTER'
  | 'DATE_BEFORE'
  | 'DATE_BETWEEN'
  | 'DATE_EQUAL_TO'
  | 'DATE_IS_VALID_DATE'
  | 'DATE_NOT_BETWEEN'
  | 'DATE_ON_OR_AFTER'
  | 'DATE_ON_OR_BEFORE'
  | 'NUMBER_BETWEEN'
  | 'NUMBER_EQUAL_TO'
  | 'NUMBER_GREATER_THAN'
  | 'NUMBER_GREATER_THAN_OR_EQUAL_TO'
  | 'NUMBER_LESS_THAN'
  | 'NUMBER_LESS_THAN_OR_EQUAL_TO'
  | 'NUMBER_NOT_BETWEEN'
  | 'NUMBER_NOT_EQUAL_TO'
  | 'TEXT_CONTAINS'
  | 'TEXT_DOES_NOT_CONTAIN'
  | 'TEXT_EQUAL_TO'
  | 'TEXT_IS_VALID_EMAIL'
  | 'TEXT_IS_VALID_URL'
  | 'VALUE_IN_LIST'
  | 'VALUE_IN_RANGE'
  | 'CUSTOM_FORMULA'
  | 'CHECKBOX';

/**
 * A rectangle on a sheet, 1-based and inclusive. Mutable on purpose: structural edits (insert or
 * delete rows/columns) shift every stored GridRef in place, the way Sheets keeps protections,
 * conditional formats, chart ranges and validation sources attached to their cells (V: Sheets
 * API GridRange docs describe ranges that follow edits; the exact rules are (I)).
 * `openRows` / `openCols` mean "to the end of the sheet" (A:C, 2:5 notation).
 */
export interface GridRef {
  sheetId: number;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  openRows?: boolean;
  openCols?: boolean;
  /** Set when every row (or column) of the ref was deleted: the ref is #REF! now. */
  broken?: boolean;
}

/** A criteria argument, JSON-safe: dates as instants, ranges as GridRefs. */
export type CriteriaArg =
  | Scalar
  | null
  | { date: number }
  | { range: GridRef }
  | { list: string[] };

export interface ValidationSpec {
  type: CriteriaType;
  args: CriteriaArg[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellStyle {
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export interface Cell {
  /** Literal value; absent means empty. */
  v?: Scalar;
  /** Formula text, starting with '='. */
  f?: string;
  /** Number format; absent means automatic. */
  nf?: string;
  note?: string;
  dv?: ValidationSpec;
  st?: CellStyle;
  /** Stored although it fails a warn-only validation rule (the UI shows a red corner). */
  invalid?: boolean;
}

export interface RowRec {
  /** Sparse: index = column - 1. */
  cells: (Cell | undefined)[];
  /** Ids of developer metadata located on this row: they travel with the row. */
  meta: number[];
  hidden?: boolean;
  /** Hidden by the sheet's filter when its criteria were last applied (travels with the row). */
  filtered?: boolean;
  height?: number;
}

/**
 * A sheet's basic filter (one per sheet, V: Range.createFilter): its range and, per column, the
 * values it hides. Column refs are GridRefs so they follow inserted and deleted columns.
 */
export interface FilterSpec {
  range: GridRef;
  criteria: Array<{ column: GridRef; hiddenValues: string[] }>;
}

export interface ColRec {
  meta: number[];
  width?: number;
  hidden?: boolean;
}

export interface CfRuleSpec {
  ranges: GridRef[];
  condition: { type: string; values: CriteriaArg[] } | null;
  format: {
    background?: string | null;
    fontColor?: string | null;
    bold?: boolean | null;
    italic?: boolean | null;
    strikethrough?: boolean | null;
    underline?: boolean | null;
  };
}

export interface ChartSpec {
  id: number;
  type: string;
  ranges: GridRef[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export interface SheetState {
  id: number;
  name: string;
  rows: RowRec[];
  cols: ColRec[];
  frozenRows: number;
  frozenCols: number;
  tabColor: string | null;
  hidden: boolean;
  cfRules: CfRuleSpec[];
  charts: ChartSpec[];
  merges: GridRef[];
  filter?: FilterSpec;
}

export type MetaLocation = 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';

export interface MetaSpec {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetaLocation;
  /** For SHEET, ROW and COLUMN metadata: the sheet it lives on (rows/cols hold the position). */
  sheetId?: number;
}

export interface ProtectionSpec {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** For RANGE protections. */
  range?: GridRef;
  description: string;
  warningOnly: boolean;
  /**
   * null while the editors "mirror those of the spreadsheet" (V: Range.protect() reference: until
   * the script changes the editor list, the range remains effectively unprotected).
   */
  editors: string[] | null;
  domainEdit: boolean;
  unprotected: GridRef[];
}

export interface BookState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  /** Collaborators with edit access besides the owner. */
  editors: string[];
  /** Who runs the script (Session.getEffectiveUser); defaults to the owner. */
  activeUser: string;
  activeSheetId: number;
  /**
   * Emulator-only: the range a script last activated, shown as the selection in the preview
   * (I: Range.activate() selects the range and shows its sheet; the selection is per viewer).
   */
  activeRange?: { sheetId: number; row: number; col: number; numRows: number; numCols: number };
  sheets: SheetState[];
  metadata: MetaSpec[];
  protections: ProtectionSpec[];
  nextId: number;
}

/** JSON form of the whole spreadsheet (what the preview saves between runs). */
export interface SpreadsheetState {
  version: 1;
  book: Omit<BookState, 'sheets'> & {
    sheets: (Omit<SheetState, 'rows'> & {
      rows: {
        cells: Record<string, Cell>;
        meta: number[];
        hidden?: boolean;
        filtered?: boolean;
        height?: number;
      }[];
    })[];
  };
}

export function newSheetState(id: number, name: string, rows = 1000, cols = 26): SheetState {
  return {
    id,
    name,
    rows: Array.from({ length: rows }, () => ({ cells: [], meta: [] })),
    cols: Array.from({ length: cols }, () => ({ meta: [] })),
    frozenRows: 0,
    frozenCols: 0,
    tabColor: null,
    hidden: false,
    cfRules: [],
    charts: [],
    merges: [],
  };
}

// ---------- structural shifting of GridRefs ----------

export type Axis = 'rows' | 'cols';

function span(ref: GridRef, axis: Axis): [number, number] {
  return axis === 'rows' ? [ref.r1, ref.r2] : [ref.c1, ref.c2];
}

function setSpan(ref: GridRef, axis: Axis, a: number, b: number): void {
  if (axis === 'rows') {
    ref.r1 = a;
    ref.r2 = b;
  } else {
    ref.c1 = a;
    ref.c2 = b;
  }
}

/**
 * `count` rows/cols inserted so that they start at index `at`: everything at or after `at` moves by
 * `count`; a ref that straddles `at` grows (I: matches how Sheets grows SUM ranges and protections
 * when rows are inserted inside them).
 */
export function shiftInsert(ref: GridRef, axis: Axis, at: number, count: number): void {
  const [a, b] = span(ref, axis);
  const na = a >= at ? a + count : a;
  const nb = b >= at ? b + count : b;
  setSpan(ref, axis, na, nb);
}

/** Rows/cols `at`..`at+count-1` deleted: refs shrink; a ref wholly inside breaks. */
export function shiftDelete(ref: GridRef, axis: Axis, at: number, count: number): void {
  const [a, b] = span(ref, axis);
  const end = at + count - 1;
  if (a >= at && b <= end) {
    ref.broken = true;
    return;
  }
  const na = a > end ? a - count : Math.min(a, at);
  const nb = b > end ? b - count : b >= at ? at - 1 : b;
  setSpan(ref, axis, na, nb);
}

/** Moves one row/col `from` to land at `to` (indexes after the move), shifting the ones between. */
export function moveIndex(i: number, from: number, to: number): number {
  if (i === from) return to;
  if (from < to && i > from && i <= to) return i - 1;
  if (from > to && i >= to && i < from) return i + 1;
  return i;
}
