// A generated tab as data: rows of cells with their styles, turned into the arrays one batched write needs.
import { breakLines, CELL_PADDING, cellWidth, type Font, rowHeightFor } from './textFit';

export type RowStyle = 'title' | 'lead' | 'heading' | 'explain' | 'header' | 'body' | 'blank';
export type Cell = string | number;

/** A block of cells, 1-based, as `Sheet.getRange(row, column, rows, columns)` takes it. */
export interface CellRange {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

interface GridRow {
  cells: Cell[];
  style: RowStyle;
  backgrounds?: (string | null)[];
  /** A line of text merged across the tab's width. */
  merged?: boolean;
}

/** Rows merged across columns, each row of the range on its own (mergeAcross). */
export interface MergeRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** How wide a generated tab's columns may be: from the text, within these bounds. */
export interface FitOptions {
  min: number;
  /** One bound for every column, or one per column (the last repeats). */
  max: number | number[];
  /** Columns whose width is set, not measured (1-based column → pixels). */
  fixed?: Record<number, number>;
}

/** Title 14 pt bold, headings, table headers bold: the fonts the finished arrays give each style. */
export const STYLE_FONTS: Record<RowStyle, Font> = {
  title: { bold: true, size: 14 },
  lead: {},
  heading: { bold: true },
  explain: {},
  header: { bold: true },
  body: {},
  blank: {},
};

export interface GridArrays {
  values: Cell[][];
  fontWeights: ('bold' | 'normal')[][];
  fontColors: string[][];
  backgrounds: (string | null)[][];
}

const COLORS = {
  heading: '#f3e8fd',
  header: '#e8eaed',
  text: '#202124',
  secondary: '#5f6368',
  title: '#7627bb',
};

/** Rows appended top to bottom; `finish` pads them to one width, as `setValues` requires (V). */
export class Grid {
  private readonly rows: GridRow[] = [];

  /** `lineWidth`: the pixels of text a line merged across the tab holds (unknown: no breaking). */
  constructor(readonly lineWidth = Number.POSITIVE_INFINITY) {}

  /** The 1-based sheet row the next appended row will occupy. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  add(style: RowStyle, cells: Cell[] = [], backgrounds?: (string | null)[]): number {
    this.rows.push({ cells, style, backgrounds });
    return this.rows.length;
  }

  /**
   * A sentence merged across the tab's width, broken into as many rows as it needs to be read
   * whole: (I) Sheets is not known to grow a row for a merged cell's wrapped text, so each row
   * holds one line that fits. Returns the first row.
   */
  line(style: RowStyle, text: string): number {
    const first = this.nextRow;
    for (const line of breakLines(text, this.lineWidth, STYLE_FONTS[style]))
      this.rows.push({ cells: [line], style, merged: true });
    return first;
  }

  /**
   * Each column as wide as its widest table cell (headers and bodies; merged lines are broken to
   * fit instead), within the bounds; columns whose text is wider than the bound wrap.
   */
  fitColumns(options: FitOptions): { widths: number[]; wrapColumns: number[] } {
    const width = this.width;
    const need = new Array<number>(width).fill(0);
    for (const row of this.rows) {
      if (row.merged) continue;
      row.cells.forEach((cell, i) => {
        const text = String(cell);
        if (text !== '') need[i] = Math.max(need[i], cellWidth(text, STYLE_FONTS[row.style]));
      });
    }
    const maxOf = (i: number) =>
      typeof options.max === 'number'
        ? options.max
        : options.max[Math.min(i, options.max.length - 1)];
    const widths = need.map(
      (n, i) => options.fixed?.[i + 1] ?? Math.min(maxOf(i), Math.max(options.min, Math.ceil(n))),
    );
    const wrapColumns = need.flatMap((n, i) => (n > widths[i] ? [i + 1] : []));
    return { widths, wrapColumns };
  }

  /** Full-width merges of the `line` rows, one range per row. */
  merges(): MergeRange[] {
    const width = this.width;
    return this.rows.flatMap((r, i) =>
      r.merged && width > 1 ? [{ row: i + 1, column: 1, numRows: 1, numColumns: width }] : [],
    );
  }

  /** Rows whose font is taller than a default row holds (the title): their heights. */
  rowHeights(): { row: number; height: number }[] {
    return this.rows.flatMap((r, i) => {
      const height = rowHeightFor(STYLE_FONTS[r.style].size);
      return r.cells.length && height > rowHeightFor() ? [{ row: i + 1, height }] : [];
    });
  }

  /** A table: its header row and body rows; returns the body's range (null when it has none). */
  table(header: string[], body: Cell[][], backgrounds?: (string | null)[][]): CellRange | null {
    this.add('header', header);
    const first = this.nextRow;
    body.forEach((cells, i) => {
      this.add('body', cells, backgrounds?.[i]);
    });
    return body.length > 0
      ? { row: first, column: 1, rows: body.length, columns: header.length }
      : null;
  }

  get width(): number {
    return Math.max(1, ...this.rows.map((r) => r.cells.length));
  }

  finish(): GridArrays {
    const width = this.width;
    const pad = <T>(cells: readonly T[], fill: T): T[] => [
      ...cells,
      ...new Array<T>(width - cells.length).fill(fill),
    ];
    return {
      values: this.rows.map((r) => pad(r.cells, '')),
      fontWeights: this.rows.map((r) =>
        new Array(width).fill(
          r.style === 'title' || r.style === 'heading' || r.style === 'header' ? 'bold' : 'normal',
        ),
      ),
      fontColors: this.rows.map((r) =>
        new Array(width).fill(
          r.style === 'title'
            ? COLORS.title
            : r.style === 'explain' || r.style === 'lead'
              ? COLORS.secondary
              : COLORS.text,
        ),
      ),
      backgrounds: this.rows.map((r) => {
        if (r.style === 'heading') return new Array(width).fill(COLORS.heading);
        if (r.style === 'header') return pad(new Array(r.cells.length).fill(COLORS.header), null);
        return pad(r.backgrounds ?? [], null);
      }),
    };
  }
}

/** What a generated tab's writer needs besides the cells: its note, wrapping and column widths. */
export interface GeneratedLayout extends GridArrays {
  /** The note on A1: what this tab is and that the add-on rewrites it. */
  note: string;
  /** Blocks whose long text should wrap (a handful at most: one call each). */
  wrap: CellRange[];
  /** Every column's width in pixels, column A first. */
  columnWidths: number[];
  /** Lines merged across the tab (see Grid.line). */
  merges: MergeRange[];
  /** Rows set taller than the default (the title's larger font). */
  rowHeights: { row: number; height: number }[];
}

/**
 * A layout built twice: once to measure its tables' columns, then with lines broken to the
 * width those columns make. `build` must add the same rows whatever the grid's line width.
 */
export function fittedGrid<T>(
  build: (grid: Grid) => T,
  options: FitOptions,
): { grid: Grid; result: T; widths: number[]; wrap: CellRange[] } {
  const probe = new Grid();
  build(probe);
  const { widths, wrapColumns } = probe.fitColumns(options);
  const grid = new Grid(widths.reduce((a, b) => a + b, 0) - CELL_PADDING);
  const result = build(grid);
  const rows = grid.nextRow - 1;
  const wrap = wrapColumns.map((column) => ({ row: 1, column, rows, columns: 1 }));
  return { grid, result, widths, wrap };
}
