// Range.mergeAcross in the SpreadsheetApp emulator: one call merges each row of the range on its own (V).
import { Runtime } from '../../emulator/runtime';
import { SpreadsheetEmulator } from '../../emulator/spreadsheet';

function setup() {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 15, 12) });
  const em = new SpreadsheetEmulator(runtime, { userEmail: 'owner@example.org' });
  const sheet = em.app.getActiveSpreadsheet().insertSheet('Model');
  sheet.getRange('A1:C3').setValues([
    ['a', 'b', 'c'],
    ['d', 'e', 'f'],
    ['g', 'h', 'i'],
  ]);
  return { runtime, em, sheet };
}

describe('Range.mergeAcross', () => {
  it('merges every row of the range separately, keeping each row’s first value', () => {
    const { em, sheet } = setup();
    sheet.getRange('A1:C2').mergeAcross();
    const merges = em.book.sheetByName('Model')?.merges.map((m) => [m.r1, m.c1, m.r2, m.c2]);
    expect(merges).toEqual([
      [1, 1, 1, 3],
      [2, 1, 2, 3],
    ]);
    expect(em.table('Model')).toEqual([
      ['a', '', ''],
      ['d', '', ''],
      ['g', 'h', 'i'],
    ]);
    expect(sheet.getRange('A3:C3').isPartOfMerge()).toBe(false);
  });

  it('is one counted write call, and breakApart undoes it', () => {
    const { runtime, em, sheet } = setup();
    runtime.resetCounts();
    sheet.getRange('A1:C3').mergeAcross();
    expect(runtime.count('SpreadsheetApp.Range.mergeAcross')).toBe(1);
    sheet.getRange('A1:C3').breakApart();
    expect(em.book.sheetByName('Model')?.merges).toEqual([]);
  });
});

describe('Sheet.getRangeList and RangeList.breakApart', () => {
  it('unmerges every range of the list in one counted call, and leaves other merges', () => {
    const { runtime, em, sheet } = setup();
    sheet.getRange('A1:C3').mergeAcross();
    runtime.resetCounts();
    sheet.getRangeList(['A1:C1', 'A3:C3']).breakApart();
    expect(runtime.count('SpreadsheetApp.RangeList.breakApart')).toBe(1);
    expect(runtime.count('SpreadsheetApp.Range.breakApart')).toBe(0);
    expect(em.book.sheetByName('Model')?.merges.map((m) => [m.r1, m.c1, m.r2, m.c2])).toEqual([
      [2, 1, 2, 3],
    ]);
  });

  it('refuses an empty list, and A1 outside the grid as getRange does', () => {
    const { sheet } = setup();
    expect(() => sheet.getRangeList([])).toThrow();
    expect(() => sheet.getRangeList(['A1:C1', 'A5000:C5000'])).toThrow(
      /outside the dimensions of the sheet/,
    );
  });
});
