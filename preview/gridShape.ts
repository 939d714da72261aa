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
  };
}
