// Several people and several spreadsheets sharing one add-on: properties, triggers, locks, Session.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Addon } from '../../emulator/addon';
import { Workspace } from '../../emulator/workspace';

const ANA = 'ana@coalition.example.org';
const BEN = 'ben@school.example.org';

/** A tiny script standing in for any add-on: it reports who and where it runs. */
const PROBE_SCRIPT = `
function whoAmI() {
  return {
    active: Session.getActiveUser().getEmail(),
    effective: Session.getEffectiveUser().getEmail(),
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet().getId(),
    name: SpreadsheetApp.getActiveSpreadsheet().getName(),
  };
}
function remember(e) {
  PropertiesService.getScriptProperties().setProperty('lastRun', JSON.stringify(whoAmI()));
}
function installEditTrigger() {
  ScriptApp.newTrigger('remember').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}
function installHourly() {
  ScriptApp.newTrigger('remember').timeBased().everyHours(1).create();
}
function counts() {
  return {
    here: ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).length,
    everywhere: ScriptApp.getProjectTriggers().length,
  };
}
`;

function world() {
  const ws = new Workspace({ startTime: Date.UTC(2027, 2, 1, 9), userEmail: ANA });
  const first = ws.currentSpreadsheetId;
  const second = ws.addSpreadsheet({ name: 'Second plan', editors: [BEN] }).book.state.id;
  const dir = mkdtempSync(join(tmpdir(), 'swp-multi-'));
  writeFileSync(join(dir, 'Code.js'), PROBE_SCRIPT);
  return { ws, first, second, addon: new Addon(ws, dir) };
}

describe('PropertiesService across users and documents (V: Properties guide)', () => {
  it('user properties follow the user into every document; document properties stay with the document; script properties are shared', () => {
    const { ws, first, second } = world();
    ws.as(ANA, first, () => {
      ws.properties.app.getUserProperties().setProperty('u', 'ana');
      ws.properties.app.getDocumentProperties().setProperty('d', 'first');
      ws.properties.app.getScriptProperties().setProperty('s', 'shared');
    });
    ws.as(ANA, second, () => {
      expect(ws.properties.app.getUserProperties().getProperty('u')).toBe('ana');
      expect(ws.properties.app.getDocumentProperties().getProperty('d')).toBeNull();
    });
    ws.as(BEN, first, () => {
      expect(ws.properties.app.getUserProperties().getProperty('u')).toBeNull();
      expect(ws.properties.app.getDocumentProperties().getProperty('d')).toBe('first');
      expect(ws.properties.app.getScriptProperties().getProperty('s')).toBe('shared');
    });
    expect(ws.properties.userPropertiesOf(ANA).getProperty('u')).toBe('ana');
    expect(ws.properties.documentPropertiesOf(second).getKeys()).toEqual([]);
  });

  it('keeps every store, user and spreadsheet through save and load', () => {
    const { ws, first, second } = world();
    ws.as(BEN, second, () => {
      ws.properties.app.getUserProperties().setProperty('u', 'ben');
      ws.properties.app.getDocumentProperties().setProperty('d', 'second');
      ws.sheets.app.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('kept');
    });
    const copy = Workspace.fromJSON(JSON.parse(JSON.stringify(ws.toJSON())));
    expect(copy.spreadsheetIds()).toEqual([first, second]);
    expect(copy.properties.userPropertiesOf(BEN).getProperty('u')).toBe('ben');
    expect(copy.properties.documentPropertiesOf(second).getProperty('d')).toBe('second');
    expect(copy.spreadsheet(second).app.getActiveSpreadsheet().getName()).toBe('Second plan');
  });
});

describe('installable triggers per user per document (V: ScriptApp, add-on trigger limits)', () => {
  it('getUserTriggers(ss) lists this document’s, getProjectTriggers the user’s in every document', () => {
    const { first, second, addon } = world();
    addon.runAs(ANA, first, 'installEditTrigger');
    addon.runAs(ANA, second, 'installEditTrigger');
    addon.runAs(BEN, second, 'installEditTrigger');
    expect(addon.runAs(ANA, first, 'counts')).toEqual({ here: 1, everywhere: 2 });
    expect(addon.runAs(ANA, second, 'counts')).toEqual({ here: 1, everywhere: 2 });
    expect(addon.runAs(BEN, second, 'counts')).toEqual({ here: 1, everywhere: 1 });
    expect(addon.runAs(BEN, first, 'counts')).toEqual({ here: 0, everywhere: 1 });
  });

  it('refuses a second trigger of a type for the same user in the same document only', () => {
    const { first, second, addon } = world();
    addon.runAs(ANA, first, 'installHourly');
    expect(() => addon.runAs(ANA, first, 'installHourly')).toThrow(/too many time-based triggers/);
    expect(() => addon.runAs(ANA, second, 'installHourly')).not.toThrow();
    expect(() => addon.runAs(BEN, first, 'installHourly')).not.toThrow();
  });

  it('a trigger runs as its owner in its own document, whoever edited and wherever the last run was', () => {
    const { ws, first, second, addon } = world();
    addon.runAs(ANA, second, 'installEditTrigger');
    // Ben types in the second spreadsheet; the last execution was Ben's, in the first one.
    addon.runAs(BEN, first, 'whoAmI');
    ws.actAs(BEN, first);
    ws.spreadsheet(second).userEdit('Sheet1', 2, 1, 'typed by Ben', { as: BEN });
    const last = JSON.parse(ws.properties.script.getProperty('lastRun') ?? '{}');
    expect(last).toMatchObject({ effective: ANA, spreadsheet: second, name: 'Second plan' });
    // Nobody's trigger fires for an edit in the first spreadsheet.
    ws.properties.script.deleteProperty('lastRun');
    ws.spreadsheet(first).userEdit('Sheet1', 2, 1, 'typed', { as: BEN });
    expect(ws.properties.script.getProperty('lastRun')).toBeNull();
    // Who and where were put back after the trigger.
    expect([ws.currentUser, ws.currentSpreadsheetId]).toEqual([BEN, first]);
  });

  it('a time-driven trigger runs as its owner in the document it was made in', () => {
    const { ws, second, addon } = world();
    addon.runAs(BEN, second, 'installHourly');
    ws.runtime.advance(61 * 60_000);
    expect(addon.runDueTriggers()).toEqual(['remember']);
    const last = JSON.parse(ws.properties.script.getProperty('lastRun') ?? '{}');
    expect(last).toMatchObject({ effective: BEN, active: BEN, spreadsheet: second });
  });

  it('runAs reports the acting user and spreadsheet, and the single-user default is unchanged', () => {
    const { first, second, addon } = world();
    expect(addon.run('whoAmI')).toMatchObject({ active: ANA, effective: ANA, spreadsheet: first });
    expect(addon.runAs(BEN, second, 'whoAmI')).toMatchObject({
      active: BEN,
      effective: BEN,
      spreadsheet: second,
    });
    expect(addon.run('whoAmI')).toMatchObject({ active: ANA, spreadsheet: first });
  });
});

describe('the document lock is per document (V: LockService.getDocumentLock)', () => {
  it('a lock held in one spreadsheet does not block another', () => {
    const { ws, first, second } = world();
    ws.as(ANA, first, () => ws.locks.holdDocumentLock('a sync in the first plan'));
    ws.as(BEN, second, () => {
      expect(ws.locks.app.getDocumentLock().tryLock(0)).toBe(true);
    });
    ws.as(BEN, first, () => {
      expect(ws.locks.app.getDocumentLock().tryLock(0)).toBe(false);
    });
  });
});
