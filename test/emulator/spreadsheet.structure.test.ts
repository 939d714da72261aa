// Tests of the SpreadsheetApp emulator's structure: sheets, A1, rows/columns, metadata, JSON state.
import { Runtime } from '../../emulator/runtime';
import { SpreadsheetEmulator } from '../../emulator/spreadsheet';

function setup() {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 15, 12) });
  const em = new SpreadsheetEmulator(runtime, { userEmail: 'owner@example.org' });
  return { runtime, em, ss: em.app.getActiveSpreadsheet() };
}

/** A small activity table: header + 3 rows, each row tagged with developer metadata. */
function activities() {
  const ctx = setup();
  const sheet = ctx.ss.insertSheet('Activities');
  sheet.getRange('A1:C4').setValues([
    ['Title', 'Lead', 'Hours'],
    ['Kick-off', 'Ana', 3],
    ['Training', 'Ben', 1],
    ['Review', 'Cy', 2],
  ]);
  for (const row of [2, 3, 4])
    sheet.getRange(`${row}:${row}`).addDeveloperMetadata('activityId', `act-${row - 1}`);
  const idOnRow = (row: number) =>
    sheet
      .getRange(`${row}:${row}`)
      .getDeveloperMetadata()
      .map((m) => m.getValue());
  const rowOf = (id: string) =>
    ctx.ss
      .createDeveloperMetadataFinder()
      .withKey('activityId')
      .withValue(id)
      .find()[0]
      ?.getLocation()
      .getRow()
      ?.getRow();
  return { ...ctx, sheet, idOnRow, rowOf };
}

describe('sheets', () => {
  test('new sheets are 1000 x 26 and become active', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Partners');
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.getActiveSheet().getName()).toBe('Partners');
  });

  test('activating a range selects its rows on its sheet, until another sheet is activated', () => {
    const { ss, em } = setup();
    const partners = ss.insertSheet('Partners');
    const calendar = ss.insertSheet('Calendar');
    expect(em.activeSelection()).toBeNull();
    calendar.getRange(5, 1, 2, 4).activate();
    expect(em.activeSelection()).toEqual({ sheet: 'Calendar', row: 5, numRows: 2 });
    partners.activate();
    expect(ss.getActiveSheet().getName()).toBe('Partners');
    expect(em.activeSelection()).toBeNull();
  });

  test('insertSheet with a duplicate name throws Google message (names unique ignoring case)', () => {
    const { ss } = setup();
    ss.insertSheet('Partners');
    expect(() => ss.insertSheet('Partners')).toThrow(
      'A sheet with the name "Partners" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('partners')).toThrow('already exists');
  });

  test('getSheetByName is case-sensitive and returns null when absent', () => {
    const { ss } = setup();
    ss.insertSheet('Partners');
    expect(ss.getSheetByName('Partners')?.getName()).toBe('Partners');
    expect(ss.getSheetByName('partners')).toBeNull();
  });

  test('deleting the last sheet is refused', () => {
    const { ss } = setup();
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow();
  });
});

describe('A1 notation', () => {
  test('quoted sheet names, whole columns and whole rows', () => {
    const { ss } = setup();
    const s = ss.insertSheet("Partner's plan");
    s.getRange('B2').setValue('x');
    const r = ss.getRange("'Partner''s plan'!A1:B2");
    expect([r.getSheet().getName(), r.getA1Notation(), r.getValues()[1][1]]).toEqual([
      "Partner's plan",
      'A1:B2',
      'x',
    ]);
    const cols = s.getRange('A:C');
    expect([cols.getNumRows(), cols.getNumColumns(), cols.getA1Notation()]).toEqual([
      1000,
      3,
      'A:C',
    ]);
    const rows = s.getRange('2:5');
    expect([rows.getRow(), rows.getNumRows(), rows.getNumColumns(), rows.getA1Notation()]).toEqual([
      2,
      4,
      26,
      '2:5',
    ]);
  });
});

describe('extent', () => {
  test('getLastRow ignores formatting-only cells', () => {
    const { ss } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1:B2').setValues([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    s.getRange('A10:C10').setBackground('#ff0000').setNumberFormat('0.00');
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([2, 2]);
    expect(s.getDataRange().getA1Notation()).toBe('A1:B2');
  });

  test('appendRow writes after the last row and grows a full sheet', () => {
    const { ss } = setup();
    const s = ss.getSheets()[0];
    s.deleteRows(3, 997);
    s.getRange('A1:A2').setValues([['h'], ['1']]);
    s.appendRow(['2', '=A2+1']);
    expect([s.getMaxRows(), s.getRange('A3:B3').getValues()[0]]).toEqual([3, [2, 2]]);
  });
});

describe('developer metadata', () => {
  test('row metadata moves with its row when rows are inserted above', () => {
    const { sheet, rowOf } = activities();
    sheet.insertRowsBefore(2, 3);
    expect([rowOf('act-1'), rowOf('act-2'), rowOf('act-3')]).toEqual([5, 6, 7]);
  });

  test('row metadata disappears when its row is deleted', () => {
    const { sheet, rowOf, ss } = activities();
    sheet.deleteRow(3);
    expect(rowOf('act-2')).toBeUndefined();
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withKey('activityId')
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['act-1', 'act-3']);
    expect(rowOf('act-3')).toBe(3);
  });

  test('metadata on arbitrary ranges is refused with Google message', () => {
    const { sheet } = activities();
    expect(() => sheet.getRange('A2:C2').addDeveloperMetadata('k', 'v')).toThrow(
      'Adding developer metadata to arbitrary ranges is not currently supported.',
    );
  });

  test('sheet and spreadsheet metadata, visibility stored, finder by location type', () => {
    const { ss, sheet, em } = activities();
    ss.addDeveloperMetadata('schema', '3', em.app.DeveloperMetadataVisibility.PROJECT);
    sheet.addDeveloperMetadata('tab', 'activities');
    expect(
      ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())]),
    ).toEqual([['schema', '3', 'PROJECT']]);
    expect(sheet.getDeveloperMetadata()[0].getVisibility()).toBe(
      em.app.DeveloperMetadataVisibility.DOCUMENT,
    );
    const found = ss
      .createDeveloperMetadataFinder()
      .withLocationType(em.app.DeveloperMetadataLocationType.SHEET)
      .find();
    expect(found.map((m) => m.getLocation().getSheet()?.getName())).toEqual(['Activities']);
  });

  test('user copy row copies values but not the metadata; sort moves metadata with rows (I); move column keeps column metadata', () => {
    const { em, sheet, idOnRow, rowOf } = activities();
    sheet.getRange('B:B').addDeveloperMetadata('column', 'lead');
    em.userCopyRow('Activities', 2, 5);
    expect(sheet.getRange('A5:C5').getValues()).toEqual([['Kick-off', 'Ana', 3]]);
    expect(idOnRow(5)).toEqual([]);
    em.userSortRows('Activities', 3, true, 1);
    expect(sheet.getRange('A2:A5').getValues().flat()).toEqual([
      'Training',
      'Review',
      'Kick-off',
      'Kick-off',
    ]);
    expect([rowOf('act-2'), rowOf('act-3'), rowOf('act-1')]).toEqual([2, 3, 4]);
    em.userMoveColumn('Activities', 2, 4);
    const lead = em.spreadsheet.createDeveloperMetadataFinder().withKey('column').find()[0];
    expect(lead.getLocation().getColumn()?.getColumn()).toBe(4);
    expect(sheet.getRange('D1').getValue()).toBe('Lead');
  });

  test('user move row keeps its metadata and references follow the moved cells', () => {
    const { em, sheet, rowOf } = activities();
    sheet.getRange('E1').setValue('=C2');
    em.userMoveRow('Activities', 2, 4);
    expect(rowOf('act-1')).toBe(4);
    expect(sheet.getRange('E1').getFormula()).toBe('=C4');
    expect(sheet.getRange('E1').getValue()).toBe(3);
  });
});

describe('state', () => {
  test('toJSON/fromJSON round trip keeps values, formulas, formats, notes, validations, metadata, protections, frozen rows, rules, charts, widths, tab colours', () => {
    const { em, ss, sheet, runtime } = activities();
    sheet.getRange('C5').setValue('=SUM(C2:C4)');
    sheet.getRange('C2:C4').setNumberFormat('0.00');
    sheet.getRange('A1').setNote('Activity title');
    sheet
      .getRange('B2:B4')
      .setDataValidation(
        em.app
          .newDataValidation()
          .requireValueInList(['Ana', 'Ben', 'Cy'])
          .setAllowInvalid(false)
          .build(),
      );
    sheet
      .getRange('A1:C1')
      .protect()
      .setDescription('header')
      .removeEditors(['someone@example.org']);
    sheet.setFrozenRows(1);
    sheet.setConditionalFormatRules([
      em.app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#fce8e6')
        .setRanges([sheet.getRange('A2:A4')])
        .build(),
    ]);
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(em.charts.ChartType.PIE)
        .addRange(sheet.getRange('A1:C4'))
        .setPosition(2, 5, 0, 0)
        .setOption('title', 'Hours')
        .build(),
    );
    sheet.setColumnWidth(1, 240);
    sheet.hideColumns(3);
    sheet.setTabColor('#34a853');
    ss.addDeveloperMetadata('schema', '1');

    const json = JSON.parse(JSON.stringify(em.toJSON()));
    const back = SpreadsheetEmulator.fromJSON(runtime, json);
    expect(back.toJSON()).toEqual(em.toJSON());
    const s2 = back.app.getActiveSpreadsheet().getSheetByName('Activities')!;
    expect(s2.getRange('C5').getFormula()).toBe('=SUM(C2:C4)');
    expect(s2.getRange('C5').getValue()).toBe(6);
    expect(s2.getRange('C2').getDisplayValue()).toBe('3.00');
    expect(s2.getRange('A1').getNote()).toBe('Activity title');
    expect(s2.getRange('B2').getDataValidation()?.getCriteriaValues()[0]).toEqual([
      'Ana',
      'Ben',
      'Cy',
    ]);
    expect(s2.getProtections(back.app.ProtectionType.RANGE)[0].getDescription()).toBe('header');
    expect(s2.getFrozenRows()).toBe(1);
    expect(s2.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A2:A4');
    expect(s2.getCharts()[0].getOptions().get('title')).toBe('Hours');
    expect([s2.getColumnWidth(1), s2.isColumnHiddenByUser(3), s2.getTabColor()]).toEqual([
      240,
      true,
      '#34a853',
    ]);
    expect(back.table('Activities')).toEqual(em.table('Activities'));
    expect(back.userEdit('Activities', 2, 2, 'Zed').ok).toBe(false);
  });
});
