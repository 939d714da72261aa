// Fake SpreadsheetApp Range: values, formulas, formats, notes, validation, metadata, protection.
import { columnLetter, formatA1 } from './a1';
import { MESSAGES } from './book';
import { FakeDataValidation } from './builders';
import { type Ctx, count } from './context';
import { enumName, isEnumMember } from './enums';
import { createFilter, FakeFilter } from './filter';
import { type FakeDeveloperMetadata, FakeDeveloperMetadataFinder } from './metadata';
import type { Cell, CellStyle, GridRef, SheetState, ValidationSpec } from './model';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';
import { AUTOMATIC_FORMAT } from './values';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Methods whose Google signatures use only primitives: checked against @types directly. */
type PrimitiveRangeMethods = Pick<
  GasRange,
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'getNumberFormats'
  | 'getNumberFormat'
  | 'getNotes'
  | 'getNote'
  | 'getBackgrounds'
  | 'getBackground'
  | 'getFontWeights'
  | 'getFontWeight'
  | 'getFontColor'
  | 'getWrap'
  | 'getWraps'
  | 'getHorizontalAlignment'
  | 'getRow'
  | 'getRowIndex'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getGridId'
  | 'isBlank'
>;

/** Which kind of A1 a range came from: whole rows ("2:5") and whole columns ("A:C") matter. */
export type RangeShape = 'cells' | 'rows' | 'cols';

export class FakeRange implements PrimitiveRangeMethods {
  constructor(
    private readonly ctx: Ctx,
    private readonly sheetId: number,
    private readonly r: number,
    private readonly c: number,
    private readonly nr: number,
    private readonly nc: number,
    private readonly shape: RangeShape = 'cells',
  ) {}

  private call(method: string, kind: 'read' | 'write' | 'other'): void {
    count(this.ctx, 'Range', method, kind);
  }

  private get st(): SheetState {
    return this.ctx.book.requireSheet(this.sheetId);
  }

  /** (V) Puts a filter on this range (the first row is its header); a sheet has at most one. */
  createFilter(): FakeFilter {
    this.call('createFilter', 'write');
    return createFilter(this.ctx, this.st, this._ref());
  }

  /** (V) The filter of this range's sheet, or null. */
  getFilter(): FakeFilter | null {
    this.call('getFilter', 'read');
    return this.st.filter ? new FakeFilter(this.ctx, this.sheetId) : null;
  }

  /** Emulator-internal: this range as a GridRef (a fresh object, safe to store). */
  _ref(): GridRef {
    return {
      sheetId: this.sheetId,
      r1: this.r,
      c1: this.c,
      r2: this.r + this.nr - 1,
      c2: this.c + this.nc - 1,
      ...(this.shape === 'cols' ? { openRows: true } : {}),
      ...(this.shape === 'rows' ? { openCols: true } : {}),
    };
  }

  _shape(): RangeShape {
    return this.shape;
  }

  private map<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.nr; i++) {
      const row: T[] = [];
      for (let j = 0; j < this.nc; j++) row.push(fn(this.r + i, this.c + j));
      out.push(row);
    }
    return out;
  }

  private cellAt(r: number, c: number): Cell | undefined {
    return this.ctx.book.cell(this.st, r, c);
  }

  private each(fn: (cell: Cell, i: number, j: number) => void): void {
    const book = this.ctx.book;
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) fn(book.ensureCell(this.st, this.r + i, this.c + j), i, j);
    }
  }

  /** Throws Google's message when the active user may not edit a cell of this range. */
  private assertEditable(): void {
    const book = this.ctx.book;
    const user = book.state.activeUser;
    if (user === book.state.owner) return;
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        if (book.canEditCell(this.st, this.r + i, this.c + j, user) === 'blocked') {
          throw new Error(MESSAGES.protectedCell);
        }
      }
    }
  }

  private checkShape(values: unknown, what: string): unknown[][] {
    if (!Array.isArray(values)) throw new Error(`Cannot convert ${String(values)} to Object[][].`);
    if (values.length !== this.nr) throw new Error(MESSAGES.rowsMismatch(values.length, this.nr));
    for (const row of values) {
      if (!Array.isArray(row)) throw new Error(`Cannot convert ${what} to Object[][].`);
      if (row.length !== this.nc) throw new Error(MESSAGES.columnsMismatch(row.length, this.nc));
    }
    return values as unknown[][];
  }

  /**
   * Script writes: converted like typed text (I), '=...' becomes a formula (V). A "reject input"
   * validation rule makes the whole call throw (S: public scripts report "The data you entered in
   * cell X violates the data validation rules set on this cell." from setValue/setValues); a
   * warn-only rule stores the value and flags it. Script writes never fire onEdit (V).
   */
  private write(values: unknown[][]): void {
    this.assertEditable();
    const book = this.ctx.book;
    const sheet = this.st;
    const plan: {
      r: number;
      c: number;
      conv: ReturnType<typeof book.convertInput>;
      invalid: boolean;
    }[] = [];
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        const r = this.r + i;
        const c = this.c + j;
        const conv = book.convertInput(values[i][j], book.cell(sheet, r, c)?.nf);
        const ok = book.passesValidation(sheet, r, c, conv);
        const rule = book.cell(sheet, r, c)?.dv;
        if (!ok && rule && !rule.allowInvalid)
          throw new Error(MESSAGES.invalidData(`${columnLetter(c)}${r}`));
        plan.push({ r, c, conv, invalid: !ok });
      }
    }
    for (const p of plan) {
      book.store(sheet, p.r, p.c, p.conv);
      if (p.invalid) book.ensureCell(sheet, p.r, p.c).invalid = true;
    }
  }

  /** Emulator-internal: a script write without counting a call (appendRow counts its own). */
  _writeUncounted(values: unknown[][]): void {
    this.write(this.checkShape(values, 'values'));
  }

  // ---------- values ----------

  getValues(): unknown[][] {
    this.call('getValues', 'read');
    return this.map((r, c) => this.ctx.book.external(this.st, r, c));
  }

  getValue(): unknown {
    this.call('getValue', 'read');
    return this.ctx.book.external(this.st, this.r, this.c);
  }

  setValues(values: unknown[][]): FakeRange {
    this.call('setValues', 'write');
    this.write(this.checkShape(values, 'values'));
    return this;
  }

  /** Sets every cell of the range to the value (S: setValue on a multi-cell range fills it). */
  setValue(value: unknown): FakeRange {
    this.call('setValue', 'write');
    this.write(this.map(() => value));
    return this;
  }

  getDisplayValues(): string[][] {
    this.call('getDisplayValues', 'read');
    return this.map((r, c) => this.ctx.book.display(this.st, r, c));
  }

  getDisplayValue(): string {
    this.call('getDisplayValue', 'read');
    return this.ctx.book.display(this.st, this.r, this.c);
  }

  /** '' for cells without a formula (V). */
  getFormulas(): string[][] {
    this.call('getFormulas', 'read');
    return this.map((r, c) => this.cellAt(r, c)?.f ?? '');
  }

  getFormula(): string {
    this.call('getFormula', 'read');
    return this.cellAt(this.r, this.c)?.f ?? '';
  }

  setFormula(formula: string): FakeRange {
    this.call('setFormula', 'write');
    this.assertEditable();
    const f = formula.startsWith('=') ? formula : `=${formula}`;
    this.each((cell) => {
      delete cell.v;
      delete cell.invalid;
      cell.f = f;
    });
    return this;
  }

  setFormulas(formulas: string[][]): FakeRange {
    this.call('setFormulas', 'write');
    const rows = this.checkShape(formulas, 'formulas');
    this.assertEditable();
    this.each((cell, i, j) => {
      const f = String(rows[i][j] ?? '');
      delete cell.v;
      delete cell.f;
      delete cell.invalid;
      if (f !== '') cell.f = f.startsWith('=') ? f : `=${f}`;
    });
    return this;
  }

  isBlank(): boolean {
    this.call('isBlank', 'read');
    return this.map((r, c) => this.cellAt(r, c)).every((row) =>
      row.every((cell) => !cell || (cell.v === undefined && !cell.f)),
    );
  }

  // ---------- number formats ----------

  getNumberFormats(): string[][] {
    this.call('getNumberFormats', 'read');
    return this.map((r, c) => this.cellAt(r, c)?.nf ?? AUTOMATIC_FORMAT);
  }

  getNumberFormat(): string {
    this.call('getNumberFormat', 'read');
    return this.cellAt(this.r, this.c)?.nf ?? AUTOMATIC_FORMAT;
  }

  setNumberFormat(numberFormat: string): FakeRange {
    this.call('setNumberFormat', 'write');
    this.each((cell) => {
      cell.nf = numberFormat;
    });
    return this;
  }

  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.call('setNumberFormats', 'write');
    const rows = this.checkShape(numberFormats, 'formats');
    this.each((cell, i, j) => {
      cell.nf = String(rows[i][j]);
    });
    return this;
  }

  // ---------- notes ----------

  getNotes(): string[][] {
    this.call('getNotes', 'read');
    return this.map((r, c) => this.cellAt(r, c)?.note ?? '');
  }

  getNote(): string {
    this.call('getNote', 'read');
    return this.cellAt(this.r, this.c)?.note ?? '';
  }

  setNote(note: string | null): FakeRange {
    this.call('setNote', 'write');
    this.each((cell) => {
      if (note === null || note === '') delete cell.note;
      else cell.note = String(note);
    });
    return this;
  }

  setNotes(notes: (string | null)[][]): FakeRange {
    this.call('setNotes', 'write');
    const rows = this.checkShape(notes, 'notes');
    this.each((cell, i, j) => {
      const n = rows[i][j];
      if (n === null || n === undefined || n === '') delete cell.note;
      else cell.note = String(n);
    });
    return this;
  }

  clearNote(): FakeRange {
    this.call('clearNote', 'write');
    this.each((cell) => {
      delete cell.note;
    });
    return this;
  }

  // ---------- data validation ----------

  /** null where a cell has no rule (V). */
  getDataValidations(): (FakeDataValidation | null)[][] {
    this.call('getDataValidations', 'read');
    return this.map((r, c) => {
      const dv = this.cellAt(r, c)?.dv;
      return dv ? new FakeDataValidation(this.ctx, dv) : null;
    });
  }

  getDataValidation(): FakeDataValidation | null {
    this.call('getDataValidation', 'read');
    const dv = this.cellAt(this.r, this.c)?.dv;
    return dv ? new FakeDataValidation(this.ctx, dv) : null;
  }

  /** Setting a rule does not re-check existing values (I: Sheets flags them, never deletes). */
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    this.call('setDataValidation', 'write');
    const spec = rule ? rule._spec() : undefined;
    this.each((cell) => {
      if (spec) this.applyRule(cell, spec);
      else delete cell.dv;
    });
    return this;
  }

  /**
   * Sets a rule on a cell. An empty cell under a checkbox rule holds '' or FALSE depending on the
   * workspace's `checkboxBlank` option (I: undocumented; `insertCheckboxes()` writes FALSE (V)).
   */
  private applyRule(cell: Cell, spec: ValidationSpec): void {
    cell.dv = spec;
    const blank = cell.v === undefined && !cell.f;
    if (
      spec.type === 'CHECKBOX' &&
      blank &&
      this.ctx.runtime.ambiguities.checkboxBlank === 'false'
    ) {
      cell.v = false;
    }
  }

  setDataValidations(rules: (FakeDataValidation | null)[][]): FakeRange {
    this.call('setDataValidations', 'write');
    const rows = this.checkShape(rules, 'rules');
    this.each((cell, i, j) => {
      const rule = rows[i][j] as FakeDataValidation | null;
      if (rule) this.applyRule(cell, rule._spec());
      else delete cell.dv;
    });
    return this;
  }

  clearDataValidations(): FakeRange {
    this.call('clearDataValidations', 'write');
    this.each((cell) => {
      delete cell.dv;
      delete cell.invalid;
    });
    return this;
  }

  // ---------- clearing ----------

  /** Contents and formats (V: "Clears the range of contents and formats."). */
  clear(): FakeRange {
    this.call('clear', 'write');
    this.assertEditable();
    this.each((cell) => {
      delete cell.v;
      delete cell.f;
      delete cell.nf;
      delete cell.st;
      delete cell.invalid;
    });
    return this;
  }

  clearContent(): FakeRange {
    this.call('clearContent', 'write');
    this.assertEditable();
    this.each((cell) => {
      delete cell.v;
      delete cell.f;
      delete cell.invalid;
    });
    return this;
  }

  clearFormat(): FakeRange {
    this.call('clearFormat', 'write');
    this.each((cell) => {
      delete cell.nf;
      delete cell.st;
    });
    return this;
  }

  // ---------- styles (stored, shown by the preview) ----------

  private style<K extends keyof CellStyle>(
    method: string,
    key: K,
    value: CellStyle[K] | null,
  ): FakeRange {
    this.call(method, 'write');
    this.each((cell) => {
      if (value === null || value === undefined) {
        if (cell.st) delete cell.st[key];
      } else {
        cell.st = { ...cell.st, [key]: value };
      }
    });
    return this;
  }

  private styles<K extends keyof CellStyle>(
    method: string,
    key: K,
    values: unknown[][],
  ): FakeRange {
    this.call(method, 'write');
    const rows = this.checkShape(values, 'values');
    this.each((cell, i, j) => {
      const v = rows[i][j] as CellStyle[K] | null;
      if (v === null || v === undefined) {
        if (cell.st) delete cell.st[key];
      } else {
        cell.st = { ...cell.st, [key]: v };
      }
    });
    return this;
  }

  setBackground(color: string | null): FakeRange {
    return this.style('setBackground', 'background', color);
  }
  setBackgrounds(colors: (string | null)[][]): FakeRange {
    return this.styles('setBackgrounds', 'background', colors);
  }
  setFontColor(color: string | null): FakeRange {
    return this.style('setFontColor', 'fontColor', color);
  }
  setFontColors(colors: (string | null)[][]): FakeRange {
    return this.styles('setFontColors', 'fontColor', colors);
  }
  setFontWeight(fontWeight: 'bold' | 'normal' | null): FakeRange {
    return this.style('setFontWeight', 'fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: ('bold' | 'normal' | null)[][]): FakeRange {
    return this.styles('setFontWeights', 'fontWeight', fontWeights);
  }
  setFontStyle(fontStyle: 'italic' | 'normal' | null): FakeRange {
    return this.style('setFontStyle', 'fontStyle', fontStyle);
  }
  setFontSize(size: number): FakeRange {
    return this.style('setFontSize', 'fontSize', size);
  }
  setWrap(isWrapEnabled: boolean): FakeRange {
    return this.style('setWrap', 'wrap', isWrapEnabled);
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): FakeRange {
    return this.style('setHorizontalAlignment', 'horizontalAlignment', alignment);
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): FakeRange {
    return this.style('setVerticalAlignment', 'verticalAlignment', alignment);
  }
  /** Borders are accepted and ignored (nothing the add-on reads back). */
  setBorder(..._args: unknown[]): FakeRange {
    this.call('setBorder', 'write');
    return this;
  }

  /** Defaults per the reference: '#ffffff' background, 'normal' weight, '#000000' text (V). */
  getBackgrounds(): string[][] {
    this.call('getBackgrounds', 'read');
    return this.map((r, c) => this.cellAt(r, c)?.st?.background ?? '#ffffff');
  }
  getBackground(): string {
    this.call('getBackground', 'read');
    return this.cellAt(this.r, this.c)?.st?.background ?? '#ffffff';
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    this.call('getFontWeights', 'read');
    return this.map(
      (r, c) =>
        (this.cellAt(r, c)?.st?.fontWeight ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight,
    );
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    this.call('getFontWeight', 'read');
    return (this.cellAt(this.r, this.c)?.st?.fontWeight ??
      'normal') as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  getFontColor(): string {
    this.call('getFontColor', 'read');
    return this.cellAt(this.r, this.c)?.st?.fontColor ?? '#000000';
  }
  getWrap(): boolean {
    this.call('getWrap', 'read');
    return this.cellAt(this.r, this.c)?.st?.wrap ?? false;
  }
  /** (V) Range.getWraps: whether each cell wraps (…/spreadsheet/range#getWraps()). */
  getWraps(): boolean[][] {
    this.call('getWraps', 'read');
    return this.map((r, c) => this.cellAt(r, c)?.st?.wrap ?? false);
  }
  getHorizontalAlignment(): string {
    this.call('getHorizontalAlignment', 'read');
    return this.cellAt(this.r, this.c)?.st?.horizontalAlignment ?? 'general';
  }

  /** Merges are stored for the preview; values outside the top-left cell are cleared (V). */
  merge(): FakeRange {
    this.call('merge', 'write');
    const sheet = this.st;
    const ref = this._ref();
    sheet.merges = sheet.merges.filter(
      (m) => m.r2 < ref.r1 || m.r1 > ref.r2 || m.c2 < ref.c1 || m.c1 > ref.c2,
    );
    sheet.merges.push(ref);
    this.each((cell, i, j) => {
      if (i > 0 || j > 0) {
        delete cell.v;
        delete cell.f;
      }
    });
    return this;
  }

  /**
   * (V) Range.mergeAcross: "Merge the cells in the range across the columns of the range" — each
   * row of the range becomes its own merged block (one call for many rows). Values outside each
   * row's first cell are cleared, as with merge (V).
   */
  mergeAcross(): FakeRange {
    this.call('mergeAcross', 'write');
    const sheet = this.st;
    const ref = this._ref();
    if (ref.c2 === ref.c1) return this;
    sheet.merges = sheet.merges.filter(
      (m) => m.r2 < ref.r1 || m.r1 > ref.r2 || m.c2 < ref.c1 || m.c1 > ref.c2,
    );
    for (let r = ref.r1; r <= ref.r2; r++) sheet.merges.push({ ...ref, r1: r, r2: r });
    this.each((cell, _i, j) => {
      if (j > 0) {
        delete cell.v;
        delete cell.f;
      }
    });
    return this;
  }

  breakApart(): FakeRange {
    this.call('breakApart', 'write');
    this._breakApart();
    return this;
  }

  /** Emulator-internal: sets wrapping on every cell, uncounted (RangeList uses it). */
  _setWrap(isWrapEnabled: boolean): void {
    this.each((cell) => {
      cell.st = { ...cell.st, wrap: isWrapEnabled };
    });
  }

  /** Emulator-internal: unmerges every merge touching the range, uncounted (RangeList uses it). */
  _breakApart(): void {
    const ref = this._ref();
    const sheet = this.st;
    sheet.merges = sheet.merges.filter(
      (m) => m.r2 < ref.r1 || m.r1 > ref.r2 || m.c2 < ref.c1 || m.c1 > ref.c2,
    );
  }

  /** The merged blocks that touch this range, each as a range (V: Range.getMergedRanges). */
  getMergedRanges(): FakeRange[] {
    this.call('getMergedRanges', 'read');
    const ref = this._ref();
    return this.st.merges
      .filter((m) => !(m.r2 < ref.r1 || m.r1 > ref.r2 || m.c2 < ref.c1 || m.c1 > ref.c2))
      .map(
        (m) => new FakeRange(this.ctx, this.sheetId, m.r1, m.c1, m.r2 - m.r1 + 1, m.c2 - m.c1 + 1),
      );
  }

  isPartOfMerge(): boolean {
    this.call('isPartOfMerge', 'read');
    const ref = this._ref();
    return this.st.merges.some(
      (m) => !(m.r2 < ref.r1 || m.r1 > ref.r2 || m.c2 < ref.c1 || m.c1 > ref.c2),
    );
  }

  // ---------- checkboxes and cut/paste ----------

  /**
   * (V) Range.insertCheckboxes(): "Inserts checkboxes into each cell in the range, configured with
   * true for checked and false for unchecked. Sets the value of all cells in the range to false."
   */
  insertCheckboxes(): FakeRange {
    this.call('insertCheckboxes', 'write');
    this.assertEditable();
    this.each((cell) => {
      cell.dv = { type: 'CHECKBOX', args: [], allowInvalid: false, helpText: null };
      cell.v = false;
      delete cell.f;
      delete cell.invalid;
    });
    return this;
  }

  /**
   * (V) Range.moveTo(target): "Cut and paste (both format and values) from this range to the target
   * range" — the cells (values, formulas, formats, notes, validation) land at the target's top-left
   * cell, the source is left empty. Row and column developer metadata belongs to the row/column,
   * not to the cells, so it stays where it was (I: the self-test checks this on Google). Formulas
   * elsewhere that point at the moved cells are not re-pointed (not modelled).
   */
  moveTo(target: FakeRange): void {
    this.call('moveTo', 'write');
    if (!(target instanceof FakeRange)) throw new Error('Cannot find method moveTo(object).');
    this.assertEditable();
    const book = this.ctx.book;
    const src = this.st;
    const dst = target.st;
    const moved = this.map((r, c) => {
      const cell = book.cell(src, r, c);
      return cell ? structuredClone(cell) : undefined;
    });
    this.each((cell) => {
      for (const key of Object.keys(cell) as (keyof Cell)[]) delete cell[key];
    });
    moved.forEach((row, i) => {
      row.forEach((cell, j) => {
        const out = book.ensureCell(dst, target.r + i, target.c + j);
        for (const key of Object.keys(out) as (keyof Cell)[]) delete out[key];
        if (cell) Object.assign(out, cell);
      });
    });
  }

  // ---------- geometry ----------

  getRow(): number {
    this.call('getRow', 'other');
    return this.r;
  }
  getRowIndex(): number {
    this.call('getRowIndex', 'other');
    return this.r;
  }
  getColumn(): number {
    this.call('getColumn', 'other');
    return this.c;
  }
  getNumRows(): number {
    this.call('getNumRows', 'other');
    return this.nr;
  }
  getNumColumns(): number {
    this.call('getNumColumns', 'other');
    return this.nc;
  }
  getLastRow(): number {
    this.call('getLastRow', 'other');
    return this.r + this.nr - 1;
  }
  getLastColumn(): number {
    this.call('getLastColumn', 'other');
    return this.c + this.nc - 1;
  }
  getGridId(): number {
    this.call('getGridId', 'other');
    return this.sheetId;
  }

  /** 'A1', 'A1:B2'; whole rows/columns as '2:5' / 'A:C' (I: Google's form for those). */
  getA1Notation(): string {
    this.call('getA1Notation', 'other');
    if (this.shape === 'rows') return `${this.r}:${this.r + this.nr - 1}`;
    if (this.shape === 'cols')
      return `${columnLetter(this.c)}:${columnLetter(this.c + this.nc - 1)}`;
    return formatA1(this.r, this.c, this.r + this.nr - 1, this.c + this.nc - 1);
  }

  getSheet(): FakeSheet {
    this.call('getSheet', 'other');
    return this.ctx.sheet(this.sheetId);
  }

  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): FakeRange {
    this.call('offset', 'other');
    return this.ctx
      .sheet(this.sheetId)
      ._range(this.r + rowOffset, this.c + columnOffset, numRows ?? this.nr, numColumns ?? this.nc);
  }

  getCell(row: number, column: number): FakeRange {
    this.call('getCell', 'other');
    if (row < 1 || column < 1 || row > this.nr || column > this.nc)
      throw new Error(MESSAGES.outOfBounds);
    return new FakeRange(this.ctx, this.sheetId, this.r + row - 1, this.c + column - 1, 1, 1);
  }

  activate(): FakeRange {
    this.call('activate', 'other');
    this.ctx.book.state.activeSheetId = this.sheetId;
    this.ctx.book.state.activeRange = {
      sheetId: this.sheetId,
      row: this.r,
      col: this.c,
      numRows: this.nr,
      numCols: this.nc,
    };
    return this;
  }

  // ---------- protection ----------

  /**
   * A new RANGE protection whose editors mirror the spreadsheet's until the script changes them
   * (V: Range.protect reference), so it protects nothing yet.
   */
  protect(): FakeProtection {
    this.call('protect', 'write');
    const book = this.ctx.book;
    const spec = {
      id: book.newId(),
      type: 'RANGE' as const,
      sheetId: this.sheetId,
      range: this._ref(),
      description: '',
      warningOnly: false,
      editors: null,
      domainEdit: true,
      unprotected: [],
    };
    book.state.protections.push(spec);
    return new FakeProtection(this.ctx, spec.id);
  }

  // ---------- developer metadata ----------

  /** Whole rows ('5:5') or whole columns ('C:C') only (S: Google's error text for other ranges). */
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): FakeRange {
    this.call('addDeveloperMetadata', 'write');
    if (this.shape === 'cells') throw new Error(MESSAGES.arbitraryMetadata);
    const { value, vis } = metadataArgs(valueOrVisibility, visibility);
    const book = this.ctx.book;
    const id = book.newId();
    book.state.metadata.push({
      id,
      key,
      value,
      visibility: vis,
      location: this.shape === 'rows' ? 'ROW' : 'COLUMN',
      sheetId: this.sheetId,
    });
    const sheet = this.st;
    if (this.shape === 'rows')
      for (let i = 0; i < this.nr; i++) sheet.rows[this.r - 1 + i].meta.push(id);
    else for (let j = 0; j < this.nc; j++) sheet.cols[this.c - 1 + j].meta.push(id);
    return this;
  }

  /** Metadata located exactly on these rows/columns (I: Google's matching for other ranges). */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.call('getDeveloperMetadata', 'read');
    return new FakeDeveloperMetadataFinder(this.ctx, {
      kind: 'range',
      ref: this._ref(),
      shape: this.shape,
    })._find();
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.call('createDeveloperMetadataFinder', 'other');
    return new FakeDeveloperMetadataFinder(this.ctx, {
      kind: 'range',
      ref: this._ref(),
      shape: this.shape,
    });
  }
}

/** Untangles addDeveloperMetadata(key[, value][, visibility]) overloads (V: reference pages). */
export function metadataArgs(
  a?: unknown,
  b?: unknown,
): { value: string | null; vis: 'DOCUMENT' | 'PROJECT' } {
  if (isEnumMember(a)) return { value: null, vis: enumName(a) as 'DOCUMENT' | 'PROJECT' };
  const value = a === undefined || a === null ? null : String(a);
  // Default visibility is DOCUMENT (V: addDeveloperMetadata(key) docs).
  const vis = b === undefined ? 'DOCUMENT' : (enumName(b) as 'DOCUMENT' | 'PROJECT');
  return { value, vis };
}
