// Each undocumented Google behaviour (I) is a workspace option, and the emulator plays each variant.
import { DEFAULT_AMBIGUITIES, LIST_LIMIT_MESSAGE } from '../../emulator/ambiguities';
import { Workspace } from '../../emulator/workspace';

const workspace = (ambiguities = {}) =>
  new Workspace({ startTime: Date.UTC(2027, 2, 1), ambiguities });

describe('checkboxBlank: an empty cell under a checkbox rule, before anyone ticks it', () => {
  const withCheckboxes = (checkboxBlank: 'empty' | 'false') => {
    const ws = workspace({ checkboxBlank });
    const sheet = ws.sheets.app.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1').setValue('Name');
    sheet.getRange('A2').setValue('Ada');
    sheet.getRange('B2').setValue(true);
    const rule = ws.sheets.app.newDataValidation().requireCheckbox().build();
    sheet.getRange('B2:B10').setDataValidation(rule);
    return sheet;
  };

  it("holds '' and the empty rows stay empty (the default)", () => {
    const sheet = withCheckboxes('empty');
    expect(sheet.getRange('B2:B4').getValues()).toEqual([[true], [''], ['']]);
    expect(sheet.getLastRow()).toBe(2);
  });

  it('holds FALSE, like insertCheckboxes, and then every ruled row counts as content', () => {
    const sheet = withCheckboxes('false');
    expect(sheet.getRange('B2:B4').getValues()).toEqual([[true], [false], [false]]);
    expect(sheet.getLastRow()).toBe(10);
  });
});

describe('unknownZone: Utilities.formatDate with a zone id nobody knows', () => {
  const date = new Date(Date.UTC(2027, 6, 1, 12, 0));
  it('throws (the default)', () => {
    const ws = workspace({ unknownZone: 'throws' });
    const formatDate = ws.utilities.app.formatDate as (d: Date, z: string, p: string) => string;
    expect(() => formatDate(date, 'Riverside/Standard', 'HH:mm')).toThrow();
    expect(formatDate(date, 'Europe/Paris', 'HH:mm')).toBe('14:00');
  });

  it('formats in GMT, as Java’s TimeZone.getTimeZone does for an unknown id', () => {
    const ws = workspace({ unknownZone: 'gmt' });
    const formatDate = ws.utilities.app.formatDate as (d: Date, z: string, p: string) => string;
    expect(formatDate(date, 'Riverside/Standard', 'HH:mm Z')).toBe('12:00 +0000');
    expect(formatDate(date, 'Europe/Paris', 'HH:mm')).toBe('14:00');
  });
});

describe('sortRowMetadata: a person sorts rows that carry row metadata', () => {
  const sortedMetadataRows = (sortRowMetadata: 'follows' | 'stays') => {
    const ws = workspace({ sortRowMetadata });
    const sheet = ws.sheets.app.getActiveSpreadsheet().getActiveSheet();
    sheet.setName('Plan');
    sheet.getRange('A1:A4').setValues([['Name'], ['Carol'], ['Alice'], ['Bob']]);
    sheet.getRange('2:2').addDeveloperMetadata('row', 'carol');
    ws.sheets.userSortRows('Plan', 1, true);
    const [md] = sheet.createDeveloperMetadataFinder().withKey('row').find();
    return { row: md.getLocation().getRow()?.getRow(), names: sheet.getRange('A2:A4').getValues() };
  };

  it('follows its row’s content (the default)', () => {
    expect(sortedMetadataRows('follows')).toEqual({
      row: 4,
      names: [['Alice'], ['Bob'], ['Carol']],
    });
  });

  it('stays at its row position', () => {
    expect(sortedMetadataRows('stays')).toEqual({ row: 2, names: [['Alice'], ['Bob'], ['Carol']] });
  });
});

describe('cutColumnMetadata: a person cuts a whole column and pastes it onto another', () => {
  const cutColumn = (cutColumnMetadata: 'stays' | 'follows') => {
    const ws = workspace({ cutColumnMetadata });
    const sheet = ws.sheets.app.getActiveSpreadsheet().getActiveSheet();
    sheet.setName('Plan');
    sheet.getRange('A1:B3').setValues([
      ['ID', 'Goal'],
      ['G1', 'Read'],
      ['G2', 'Write'],
    ]);
    sheet.getRange('B:B').addDeveloperMetadata('column', 'goal');
    expect(ws.sheets.userCutPasteColumn('Plan', 2, 5)).toEqual({ ok: true });
    const [md] = sheet.createDeveloperMetadataFinder().withKey('column').find();
    return {
      column: md.getLocation().getColumn()?.getColumn(),
      emptied: sheet.getRange('B1:B3').getValues(),
      pasted: sheet.getRange('E1:E3').getValues(),
    };
  };
  const cells = { emptied: [[''], [''], ['']], pasted: [['Goal'], ['Read'], ['Write']] };

  it('stays on the emptied column (the default, as Range.moveTo is modelled)', () => {
    expect(cutColumn('stays')).toEqual({ column: 2, ...cells });
  });

  it('goes with the cells to the pasted column', () => {
    expect(cutColumn('follows')).toEqual({ column: 5, ...cells });
  });
});

describe('listLimit: a dropdown list of more than 500 items', () => {
  const items = Array.from({ length: 501 }, (_, i) => `Item ${i + 1}`);
  it('keeps every item (the default)', () => {
    const ws = workspace({ listLimit: 'keeps' });
    const rule = ws.sheets.app.newDataValidation().requireValueInList(items).build();
    expect((rule.getCriteriaValues()[0] as string[]).length).toBe(501);
  });

  it('refuses the rule', () => {
    const ws = workspace({ listLimit: 'throws' });
    const builder = ws.sheets.app.newDataValidation();
    expect(() => builder.requireValueInList(items)).toThrow(LIST_LIMIT_MESSAGE);
    expect(() => builder.requireValueInList(items.slice(0, 500))).not.toThrow();
  });
});

describe('defaults', () => {
  it('are the behaviours the emulator played before the options existed', () => {
    expect(new Workspace().runtime.ambiguities).toEqual(DEFAULT_AMBIGUITIES);
  });
});

describe('plainTextApostrophe: a leading apostrophe written into a plain-text cell', () => {
  const written = (plainTextApostrophe: 'hidden' | 'kept') => {
    const sheet = workspace({ plainTextApostrophe })
      .sheets.app.getActiveSpreadsheet()
      .getActiveSheet();
    sheet.getRange('A1:B1').setNumberFormat('@');
    sheet.getRange('A1:C1').setValues([["'=Fun run", '="=Fun run"', "'+1 day trip"]]);
    return sheet.getRange('A1:C1');
  };

  it('is hidden, as in any cell (the default)', () => {
    expect(written('hidden').getDisplayValues()).toEqual([['=Fun run', '=Fun run', '+1 day trip']]);
  });

  it('stays a character of the text; outside a plain-text cell it is hidden either way', () => {
    expect(written('kept').getDisplayValues()).toEqual([["'=Fun run", '=Fun run', '+1 day trip']]);
  });
});
