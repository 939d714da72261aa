// Fake developer metadata: DeveloperMetadata, its location, and DeveloperMetadataFinder.
//
// Row/column metadata is stored on the row/column records themselves, so it moves with its row
// or column on insert, move and sort, and disappears when the row/column is deleted (V: Sheets API
// metadata guide, "if row 5 has metadata and a row is inserted above it, the metadata stays with
// the row, now row 6"; deletion removes it. Sort: (I)).
import { type Ctx, count } from './context';
import {
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  type EnumMember,
  enumName,
} from './enums';
import type { GridRef, MetaSpec, SheetState } from './model';
import type { FakeRange, RangeShape } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

/** The row (or column) span currently holding a metadata id, or null if none. */
export function metaSpan(
  sheet: SheetState,
  id: number,
  axis: 'rows' | 'cols',
): [number, number] | null {
  const recs = axis === 'rows' ? sheet.rows : sheet.cols;
  let lo = 0;
  let hi = 0;
  recs.forEach((rec, i) => {
    if (rec.meta.includes(id)) {
      if (!lo) lo = i + 1;
      hi = i + 1;
    }
  });
  return lo ? [lo, hi] : null;
}

function detach(ctx: Ctx, spec: MetaSpec): void {
  for (const s of ctx.book.state.sheets) {
    for (const rec of [...s.rows, ...s.cols]) {
      const i = rec.meta.indexOf(spec.id);
      if (i >= 0) rec.meta.splice(i, 1);
    }
  }
}

export class FakeDeveloperMetadataLocation {
  constructor(
    private readonly ctx: Ctx,
    private readonly id: number,
  ) {}
  private get spec(): MetaSpec {
    const m = this.ctx.book.state.metadata.find((x) => x.id === this.id);
    if (!m) throw new Error('Developer metadata no longer exists.'); // (I) wording
    return m;
  }
  getLocationType(): EnumMember {
    count(this.ctx, 'DeveloperMetadataLocation', 'getLocationType', 'other');
    return DeveloperMetadataLocationType[this.spec.location];
  }
  getSpreadsheet(): FakeSpreadsheet | null {
    return this.spec.location === 'SPREADSHEET' ? this.ctx.spreadsheet : null;
  }
  getSheet(): FakeSheet | null {
    const s = this.spec;
    return s.location === 'SHEET' ? this.ctx.sheet(s.sheetId!) : null;
  }
  /** The whole-row range the metadata is on, or null (V). */
  getRow(): FakeRange | null {
    count(this.ctx, 'DeveloperMetadataLocation', 'getRow', 'other');
    const s = this.spec;
    if (s.location !== 'ROW') return null;
    const sheet = this.ctx.book.requireSheet(s.sheetId!);
    const span = metaSpan(sheet, s.id, 'rows');
    if (!span) return null;
    return this.ctx.sheet(sheet.id)._wholeRows(span[0], span[1] - span[0] + 1);
  }
  getColumn(): FakeRange | null {
    count(this.ctx, 'DeveloperMetadataLocation', 'getColumn', 'other');
    const s = this.spec;
    if (s.location !== 'COLUMN') return null;
    const sheet = this.ctx.book.requireSheet(s.sheetId!);
    const span = metaSpan(sheet, s.id, 'cols');
    if (!span) return null;
    return this.ctx.sheet(sheet.id)._wholeColumns(span[0], span[1] - span[0] + 1);
  }
}

type GasMeta = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export class FakeDeveloperMetadata
  implements Pick<GasMeta, 'getId' | 'getKey' | 'getValue' | 'remove'>
{
  constructor(
    private readonly ctx: Ctx,
    private readonly id: number,
  ) {}
  private get spec(): MetaSpec {
    const m = this.ctx.book.state.metadata.find((x) => x.id === this.id);
    if (!m) throw new Error('Developer metadata no longer exists.'); // (I) wording
    return m;
  }
  private call(method: string, kind: 'read' | 'write' | 'other'): void {
    count(this.ctx, 'DeveloperMetadata', method, kind);
  }
  getId(): number {
    this.call('getId', 'other');
    return this.id;
  }
  getKey(): string {
    this.call('getKey', 'other');
    return this.spec.key;
  }
  /** null when the metadata has no value (V). */
  getValue(): string | null {
    this.call('getValue', 'other');
    return this.spec.value;
  }
  getVisibility(): EnumMember {
    this.call('getVisibility', 'other');
    return DeveloperMetadataVisibility[this.spec.visibility];
  }
  getLocation(): FakeDeveloperMetadataLocation {
    this.call('getLocation', 'other');
    void this.spec;
    return new FakeDeveloperMetadataLocation(this.ctx, this.id);
  }
  setKey(key: string): FakeDeveloperMetadata {
    this.call('setKey', 'write');
    this.spec.key = String(key);
    return this;
  }
  setValue(value: string): FakeDeveloperMetadata {
    this.call('setValue', 'write');
    this.spec.value = value === null || value === undefined ? null : String(value);
    return this;
  }
  setVisibility(visibility: unknown): FakeDeveloperMetadata {
    this.call('setVisibility', 'write');
    this.spec.visibility = enumName(visibility) as MetaSpec['visibility'];
    return this;
  }
  remove(): void {
    this.call('remove', 'write');
    const spec = this.spec;
    detach(this.ctx, spec);
    this.ctx.book.state.metadata = this.ctx.book.state.metadata.filter((m) => m.id !== spec.id);
  }
  moveToRow(row: FakeRange): FakeDeveloperMetadata {
    this.call('moveToRow', 'write');
    const spec = this.spec;
    const ref = row._ref();
    detach(this.ctx, spec);
    const sheet = this.ctx.book.requireSheet(ref.sheetId);
    for (let r = ref.r1; r <= ref.r2; r++) sheet.rows[r - 1].meta.push(spec.id);
    spec.location = 'ROW';
    spec.sheetId = ref.sheetId;
    return this;
  }
  moveToColumn(column: FakeRange): FakeDeveloperMetadata {
    this.call('moveToColumn', 'write');
    const spec = this.spec;
    const ref = column._ref();
    detach(this.ctx, spec);
    const sheet = this.ctx.book.requireSheet(ref.sheetId);
    for (let c = ref.c1; c <= ref.c2; c++) sheet.cols[c - 1].meta.push(spec.id);
    spec.location = 'COLUMN';
    spec.sheetId = ref.sheetId;
    return this;
  }
  moveToSheet(sheet: FakeSheet): FakeDeveloperMetadata {
    this.call('moveToSheet', 'write');
    const spec = this.spec;
    detach(this.ctx, spec);
    spec.location = 'SHEET';
    spec.sheetId = sheet._id();
    return this;
  }
  moveToSpreadsheet(): FakeDeveloperMetadata {
    this.call('moveToSpreadsheet', 'write');
    const spec = this.spec;
    detach(this.ctx, spec);
    spec.location = 'SPREADSHEET';
    delete spec.sheetId;
    return this;
  }
}

export type FinderScope =
  | { kind: 'spreadsheet' }
  | { kind: 'sheet'; sheetId: number }
  | { kind: 'range'; ref: GridRef; shape: RangeShape };

export class FakeDeveloperMetadataFinder {
  private key?: string;
  private value?: string;
  private id?: number;
  private locationType?: string;
  private visibility?: string;
  private intersecting = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly scope: FinderScope,
  ) {}

  private step(method: string): FakeDeveloperMetadataFinder {
    count(this.ctx, 'DeveloperMetadataFinder', method, 'other');
    return this;
  }
  withKey(key: string): FakeDeveloperMetadataFinder {
    this.key = String(key);
    return this.step('withKey');
  }
  withValue(value: string): FakeDeveloperMetadataFinder {
    this.value = String(value);
    return this.step('withValue');
  }
  withId(id: number): FakeDeveloperMetadataFinder {
    this.id = id;
    return this.step('withId');
  }
  withLocationType(locationType: unknown): FakeDeveloperMetadataFinder {
    this.locationType = enumName(locationType);
    return this.step('withLocationType');
  }
  withVisibility(visibility: unknown): FakeDeveloperMetadataFinder {
    this.visibility = enumName(visibility);
    return this.step('withVisibility');
  }
  /** Matches metadata on any row/column intersecting the range, not just exactly on it (V). */
  onIntersectingLocations(): FakeDeveloperMetadataFinder {
    this.intersecting = true;
    return this.step('onIntersectingLocations');
  }

  find(): FakeDeveloperMetadata[] {
    count(this.ctx, 'DeveloperMetadataFinder', 'find', 'read');
    return this._find();
  }

  /** Emulator-internal search without counting a call. */
  _find(): FakeDeveloperMetadata[] {
    const book = this.ctx.book;
    return book.state.metadata
      .filter((m) => this.inScope(m))
      .filter((m) => this.key === undefined || m.key === this.key)
      .filter((m) => this.value === undefined || m.value === this.value)
      .filter((m) => this.id === undefined || m.id === this.id)
      .filter((m) => this.locationType === undefined || m.location === this.locationType)
      .filter((m) => this.visibility === undefined || m.visibility === this.visibility)
      .map((m) => new FakeDeveloperMetadata(this.ctx, m.id));
  }

  private inScope(m: MetaSpec): boolean {
    const s = this.scope;
    if (s.kind === 'spreadsheet') return true;
    if (s.kind === 'sheet') return m.sheetId === s.sheetId;
    if (m.sheetId !== s.ref.sheetId || (m.location !== 'ROW' && m.location !== 'COLUMN'))
      return false;
    const sheet = this.ctx.book.sheetById(m.sheetId);
    if (!sheet) return false;
    const axis = m.location === 'ROW' ? 'rows' : 'cols';
    const span = metaSpan(sheet, m.id, axis);
    if (!span) return false;
    const [lo, hi] = axis === 'rows' ? [s.ref.r1, s.ref.r2] : [s.ref.c1, s.ref.c2];
    if (this.intersecting) return span[0] <= hi && span[1] >= lo;
    // Exact location: the range must be that whole row/column span (I for non-whole ranges).
    const wanted = axis === 'rows' ? 'rows' : 'cols';
    return s.shape === wanted && span[0] === lo && span[1] === hi;
  }
}
