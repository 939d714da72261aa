// Cut/paste (Range.moveTo), Sheet.moveRows/moveColumns, merges and protections that follow structural edits.
import { Runtime } from '../../emulator/runtime';
import { SpreadsheetEmulator } from '../../emulator/spreadsheet';

function setup() {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 15, 12) });
  const em = new SpreadsheetEmulator(runtime, { userEmail: 'owner@example.org' });
  const ss = em.app.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Plan');
  sheet.getRange('A1:D4').setValues([
    ['ID', 'Title', 'Lead', 'Hours'],
    ['a-1', 'Kick-off', 'Ana', 3],
    ['a-2', 'Training', 'Ben', 1],
    ['a-3', 'Review', 'Cy', 2],
  ]);
  const metaAt = (a1: string) =>
    sheet
      .getRange(a1)
      .getDeveloperMetadata()
      .map((m) => m.getValue());
  return { em, ss, sheet, metaAt };
}

describe('Sheet.moveColumns / moveRows (V: Sheet reference)', () => {
  it.each([
    // [columns moved, destination index before the move, header order after]
    ['B:B', 4, ['ID', 'Lead', 'Title', 'Hours']],
    ['B:C', 5, ['ID', 'Hours', 'Title', 'Lead']],
    ['C:D', 1, ['Lead', 'Hours', 'ID', 'Title']],
    ['D:D', 2, ['ID', 'Hours', 'Title', 'Lead']],
    ['B:C', 3, ['ID', 'Title', 'Lead', 'Hours']],
  ])(
    'moving %s before column %i gives %j, with values, formats, notes and column metadata',
    (spec, dest, headers) => {
      const { sheet, metaAt } = setup();
      const cols = ['A', 'B', 'C', 'D'];
      cols.forEach((c, i) => {
        sheet.getRange(`${c}:${c}`).addDeveloperMetadata('column', String(i));
        sheet.getRange(`${c}2`).setNote(`note ${i}`).setNumberFormat(`fmt${i}`);
      });
      sheet.moveColumns(sheet.getRange(spec as string), dest as number);
      const after = sheet.getRange('A1:D1').getValues()[0];
      expect(after).toEqual(headers);
      const original = ['ID', 'Title', 'Lead', 'Hours'];
      after.forEach((title, j) => {
        const was = original.indexOf(String(title));
        const c = cols[j];
        expect(metaAt(`${c}:${c}`)).toEqual([String(was)]);
        expect(sheet.getRange(`${c}2`).getNote()).toBe(`note ${was}`);
        expect(sheet.getRange(`${c}2`).getNumberFormat()).toBe(`fmt${was}`);
      });
    },
  );

  it('moves whole rows with their row metadata, whatever range inside them is given', () => {
    const { sheet, metaAt } = setup();
    for (const r of [2, 3, 4]) sheet.getRange(`${r}:${r}`).addDeveloperMetadata('row', `r${r}`);
    sheet.moveRows(sheet.getRange('B2:C2'), 5);
    expect(sheet.getRange('A2:A4').getValues().flat()).toEqual(['a-2', 'a-3', 'a-1']);
    expect([metaAt('2:2'), metaAt('3:3'), metaAt('4:4')]).toEqual([['r3'], ['r4'], ['r2']]);
  });

  it('keeps protections on the cells they covered when a column moves', () => {
    const { sheet } = setup();
    const protection = sheet.getRange('B1:B4').protect();
    sheet.moveColumns(sheet.getRange('B:B'), 5);
    expect(protection.getRange().getA1Notation()).toBe('D1:D4');
  });
});

describe('Range.moveTo: cut and paste (V: "both format and values")', () => {
  it('moves values, formulas, formats and notes to the target and leaves the source empty', () => {
    const { sheet } = setup();
    // A cut formula keeps pointing at the cells it pointed at (a copy would shift to A8).
    sheet.getRange('E2').setFormula('=A2');
    sheet.getRange('B2').setNote('first').setBackground('#ffff00');
    sheet.getRange('B2:E2').moveTo(sheet.getRange('B8'));
    expect(sheet.getRange('B8:E8').getValues()[0]).toEqual(['Kick-off', 'Ana', 3, 'a-1']);
    expect(sheet.getRange('E8').getFormula()).toBe('=A2');
    expect(sheet.getRange('B8').getNote()).toBe('first');
    expect(sheet.getRange('B8').getBackground()).toBe('#ffff00');
    expect(sheet.getRange('B2:E2').getValues()[0]).toEqual(['', '', '', '']);
    expect(sheet.getRange('B2').getNote()).toBe('');
  });

  it('leaves row metadata on its row: it belongs to the row, not the cut cells (I)', () => {
    const { sheet, metaAt } = setup();
    sheet.getRange('2:2').addDeveloperMetadata('activityId', 'a-1');
    sheet.getRange('A2:D2').moveTo(sheet.getRange('A9'));
    expect(metaAt('2:2')).toEqual(['a-1']);
    expect(metaAt('9:9')).toEqual([]);
    expect(sheet.getRange('A9').getValue()).toBe('a-1');
  });

  it('can move to another sheet', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Archive');
    sheet.getRange('A3:B3').moveTo(other.getRange('C1'));
    expect(other.getRange('C1:D1').getValues()[0]).toEqual(['a-2', 'Training']);
    expect(sheet.getRange('A3:B3').getValues()[0]).toEqual(['', '']);
  });
});

describe('merges (V: Range.merge / getMergedRanges / breakApart)', () => {
  it('keeps only the top-left value, reports the merged block, and breaks apart', () => {
    const { sheet } = setup();
    sheet.getRange('B2:C3').merge();
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      ['Kick-off', ''],
      ['', ''],
    ]);
    expect(
      sheet
        .getRange('C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B2:C3']);
    expect(sheet.getRange('A1').getMergedRanges()).toEqual([]);
    sheet.getRange('C3').breakApart();
    expect(sheet.getRange('B2:C3').getMergedRanges()).toEqual([]);
  });

  it('shifts with rows inserted above and disappears when its rows are deleted', () => {
    const { sheet } = setup();
    sheet.getRange('B3:C3').merge();
    sheet.insertRowsBefore(2, 2);
    expect(
      sheet
        .getRange('A1:D9')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B5:C5']);
    sheet.deleteRow(5);
    expect(sheet.getRange('A1:D9').getMergedRanges()).toEqual([]);
  });
});

describe('protections follow inserted and deleted rows and columns', () => {
  it.each([
    [
      'insert 2 rows above',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertRowsBefore(1, 2),
      'B4:C6',
    ],
    [
      'insert a row inside',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertRowAfter(2),
      'B2:C5',
    ],
    ['delete a row above', (s: GoogleAppsScript.Spreadsheet.Sheet) => s.deleteRow(1), 'B1:C3'],
    ['delete a row inside', (s: GoogleAppsScript.Spreadsheet.Sheet) => s.deleteRow(3), 'B2:C3'],
    [
      'insert a column before',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertColumnBefore(1),
      'C2:D4',
    ],
    ['delete column A', (s: GoogleAppsScript.Spreadsheet.Sheet) => s.deleteColumn(1), 'A2:B4'],
    [
      'insert a column after',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertColumnAfter(3),
      'B2:C4',
    ],
  ])('%s', (_name, edit, expected) => {
    const { sheet } = setup();
    const protection = sheet.getRange('B2:C4').protect();
    edit(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    expect(protection.getRange().getA1Notation()).toBe(expected);
  });

  it('a whole-column protection stays whole-column when rows are inserted', () => {
    const { sheet } = setup();
    const protection = sheet.getRange('B:B').protect();
    sheet.insertRowsBefore(1, 3);
    sheet.insertColumnBefore(1);
    expect(protection.getRange().getA1Notation()).toBe('C:C');
  });
});

describe('Range.insertCheckboxes (V: sets every cell to false)', () => {
  it('puts FALSE in each cell and accepts only booleans afterwards', () => {
    const { sheet } = setup();
    sheet.getRange('F2:F3').insertCheckboxes();
    expect(sheet.getRange('F2:F3').getValues()).toEqual([[false], [false]]);
    expect(sheet.getRange('F2').getDataValidation()?.getCriteriaType()).toBeDefined();
    expect(() => sheet.getRange('F2').setValue('maybe')).toThrow(/violates the data validation/);
    sheet.getRange('F2').setValue(true);
    expect(sheet.getRange('F2').getValue()).toBe(true);
  });
});
