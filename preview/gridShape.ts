// The shape of the grid details the preview server sends and the page draws (no emulator code: the page bundles it).

/** A validation rule as the grid offers it: a dropdown, a checkbox, or only its help text. */
export type PreviewRule =
  | { kind: 'list'; values: string[]; strict: boolean; help: string }
  | { kind: 'checkbox' }
  | { kind: 'other'; strict: boolean; help: string };

/** The look of one cell: its own background, or a conditional format's that holds there. */
export interface PreviewCellStyle {
  background?: string;
  color?: string;
  bold?: boolean;
  wrap?: boolean;
  /** Font size in points when not the sheet's default 10. */
  size?: number;
}

/** A merged block, 1-based, drawn as one cell (its top-left cell's text and look). */
export interface PreviewMerge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** An embedded chart as the page draws it: where it sits and the numbers of its range. */
export interface PreviewChart {
  kind: 'line' | 'column' | 'other';
  title: string;
  /** The anchor cell (1-based) and the offset from its top-left corner, in pixels. */
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
  /** The first column of the range: one label per point. */
  categories: string[];
  series: { name: string; values: (number | null)[]; color?: string }[];
}

export interface PreviewGridDetails {
  /** Rows (1-based) the grid draws: the data and a few empty rows to type new ones in. */
  shownRows: number;
  frozenCols: number;
  /** Each column's width in pixels, column A first (Sheets' default is 100). */
  colWidths: number[];
  /** 1-based columns and rows hidden in the sheet. */
  hiddenCols: number[];
  hiddenRows: number[];
  /** Sparse, keyed "row:col" (1-based). */
  notes: Record<string, string>;
  formulas: Record<string, string>;
  styles: Record<string, PreviewCellStyle>;
  /** Cells kept although they break a warn-only rule (Sheets draws a red corner). */
  invalid: string[];
  rules: PreviewRule[];
  ruleAt: Record<string, number>;
  /** Heights set by a script (setRowHeight), keyed by 1-based row: such rows do not grow. */
  rowHeights: Record<number, number>;
  merges: PreviewMerge[];
  charts: PreviewChart[];
}

/** Empty rows below the data, so a person can type new rows as in a real sheet. */
export const EMPTY_ROWS_BELOW = 5;

/** Details with nothing in them: plain text cells, nothing hidden, frozen or coloured. */
export function emptyDetails(shownRows: number): PreviewGridDetails {
  return {
    shownRows,
    frozenCols: 0,
    colWidths: [],
    hiddenCols: [],
    hiddenRows: [],
    notes: {},
    formulas: {},
    styles: {},
    invalid: [],
    rules: [],
    ruleAt: {},
    rowHeights: {},
    merges: [],
    charts: [],
  };
}
