// Tests of the SpreadsheetApp emulator's values: types, conversion, formulas, formats, dates.
import * as vm from 'node:vm';
import { Runtime } from '../../emulator/runtime';
import { SpreadsheetEmulator } from '../../emulator/spreadsheet';

function setup(timeZone = 'Etc/UTC') {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 15, 12) });
  const em = new SpreadsheetEmulator(runtime, { timeZone, userEmail: 'owner@example.org' });
  const sheet = em.app.getActiveSpreadsheet().getSheets()[0];
  return { runtime, em, sheet };
}

describe('getValues', () => {
  test('empty cells are the empty string', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  test('returns Number, Boolean, Date or String', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[1.5, true, new Date(Date.UTC(2027, 2, 4)), 'text']]);
    const [row] = sheet.getRange('A1:D1').getValues();
    expect(typeof row[0]).toBe('number');
    expect(typeof row[1]).toBe('boolean');
    expect(Object.prototype.toString.call(row[2])).toBe('[object Date]');
    expect(row[3]).toBe('text');
  });
});

describe('setValue/setValues conversion', () => {
  test('a string starting with = becomes a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([[2], [3]]);
    sheet.getRange('A3').setValue('=A1*A2');
    expect(sheet.getRange('A3').getFormula()).toBe('=A1*A2');
    expect(sheet.getRange('A3').getValue()).toBe(6);
  });

  test('number, boolean and date looking strings are parsed by the en_US locale', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:F1')
      .setValues([['42', '3.5', 'TRUE', '2027-03-04', '3/4/2027', '3/4/2027 14:30']]);
    const [row] = sheet.getRange('A1:F1').getValues() as unknown[][];
    expect(row[0]).toBe(42);
    expect(row[1]).toBe(3.5);
    expect(row[2]).toBe(true);
    expect((row[3] as Date).toISOString()).toBe('2027-03-04T00:00:00.000Z');
    expect((row[4] as Date).toISOString()).toBe('2027-03-04T00:00:00.000Z'); // March 4, not April 3
    expect((row[5] as Date).toISOString()).toBe('2027-03-04T14:30:00.000Z');
  });

  test('plain-text format @ keeps number-looking strings as strings', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.setNumberFormat('@');
    r.setValue('0042');
    expect(r.getValue()).toBe('0042');
    expect(r.getDisplayValue()).toBe('0042');
  });

  test('a leading apostrophe keeps text and is not stored', () => {
    const { sheet, em } = setup();
    sheet.getRange('A1').setValue("'007");
    expect(sheet.getRange('A1').getValue()).toBe('007');
    em.userEdit('Sheet1', 2, 1, "'=not a formula");
    expect(sheet.getRange('A2').getValue()).toBe('=not a formula');
    expect(sheet.getRange('A2').getFormula()).toBe('');
  });

  test('setValues dimension mismatch throws Google messages for rows and columns', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange('A1:B3').setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() =>
      sheet.getRange('A1:B2').setValues([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test('a range outside the grid throws the coordinates message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });
});

describe('dates', () => {
  test('dates are stored as wall time in the spreadsheet zone and read back as the same instant', () => {
    const { sheet } = setup('America/New_York');
    const d = new Date(Date.UTC(2027, 6, 1, 16, 0)); // 12:00 in New York (EDT)
    sheet.getRange('A1').setValue(d);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(d.getTime());
    expect(sheet.getRange('A1').getDisplayValue()).toBe('7/1/2027 12:00:00');
  });

  test('changing the spreadsheet time zone keeps wall times and changes instants', () => {
    const { sheet, em } = setup('Europe/Paris');
    sheet.getRange('A1').setValue(new Date(Date.UTC(2027, 0, 10, 9, 0))); // 10:00 in Paris
    em.spreadsheet.setSpreadsheetTimeZone('Asia/Tokyo');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/10/2027 10:00:00');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe(
      '2027-01-10T01:00:00.000Z',
    );
  });

  test('a Date from another realm (vm context) is stored correctly', () => {
    const { sheet } = setup('Etc/UTC');
    const foreign = vm.runInNewContext('new Date(Date.UTC(2027, 0, 1, 8, 30))') as Date;
    expect(foreign instanceof Date).toBe(false);
    sheet.getRange('A1:A1').setValues([[foreign]]);
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe(
      '2027-01-01T08:30:00.000Z',
    );
  });
});

describe('getDisplayValues number formats', () => {
  test('format subset: dates, times, numbers, currency, percent, text', () => {
    const { sheet } = setup();
    const cases: [unknown, string, string][] = [
      [new Date(Date.UTC(2027, 2, 4, 14, 5)), 'yyyy-mm-dd', '2027-03-04'],
      [new Date(Date.UTC(2027, 2, 4, 14, 5)), 'yyyy-mm-dd hh:mm', '2027-03-04 14:05'],
      [new Date(Date.UTC(2027, 2, 4, 14, 5)), 'm/d/yyyy', '3/4/2027'],
      [new Date(Date.UTC(2027, 2, 4, 14, 5)), 'h:mm am/pm', '2:05 pm'],
      [3.7, '0', '4'],
      [2.71838, '0.00', '2.72'],
      [1234567, '#,##0', '1,234,567'],
      [1234.5, '$#,##0.00', '$1,234.50'],
      [0.256, '0%', '26%'],
      [42, '@', '42'],
    ];
    cases.forEach(([value, format, shown], i) => {
      const r = sheet.getRange(i + 1, 1);
      r.setNumberFormat(format);
      r.setValue(value);
      expect([format, r.getDisplayValue()]).toEqual([format, shown]);
    });
  });

  test('defaults: numbers naturally, dates m/d/yyyy, date-times m/d/yyyy H:mm:ss', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:C1')
      .setValues([
        [1234.5, new Date(Date.UTC(2027, 2, 4)), new Date(Date.UTC(2027, 2, 4, 9, 5, 7))],
      ]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([
      ['1234.5', '3/4/2027', '3/4/2027 9:05:07'],
    ]);
  });
});

describe('formulas', () => {
  test('SUM, COUNTA, COUNTIF, IF, TODAY, arithmetic and other-sheet refs', () => {
    const { sheet, em } = setup();
    const other = em.spreadsheet.insertSheet('Budget lines');
    other.getRange('A1:A3').setValues([[10], [20], ['x']]);
    sheet.getRange('A1:A4').setValues([[1], [2], ['Done'], ['done']]);
    const formulas = [
      ['=SUM(A1:A4)', 3],
      ['=COUNTA(A1:A10)', 4],
      ['=COUNTIF(A1:A4,"Done")', 2],
      ['=COUNTIF(A1:A4,">1")', 1],
      ['=IF(A1>0,"yes","no")', 'yes'],
      ["=SUM('Budget lines'!A1:A3)*2", 60],
      ['=(1+2)*3-4/2', 7],
      ['=A1&"-"&A2', '1-2'],
    ] as const;
    formulas.forEach(([f, expected], i) => {
      sheet.getRange(i + 1, 3).setValue(f);
      expect([f, sheet.getRange(i + 1, 3).getValue()]).toEqual([f, expected]);
    });
    sheet.getRange('D1').setValue('=TODAY()');
    expect((sheet.getRange('D1').getValue() as Date).toISOString()).toBe(
      '2027-01-15T00:00:00.000Z',
    );
  });

  test('unknown functions give #NAME? and parse errors #ERROR!', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=VLOOKUP(1,B:C,2,FALSE)');
    sheet.getRange('A2').setValue('=1+*2');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['#NAME?'], ['#ERROR!']]);
  });

  test('inserting rows inside a SUM range grows it, like Sheets', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setValue('=SUM(A1:A3)');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A5)');
    sheet.getRange('A2').setValue(10);
    expect(sheet.getRange('B1').getValue()).toBe(16);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A3)');
  });
});

describe('getWraps', () => {
  test('says, cell by cell, whether the text wraps', () => {
    const { sheet } = setup();
    sheet.getRange('B1:B2').setWrap(true);
    expect(sheet.getRange('A1:B2').getWraps()).toEqual([
      [false, true],
      [false, true],
    ]);
  });
});
