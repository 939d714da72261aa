// The table module's append and the ID allocator's store, run on small fakes instead of Google's services.

import type { PropertyStore, SheetBuilders } from '../../src/adapters/google';
import { raiseIdCounter, takeIds } from '../../src/adapters/idCounters';
import { loadRowStates, saveRowStates } from '../../src/adapters/rowStates';
import { appendRows } from '../../src/adapters/sheets/appendRows';
import type { ReadTab } from '../../src/adapters/sheets/readTab';
import { ASSESSMENTS_TAB, GOALS_TAB } from '../../src/domain/schema/tabs';
import { emptyCellRule } from '../../src/domain/table/emptyRow';
import { locateColumns } from '../../src/domain/table/locate';
import { readRecords } from '../../src/domain/table/records';

/** Document properties as a map, with Google's 9 KB limit on a value. */
function fakeStore(): PropertyStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const set = (key: string, value: string) => {
    if (value.length > 9 * 1024) throw new Error('Argument too large: value');
    data.set(key, value);
  };
  const store = {
    data,
    getProperty: (key: string) => data.get(key) ?? null,
    getProperties: () => Object.fromEntries(data),
    setProperty: (key: string, value: string) => {
      set(key, value);
      return store;
    },
    setProperties: (values: Record<string, string>) => {
      for (const [k, v] of Object.entries(values)) set(k, v);
      return store;
    },
    deleteProperty: (key: string) => {
      data.delete(key);
      return store;
    },
  };
  return store as unknown as PropertyStore & { data: Map<string, string> };
}

/** A sheet grid of fixed size that throws outside it, as Google's does. */
function fakeSheet(values: unknown[][], maxRows: number, maxColumns: number) {
  const grid = { values: values.map((r) => [...r]), maxRows, maxColumns, inserts: 0 };
  const sheet = {
    getMaxRows: () => grid.maxRows,
    getMaxColumns: () => grid.maxColumns,
    insertRowsAfter: (_after: number, n: number) => {
      grid.maxRows += n;
      grid.inserts += 1;
    },
    insertColumnsAfter: (_after: number, n: number) => {
      grid.maxColumns += n;
    },
    getRange: (row: number, column: number, rows: number, columns: number) => {
      if (row + rows - 1 > grid.maxRows || column + columns - 1 > grid.maxColumns)
        throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      return {
        setValues: (block: unknown[][]) => {
          block.forEach((line, i) => {
            grid.values[row - 1 + i] = line;
          });
        },
      };
    },
  };
  // The adapter only uses the methods above; the cast stands in for the rest of Sheet.
  return { grid, sheet: sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet };
}

function readOf(
  values: unknown[][],
  maxRows: number,
): { read: ReadTab; grid: { values: unknown[][]; maxRows: number; inserts: number } } {
  const headers = values[0];
  const { grid, sheet } = fakeSheet(values, maxRows, headers.length);
  const raw = {
    sheetName: 'Goals',
    headerRow: 1,
    headers,
    metadataKeys: headers.map(() => null),
    rows: values.slice(1),
  };
  const location = locateColumns(GOALS_TAB, headers, raw.metadataKeys);
  const records = readRecords(GOALS_TAB, location, raw);
  return {
    read: { sheet, raw, location, records, empty: emptyCellRule(GOALS_TAB, location) },
    grid,
  };
}

/** The Goals tab has no yes/no column: an append there builds no rule. */
const noRulesOnGoals: SheetBuilders = new Proxy({} as SheetBuilders, {
  get: () => () => {
    throw new Error('The Goals tab has no checkbox column');
  },
});

describe('appendRows', () => {
  const headers = ['Goal', 'Goal ID', 'Partner notes'];
  it.each([0, 1, 5])(
    'writes below the last row, growing a grid with %i spare rows only when needed',
    (spare) => {
      const table = [headers, ['Readers', 'G1', 'ours'], ['', '', 'a note'], ['', '', '']];
      const { read, grid } = readOf(table, table.length + spare);
      const first = appendRows(
        read,
        [
          { goal: '=Families', id: 'G2' },
          { goal: 'Volunteers', id: 'G3' },
        ],
        { tab: GOALS_TAB, builders: noRulesOnGoals },
      );
      // Row 3 holds a partner's note: nothing typed anywhere is overwritten.
      expect(first).toBe(4);
      expect(grid.values[3]).toEqual(["'=Families", 'G2', '']);
      expect(grid.values[4]).toEqual(['Volunteers', 'G3', '']);
      expect(grid.maxRows).toBe(Math.max(table.length + spare, 5));
      expect(grid.inserts).toBe(spare >= 1 ? 0 : 1);
    },
  );
});

describe('takeIds', () => {
  it('raises the stored mark at once, so the next call never repeats an ID', () => {
    const store = fakeStore();
    expect(takeIds(store, ASSESSMENTS_TAB, ['F1', 'F7'])).toEqual(['F8']);
    // F8's row was deleted before anyone saw it: F8 is still not handed out again.
    expect(takeIds(store, ASSESSMENTS_TAB, ['F1', 'F7'], 2)).toEqual(['F9', 'F10']);
    raiseIdCounter(store, ASSESSMENTS_TAB, 5);
    expect(takeIds(store, ASSESSMENTS_TAB, [])).toEqual(['F11']);
    expect(takeIds(store, GOALS_TAB, [])).toEqual(['G1']);
  });

  it('survives a damaged stored value (IDs still continue after the tab)', () => {
    const store = fakeStore();
    store.setProperty('sharedWorkPlan.idCounters', '{not json');
    expect(takeIds(store, GOALS_TAB, ['G3'])).toEqual(['G4']);
  });
});

describe('row states in properties', () => {
  it('store thousands of rows under the 9 KB value limit and drop parts no longer needed', () => {
    const store = fakeStore();
    const many = new Map(Array.from({ length: 3000 }, (_, i) => [`F${i + 1}`, `h${i}`]));
    saveRowStates(store, new Map([['assessments', many]]), new Map());
    expect(loadRowStates(store).get('assessments')).toEqual(many);
    const few = new Map([['F1', 'x']]);
    saveRowStates(store, new Map([['assessments', few]]), loadRowStates(store));
    expect(loadRowStates(store).get('assessments')).toEqual(few);
    expect([...store.data.keys()]).toEqual(['sharedWorkPlan.rowState.assessments.0']);
  });
});
