// Fake SpreadsheetApp Filter and FilterCriteria: a sheet's one basic filter, hiding rows by the values shown.
import { type Ctx, count } from './context';
import type { FilterSpec, SheetState } from './model';
import type { FakeRange } from './range';

/** (V) FilterCriteria: only hidden values are modelled (`whenTextContains` and the like are not). */
export class FakeFilterCriteria {
  constructor(private readonly hidden: readonly string[]) {}
  getHiddenValues(): string[] {
    return [...this.hidden];
  }
  copy(): FakeFilterCriteriaBuilder {
    return new FakeFilterCriteriaBuilder().setHiddenValues([...this.hidden]);
  }
}

/** SpreadsheetApp.newFilterCriteria() (V: …/spreadsheet/filter-criteria-builder). */
export class FakeFilterCriteriaBuilder {
  private hidden: string[] = [];
  /** (V) "Sets the values to hide. Clears any existing visible or hidden values." */
  setHiddenValues(values: readonly unknown[]): FakeFilterCriteriaBuilder {
    this.hidden = Array.from(values, String);
    return this;
  }
  getHiddenValues(): string[] {
    return [...this.hidden];
  }
  build(): FakeFilterCriteria {
    return new FakeFilterCriteria(this.hidden);
  }
}

/** (V: developers.google.com/apps-script/reference/spreadsheet/filter) */
export class FakeFilter {
  constructor(
    private readonly ctx: Ctx,
    private readonly sheetId: number,
  ) {}

  private call(method: string, kind: 'read' | 'write' | 'other'): void {
    count(this.ctx, 'Filter', method, kind);
  }

  private get st(): SheetState {
    return this.ctx.book.requireSheet(this.sheetId);
  }

  private get spec(): FilterSpec {
    const f = this.st.filter;
    // (I) a Filter object used after remove(): Google's wording unknown.
    if (!f) throw new Error('This filter was removed.');
    return f;
  }

  /** The criteria column at a sheet column position, checked against the filter's range. */
  private column(columnPosition: number): number {
    const { c1, c2 } = this.ctx.book.resolve(this.spec.range);
    // (I) Google refuses a column outside the filter's range; its wording is not documented.
    if (!(columnPosition >= c1 && columnPosition <= c2))
      throw new Error(`The column ${columnPosition} is outside the filter's range.`);
    return columnPosition;
  }

  getRange(): FakeRange {
    this.call('getRange', 'other');
    return this.ctx.range({ ...this.ctx.book.resolve(this.spec.range), sheetId: this.sheetId });
  }

  /** (V) The criteria of a column, or null when it has none. */
  getColumnFilterCriteria(columnPosition: number): FakeFilterCriteria | null {
    this.call('getColumnFilterCriteria', 'read');
    const col = this.column(columnPosition);
    const found = this.spec.criteria.find((c) => c.column.c1 === col);
    return found ? new FakeFilterCriteria(found.hiddenValues) : null;
  }

  /** (V) Sets (or, with null, removes) a column's criteria; rows are hidden or shown at once. */
  setColumnFilterCriteria(columnPosition: number, criteria: FakeFilterCriteria | null): FakeFilter {
    this.call('setColumnFilterCriteria', 'write');
    const col = this.column(columnPosition);
    const spec = this.spec;
    spec.criteria = spec.criteria.filter((c) => c.column.c1 !== col);
    if (criteria)
      spec.criteria.push({
        column: { sheetId: this.sheetId, r1: 1, c1: col, r2: 1, c2: col },
        hiddenValues: criteria.getHiddenValues(),
      });
    this.ctx.book.applyFilter(this.st);
    return this;
  }

  removeColumnFilterCriteria(columnPosition: number): FakeFilter {
    this.call('removeColumnFilterCriteria', 'write');
    const col = this.column(columnPosition);
    this.spec.criteria = this.spec.criteria.filter((c) => c.column.c1 !== col);
    this.ctx.book.applyFilter(this.st);
    return this;
  }

  /** (V) "Sorts the filtered range by the specified column, excluding the first row (the header row)." Hidden rows are sorted too (I). */
  sort(columnPosition: number, ascending: boolean): FakeFilter {
    this.call('sort', 'write');
    const col = this.column(columnPosition);
    const { r1, r2 } = this.ctx.book.resolve(this.spec.range);
    if (r2 > r1 + 1) this.ctx.book.sortRows(this.st, r1 + 1, r2, col, ascending);
    return this;
  }

  /** (V) Removes the filter: every row it hid shows again. */
  remove(): void {
    this.call('remove', 'write');
    void this.spec;
    delete this.st.filter;
    this.ctx.book.applyFilter(this.st);
  }
}

/** Puts a filter on the range's sheet; (S) one filter a sheet, Google's refusal otherwise. */
export function createFilter(ctx: Ctx, st: SheetState, range: FilterSpec['range']): FakeFilter {
  if (st.filter) throw new Error(FILTER_EXISTS);
  st.filter = { range, criteria: [] };
  return new FakeFilter(ctx, st.id);
}

/** (S) Google's refusal of a second filter on a sheet, as scripts quote it. */
export const FILTER_EXISTS = "You can't create a filter in a sheet that already has a filter.";
