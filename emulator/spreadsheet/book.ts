// The emulator's workbook engine: cells, value conversion, formulas, validation, protection and
// structural edits, shared by the fake SpreadsheetApp classes and the emulator-only user API.
import { isDate, type Runtime } from '../runtime';
import { formatA1 } from './a1';
import {
  type EvalContext,
  evaluate,
  FormulaError,
  rewriteRefs,
  shiftRefFor,
  type Val,
} from './formula';
import {
  type Axis,
  type BookState,
  type Cell,
  type GridRef,
  moveIndex,
  newSheetState,
  type ProtectionSpec,
  type RowRec,
  type SheetState,
  type SpreadsheetState,
  shiftDelete,
  shiftInsert,
  type ValidationSpec,
} from './model';
import {
  DEFAULT_DATE_FORMAT,
  DEFAULT_DATE_TIME_FORMAT,
  dateToSerial,
  displayValue,
  isDateFormat,
  parseTyped,
  type Scalar,
  serialToInstant,
} from './values';

/** Google's messages, quoted from public sources (each tagged where it is thrown). */
export const MESSAGES = {
  /** (S) many public scripts and mocks quote this exact text. */
  outOfBounds: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  /** (S) Sheets API and Apps Script both answer this for a protected cell. */
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  /** (S) Apps Script/Sheets API message for a duplicate sheet name. */
  duplicateSheet: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  /** (S) the message shown in the UI and thrown to scripts for a "reject input" rule. */
  invalidData: (a1: string) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  arbitraryMetadata:
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
  lastSheet: "You can't remove all the sheets in a document.",
  tooManyCharacters: `Your input contains more than the maximum of ${50_000} characters in a single cell.`,
};

/** The most characters a cell holds (S: Sheets' own refusal message names the figure). */
export const CELL_CHARACTER_LIMIT = 50_000;

/** What a reader sees: Date for date-formatted numbers, '' for empty, error codes as text. */
export type External = number | string | boolean | Date;

export type EditCheck = 'ok' | 'warn' | 'blocked';

export class Workbook {
  private evaluating = new Set<string>();

  constructor(
    public state: BookState,
    readonly runtime: Runtime,
  ) {}

  static create(
    runtime: Runtime,
    o: { id?: string; name?: string; timeZone?: string; locale?: string; userEmail?: string },
  ): Workbook {
    const owner = o.userEmail ?? 'owner@example.com';
    const first = newSheetState(0, 'Sheet1');
    return new Workbook(
      {
        id: o.id ?? 'spreadsheet-1',
        name: o.name ?? 'Untitled spreadsheet',
        timeZone: o.timeZone ?? 'Etc/UTC',
        locale: o.locale ?? 'en_US',
        owner,
        editors: [],
        activeUser: owner,
        activeSheetId: 0,
        sheets: [first],
        metadata: [],
        protections: [],
        nextId: 1,
      },
      runtime,
    );
  }

  newId(): number {
    return this.state.nextId++;
  }

  // ---------- sheets and cells ----------

  sheetById(id: number): SheetState | undefined {
    return this.state.sheets.find((s) => s.id === id);
  }

  /** Case-sensitive, like getSheetByName (S: several public scripts note the case sensitivity). */
  sheetByName(name: string): SheetState | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }

  requireSheet(id: number): SheetState {
    const s = this.sheetById(id);
    if (!s) throw new Error('This sheet has been deleted.'); // (I) wording
    return s;
  }

  cell(sheet: SheetState, r: number, c: number): Cell | undefined {
    return sheet.rows[r - 1]?.cells[c - 1];
  }

  ensureCell(sheet: SheetState, r: number, c: number): Cell {
    const row = sheet.rows[r - 1];
    if (!row) throw new Error(MESSAGES.outOfBounds);
    let cell = row.cells[c - 1];
    if (!cell) {
      cell = {};
      row.cells[c - 1] = cell;
    }
    return cell;
  }

  /** Last row with a value or formula (formatting alone does not count: (V) getLastRow docs). */
  lastRow(sheet: SheetState): number {
    for (let r = sheet.rows.length; r >= 1; r--) {
      if (sheet.rows[r - 1].cells.some((c) => c && (c.v !== undefined || c.f))) return r;
    }
    return 0;
  }

  lastColumn(sheet: SheetState): number {
    let last = 0;
    for (const row of sheet.rows) {
      for (let c = row.cells.length; c > last; c--) {
        const cell = row.cells[c - 1];
        if (cell && (cell.v !== undefined || cell.f)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  // ---------- reading ----------

  private evalContext(sheet: SheetState): EvalContext {
    return {
      sheetName: sheet.name,
      cell: (name, r, c) => {
        const s = this.sheetByName(name);
        if (!s) return { v: new FormulaError('#REF!') };
        return this.evalCell(s, r, c);
      },
      size: (name) => {
        const s = this.sheetByName(name);
        return s ? { rows: s.rows.length, cols: s.cols.length } : null;
      },
      today: () => Math.floor(dateToSerial(this.runtime.now(), this.state.timeZone)),
      now: () => dateToSerial(this.runtime.now(), this.state.timeZone),
    };
  }

  /** A formula's value on `sheet`, stored nowhere: how a conditional-format rule is checked. */
  evaluateOn(sheet: SheetState, formula: string): Val {
    return evaluate(formula, this.evalContext(sheet));
  }

  /** The value of a cell as the formula engine sees it. Circular references give #REF! (S). */
  evalCell(sheet: SheetState, r: number, c: number): Val {
    const cell = this.cell(sheet, r, c);
    if (!cell) return { v: '' };
    if (!cell.f) {
      if (cell.v === undefined) return { v: '' };
      return { v: cell.v, date: typeof cell.v === 'number' && isDateFormat(cell.nf) };
    }
    const key = `${sheet.id}:${r}:${c}`;
    if (this.evaluating.has(key)) return { v: new FormulaError('#REF!') };
    this.evaluating.add(key);
    try {
      return evaluate(cell.f, this.evalContext(sheet));
    } finally {
      this.evaluating.delete(key);
    }
  }

  /** The format a cell is shown with: its own, or what its formula result implies. */
  effectiveFormat(cell: Cell | undefined, val: Val): string | undefined {
    if (cell?.nf) return cell.nf;
    if (val.date && typeof val.v === 'number') {
      return Number.isInteger(val.v) ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT;
    }
    return undefined;
  }

  /** getValues() for one cell: Number, Boolean, Date or String; '' when empty (V). */
  external(sheet: SheetState, r: number, c: number): External {
    const cell = this.cell(sheet, r, c);
    const val = this.evalCell(sheet, r, c);
    if (val.v instanceof FormulaError) return val.v.code;
    if (typeof val.v === 'number' && isDateFormat(this.effectiveFormat(cell, val))) {
      return new Date(serialToInstant(val.v, this.state.timeZone));
    }
    return val.v;
  }

  /** getDisplayValues() for one cell: the text shown, formatted by the cell's number format (V). */
  display(sheet: SheetState, r: number, c: number): string {
    const cell = this.cell(sheet, r, c);
    const val = this.evalCell(sheet, r, c);
    if (val.v instanceof FormulaError) return val.v.code;
    return displayValue(val.v, this.effectiveFormat(cell, val));
  }

  // ---------- writing ----------

  /**
   * The stored form of a value a script writes (setValue/setValues) or a person types. Strings are
   * parsed like typed input (I: Sheets' recogniser is undocumented), except in plain-text '@'
   * cells (I) and after a leading apostrophe (S); '=...' becomes a formula (V).
   */
  convertInput(
    input: unknown,
    currentFormat: string | undefined,
  ): Partial<Cell> & { clear?: true } {
    if (input === null || input === undefined || input === '') return { clear: true };
    if (isDate(input)) {
      const ms = (input as Date).getTime();
      if (Number.isNaN(ms)) return { v: 'Invalid Date' }; // (I)
      const serial = dateToSerial(ms, this.state.timeZone);
      const nf = currentFormat
        ? undefined
        : Number.isInteger(serial)
          ? DEFAULT_DATE_FORMAT
          : DEFAULT_DATE_TIME_FORMAT;
      return { v: serial, nf };
    }
    if (typeof input === 'number') return Number.isFinite(input) ? { v: input } : { v: '#NUM!' };
    if (typeof input === 'boolean') return { v: input };
    const text = String(input);
    // (S) the whole write is refused, whatever the cell's format (docs/google-facts.md).
    if (text.length > CELL_CHARACTER_LIMIT) throw new Error(MESSAGES.tooManyCharacters);
    if (text.length > 1 && text.startsWith('=')) return { f: text };
    // (I) emulator/ambiguities.ts `plainTextApostrophe`: in a '@' cell it may stay a character.
    if (text.startsWith("'"))
      return {
        v:
          currentFormat === '@' && this.runtime.ambiguities.plainTextApostrophe === 'kept'
            ? text
            : text.slice(1),
      };
    if (currentFormat === '@') return { v: text };
    const parsed = parseTyped(text, this.state.locale);
    if (parsed.value === '') return { clear: true };
    return { v: parsed.value, nf: currentFormat ? undefined : parsed.impliedFormat };
  }

  /** Stores a converted value into a cell (keeps its formats, notes and validation). */
  store(sheet: SheetState, r: number, c: number, conv: Partial<Cell> & { clear?: true }): void {
    const existing = this.cell(sheet, r, c);
    if (!existing && conv.clear) return;
    const cell = this.ensureCell(sheet, r, c);
    delete cell.v;
    delete cell.f;
    delete cell.invalid;
    if (conv.clear) return;
    if (conv.f !== undefined) cell.f = conv.f;
    if (conv.v !== undefined) cell.v = conv.v;
    if (conv.nf) cell.nf = conv.nf;
  }

  /** Would this cell, holding `conv`, satisfy its validation rule? Empty always passes (I). */
  passesValidation(
    sheet: SheetState,
    r: number,
    c: number,
    conv: Partial<Cell> & { clear?: true },
  ): boolean {
    const rule = this.cell(sheet, r, c)?.dv;
    if (!rule || conv.clear) return true;
    if (conv.f !== undefined) return true; // (I) formulas are checked by result in Sheets; not modelled
    const nf = conv.nf ?? this.cell(sheet, r, c)?.nf;
    return this.checkRule(rule, conv.v as Scalar, nf);
  }

  checkRule(rule: ValidationSpec, value: Scalar, nf: string | undefined): boolean {
    const isDateVal = typeof value === 'number' && isDateFormat(nf);
    const text = displayValue(value, nf);
    const num = typeof value === 'number' ? value : null;
    const argDay = (i: number): number => {
      const a = rule.args[i];
      if (a && typeof a === 'object' && 'date' in a) {
        return Math.floor(dateToSerial(a.date, this.state.timeZone));
      }
      return Number.NaN;
    };
    const argNum = (i: number): number => Number(rule.args[i]);
    const day = num !== null ? Math.floor(num) : Number.NaN;
    switch (rule.type) {
      case 'VALUE_IN_LIST': {
        const a = rule.args[0];
        const list = a && typeof a === 'object' && 'list' in a ? a.list : [];
        return list.some((item) => String(item) === text);
      }
      case 'VALUE_IN_RANGE': {
        const a = rule.args[0];
        if (!a || typeof a !== 'object' || !('range' in a) || a.range.broken) return false;
        const src = this.sheetById(a.range.sheetId);
        if (!src) return false;
        const { r1, c1, r2, c2 } = this.resolve(a.range);
        for (let rr = r1; rr <= r2; rr++) {
          for (let cc = c1; cc <= c2; cc++) {
            const shown = this.display(src, rr, cc);
            if (shown !== '' && shown === text) return true;
          }
        }
        return false;
      }
      case 'DATE_IS_VALID_DATE':
        return isDateVal;
      case 'DATE_AFTER':
        return isDateVal && day > argDay(0);
      case 'DATE_BEFORE':
        return isDateVal && day < argDay(0);
      case 'DATE_ON_OR_AFTER':
        return isDateVal && day >= argDay(0);
      case 'DATE_ON_OR_BEFORE':
        return isDateVal && day <= argDay(0);
      case 'DATE_EQUAL_TO':
        return isDateVal && day === argDay(0);
      case 'DATE_BETWEEN':
        return isDateVal && day >= argDay(0) && day <= argDay(1);
      case 'DATE_NOT_BETWEEN':
        return isDateVal && (day < argDay(0) || day > argDay(1));
      case 'NUMBER_BETWEEN':
        return num !== null && num >= argNum(0) && num <= argNum(1);
      case 'NUMBER_NOT_BETWEEN':
        return num !== null && (num < argNum(0) || num > argNum(1));
      case 'NUMBER_EQUAL_TO':
        return num !== null && num === argNum(0);
      case 'NUMBER_NOT_EQUAL_TO':
        return num !== null && num !== argNum(0);
      case 'NUMBER_GREATER_THAN':
        return num !== null && num > argNum(0);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return num !== null && num >= argNum(0);
      case 'NUMBER_LESS_THAN':
        return num !== null && num < argNum(0);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return num !== null && num <= argNum(0);
      case 'TEXT_CONTAINS':
        return text.includes(String(rule.args[0]));
      case 'TEXT_DOES_NOT_CONTAIN':
        return !text.includes(String(rule.args[0]));
      case 'TEXT_EQUAL_TO':
        return text === String(rule.args[0]);
      case 'TEXT_IS_VALID_EMAIL':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
      case 'TEXT_IS_VALID_URL':
        return (
          /^(https?|ftp):\/\/[^\s]+\.[^\s]+$/i.test(text) ||
          /^[^\s/]+\.[a-z]{2,}(\/\S*)?$/i.test(text)
        );
      case 'CHECKBOX': {
        if (rule.args.length === 0) return typeof value === 'boolean';
        return rule.args.some((a) => a !== null && typeof a !== 'object' && String(a) === text);
      }
      case 'CUSTOM_FORMULA':
        return true; // (I) stored only: the emulator does not evaluate custom validation formulas
    }
  }

  // ---------- protection ----------

  /** Every protection covering a cell, in creation order. */
  protectionsAt(sheet: SheetState, r: number, c: number): ProtectionSpec[] {
    return this.state.protections.filter((p) => {
      if (p.sheetId !== sheet.id) return false;
      if (p.type === 'RANGE') return p.range !== undefined && this.contains(p.range, r, c);
      return !p.unprotected.some((u) => this.contains(u, r, c));
    });
  }

  /**
   * Can `user` edit the cell? The owner always can (V: Protection.canEdit docs); a warning-only
   * protection lets anyone through with a warning (V: setWarningOnly docs); a protection whose
   * editors still mirror the spreadsheet lets every editor through (V: Range.protect docs).
   */
  canEditCell(sheet: SheetState, r: number, c: number, user: string): EditCheck {
    if (user === this.state.owner) return 'ok';
    let result: EditCheck = 'ok';
    for (const p of this.protectionsAt(sheet, r, c)) {
      if (p.warningOnly) {
        result = 'warn';
        continue;
      }
      if (p.editors !== null && !p.editors.includes(user)) return 'blocked';
    }
    return result;
  }

  // ---------- ranges ----------

  /** Resolves open-ended refs (A:C, 2:5) against the sheet's current size. */
  resolve(ref: GridRef): { r1: number; c1: number; r2: number; c2: number } {
    const sheet = this.sheetById(ref.sheetId);
    const maxR = sheet?.rows.length ?? ref.r2;
    const maxC = sheet?.cols.length ?? ref.c2;
    return {
      r1: ref.r1,
      c1: ref.c1,
      r2: ref.openRows ? maxR : ref.r2,
      c2: ref.openCols ? maxC : ref.c2,
    };
  }

  contains(ref: GridRef, r: number, c: number): boolean {
    if (ref.broken) return false;
    const x = this.resolve(ref);
    return r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2;
  }

  a1(ref: GridRef): string {
    const x = this.resolve(ref);
    return formatA1(x.r1, x.c1, x.r2, x.c2);
  }

  /** Every GridRef stored anywhere (deduplicated), so structural edits can shift them all. */
  private allRefs(): Set<GridRef> {
    const refs = new Set<GridRef>();
    for (const p of this.state.protections) {
      if (p.range) refs.add(p.range);
      for (const u of p.unprotected) refs.add(u);
    }
    for (const s of this.state.sheets) {
      for (const rule of s.cfRules) for (const r of rule.ranges) refs.add(r);
      for (const ch of s.charts) for (const r of ch.ranges) refs.add(r);
      for (const m of s.merges) refs.add(m);
      if (s.filter) {
        refs.add(s.filter.range);
        for (const c of s.filter.criteria) refs.add(c.column);
      }
      for (const row of s.rows) {
        for (const cell of row.cells) {
          for (const a of cell?.dv?.args ?? []) {
            if (a && typeof a === 'object' && 'range' in a) refs.add(a.range);
          }
        }
      }
    }
    return refs;
  }

  /** Drops whatever a structural delete left pointing at nothing (I: Sheets shows #REF! there). */
  private pruneBroken(): void {
    this.state.protections = this.state.protections.filter((p) => !p.range?.broken);
    for (const p of this.state.protections) p.unprotected = p.unprotected.filter((u) => !u.broken);
    for (const s of this.state.sheets) {
      for (const rule of s.cfRules) rule.ranges = rule.ranges.filter((r) => !r.broken);
      s.cfRules = s.cfRules.filter((rule) => rule.ranges.length > 0);
      for (const ch of s.charts) ch.ranges = ch.ranges.filter((r) => !r.broken);
      s.merges = s.merges.filter((m) => !m.broken);
      // (I) a filter whose every row or column was deleted goes; a deleted column's criteria go.
      if (s.filter?.range.broken) delete s.filter;
      if (s.filter) s.filter.criteria = s.filter.criteria.filter((c) => !c.column.broken);
    }
  }

  /**
   * Applies the sheet's filter: a data row (below the filter's header row) is hidden when a
   * criteria column shows one of that column's hidden values (I: shown text compared). Rows keep
   * the result until criteria change again (I: an edit does not re-filter by itself).
   */
  applyFilter(sheet: SheetState): void {
    for (const row of sheet.rows) delete row.filtered;
    const f = sheet.filter;
    if (!f) return;
    const { r1, r2 } = this.resolve(f.range);
    for (let r = r1 + 1; r <= Math.min(r2, sheet.rows.length); r++) {
      const hide = f.criteria.some((c) =>
        c.hiddenValues.includes(this.display(sheet, r, c.column.c1)),
      );
      if (hide) sheet.rows[r - 1].filtered = true;
    }
  }

  /** Metadata whose row/column was deleted disappears with it (V: Sheets API metadata guide). */
  private pruneMetadata(): void {
    const alive = new Set<number>();
    for (const s of this.state.sheets) {
      for (const row of s.rows) for (const id of row.meta) alive.add(id);
      for (const col of s.cols) for (const id of col.meta) alive.add(id);
    }
    const sheetIds = new Set(this.state.sheets.map((s) => s.id));
    this.state.metadata = this.state.metadata.filter((m) => {
      if (m.location === 'ROW' || m.location === 'COLUMN') return alive.has(m.id);
      if (m.location === 'SHEET') return sheetIds.has(m.sheetId!);
      return true;
    });
  }

  private rewriteFormulas(
    sheet: SheetState,
    axis: Axis,
    op: 'insert' | 'delete',
    at: number,
    count: number,
  ): void {
    for (const s of this.state.sheets) {
      for (const row of s.rows) {
        for (const cell of row.cells) {
          if (!cell?.f) continue;
          cell.f = rewriteRefs(cell.f, s.name, (ref, refSheet) =>
            refSheet === sheet.name ? shiftRefFor(ref, axis, op, at, count) : ref,
          );
        }
      }
    }
  }

  // ---------- structural edits ----------

  /** A new row/column copies the formats and validation of its neighbour (S/I; values blank). */
  private inheritedRow(sheet: SheetState, neighbour: number): RowRec {
    const src = sheet.rows[neighbour - 1];
    const cells: (Cell | undefined)[] = [];
    src?.cells.forEach((cell, i) => {
      if (!cell) return;
      const copy: Cell = {};
      if (cell.nf) copy.nf = cell.nf;
      if (cell.st) copy.st = { ...cell.st };
      if (cell.dv) copy.dv = cell.dv;
      if (Object.keys(copy).length) cells[i] = copy;
    });
    return { cells, meta: [] };
  }

  insertRows(sheet: SheetState, at: number, count: number): void {
    if (at < 1 || at > sheet.rows.length + 1 || count < 1)
      throw new Error(MESSAGES.rowsOutOfBounds);
    const neighbour = at > 1 ? at - 1 : at;
    const fresh = Array.from({ length: count }, () => this.inheritedRow(sheet, neighbour));
    sheet.rows.splice(at - 1, 0, ...fresh);
    for (const ref of this.allRefs())
      if (ref.sheetId === sheet.id) shiftInsert(ref, 'rows', at, count);
    this.rewriteFormulas(sheet, 'rows', 'insert', at, count);
    if (at <= sheet.frozenRows) sheet.frozenRows += count; // (I)
  }

  deleteRows(sheet: SheetState, at: number, count: number): void {
    if (at < 1 || count < 1 || at + count - 1 > sheet.rows.length)
      throw new Error(MESSAGES.rowsOutOfBounds);
    const frozenLeft = Math.max(
      0,
      sheet.frozenRows - Math.max(0, Math.min(sheet.frozenRows, at + count - 1) - at + 1),
    );
    if (sheet.rows.length - count <= frozenLeft) throw new Error(MESSAGES.deleteAllRows);
    sheet.rows.splice(at - 1, count);
    for (const ref of this.allRefs())
      if (ref.sheetId === sheet.id) shiftDelete(ref, 'rows', at, count);
    this.rewriteFormulas(sheet, 'rows', 'delete', at, count);
    sheet.frozenRows = frozenLeft;
    this.pruneBroken();
    this.pruneMetadata();
  }

  insertColumns(sheet: SheetState, at: number, count: number): void {
    if (at < 1 || at > sheet.cols.length + 1 || count < 1)
      throw new Error(MESSAGES.columnsOutOfBounds);
    const neighbour = at > 1 ? at - 1 : at;
    sheet.cols.splice(
      at - 1,
      0,
      ...Array.from({ length: count }, () => ({
        meta: [] as number[],
        width: sheet.cols[neighbour - 1]?.width,
      })),
    );
    for (const row of sheet.rows) {
      const src = row.cells[neighbour - 1];
      const fresh: (Cell | undefined)[] = Array.from({ length: count }, () => {
        if (!src) return undefined;
        const copy: Cell = {};
        if (src.nf) copy.nf = src.nf;
        if (src.st) copy.st = { ...src.st };
        if (src.dv) copy.dv = src.dv;
        return Object.keys(copy).length ? copy : undefined;
      });
      if (row.cells.length < at - 1) row.cells.length = at - 1;
      row.cells.splice(at - 1, 0, ...fresh);
    }
    for (const ref of this.allRefs())
      if (ref.sheetId === sheet.id) shiftInsert(ref, 'cols', at, count);
    this.rewriteFormulas(sheet, 'cols', 'insert', at, count);
    if (at <= sheet.frozenCols) sheet.frozenCols += count;
  }

  deleteColumns(sheet: SheetState, at: number, count: number): void {
    if (at < 1 || count < 1 || at + count - 1 > sheet.cols.length)
      throw new Error(MESSAGES.columnsOutOfBounds);
    if (sheet.cols.length - count <= 0) throw new Error(MESSAGES.deleteAllColumns);
    sheet.cols.splice(at - 1, count);
    for (const row of sheet.rows) if (row.cells.length >= at) row.cells.splice(at - 1, count);
    for (const ref of this.allRefs())
      if (ref.sheetId === sheet.id) shiftDelete(ref, 'cols', at, count);
    this.rewriteFormulas(sheet, 'cols', 'delete', at, count);
    const lostFrozen = Math.max(0, Math.min(sheet.frozenCols, at + count - 1) - at + 1);
    sheet.frozenCols -= lostFrozen;
    this.pruneBroken();
    this.pruneMetadata();
  }

  /**
   * Moves row `from` so that it ends up at index `to`; cells, formats and row metadata travel with
   * it (V for metadata), and references to the moved cells follow them (S: Sheets help on moving
   * rows; ranges are remapped by their end points (I)).
   */
  moveRow(sheet: SheetState, from: number, to: number): void {
    const n = sheet.rows.length;
    if (from < 1 || from > n || to < 1 || to > n) throw new Error(MESSAGES.rowsOutOfBounds);
    const [rec] = sheet.rows.splice(from - 1, 1);
    sheet.rows.splice(to - 1, 0, rec);
    this.remapRefs(sheet, 'row', (i) => moveIndex(i, from, to));
  }

  moveColumn(sheet: SheetState, from: number, to: number): void {
    const n = sheet.cols.length;
    if (from < 1 || from > n || to < 1 || to > n) throw new Error(MESSAGES.columnsOutOfBounds);
    const [col] = sheet.cols.splice(from - 1, 1);
    sheet.cols.splice(to - 1, 0, col);
    for (const row of sheet.rows) {
      if (row.cells.length < n) row.cells.length = n;
      const [cell] = row.cells.splice(from - 1, 1);
      row.cells.splice(to - 1, 0, cell);
    }
    this.remapRefs(sheet, 'col', (i) => moveIndex(i, from, to));
  }

  /**
   * Rewrites every formula reference into `sheet` through an index map (moves), and every stored
   * range on it (protections, merges, conditional formats, charts) by its end points (I), as
   * formulas are.
   */
  private remapRefs(sheet: SheetState, key: 'row' | 'col', map: (i: number) => number): void {
    for (const ref of this.allRefs()) {
      if (ref.sheetId !== sheet.id || ref.broken) continue;
      if (key === 'row' && !ref.openRows) {
        const [a, b] = [map(ref.r1), map(ref.r2)];
        ref.r1 = Math.min(a, b);
        ref.r2 = Math.max(a, b);
      }
      if (key === 'col' && !ref.openCols) {
        const [a, b] = [map(ref.c1), map(ref.c2)];
        ref.c1 = Math.min(a, b);
        ref.c2 = Math.max(a, b);
      }
    }
    for (const s of this.state.sheets) {
      for (const row of s.rows) {
        for (const cell of row.cells) {
          if (!cell?.f) continue;
          cell.f = rewriteRefs(cell.f, s.name, (ref, refSheet) => {
            if (refSheet !== sheet.name) return ref;
            const a = ref.a[key];
            const b = ref.b?.[key];
            if (a !== undefined) ref.a[key] = map(a);
            if (ref.b && b !== undefined) ref.b[key] = map(b);
            const na = ref.a[key];
            const nb = ref.b?.[key];
            if (ref.b && na !== undefined && nb !== undefined && na > nb) {
              ref.a[key] = nb;
              ref.b[key] = na;
            }
            return ref;
          });
        }
      }
    }
  }

  /**
   * Sorts rows r1..r2 by one column. Whole rows move (cells, formats, validation, notes and row
   * metadata: (I) for metadata). Order: numbers (and dates), then text (case-insensitive), then
   * booleans; blanks always last (V: Sheets sort docs for blanks; the rest (I)).
   */
  sortRows(sheet: SheetState, r1: number, r2: number, col: number, ascending: boolean): void {
    const block = sheet.rows.slice(r1 - 1, r2).map((rec, i) => ({ rec, from: r1 + i }));
    const key = (i: number) => this.evalCell(sheet, block[i].from, col).v;
    const keys = block.map((_, i) => key(i));
    const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
    const order = block.map((_, i) => i);
    order.sort((a, b) => {
      const x = keys[a];
      const y = keys[b];
      if (x === '' && y === '') return a - b;
      if (x === '') return 1;
      if (y === '') return -1;
      let c = rank(x) - rank(y);
      if (c === 0) {
        if (typeof x === 'number' && typeof y === 'number') c = x - y;
        else c = String(x).toLowerCase().localeCompare(String(y).toLowerCase());
      }
      return (ascending ? c : -c) || a - b;
    });
    // Row metadata follows the row or stays at its position: the `sortRowMetadata` option (I).
    const positionMeta = block.map((b) => b.rec.meta);
    const metaStays = this.runtime.ambiguities.sortRowMetadata === 'stays';
    order.forEach((src, i) => {
      const item = block[src];
      sheet.rows[r1 - 1 + i] = item.rec;
      const delta = r1 + i - item.from;
      if (delta !== 0)
        for (const cell of item.rec.cells)
          if (cell?.f) cell.f = shiftRelative(cell.f, sheet.name, delta, 0);
    });
    if (metaStays) {
      positionMeta.forEach((meta, i) => {
        sheet.rows[r1 - 1 + i].meta = meta;
      });
    }
  }

  /**
   * A person selects column `from` (by its letter), cuts, and pastes onto column `to`: every cell
   * (values, formulas, formats, notes, validation) moves, the source is left empty. Whether the
   * column's developer metadata goes too is not documented: the `cutColumnMetadata` option (I).
   */
  cutPasteColumn(sheet: SheetState, from: number, to: number): void {
    const n = sheet.cols.length;
    if (from < 1 || from > n || to < 1 || to > n) throw new Error(MESSAGES.columnsOutOfBounds);
    if (from === to) return;
    for (const row of sheet.rows) {
      if (row.cells.length < n) row.cells.length = n;
      row.cells[to - 1] = row.cells[from - 1];
      row.cells[from - 1] = undefined;
    }
    if (this.runtime.ambiguities.cutColumnMetadata === 'follows') {
      sheet.cols[to - 1].meta = [...sheet.cols[to - 1].meta, ...sheet.cols[from - 1].meta];
      sheet.cols[from - 1].meta = [];
    }
  }

  /** Copies row `from` over row `to` like copy + paste: values, formulas (relative refs shift), formats, notes, validation; not metadata (I). */
  copyRow(sheet: SheetState, from: number, to: number): void {
    const src = sheet.rows[from - 1];
    const dst = sheet.rows[to - 1];
    if (!src || !dst) throw new Error(MESSAGES.rowsOutOfBounds);
    dst.cells = src.cells.map((cell) => {
      if (!cell) return undefined;
      const copy: Cell = structuredClone({ ...cell, dv: undefined });
      if (cell.dv) copy.dv = cell.dv;
      if (copy.dv === undefined) delete copy.dv;
      if (copy.f) copy.f = shiftRelative(copy.f, sheet.name, to - from, 0);
      return copy;
    });
  }

  deleteSheet(id: number): void {
    if (this.state.sheets.length <= 1) throw new Error(MESSAGES.lastSheet);
    this.state.sheets = this.state.sheets.filter((s) => s.id !== id);
    this.state.protections = this.state.protections.filter((p) => p.sheetId !== id);
    if (this.state.activeSheetId === id) this.state.activeSheetId = this.state.sheets[0].id;
    this.pruneMetadata();
  }

  // ---------- JSON ----------

  toJSON(): SpreadsheetState {
    const sheets = this.state.sheets.map((s) => ({
      ...structuredClone({ ...s, rows: [] as never[] }),
      rows: s.rows.map((row) => {
        const cells: Record<string, Cell> = {};
        row.cells.forEach((cell, i) => {
          if (cell && Object.keys(cell).length) cells[String(i + 1)] = structuredClone(cell);
        });
        const out: SpreadsheetState['book']['sheets'][number]['rows'][number] = {
          cells,
          meta: [...row.meta],
        };
        if (row.hidden) out.hidden = true;
        if (row.filtered) out.filtered = true;
        if (row.height !== undefined) out.height = row.height;
        return out;
      }),
    }));
    return { version: 1, book: { ...structuredClone({ ...this.state, sheets: [] }), sheets } };
  }

  static fromJSON(runtime: Runtime, json: SpreadsheetState): Workbook {
    const data = structuredClone(json.book);
    const sheets: SheetState[] = data.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) => {
        const cells: (Cell | undefined)[] = [];
        for (const [k, cell] of Object.entries(row.cells)) cells[Number(k) - 1] = cell;
        const rec: RowRec = { cells, meta: row.meta };
        if (row.hidden) rec.hidden = true;
        if (row.filtered) rec.filtered = true;
        if (row.height !== undefined) rec.height = row.height;
        return rec;
      }),
    }));
    return new Workbook({ ...data, sheets }, runtime);
  }
}

/** Shifts the relative (non-$) parts of every reference, as copy/paste does (V: Sheets help). */
export function shiftRelative(
  formula: string,
  ownSheet: string,
  dRows: number,
  dCols: number,
): string {
  return rewriteRefs(formula, ownSheet, (ref) => {
    for (const end of [ref.a, ref.b]) {
      if (!end) continue;
      if (end.row !== undefined && !end.rowAbs) end.row += dRows;
      if (end.col !== undefined && !end.colAbs) end.col += dCols;
      if ((end.row !== undefined && end.row < 1) || (end.col !== undefined && end.col < 1))
        return null;
    }
    return ref;
  });
}
