// Row and tab identity rules: emptied rows, adoptable same-named sheets, free names, stored row states.

import { LOGIC_MODEL_TAB } from '../../src/domain/logicModel/layout';
import { CALENDAR_TAB, GOALS_TAB, PARTNERS_TAB } from '../../src/domain/schema/tabs';
import { freeSheetName, isAdoptableSheet } from '../../src/domain/table/adoption';
import { emptiedRows } from '../../src/domain/table/emptied';
import { locateColumns } from '../../src/domain/table/locate';
import { decodeRowStates, encodeRowStates, rowHash } from '../../src/domain/table/rowState';

const headers = GOALS_TAB.columns.map((c) => c.header);
const location = locateColumns(
  GOALS_TAB,
  headers,
  headers.map(() => null),
);
const row = (cells: Record<string, unknown>) => GOALS_TAB.columns.map((c) => cells[c.key] ?? '');

describe('emptiedRows', () => {
  it('finds rows blank in every partner column that still hold an add-on cell', () => {
    const raw = {
      sheetName: 'Goals',
      headerRow: 1,
      headers,
      metadataKeys: headers.map(() => null),
      rows: [
        row({ id: 'G1', goal: 'Readers' }),
        row({ id: 'G2' }),
        row({}),
        row({ goal: 'No ID yet' }),
        row({ id: 'G5', status: '' }),
      ],
    };
    expect(emptiedRows(GOALS_TAB, location, raw)).toEqual([
      { row: 3, id: 'G2' },
      { row: 6, id: 'G5' },
    ]);
  });
});

describe('isAdoptableSheet', () => {
  it('adopts an empty sheet, or one whose headers name every required column', () => {
    expect(isAdoptableSheet(CALENDAR_TAB, [], true)).toBe(true);
    expect(isAdoptableSheet(PARTNERS_TAB, ['Organization', 'E-mail address'], false)).toBe(true);
    expect(isAdoptableSheet(CALENDAR_TAB, ['Title', 'Start date', 'Notes'], false)).toBe(true);
  });

  it('leaves a same-named tab of notes alone, and never adopts a generated tab with content', () => {
    expect(isAdoptableSheet(CALENDAR_TAB, ['Date', 'What we discussed'], false)).toBe(false);
    expect(isAdoptableSheet(CALENDAR_TAB, ['Title', 'Notes'], false)).toBe(false);
    expect(isAdoptableSheet(LOGIC_MODEL_TAB, ['Inputs', 'Activities'], false)).toBe(false);
    expect(isAdoptableSheet(LOGIC_MODEL_TAB, [], true)).toBe(true);
  });
});

describe('freeSheetName', () => {
  it('adds the first free number, ignoring case as Sheets does', () => {
    expect(freeSheetName('Calendar', ['Partners'])).toBe('Calendar');
    expect(freeSheetName('Calendar', ['calendar'])).toBe('Calendar (2)');
    expect(freeSheetName('Calendar', ['Calendar', 'CALENDAR (2)', 'Calendar (3)'])).toBe(
      'Calendar (4)',
    );
  });
});

describe('row states', () => {
  it('hash partner cells only: the add-on columns and their changes do not count', () => {
    const a = rowHash(GOALS_TAB, { id: 'G1', goal: 'Readers', priority: 'High' });
    expect(rowHash(GOALS_TAB, { id: 'G9', goal: 'Readers', priority: 'High' })).toBe(a);
    expect(rowHash(GOALS_TAB, { id: 'G1', goal: 'Readers!', priority: 'High' })).not.toBe(a);
    expect(rowHash(GOALS_TAB, { goal: new Date(5) })).toBe(rowHash(GOALS_TAB, { goal: '5' }));
  });

  it('round-trip through parts that each fit in a property value', () => {
    for (const n of [0, 1, 10, 2000]) {
      const states = new Map(
        Array.from({ length: n }, (_, i) => [`F${i + 1}`, rowHash(GOALS_TAB, { goal: `g${i}` })]),
      );
      const parts = encodeRowStates(states, 500);
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(500);
      expect(decodeRowStates(parts)).toEqual(states);
    }
  });
});
