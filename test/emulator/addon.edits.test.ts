// The add-on loader passes Google's onEdit event (with the edited range) to installable triggers, for every user edit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Addon } from '../../emulator/addon';
import { Workspace } from '../../emulator/workspace';

/** A tiny bundle whose onEdit handler logs what it receives. */
function recordingAddon() {
  const dir = mkdtempSync(join(tmpdir(), 'swp-addon-'));
  writeFileSync(
    join(dir, 'Code.js'),
    `function recordEdit(e) { Logger.log(e.range.getSheet().getName() + '!' + e.range.getA1Notation() + '=' + e.value); }\n`,
  );
  const ws = new Workspace({ startTime: Date.UTC(2027, 2, 1) });
  const addon = new Addon(ws, dir);
  ws.script.triggers.push({
    id: 't1',
    handler: 'recordEdit',
    eventType: 'ON_EDIT',
    owner: ws.options.userEmail,
  });
  ws.sheets.app.getActiveSpreadsheet().insertSheet('Calendar');
  return { ws, addon };
}

describe('Addon: installable onEdit triggers', () => {
  it('get the edited range and value when a person types (V: event objects guide)', () => {
    const { ws, addon } = recordingAddon();
    addon.userEdit('Calendar', 3, 2, 'Library');
    expect(ws.logs).toEqual(['Calendar!B3=Library']);
  });

  it('fire for pastes and row copies too, without a value for multi-cell edits (V)', () => {
    const { ws } = recordingAddon();
    ws.sheets.userPasteValues('Calendar', 2, 1, [['a', 'b']]);
    expect(ws.logs).toEqual(['Calendar!A2:B2=undefined']);
  });

  it('do not fire for script writes (V)', () => {
    const { ws } = recordingAddon();
    ws.sheets.app.getActiveSpreadsheet().getSheetByName('Calendar')?.getRange('A1').setValue('x');
    expect(ws.logs).toEqual([]);
  });
});
