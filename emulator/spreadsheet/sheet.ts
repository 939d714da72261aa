// Fake SpreadsheetApp Sheet: geometry, rows/columns, frozen panes, formats, protection, charts.
import { parseA1 } from './a1';
import { MESSAGES } from './book';
import { FakeConditionalFormatRule, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './builders';
import { type Ctx, count } from './context';
import { enumName } from './enums';
import { FakeFilter } from './filter';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder } from './metadata';
import type { SheetState } from './model';
import { FakeProtection } from './protection';
import { FakeRange, metadataArgs } from './range';
import { FakeRangeList } from './rangeList';
import type { FakeSpreadsheet } from './spreadsheet';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

type PrimitiveSheetMethods = Pick<
  GasSheet,
  | 'getName'
  | 'getSheetId'
  | 'getIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'getFrozenRows'
  | 'getFrozenColumns'
  | 'getColumnWidth'
  | 'isColumnHiddenByUser'
  | 'isRowHiddenByUser'
  | 'isSheetHidden'
  | 'getTabColor'
>;

/** Default column width in pixels (V: Sheets default, 100 px) and row height (V: 21 px). */
const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

export class FakeSheet implements PrimitiveSheetMethods {
  constructor(
    private readonly ctx: Ctx,
    private readonly id: number,
  ) {}

  private call(method: string, kind: 'read' | 'write' | 'other'): void {
    count(this.ctx, 'Sheet', method, kind);
  }

  private get st(): SheetState {
    return this.ctx.book.requireSheet(this.id);
  }

  _id(): number {
    return this.id;
  }

  /** Emulator-internal: a bounds-checked range (Google's messages for bad coordinates). */
  _range(row: number, col: number, numRows = 1, numCols = 1): FakeRange {
    const st = this.st;
    // (S) wording of the "too small" messages, from public scripts quoting them.
    if (!(row >= 1)) throw new Error('The starting row of the range is too small.');
    if (!(col >= 1)) throw new Error('The starting column of the range is too small.');
    if (!(numRows >= 1)) throw new Error('The number of rows in the range must be at least 1.');
    if (!(numCols >= 1)) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > st.rows.length || col + numCols - 1 > st.cols.length) {
      throw new Error(MESSAGES.outOfBounds);
    }
    return new FakeRange(this.ctx, this.id, row, col, numRows, numCols);
  }

  _wholeRows(row: number, count: number): FakeRange {
    return new FakeRange(this.ctx, this.id, row, 1, count, this.st.cols.length, 'rows');
  }

  _wholeColumns(col: number, count: number): FakeRange {
    return new FakeRange(this.ctx, this.id, 1, col, this.st.rows.length, count, 'cols');
  }

  _wholeSheet(): FakeRange {
    const st = this.st;
    return new FakeRange(this.ctx, this.id, 1, 1, st.rows.length, st.cols.length);
  }

  /** Emulator-internal: A1 on this sheet (a sheet prefix is ignored here, as Sheet.getRange does (I)). */
  _rangeA1(a1: string): FakeRange {
    const p = parseA1(a1);
    if (!p) throw new Error('Range not found'); // (S) Google's text for unparsable A1
    const st = this.st;
    if (p.r1 === undefined) {
      if (p.c2! > st.cols.length) throw new Error(MESSAGES.outOfBounds);
      return this._wholeColumns(p.c1!, p.c2! - p.c1! + 1);
    }
    if (p.c1 === undefined) {
      if (p.r2! > st.rows.length) throw new Error(MESSAGES.outOfBounds);
      return this._wholeRows(p.r1, p.r2! - p.r1 + 1);
    }
    const r2 = p.r2 ?? st.rows.length; // A2:B (open-ended down)
    return this._range(p.r1, p.c1, r2 - p.r1 + 1, p.c2! - p.c1 + 1);
  }

  // ---------- identity ----------

  getName(): string {
    this.call('getName', 'other');
    return this.st.name;
  }

  /** Names are unique ignoring case (I: the UI refuses "sheet1" next to "Sheet1"). */
  setName(name: string): FakeSheet {
    this.call('setName', 'write');
    const text = String(name);
    const clash = this.ctx.book.state.sheets.find(
      (s) => s.id !== this.id && s.name.toLowerCase() === text.toLowerCase(),
    );
    if (clash) throw new Error(MESSAGES.duplicateSheet(text));
    this.st.name = text;
    return this;
  }

  getSheetId(): number {
    this.call('getSheetId', 'other');
    void this.st;
    return this.id;
  }

  getSheetName(): string {
    this.call('getSheetName', 'other');
    return this.st.name;
  }

  /** 1-based position among the tabs (V). */
  getIndex(): number {
    this.call('getIndex', 'other');
    return this.ctx.book.state.sheets.findIndex((s) => s.id === this.id) + 1;
  }

  getParent(): FakeSpreadsheet {
    this.call('getParent', 'other');
    return this.ctx.spreadsheet;
  }

  activate(): FakeSheet {
    this.call('activate', 'other');
    this.ctx.book.state.activeSheetId = this.id;
    return this;
  }

  isSheetHidden(): boolean {
    this.call('isSheetHidden', 'read');
    return this.st.hidden;
  }
  hideSheet(): FakeSheet {
    this.call('hideSheet', 'write');
    this.st.hidden = true;
    return this;
  }
  showSheet(): FakeSheet {
    this.call('showSheet', 'write');
    this.st.hidden = false;
    return this;
  }

  getTabColor(): string | null {
    this.call('getTabColor', 'read');
    return this.st.tabColor;
  }
  setTabColor(color: string | null): FakeSheet {
    this.call('setTabColor', 'write');
    this.st.tabColor = color;
    return this;
  }

  // ---------- size ----------

  /** Last row with content; formatting-only cells do not count (V). 0 for an empty sheet. */
  getLastRow(): number {
    this.call('getLastRow', 'read');
    return this.ctx.book.lastRow(this.st);
  }
  getLastColumn(): number {
    this.call('getLastColumn', 'read');
    return this.ctx.book.lastColumn(this.st);
  }
  /** New sheets are 1000 x 26 (V: Sheets defaults). */
  getMaxRows(): number {
    this.call('getMaxRows', 'read');
    return this.st.rows.length;
  }
  getMaxColumns(): number {
    this.call('getMaxColumns', 'read');
    return this.st.cols.length;
  }

  // ---------- ranges ----------

  getRange(
    a1OrRow: string | number,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): FakeRange {
    this.call('getRange', 'other');
    if (typeof a1OrRow === 'string') return this._rangeA1(a1OrRow);
    return this._range(a1OrRow, column as number, numRows ?? 1, numColumns ?? 1);
  }

  /** (V) The ranges named by a non-empty list of A1 notations on this sheet, as one RangeList. */
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.call('getRangeList', 'other');
    // (I) An empty list is refused; Google's docs require a non-empty one but do not quote the message.
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      throw new Error('Sheet.getRangeList needs at least one A1 notation.');
    return new FakeRangeList(
      this.ctx,
      a1Notations.map((a1) => this._rangeA1(a1)),
    );
  }

  /** A1 to the last row/column with content; A1 alone on an empty sheet (V). */
  getDataRange(): FakeRange {
    this.call('getDataRange', 'other');
    const book = this.ctx.book;
    return this._range(
      1,
      1,
      Math.max(1, book.lastRow(this.st)),
      Math.max(1, book.lastColumn(this.st)),
    );
  }

  // ---------- rows and columns ----------

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.call('insertRowsAfter', 'write');
    this.ctx.book.insertRows(this.st, afterPosition + 1, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): FakeSheet {
    this.call('insertRowAfter', 'write');
    this.ctx.book.insertRows(this.st, afterPosition + 1, 1);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.call('insertRowsBefore', 'write');
    this.ctx.book.insertRows(this.st, beforePosition, howMany);
    return this;
  }
  insertRowBefore(beforePosition: number): FakeSheet {
    this.call('insertRowBefore', 'write');
    this.ctx.book.insertRows(this.st, beforePosition, 1);
    return this;
  }
  /** insertRows(rowIndex[, numRows]): inserts before rowIndex (V). */
  insertRows(rowIndex: number, numRows = 1): void {
    this.call('insertRows', 'write');
    this.ctx.book.insertRows(this.st, rowIndex, numRows);
  }
  deleteRow(rowPosition: number): FakeSheet {
    this.call('deleteRow', 'write');
    this.ctx.book.deleteRows(this.st, rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.call('deleteRows', 'write');
    this.ctx.book.deleteRows(this.st, rowPosition, howMany);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.call('insertColumnsAfter', 'write');
    this.ctx.book.insertColumns(this.st, afterPosition + 1, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): FakeSheet {
    this.call('insertColumnAfter', 'write');
    this.ctx.book.insertColumns(this.st, afterPosition + 1, 1);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.call('insertColumnsBefore', 'write');
    this.ctx.book.insertColumns(this.st, beforePosition, howMany);
    return this;
  }
  insertColumnBefore(beforePosition: number): FakeSheet {
    this.call('insertColumnBefore', 'write');
    this.ctx.book.insertColumns(this.st, beforePosition, 1);
    return this;
  }
  deleteColumn(columnPosition: number): FakeSheet {
    this.call('deleteColumn', 'write');
    this.ctx.book.deleteColumns(this.st, columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.call('deleteColumns', 'write');
    this.ctx.book.deleteColumns(this.st, columnPosition, howMany);
  }

  /**
   * Writes a row after the last row with content; '=...' becomes a formula (V). When the sheet is
   * full a row is added (I: public scripts disagree; growing is the common report).
   */
  appendRow(rowContents: unknown[]): FakeSheet {
    this.call('appendRow', 'write');
    const book = this.ctx.book;
    const st = this.st;
    const row = book.lastRow(st) + 1;
    if (row > st.rows.length) book.insertRows(st, st.rows.length + 1, 1);
    if (rowContents.length > st.cols.length)
      book.insertColumns(st, st.cols.length + 1, rowContents.length - st.cols.length);
    new FakeRange(this.ctx, this.id, row, 1, 1, rowContents.length)._writeUncounted([
      Array.from(rowContents),
    ]);
    return this;
  }

  // ---------- frozen panes, sizes, visibility ----------

  setFrozenRows(rows: number): void {
    this.call('setFrozenRows', 'write');
    this.st.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.call('getFrozenRows', 'read');
    return this.st.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.call('setFrozenColumns', 'write');
    this.st.frozenCols = columns;
  }
  getFrozenColumns(): number {
    this.call('getFrozenColumns', 'read');
    return this.st.frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.call('setColumnWidth', 'write');
    const col = this.st.cols[columnPosition - 1];
    if (!col) throw new Error(MESSAGES.columnsOutOfBounds);
    col.width = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.call('setColumnWidths', 'write');
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      const col = this.st.cols[c - 1];
      if (!col) throw new Error(MESSAGES.columnsOutOfBounds);
      col.width = width;
    }
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this.call('getColumnWidth', 'read');
    return this.st.cols[columnPosition - 1]?.width ?? DEFAULT_COLUMN_WIDTH;
  }
  setRowHeight(rowPosition: number, height: number): FakeSheet {
    this.call('setRowHeight', 'write');
    const row = this.st.rows[rowPosition - 1];
    if (!row) throw new Error(MESSAGES.rowsOutOfBounds);
    row.height = height;
    return this;
  }
  getRowHeight(rowPosition: number): number {
    this.call('getRowHeight', 'read');
    return this.st.rows[rowPosition - 1]?.height ?? DEFAULT_ROW_HEIGHT;
  }
  /** Stored as a no-op: the emulator has no fonts to measure (I). */
  autoResizeColumns(startColumn: number, numColumns: number): FakeSheet {
    this.call('autoResizeColumns', 'write');
    void startColumn;
    void numColumns;
    return this;
  }
  autoResizeColumn(columnPosition: number): FakeSheet {
    this.call('autoResizeColumn', 'write');
    void columnPosition;
    return this;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.call('hideColumns', 'write');
    for (let c = columnIndex; c < columnIndex + numColumns; c++) {
      const col = this.st.cols[c - 1];
      if (!col) throw new Error(MESSAGES.columnsOutOfBounds);
      col.hidden = true;
    }
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.call('showColumns', 'write');
    for (let c = columnIndex; c < columnIndex + numColumns; c++) {
      const col = this.st.cols[c - 1];
      if (col) delete col.hidden;
    }
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.call('isColumnHiddenByUser', 'read');
    return this.st.cols[columnPosition - 1]?.hidden === true;
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this.call('hideRows', 'write');
    for (let r = rowIndex; r < rowIndex + numRows; r++) {
      const row = this.st.rows[r - 1];
      if (!row) throw new Error(MESSAGES.rowsOutOfBounds);
      row.hidden = true;
    }
  }
  showRows(rowIndex: number, numRows = 1): void {
    this.call('showRows', 'write');
    for (let r = rowIndex; r < rowIndex + numRows; r++) {
      const row = this.st.rows[r - 1];
      if (row) delete row.hidden;
    }
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    this.call('isRowHiddenByUser', 'read');
    return this.st.rows[rowPosition - 1]?.hidden === true;
  }
  /** (V) Whether the sheet's filter hides the row (rows hidden by hand are not). */
  isRowHiddenByFilter(rowPosition: number): boolean {
    this.call('isRowHiddenByFilter', 'read');
    return this.st.rows[rowPosition - 1]?.filtered === true;
  }
  /** (V) The sheet's filter, or null when it has none. */
  getFilter(): FakeFilter | null {
    this.call('getFilter', 'read');
    return this.st.filter ? new FakeFilter(this.ctx, this.id) : null;
  }

  // ---------- clearing and sorting ----------

  /** Content and formatting (V: "Clears the sheet of content and formatting information."). */
  clear(): FakeSheet {
    this.call('clear', 'write');
    for (const row of this.st.rows) {
      for (const cell of row.cells) {
        if (!cell) continue;
        delete cell.v;
        delete cell.f;
        delete cell.nf;
        delete cell.st;
        delete cell.invalid;
      }
    }
    return this;
  }
  clearContents(): FakeSheet {
    this.call('clearContents', 'write');
    for (const row of this.st.rows) {
      for (const cell of row.cells) {
        if (!cell) continue;
        delete cell.v;
        delete cell.f;
        delete cell.invalid;
      }
    }
    return this;
  }
  clearFormats(): FakeSheet {
    this.call('clearFormats', 'write');
    for (const row of this.st.rows) {
      for (const cell of row.cells) {
        if (!cell) continue;
        delete cell.nf;
        delete cell.st;
      }
    }
    return this;
  }
  /**
   * (V) Sheet.moveRows(rowSpec, destinationIndex): the rows the range spans move to sit before the
   * row that was at destinationIndex before the move, with their cells, formats and row metadata
   * (V: metadata travels with its dimension, Sheets API "Developer metadata" guide).
   */
  moveRows(rowSpec: FakeRange, destinationIndex: number): void {
    this.call('moveRows', 'write');
    const st = this.st;
    moveBlock(rowSpec.getRow(), rowSpec.getNumRows(), destinationIndex, st.rows.length, (f, t) =>
      this.ctx.book.moveRow(st, f, t),
    );
  }

  /** (V) Sheet.moveColumns(columnSpec, destinationIndex): as moveRows, for the columns spanned. */
  moveColumns(columnSpec: FakeRange, destinationIndex: number): void {
    this.call('moveColumns', 'write');
    const st = this.st;
    moveBlock(
      columnSpec.getColumn(),
      columnSpec.getNumColumns(),
      destinationIndex,
      st.cols.length,
      (f, t) => this.ctx.book.moveColumn(st, f, t),
    );
  }

  /** Sorts the rows below the frozen rows by one column (V: Sheet.sort docs). */
  sort(columnPosition: number, ascending = true): FakeSheet {
    this.call('sort', 'write');
    const st = this.st;
    const last = this.ctx.book.lastRow(st);
    if (last > st.frozenRows + 1)
      this.ctx.book.sortRows(st, st.frozenRows + 1, last, columnPosition, ascending);
    return this;
  }

  // ---------- conditional formats ----------

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.call('getConditionalFormatRules', 'read');
    return this.st.cfRules.map((spec) => new FakeConditionalFormatRule(this.ctx, spec));
  }
  /** Replaces all rules of the sheet (V). */
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.call('setConditionalFormatRules', 'write');
    this.st.cfRules = Array.from(rules).map((r) => r._spec());
  }

  // ---------- protection ----------

  /** A SHEET protection; editors mirror the spreadsheet until changed (V). */
  protect(): FakeProtection {
    this.call('protect', 'write');
    const book = this.ctx.book;
    const existing = book.state.protections.find(
      (p) => p.sheetId === this.id && p.type === 'SHEET',
    );
    // (I) A sheet has at most one sheet protection: protect() again returns it.
    if (existing) return new FakeProtection(this.ctx, existing.id);
    const id = book.newId();
    book.state.protections.push({
      id,
      type: 'SHEET',
      sheetId: this.id,
      description: '',
      warningOnly: false,
      editors: null,
      domainEdit: true,
      unprotected: [],
    });
    return new FakeProtection(this.ctx, id);
  }
  getProtections(type: unknown): FakeProtection[] {
    this.call('getProtections', 'read');
    const t = enumName(type);
    return this.ctx.book.state.protections
      .filter((p) => p.sheetId === this.id && p.type === t)
      .map((p) => new FakeProtection(this.ctx, p.id));
  }

  // ---------- developer metadata ----------

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): FakeSheet {
    this.call('addDeveloperMetadata', 'write');
    const { value, vis } = metadataArgs(valueOrVisibility, visibility);
    const book = this.ctx.book;
    book.state.metadata.push({
      id: book.newId(),
      key,
      value,
      visibility: vis,
      location: 'SHEET',
      sheetId: this.id,
    });
    return this;
  }
  /** Sheet-level metadata only (I: rows/columns are found with a finder). */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.call('getDeveloperMetadata', 'read');
    return this.ctx.book.state.metadata
      .filter((m) => m.location === 'SHEET' && m.sheetId === this.id)
      .map((m) => new FakeDeveloperMetadata(this.ctx, m.id));
  }
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.call('createDeveloperMetadataFinder', 'other');
    return new FakeDeveloperMetadataFinder(this.ctx, { kind: 'sheet', sheetId: this.id });
  }

  // ---------- charts ----------

  newChart(): FakeEmbeddedChartBuilder {
    this.call('newChart', 'other');
    return new FakeEmbeddedChartBuilder(this.ctx);
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this.call('insertChart', 'write');
    const spec = chart._spec();
    spec.id = this.ctx.book.newId();
    this.st.charts.push(spec);
  }
  getCharts(): FakeEmbeddedChart[] {
    this.call('getCharts', 'read');
    return this.st.charts.map((c) => new FakeEmbeddedChart(this.ctx, c));
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this.call('removeChart', 'write');
    const id = chart._spec().id;
    this.st.charts = this.st.charts.filter((c) => c.id !== id);
  }
  updateChart(chart: FakeEmbeddedChart): void {
    this.call('updateChart', 'write');
    const spec = chart._spec();
    const i = this.st.charts.findIndex((c) => c.id === spec.id);
    if (i < 0) throw new Error('The chart does not exist on this sheet.'); // (I) wording
    this.st.charts[i] = spec;
  }
}

/**
 * Moves the block start..start+count-1 to before `destination` (an index counted before the move),
 * one row/column at a time so the block keeps its order. A destination inside the block is a no-op.
 */
function moveBlock(
  start: number,
  count: number,
  destination: number,
  size: number,
  moveOne: (from: number, to: number) => void,
): void {
  if (destination < 1 || destination > size + 1) throw new Error(MESSAGES.outOfBounds);
  if (destination >= start && destination <= start + count) return;
  for (let i = 0; i < count; i++) {
    if (destination > start) moveOne(start, destination - 1);
    else moveOne(start + i, destination + i);
  }
}
