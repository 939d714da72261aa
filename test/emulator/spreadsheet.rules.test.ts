// Tests of the SpreadsheetApp emulator's rules: validation, protection, onEdit, Ui, call counting, faults.
import { Runtime } from '../../emulator/runtime';
import { type EditEvent, SpreadsheetEmulator } from '../../emulator/spreadsheet';

const OWNER = 'owner@example.org';
const PARTNER = 'partner@example.org';

function setup() {
  const runtime = new Runtime({ startTime: Date.UTC(2027, 0, 15, 12) });
  const em = new SpreadsheetEmulator(runtime, {
    userEmail: OWNER,
    editors: [PARTNER],
    addonName: 'Shared Work Plan',
  });
  const ss = em.app.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Plan');
  return { runtime, em, ss, sheet };
}

describe('data validation', () => {
  test('a user edit violating a reject rule is refused with Google message', () => {
    const { em, sheet } = setup();
    sheet
      .getRange('B2:B10')
      .setDataValidation(
        em.app
          .newDataValidation()
          .requireValueInList(['Planned', 'Done'], true)
          .setAllowInvalid(false)
          .build(),
      );
    const result = em.userEdit('Plan', 3, 2, 'Maybe');
    expect(result).toEqual({
      ok: false,
      message:
        'The data you entered in cell B3 violates the data validation rules set on this cell.',
    });
    expect(sheet.getRange('B3').getValue()).toBe('');
    expect(em.userEdit('Plan', 3, 2, 'Done').ok).toBe(true);
  });

  test('a user edit violating a warn-only rule is stored and flagged', () => {
    const { em, sheet } = setup();
    sheet
      .getRange('C2')
      .setDataValidation(
        em.app.newDataValidation().requireDate().setHelpText('Enter a date').build(),
      );
    const result = em.userEdit('Plan', 2, 3, 'next week');
    expect(result).toEqual({ ok: true, warning: 'Enter a date' });
    expect(sheet.getRange('C2').getValue()).toBe('next week');
    expect(em.toJSON().book.sheets[1].rows[1].cells['3'].invalid).toBe(true);
  });

  test('script writes into a reject rule throw too; warn-only rules let them through (S)', () => {
    const { em, sheet } = setup();
    sheet
      .getRange('B2')
      .setDataValidation(
        em.app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build(),
      );
    expect(() => sheet.getRange('B2').setValue(42)).toThrow(
      'The data you entered in cell B2 violates the data validation rules set on this cell.',
    );
    sheet
      .getRange('B3')
      .setDataValidation(em.app.newDataValidation().requireNumberBetween(0, 10).build());
    sheet.getRange('B3').setValue(42);
    expect(sheet.getRange('B3').getValue()).toBe(42);
  });

  test('requireValueInRange follows the current contents of the source tab', () => {
    const { em, ss, sheet } = setup();
    const partners = ss.insertSheet('Partners');
    partners.getRange('A2:A3').setValues([['Library'], ['School']]);
    sheet
      .getRange('D2:D50')
      .setDataValidation(
        em.app
          .newDataValidation()
          .requireValueInRange(partners.getRange('A2:A100'), true)
          .setAllowInvalid(false)
          .build(),
      );
    expect(em.userEdit('Plan', 2, 4, 'Museum').ok).toBe(false);
    em.userEdit('Partners', 4, 1, 'Museum');
    expect(em.userEdit('Plan', 2, 4, 'Museum').ok).toBe(true);
    const rule = sheet.getRange('D2').getDataValidation()!;
    expect(rule.getCriteriaType()).toBe(em.app.DataValidationCriteria.VALUE_IN_RANGE);
    const [range, dropdown] = rule.getCriteriaValues() as [{ getA1Notation(): string }, boolean];
    expect([range.getA1Notation(), dropdown]).toEqual(['A2:A100', true]);
  });

  test('builder getters, checkbox, email and copy', () => {
    const { em } = setup();
    const rule = em.app.newDataValidation().requireCheckbox().setHelpText('tick').build();
    expect([String(rule.getCriteriaType()), rule.getAllowInvalid(), rule.getHelpText()]).toEqual([
      'CHECKBOX',
      true,
      'tick',
    ]);
    const copy = rule.copy().requireTextIsEmail().setAllowInvalid(false).build();
    expect([String(copy.getCriteriaType()), copy.getAllowInvalid()]).toEqual([
      'TEXT_IS_VALID_EMAIL',
      false,
    ]);
  });
});

describe('protection', () => {
  test('a non-editor user edit into a protected range is rejected with Google message; the owner can edit', () => {
    const { em, sheet } = setup();
    const p = sheet.getRange('A1:C1').protect().setDescription('Headers');
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    expect(em.userEdit('Plan', 1, 2, 'Renamed', { as: PARTNER })).toEqual({
      ok: false,
      message:
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    });
    expect(em.userEdit('Plan', 1, 2, 'Renamed').ok).toBe(true);
  });

  test('a new protection mirrors the spreadsheet editors, so it blocks nobody until editors change', () => {
    const { em, sheet } = setup();
    sheet.getRange('A1').protect();
    expect(em.userEdit('Plan', 1, 1, 'x', { as: PARTNER }).ok).toBe(true);
  });

  test('warning-only protection lets the edit through with a warning', () => {
    const { em, sheet } = setup();
    sheet.getRange('A1').protect().setWarningOnly(true);
    const r = em.userEdit('Plan', 1, 1, 'x', { as: PARTNER });
    expect(r.ok).toBe(true);
    expect(r.warning).toMatch(/shouldn't be changed accidentally/);
  });

  test('sheet protection with unprotected ranges; getProtections by type; canEdit; remove', () => {
    const { em, sheet } = setup();
    const p = sheet.protect().setDescription('Plan tab');
    p.setUnprotectedRanges([sheet.getRange('B2:B100')]);
    p.removeEditors([PARTNER]);
    expect(em.userEdit('Plan', 5, 2, 'ok', { as: PARTNER }).ok).toBe(true);
    expect(em.userEdit('Plan', 5, 3, 'no', { as: PARTNER }).ok).toBe(false);
    expect(
      sheet.getProtections(em.app.ProtectionType.SHEET).map((x) => x.getDescription()),
    ).toEqual(['Plan tab']);
    expect(p.getUnprotectedRanges()[0].getA1Notation()).toBe('B2:B100');
    expect(p.canEdit()).toBe(true);
    em.setActiveUser(PARTNER);
    expect(p.canEdit()).toBe(false);
    expect(() => sheet.getRange('C5').setValue('script as partner')).toThrow(
      'You are trying to edit a protected cell',
    );
    em.setActiveUser(OWNER);
    p.remove();
    expect(sheet.getProtections(em.app.ProtectionType.SHEET)).toEqual([]);
  });

  test('a protected range follows inserted rows', () => {
    const { em, sheet } = setup();
    const p = sheet.getRange('A5:C5').protect();
    p.removeEditors([PARTNER]);
    sheet.insertRowsBefore(1, 2);
    expect(p.getRange().getA1Notation()).toBe('A7:C7');
    expect(em.userEdit('Plan', 7, 1, 'x', { as: PARTNER }).ok).toBe(false);
  });
});

describe('onEdit', () => {
  test('script writes never fire onEdit; user edits do, with value/oldValue only for single cells', () => {
    const { em, sheet } = setup();
    const events: EditEvent[] = [];
    const off = em.onUserEdit((e) => events.push(e));
    sheet.getRange('A1').setValue('by script');
    expect(events).toHaveLength(0);
    em.userEdit('Plan', 1, 1, 'by hand', { as: PARTNER });
    expect(events).toHaveLength(1);
    const e = events[0];
    expect([e.range.getA1Notation(), e.value, e.oldValue, e.user.getEmail(), e.authMode]).toEqual([
      'A1',
      'by hand',
      'by script',
      PARTNER,
      'FULL',
    ]);
    expect(e.source.getId()).toBe(em.spreadsheet.getId());
    em.userPasteValues('Plan', 2, 1, [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(events).toHaveLength(2);
    expect([
      events[1].range.getA1Notation(),
      'value' in events[1],
      'oldValue' in events[1],
    ]).toEqual(['A2:B3', false, false]);
    off();
    em.userEdit('Plan', 1, 1, 'again');
    expect(events).toHaveLength(2);
  });
});

describe('Ui', () => {
  test('menus are recorded with function names; alerts and prompts answer from the queue (default OK)', () => {
    const { em } = setup();
    const ui = em.app.getUi();
    ui.createAddonMenu()
      .addItem('Set up workbook', 'setupWorkbook')
      .addSeparator()
      .addSubMenu(ui.createMenu('Sync').addItem('Sync now', 'syncNow'))
      .addToUi();
    expect(em.ui.menus).toEqual([
      {
        caption: 'Shared Work Plan',
        addon: true,
        entries: [
          { kind: 'item', caption: 'Set up workbook', functionName: 'setupWorkbook' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            menu: {
              caption: 'Sync',
              addon: false,
              entries: [{ kind: 'item', caption: 'Sync now', functionName: 'syncNow' }],
            },
          },
        ],
      },
    ]);
    expect(ui.alert('Hello')).toBe(ui.Button.OK);
    em.ui.queueResponse(ui.Button.NO);
    expect(ui.alert('Sure?', 'Delete 3 events?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    em.ui.queueResponse('OK', 'Riverside');
    const r = ui.prompt('Calendar name', ui.ButtonSet.OK_CANCEL);
    expect([r.getSelectedButton(), r.getResponseText()]).toEqual([ui.Button.OK, 'Riverside']);
    expect(em.ui.dialogs.map((d) => [d.kind, d.title, d.prompt, d.answer])).toEqual([
      ['alert', null, 'Hello', 'OK'],
      ['alert', 'Sure?', 'Delete 3 events?', 'NO'],
      ['prompt', null, 'Calendar name', 'OK'],
    ]);
  });

  test('showSidebar records the HtmlOutput title and content', () => {
    const { em } = setup();
    em.app.getUi().showSidebar({ getContent: () => '<p>hi</p>', getTitle: () => 'Work plan' });
    expect(em.ui.sidebars).toEqual([
      {
        kind: 'sidebar',
        title: 'Work plan',
        content: '<p>hi</p>',
        width: undefined,
        height: undefined,
      },
    ]);
  });
});

describe('runtime', () => {
  test('a getValues on a 1000-row range is one call', () => {
    const { runtime, sheet } = setup();
    runtime.resetCounts();
    const values = sheet.getRange(1, 1, 1000, 26).getValues();
    expect(values).toHaveLength(1000);
    expect(runtime.count('SpreadsheetApp.Range.getValues')).toBe(1);
    expect(runtime.count('SpreadsheetApp.')).toBe(2); // Sheet.getRange + Range.getValues
  });

  test('fault injection: the 2nd setValues fails with the injected error and writes nothing', () => {
    const { runtime, sheet } = setup();
    runtime.failAt('SpreadsheetApp.Range.setValues', 2, 'Service Spreadsheets failed');
    sheet.getRange('A1').setValues([['first']]);
    expect(() => sheet.getRange('A2').setValues([['second']])).toThrow(
      'Service Spreadsheets failed',
    );
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['first'], ['']]);
    sheet.getRange('A3').setValues([['third']]);
    expect(sheet.getRange('A3').getValue()).toBe('third');
  });

  test('calls advance the virtual clock and the 6-minute budget applies', () => {
    const { runtime, sheet } = setup();
    runtime.beginExecution();
    runtime.setLatency('SpreadsheetApp.Range.getValue', 60_000);
    expect(() => {
      for (let i = 0; i < 10; i++) sheet.getRange('A1').getValue();
    }).toThrow('Exceeded maximum execution time');
    runtime.endExecution();
  });
});
