// A generated tab as data: rows of cells with their styles, turned into the arrays one batched write needs.

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
}

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

  /** The 1-based sheet row the next appended row will occupy. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  add(style: RowStyle, cells: Cell[] = [], backgrounds?: (string | null)[]): number {
    this.rows.push({ cells, style, backgrounds });
    return this.rows.length;
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
  firstColumnWidth: number;
  columnWidth: number;
}
