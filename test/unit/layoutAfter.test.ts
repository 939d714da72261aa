// Set-up's own account of a tab's columns after its plan: what a sweep of the sheet would find, or nothing.
import { PARTNERS_TAB } from '../../src/domain/schema/tabs';
import { planColumns } from '../../src/domain/workbook/columns';
import { layoutAfterPlan } from '../../src/domain/workbook/layoutAfter';
import type { ObservedTab } from '../../src/domain/workbook/observed';

const headersOf = PARTNERS_TAB.columns.map((c) => c.header);
const keysOf = PARTNERS_TAB.columns.map((c) => c.key);

function observed(headers: string[], keys: (string | null)[]): ObservedTab {
  return {
    sheetName: PARTNERS_TAB.name,
    headers,
    metadataKeys: keys,
    notes: headers.map(() => ''),
    lastColumn: headers.length,
    maxRows: 1000,
    maxColumns: 26,
    frozenRows: 1,
    tagged: true,
  };
}

describe('layoutAfterPlan', () => {
  it('is every schema column, in order and tagged, for a tab set-up creates', () => {
    const plan = planColumns(PARTNERS_TAB, null, false);
    expect(layoutAfterPlan(null, 0, plan)).toEqual({
      headers: headersOf,
      keys: keysOf,
      count: keysOf.length,
    });
  });

  it('keeps a partner’s own column and adds the tags of columns found by their header', () => {
    // The first two columns were typed by hand (no tags), then a partner’s own column.
    const seen = observed([headersOf[0], headersOf[1], 'Bus routes'], [null, null, null]);
    const plan = planColumns(PARTNERS_TAB, seen, false);
    const layout = layoutAfterPlan(seen, 0, plan);
    expect(layout?.headers.slice(0, 3)).toEqual([headersOf[0], headersOf[1], 'Bus routes']);
    expect(layout?.keys.slice(0, 3)).toEqual([keysOf[0], keysOf[1], null]);
    expect(layout?.count).toBe(plan.tag.length);
    expect(layout?.keys.filter(Boolean).sort()).toEqual([...keysOf].sort());
  });

  it('gives up when set-up tags a column that already carried an identity', () => {
    // A plan that tags column A (found by its header), laid over a sheet whose sweep saw another
    // identity on A: a later sweep would find two entries there, in an order this cannot know.
    const plan = planColumns(PARTNERS_TAB, observed([headersOf[0]], [null]), false);
    expect(plan.tag.map((p) => p.column)).toContain(1);
    expect(layoutAfterPlan(observed([headersOf[0]], ['somethingElse']), 1, plan)).toBeNull();
    expect(layoutAfterPlan(observed([headersOf[0]], [null]), 0, plan)).not.toBeNull();
  });
});
