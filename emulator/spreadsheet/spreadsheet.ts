// Fake SpreadsheetApp Spreadsheet: sheets, time zone, locale, metadata, protections, toasts.

import type { Runtime } from '../runtime';
import { isZoneId } from '../time/zoneModel';
import { splitSheet } from './a1';
import { MESSAGES, type Workbook } from './book';
import type { Ctx } from './context';
import { enumName } from './enums';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder } from './metadata';
import { type GridRef, newSheetState } from './model';
import { FakeProtection, type FakeUser } from './protection';
import { FakeRange, metadataArgs } from './range';
import { FakeSheet } from './sheet';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

type PrimitiveSpreadsheetMethods = Pick<
  GasSpreadsheet,
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'getNumSheets'
>;

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: number;
}

export class FakeSpreadsheet implements Ctx, PrimitiveSpreadsheetMethods {
  private readonly sheetCache = new Map<number, FakeSheet>();
  /** Every toast shown, oldest first (emulator-only, for tests and the preview). */
  readonly toasts: Toast[] = [];

  constructor(
    readonly book: Workbook,
    readonly runtime: Runtime,
  ) {}

  get spreadsheet(): FakeSpreadsheet {
    return this;
  }

  sheet(id: number): FakeSheet {
    let s = this.sheetCache.get(id);
    if (!s) {
      s = new FakeSheet(this, id);
      this.sheetCache.set(id, s);
    }
    return s;
  }

  range(ref: GridRef): FakeRange {
    const x = this.book.resolve(ref);
    const shape = ref.openRows ? 'cols' : ref.openCols ? 'rows' : 'cells';
    return new FakeRange(this, ref.sheetId, x.r1, x.c1, x.r2 - x.r1 + 1, x.c2 - x.c1 + 1, shape);
  }

  private call(method: string, kind: 'read' | 'write' | 'other'): void {
    this.runtime.call(`SpreadsheetApp.Spreadsheet.${method}`, kind);
  }

  getId(): string {
    this.call('getId', 'other');
    return this.book.state.id;
  }
  getName(): string {
    this.call('getName', 'read');
    return this.book.state.name;
  }
  rename(newName: string): void {
    this.call('rename', 'write');
    this.book.state.name = String(newName);
  }
  getUrl(): string {
    this.call('getUrl', 'other');
    return `https://docs.google.com/spreadsheets/d/${this.book.state.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    this.call('getSpreadsheetTimeZone', 'read');
    return this.book.state.timeZone;
  }
  /**
   * Changing the zone keeps every stored serial, so wall times stay and the instants read back
   * change (S: Sheets stores wall-time serials; docs/google-facts.md, "SpreadsheetApp").
   */
  setSpreadsheetTimeZone(timezone: string): void {
    this.call('setSpreadsheetTimeZone', 'write');
    if (!isZoneId(timezone)) throw new Error(`Invalid argument: ${timezone}`); // (I)
    this.book.state.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    this.call('getSpreadsheetLocale', 'read');
    return this.book.state.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.call('setSpreadsheetLocale', 'write');
    this.book.state.locale = locale;
  }
  getOwner(): FakeUser {
    this.call('getOwner', 'read');
    const email = this.book.state.owner;
    return { getEmail: () => email };
  }
  getEditors(): FakeUser[] {
    this.call('getEditors', 'read');
    const st = this.book.state;
    return [...new Set([st.owner, ...st.editors])].map((e) => ({ getEmail: () => e }));
  }

  // ---------- sheets ----------

  getSheets(): FakeSheet[] {
    this.call('getSheets', 'read');
    return this.book.state.sheets.map((s) => this.sheet(s.id));
  }
  getNumSheets(): number {
    this.call('getNumSheets', 'read');
    return this.book.state.sheets.length;
  }
  /** Case-sensitive match; null when absent (V for null; (S) for case). */
  getSheetByName(name: string): FakeSheet | null {
    this.call('getSheetByName', 'read');
    const s = this.book.sheetByName(String(name));
    return s ? this.sheet(s.id) : null;
  }
  getSheetById(id: number): FakeSheet | null {
    this.call('getSheetById', 'read');
    const s = this.book.sheetById(Number(id));
    return s ? this.sheet(s.id) : null;
  }

  /**
   * insertSheet([name][, index]) or insertSheet(index). The new sheet is 1000 x 26 and becomes
   * the active sheet (V); a name already used (ignoring case (I)) throws Google's message (S).
   */
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    this.call('insertSheet', 'write');
    const st = this.book.state;
    let name: string;
    let at: number;
    if (typeof nameOrIndex === 'number') {
      at = nameOrIndex;
      name = '';
    } else {
      name = nameOrIndex === undefined ? '' : String(nameOrIndex);
      at = index ?? st.sheets.length;
    }
    if (name === '') {
      let n = st.sheets.length + 1;
      while (st.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (st.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(MESSAGES.duplicateSheet(name));
    }
    // Sheet ids are large numbers in Google (V: gid in URLs), never positions: keep them so,
    // so that code mixing up ids and indexes fails here too.
    const id = 100_000_000 + this.book.newId() * 7919;
    st.sheets.splice(Math.max(0, Math.min(at, st.sheets.length)), 0, newSheetState(id, name));
    st.activeSheetId = id;
    return this.sheet(id);
  }
  /** Deleting the last sheet throws (S wording). */
  deleteSheet(sheet: FakeSheet): void {
    this.call('deleteSheet', 'write');
    this.book.deleteSheet(sheet._id());
    this.sheetCache.delete(sheet._id());
  }
  getActiveSheet(): FakeSheet {
    this.call('getActiveSheet', 'other');
    return this.sheet(this.book.state.activeSheetId);
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.call('setActiveSheet', 'other');
    this.book.state.activeSheetId = sheet._id();
    return sheet;
  }

  /** 'Sheet name'!A1:B2, or A1 on the active sheet (V). */
  getRange(a1Notation: string): FakeRange {
    this.call('getRange', 'other');
    const { sheetName, rest } = splitSheet(a1Notation);
    const st =
      sheetName === undefined
        ? this.book.requireSheet(this.book.state.activeSheetId)
        : this.book.sheetByName(sheetName);
    if (!st) throw new Error('Range not found'); // (S)
    return this.sheet(st.id)._rangeA1(rest);
  }

  // ---------- developer metadata ----------

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: unknown,
    visibility?: unknown,
  ): FakeSpreadsheet {
    this.call('addDeveloperMetadata', 'write');
    const { value, vis } = metadataArgs(valueOrVisibility, visibility);
    this.book.state.metadata.push({
      id: this.book.newId(),
      key,
      value,
      visibility: vis,
      location: 'SPREADSHEET',
    });
    return this;
  }
  /** Spreadsheet-level metadata only (V: "associated with the top-level spreadsheet"). */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.call('getDeveloperMetadata', 'read');
    return this.book.state.metadata
      .filter((m) => m.location === 'SPREADSHEET')
      .map((m) => new FakeDeveloperMetadata(this, m.id));
  }
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.call('createDeveloperMetadataFinder', 'other');
    return new FakeDeveloperMetadataFinder(this, { kind: 'spreadsheet' });
  }

  // ---------- protections, toasts ----------

  getProtections(type: unknown): FakeProtection[] {
    this.call('getProtections', 'read');
    const t = enumName(type);
    return this.book.state.protections
      .filter((p) => p.type === t)
      .map((p) => new FakeProtection(this, p.id));
  }

  /** Recorded for tests and the preview (V: default timeout 5 s, title optional). */
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.call('toast', 'other');
    this.toasts.push({
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
      at: this.runtime.now(),
    });
  }
}
