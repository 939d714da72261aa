// The SpreadsheetApp emulator: the `SpreadsheetApp` global for the bundle plus an emulator-only API
// (user edits, snapshots, JSON state) for tests and the local preview.
import type { Runtime } from '../runtime';
import { columnLetter } from './a1';
import { CELL_CHARACTER_LIMIT, type External, MESSAGES, Workbook } from './book';
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from './builders';
import {
  BooleanCriteria,
  BorderStyle,
  ChartType,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  ProtectionType,
  WrapStrategy,
} from './enums';
import { FakeFilterCriteriaBuilder } from './filter';
import type { SheetState, SpreadsheetState } from './model';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeUi } from './ui';

export { ChartType } from './enums';
export type { SpreadsheetState } from './model';
export type { FakeRange } from './range';
export type { FakeSheet } from './sheet';
export type { FakeSpreadsheet, Toast } from './spreadsheet';
export type { DialogRecord, FakeUi, HtmlOutputLike, HtmlShown, MenuEntry, MenuRecord } from './ui';

export interface SpreadsheetEmulatorOptions {
  id?: string;
  name?: string;
  /** Spreadsheet time zone; default 'Etc/UTC'. */
  timeZone?: string;
  /** Spreadsheet locale; default 'en_US'. */
  locale?: string;
  /** The owner, and by default the user running scripts. */
  userEmail?: string;
  /** Collaborators with edit access (besides the owner). */
  editors?: string[];
  /** Caption of the add-on menu. */
  addonName?: string;
}

/** What a user edit did: rejected edits carry Google's message; warnings are shown but kept. */
export interface EditResult {
  ok: boolean;
  message?: string;
  warning?: string;
}

/** The Apps Script-shaped onEdit event (V: event objects guide). */
export interface EditEvent {
  range: FakeRange;
  /** Only for single-cell edits (V); as the text Sheets reports (S/I: strings, dates as serials). */
  value?: string;
  oldValue?: string;
  source: FakeSpreadsheet;
  user: { getEmail(): string; getNickname(): string };
  authMode: 'FULL';
}

/** The onChange-shaped event for structural edits (V: onChange changeType values). */
export interface ChangeEvent {
  changeType:
    | 'INSERT_ROW'
    | 'REMOVE_ROW'
    | 'INSERT_COLUMN'
    | 'REMOVE_COLUMN'
    | 'REMOVE_GRID'
    | 'OTHER';
  source: FakeSpreadsheet;
  user: { getEmail(): string; getNickname(): string };
  authMode: 'FULL';
}

/** The `SpreadsheetApp` global the bundle sees: a subset of Google's surface. */
export interface FakeSpreadsheetApp {
  getActiveSpreadsheet(): FakeSpreadsheet;
  getActive(): FakeSpreadsheet;
  getActiveSheet(): FakeSheet;
  openById(id: string): FakeSpreadsheet;
  getUi(): FakeUi;
  flush(): void;
  newDataValidation(): FakeDataValidationBuilder;
  newFilterCriteria(): FakeFilterCriteriaBuilder;
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder;
  DataValidationCriteria: typeof DataValidationCriteria;
  ProtectionType: typeof ProtectionType;
  DeveloperMetadataLocationType: typeof DeveloperMetadataLocationType;
  DeveloperMetadataVisibility: typeof DeveloperMetadataVisibility;
  BorderStyle: typeof BorderStyle;
  WrapStrategy: typeof WrapStrategy;
  Dimension: typeof Dimension;
  BooleanCriteria: typeof BooleanCriteria;
}

// Compile-time check: every member we expose exists on Google's SpreadsheetApp.
type NotInGoogle = Exclude<
  keyof FakeSpreadsheetApp,
  keyof GoogleAppsScript.Spreadsheet.SpreadsheetApp
>;
const appSurfaceMatchesGoogle: NotInGoogle extends never ? true : false = true;
void appSurfaceMatchesGoogle;

/** The warning Sheets shows for a warning-only protection (S: the UI's "Heads up" dialog). */
const PROTECTED_WARNING =
  "You're trying to edit part of this sheet that shouldn't be changed accidentally.";

export class SpreadsheetEmulator {
  readonly book: Workbook;
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: FakeUi;
  readonly app: FakeSpreadsheetApp;
  /** For a `Charts` global (Charts.ChartType). */
  readonly charts = { ChartType };
  private readonly editListeners: ((e: EditEvent) => void)[] = [];
  private readonly changeListeners: ((e: ChangeEvent) => void)[] = [];

  constructor(
    readonly runtime: Runtime,
    options: SpreadsheetEmulatorOptions = {},
    state?: SpreadsheetState,
  ) {
    this.book = state ? Workbook.fromJSON(runtime, state) : Workbook.create(runtime, options);
    if (!state && options.editors) this.book.state.editors = [...options.editors];
    this.spreadsheet = new FakeSpreadsheet(this.book, runtime);
    this.ui = new FakeUi(runtime, options.addonName);
    this.app = this.makeApp();
  }

  static fromJSON(runtime: Runtime, state: SpreadsheetState): SpreadsheetEmulator {
    return new SpreadsheetEmulator(runtime, {}, state);
  }

  toJSON(): SpreadsheetState {
    return this.book.toJSON();
  }

  private makeApp(): FakeSpreadsheetApp {
    const call = (m: string, kind: 'read' | 'write' | 'other' = 'other') =>
      this.runtime.call(`SpreadsheetApp.${m}`, kind);
    const ss = this.spreadsheet;
    /** Counts the call, then answers: every app method is a counted service call. */
    const counted =
      <A extends unknown[], R>(
        name: string,
        fn: (...args: A) => R,
        kind: 'read' | 'write' | 'other' = 'other',
      ) =>
      (...args: A): R => {
        call(name, kind);
        return fn(...args);
      };
    return {
      getActiveSpreadsheet: counted('getActiveSpreadsheet', () => ss),
      getActive: counted('getActive', () => ss),
      getActiveSheet: counted('getActiveSheet', () => ss.sheet(this.book.state.activeSheetId)),
      openById: counted(
        'openById',
        (id: string) => {
          // (I) only this spreadsheet exists in the emulator; Google's wording for a missing file varies.
          if (id !== this.book.state.id) throw new Error(`Requested entity was not found: ${id}`);
          return ss;
        },
        'read',
      ),
      getUi: counted('getUi', () => this.ui),
      flush: counted('flush', () => undefined, 'write'),
      newDataValidation: counted('newDataValidation', () => new FakeDataValidationBuilder(ss)),
      newFilterCriteria: counted('newFilterCriteria', () => new FakeFilterCriteriaBuilder()),
      newConditionalFormatRule: counted(
        'newConditionalFormatRule',
        () => new FakeConditionalFormatRuleBuilder(ss),
      ),
      DataValidationCriteria,
      ProtectionType,
      DeveloperMetadataLocationType,
      DeveloperMetadataVisibility,
      BorderStyle,
      WrapStrategy,
      Dimension,
      BooleanCriteria,
    };
  }

  // ---------- emulator-only: people and listeners ----------

  /** Runs later script calls as `email` (Session.getEffectiveUser); protections then apply. */
  setActiveUser(email: string): void {
    this.book.state.activeUser = email;
  }

  /**
   * What a viewer sees selected: the active sheet, and the rows of the range a script activated on
   * it (null when none, or when another sheet was activated since).
   */
  activeSelection(): { sheet: string; row: number; numRows: number } | null {
    const { activeSheetId, activeRange } = this.book.state;
    const sheet = this.book.state.sheets.find((s) => s.id === activeSheetId);
    if (!sheet || !activeRange || activeRange.sheetId !== activeSheetId) return null;
    return { sheet: sheet.name, row: activeRange.row, numRows: activeRange.numRows };
  }

  onUserEdit(listener: (e: EditEvent) => void): () => void {
    this.editListeners.push(listener);
    return () => {
      const i = this.editListeners.indexOf(listener);
      if (i >= 0) this.editListeners.splice(i, 1);
    };
  }

  onUserChange(listener: (e: ChangeEvent) => void): () => void {
    this.changeListeners.push(listener);
    return () => {
      const i = this.changeListeners.indexOf(listener);
      if (i >= 0) this.changeListeners.splice(i, 1);
    };
  }

  private userObj(email: string) {
    return { getEmail: () => email, getNickname: () => email.split('@')[0] };
  }

  private sheetNamed(name: string): SheetState {
    const s = this.book.sheetByName(name);
    if (!s) throw new Error(`No sheet named "${name}" in the emulator`);
    return s;
  }

  private fireEdit(
    sheet: SheetState,
    r: number,
    c: number,
    nr: number,
    nc: number,
    user: string,
    single?: { value?: string; oldValue?: string },
  ): void {
    const range = this.spreadsheet.range({
      sheetId: sheet.id,
      r1: r,
      c1: c,
      r2: r + nr - 1,
      c2: c + nc - 1,
    });
    const e: EditEvent = {
      range,
      source: this.spreadsheet,
      user: this.userObj(user),
      authMode: 'FULL',
    };
    if (single) {
      if (single.value !== undefined) e.value = single.value;
      if (single.oldValue !== undefined) e.oldValue = single.oldValue;
    }
    for (const l of [...this.editListeners]) l(e);
  }

  private fireChange(changeType: ChangeEvent['changeType'], user: string): void {
    const e: ChangeEvent = {
      changeType,
      source: this.spreadsheet,
      user: this.userObj(user),
      authMode: 'FULL',
    };
    for (const l of [...this.changeListeners]) l(e);
  }

  private rawText(sheet: SheetState, r: number, c: number): string | undefined {
    const cell = this.book.cell(sheet, r, c);
    if (!cell || (cell.v === undefined && !cell.f)) return undefined;
    if (cell.f) return this.book.display(sheet, r, c);
    if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE';
    return String(cell.v);
  }

  /** Worst protection outcome for `user` over a block of cells. */
  private protectionCheck(
    sheet: SheetState,
    r1: number,
    c1: number,
    r2: number,
    c2: number,
    user: string,
  ): EditResult | null {
    let warn = false;
    const st = this.book.state;
    if (user === st.owner) return null;
    for (const p of st.protections) {
      if (p.sheetId !== sheet.id) continue;
      const hits =
        p.type === 'SHEET' ||
        (p.range !== undefined &&
          !p.range.broken &&
          (() => {
            const x = this.book.resolve(p.range!);
            return x.r1 <= r2 && x.r2 >= r1 && x.c1 <= c2 && x.c2 >= c1;
          })());
      if (!hits) continue;
      // Check cell by cell so that unprotected ranges of a sheet protection are honoured.
      for (let r = r1; r <= r2; r++) {
        for (let c = c1; c <= c2; c++) {
          const v = this.book.canEditCell(sheet, r, c, user);
          if (v === 'blocked') return { ok: false, message: MESSAGES.protectedCell };
          if (v === 'warn') warn = true;
        }
      }
    }
    return warn ? { ok: true, warning: PROTECTED_WARNING } : null;
  }

  // ---------- emulator-only: what people do in the grid ----------

  /**
   * A person types `typed` into a cell: parsed like Sheets parses typing (a leading apostrophe
   * keeps text (S)), protection and validation apply (reject: Google's message; warn-only: kept and
   * flagged), then onEdit listeners get an event with value/oldValue (V).
   */
  userEdit(
    sheetName: string,
    row: number,
    col: number,
    typed: string,
    opts: { as?: string } = {},
  ): EditResult {
    const sheet = this.sheetNamed(sheetName);
    const user = opts.as ?? this.book.state.owner;
    if (row < 1 || col < 1 || row > sheet.rows.length || col > sheet.cols.length)
      throw new Error(MESSAGES.outOfBounds);
    const prot = this.protectionCheck(sheet, row, col, row, col, user);
    if (prot && !prot.ok) return prot;
    if (typed.length > CELL_CHARACTER_LIMIT)
      return { ok: false, message: MESSAGES.tooManyCharacters };
    const conv = this.book.convertInput(typed, this.book.cell(sheet, row, col)?.nf);
    const ok = this.book.passesValidation(sheet, row, col, conv);
    const rule = this.book.cell(sheet, row, col)?.dv;
    if (!ok && rule && !rule.allowInvalid) {
      return { ok: false, message: MESSAGES.invalidData(`${columnLetter(col)}${row}`) };
    }
    const oldValue = this.rawText(sheet, row, col);
    this.book.store(sheet, row, col, conv);
    const result: EditResult = { ok: true };
    if (!ok) {
      this.book.ensureCell(sheet, row, col).invalid = true;
      result.warning = rule?.helpText ?? 'Invalid: the input violates the data validation rule.';
    }
    if (prot?.warning) result.warning = prot.warning;
    this.fireEdit(sheet, row, col, 1, 1, user, { value: this.rawText(sheet, row, col), oldValue });
    return result;
  }

  /** A paste of plain values (parsed like typing); grows the grid when needed (I); multi-cell onEdit has no value (V). */
  userPasteValues(
    sheetName: string,
    row: number,
    col: number,
    values: unknown[][],
    opts: { as?: string } = {},
  ): EditResult {
    const sheet = this.sheetNamed(sheetName);
    const user = opts.as ?? this.book.state.owner;
    const nr = values.length;
    const nc = Math.max(0, ...values.map((r) => r.length));
    if (nr === 0 || nc === 0) return { ok: true };
    if (row + nr - 1 > sheet.rows.length)
      this.book.insertRows(sheet, sheet.rows.length + 1, row + nr - 1 - sheet.rows.length);
    if (col + nc - 1 > sheet.cols.length)
      this.book.insertColumns(sheet, sheet.cols.length + 1, col + nc - 1 - sheet.cols.length);
    const prot = this.protectionCheck(sheet, row, col, row + nr - 1, col + nc - 1, user);
    if (prot && !prot.ok) return prot;
    const plan: {
      r: number;
      c: number;
      conv: ReturnType<Workbook['convertInput']>;
      invalid: boolean;
    }[] = [];
    for (let i = 0; i < nr; i++) {
      for (let j = 0; j < nc; j++) {
        const r = row + i;
        const c = col + j;
        const raw = values[i][j];
        const conv = this.book.convertInput(
          typeof raw === 'string' ? raw : raw === undefined ? '' : raw,
          this.book.cell(sheet, r, c)?.nf,
        );
        const ok = this.book.passesValidation(sheet, r, c, conv);
        const rule = this.book.cell(sheet, r, c)?.dv;
        // (I) a paste into "reject input" cells is refused as a whole, like typing.
        if (!ok && rule && !rule.allowInvalid)
          return { ok: false, message: MESSAGES.invalidData(`${columnLetter(c)}${r}`) };
        plan.push({ r, c, conv, invalid: !ok });
      }
    }
    for (const p of plan) {
      this.book.store(sheet, p.r, p.c, p.conv);
      if (p.invalid) this.book.ensureCell(sheet, p.r, p.c).invalid = true;
    }
    const single = nr === 1 && nc === 1 ? { value: this.rawText(sheet, row, col) } : undefined;
    this.fireEdit(sheet, row, col, nr, nc, user, single);
    return prot?.warning ? { ok: true, warning: prot.warning } : { ok: true };
  }

  private structural(
    sheetName: string,
    user: string,
    block: [number, number, number, number] | null,
    change: ChangeEvent['changeType'],
    op: (sheet: SheetState) => void,
  ): EditResult {
    const sheet = this.sheetNamed(sheetName);
    if (block) {
      const prot = this.protectionCheck(sheet, ...block, user);
      if (prot && !prot.ok) return prot;
    }
    try {
      op(sheet);
    } catch (err) {
      return { ok: false, message: (err as Error).message };
    }
    this.fireChange(change, user);
    return { ok: true };
  }

  userInsertRows(
    sheetName: string,
    beforeRow: number,
    count = 1,
    opts: { as?: string } = {},
  ): EditResult {
    return this.structural(sheetName, opts.as ?? this.book.state.owner, null, 'INSERT_ROW', (s) =>
      this.book.insertRows(s, beforeRow, count),
    );
  }

  userDeleteRows(
    sheetName: string,
    row: number,
    count = 1,
    opts: { as?: string } = {},
  ): EditResult {
    const s = this.sheetNamed(sheetName);
    return this.structural(
      sheetName,
      opts.as ?? this.book.state.owner,
      [row, 1, row + count - 1, s.cols.length],
      'REMOVE_ROW',
      (sh) => this.book.deleteRows(sh, row, count),
    );
  }

  userInsertColumn(
    sheetName: string,
    beforeCol: number,
    count = 1,
    opts: { as?: string } = {},
  ): EditResult {
    return this.structural(
      sheetName,
      opts.as ?? this.book.state.owner,
      null,
      'INSERT_COLUMN',
      (s) => this.book.insertColumns(s, beforeCol, count),
    );
  }

  userDeleteColumn(
    sheetName: string,
    col: number,
    count = 1,
    opts: { as?: string } = {},
  ): EditResult {
    const s = this.sheetNamed(sheetName);
    return this.structural(
      sheetName,
      opts.as ?? this.book.state.owner,
      [1, col, s.rows.length, col + count - 1],
      'REMOVE_COLUMN',
      (sh) => this.book.deleteColumns(sh, col, count),
    );
  }

  /** Drags column `from` so that it lands at position `to`. */
  userMoveColumn(
    sheetName: string,
    from: number,
    to: number,
    opts: { as?: string } = {},
  ): EditResult {
    const s = this.sheetNamed(sheetName);
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    return this.structural(
      sheetName,
      opts.as ?? this.book.state.owner,
      [1, lo, s.rows.length, hi],
      'OTHER',
      (sh) => this.book.moveColumn(sh, from, to),
    );
  }

  /** Cuts column `from` whole (header included) and pastes it onto column `to` (see cutPasteColumn). */
  userCutPasteColumn(
    sheetName: string,
    from: number,
    to: number,
    opts: { as?: string } = {},
  ): EditResult {
    const s = this.sheetNamed(sheetName);
    return this.structural(
      sheetName,
      opts.as ?? this.book.state.owner,
      [1, Math.min(from, to), s.rows.length, Math.max(from, to)],
      'OTHER',
      (sh) => this.book.cutPasteColumn(sh, from, to),
    );
  }

  /** Drags row `from` so that it lands at position `to`. */
  userMoveRow(sheetName: string, from: number, to: number, opts: { as?: string } = {}): EditResult {
    const s = this.sheetNamed(sheetName);
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    return this.structural(
      sheetName,
      opts.as ?? this.book.state.owner,
      [lo, 1, hi, s.cols.length],
      'OTHER',
      (sh) => this.book.moveRow(sh, from, to),
    );
  }

  /** Copies row `from` and pastes it over row `to` (everything but row metadata (I)); fires onEdit. */
  userCopyRow(sheetName: string, from: number, to: number, opts: { as?: string } = {}): EditResult {
    const sheet = this.sheetNamed(sheetName);
    const user = opts.as ?? this.book.state.owner;
    const prot = this.protectionCheck(sheet, to, 1, to, sheet.cols.length, user);
    if (prot && !prot.ok) return prot;
    this.book.copyRow(sheet, from, to);
    this.fireEdit(sheet, to, 1, 1, sheet.cols.length, user);
    return { ok: true };
  }

  /** Data > Sort range: rows below `headerRows`, by one column; rows (and their metadata (I)) move. */
  userSortRows(
    sheetName: string,
    col: number,
    ascending = true,
    headerRows = 1,
    opts: { as?: string } = {},
  ): EditResult {
    const s = this.sheetNamed(sheetName);
    const last = this.book.lastRow(s);
    return this.structural(
      sheetName,
      opts.as ?? this.book.state.owner,
      [headerRows + 1, 1, Math.max(last, headerRows + 1), s.cols.length],
      'OTHER',
      (sh) => {
        if (last > headerRows + 1) this.book.sortRows(sh, headerRows + 1, last, col, ascending);
      },
    );
  }

  userHideColumn(sheetName: string, col: number): EditResult {
    return this.structural(sheetName, this.book.state.owner, null, 'OTHER', (s) => {
      const rec = s.cols[col - 1];
      if (!rec) throw new Error(MESSAGES.columnsOutOfBounds);
      rec.hidden = true;
    });
  }

  userRenameSheet(oldName: string, newName: string): EditResult {
    return this.structural(oldName, this.book.state.owner, null, 'OTHER', (s) => {
      if (
        this.book.state.sheets.some(
          (x) => x.id !== s.id && x.name.toLowerCase() === newName.toLowerCase(),
        )
      ) {
        throw new Error(MESSAGES.duplicateSheet(newName));
      }
      s.name = newName;
    });
  }

  /**
   * A person filters a column (Data › Create a filter, then unticks values): the filter covers the
   * used range when the tab has none yet (I: the UI's default), and rows showing one of `hidden` in
   * that column are hidden at once. No onEdit or onChange (I). An empty `hidden` clears the column.
   */
  userFilterColumn(sheetName: string, col: number, hidden: readonly string[]): EditResult {
    const s = this.sheetNamed(sheetName);
    if (!s.filter) {
      const rows = Math.max(1, this.book.lastRow(s));
      const cols = Math.max(1, this.book.lastColumn(s));
      s.filter = { range: { sheetId: s.id, r1: 1, c1: 1, r2: rows, c2: cols }, criteria: [] };
    }
    const { c1, c2 } = this.book.resolve(s.filter.range);
    if (col < c1 || col > c2) return { ok: false, message: 'That column is outside the filter.' };
    s.filter.criteria = s.filter.criteria.filter((c) => c.column.c1 !== col);
    if (hidden.length)
      s.filter.criteria.push({
        column: { sheetId: s.id, r1: 1, c1: col, r2: 1, c2: col },
        hiddenValues: [...hidden],
      });
    this.book.applyFilter(s);
    return { ok: true };
  }

  /** A person removes the tab's filter (Data › Remove filter): the rows it hid show again. */
  userRemoveFilter(sheetName: string): EditResult {
    const s = this.sheetNamed(sheetName);
    delete s.filter;
    this.book.applyFilter(s);
    return { ok: true };
  }

  /** A person hides rows by hand (right-click › Hide row): they are still read and written (V). */
  userHideRows(sheetName: string, row: number, count = 1): EditResult {
    return this.structural(sheetName, this.book.state.owner, null, 'OTHER', (s) => {
      for (let r = row; r < row + count; r++) {
        const rec = s.rows[r - 1];
        if (!rec) throw new Error(MESSAGES.rowsOutOfBounds);
        rec.hidden = true;
      }
    });
  }

  /**
   * A person deletes a whole tab (right-click › Delete): refused for the last tab (S wording) and,
   * for someone other than the owner, when a protection on the tab blocks them (I); onChange gets
   * REMOVE_GRID (V). What pointed into the tab goes with it, as deleteSheet() does.
   */
  userDeleteSheet(sheetName: string, opts: { as?: string } = {}): EditResult {
    const s = this.sheetNamed(sheetName);
    const user = opts.as ?? this.book.state.owner;
    const prot = this.protectionCheck(s, 1, 1, s.rows.length, s.cols.length, user);
    if (prot && !prot.ok) return prot;
    try {
      this.book.deleteSheet(s.id);
    } catch (err) {
      return { ok: false, message: (err as Error).message };
    }
    this.fireChange('REMOVE_GRID', user);
    return { ok: true };
  }

  /**
   * A person drags a tab to another place in the tab bar (0-based `index`): the tab keeps its ID
   * (V: a sheet's ID never changes once set, SheetProperties), its cells and its metadata; only the
   * order of `getSheets()` changes. onChange gets OTHER (I: the change-type list has no tab move).
   */
  userMoveSheet(sheetName: string, index: number): EditResult {
    return this.structural(sheetName, this.book.state.owner, null, 'OTHER', (s) => {
      const sheets = this.book.state.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.max(0, Math.min(index, sheets.length)), 0, s);
    });
  }

  // ---------- emulator-only: snapshots ----------

  /**
   * The last row holding something a person typed: like getLastRow, but a row of unticked boxes
   * (FALSE under a checkbox rule, which an untouched box may read as, I) ends nothing. Tests read
   * tabs whose checkboxes cover the whole column through it.
   */
  private lastTypedRow(s: SheetState): number {
    // One pass from the grid's end (a row past getLastRow holds nothing typed either): tests and
    // the simulator read every tab this way after each step, on grids of mostly formatted rows.
    for (let r = s.rows.length; r >= 1; r--) {
      const cells = s.rows[r - 1]?.cells ?? [];
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        if (c && (c.f || (c.v !== undefined && !(c.v === false && c.dv?.type === 'CHECKBOX'))))
          return r;
      }
    }
    return 0;
  }

  /** getValues() of A1:lastRow x lastColumn (rows of unticked boxes at the end left out), without counting calls. */
  table(sheetName: string): External[][] {
    const s = this.sheetNamed(sheetName);
    const rows = this.lastTypedRow(s);
    const cols = this.book.lastColumn(s);
    const out: External[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row: External[] = [];
      for (let c = 1; c <= cols; c++) row.push(this.book.external(s, r, c));
      out.push(row);
    }
    return out;
  }

  /** getDisplayValues() of the same block, without counting calls (what the preview grid shows). */
  displayTable(sheetName: string): string[][] {
    const s = this.sheetNamed(sheetName);
    const rows = this.lastTypedRow(s);
    const cols = this.book.lastColumn(s);
    const out: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row: string[] = [];
      for (let c = 1; c <= cols; c++) row.push(this.book.display(s, r, c));
      out.push(row);
    }
    return out;
  }
}
