// The live self-test, run through the built bundle on the emulator: every probe reported, nothing left behind.
import type { Workspace } from '../../emulator/workspace';
import { REPORT_TAB_KEY, SELF_TEST_PROPERTY } from '../../src/adapters/selfTest';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { PROBES } from '../../src/domain/selfTest/probes';
import type { SelfTestReport } from '../../src/domain/selfTest/verdict';
import { appendRows, syncFixture } from '../harness/syncFixture';
import { loadAddon } from '../harness/workspace';

type Result = SelfTestReport & { notCleanedUp: string[] };

/** Everything of the user's that the self-test must leave as it was. */
function snapshot(ws: Workspace) {
  const ss = ws.sheets.app.getActiveSpreadsheet();
  const tabs = ss
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => !n.startsWith('Self-test report'));
  return {
    tabs,
    cells: tabs.map((name) => ws.sheets.table(name)),
    calendars: ws.calendar.listCalendars().map((c) => c.id),
    events: ws.calendar.listCalendars().map((c) => ws.calendar.allEvents(c.id)),
    triggers: ws.script.toJSON(),
    properties: ws.properties.toJSON(),
    invitations: ws.calendar.invitationsSent(),
  };
}

/**
 * A plan with synced events, automatic syncs on and the coordinator's own tab. With the hourly
 * sync on, the document's one time trigger is taken, so the trigger probe cannot set its own.
 */
function planWithData(hourly = true) {
  const f = syncFixture();
  appendRows(f.ws, CALENDAR_TAB, [
    { title: 'Kick-off', startDate: '2027-03-10', startTime: '17:00' },
    { title: 'Book fair', startDate: '2027-04-02' },
  ]);
  f.addon.run('syncCalendar');
  f.addon.run('setAutoSync', { afterEdits: true, hourly });
  const own = f.ws.sheets.app.getActiveSpreadsheet().insertSheet('My notes');
  own.getRange('A1:B2').setValues([
    ['Call Ana', '=1+1'],
    ['15/03/2027', true],
  ]);
  return f;
}

function reportTab(ws: Workspace) {
  const ss = ws.sheets.app.getActiveSpreadsheet();
  return ss
    .createDeveloperMetadataFinder()
    .withKey(REPORT_TAB_KEY)
    .find()
    .map((m) => m.getLocation().getSheet()?.getName() ?? '');
}

describe('live self-test on the emulator', () => {
  it('reports every probe green over two runs (the trigger probe answers at the second), in a report tab, and leaves the user’s tabs, events and triggers as they were', () => {
    const { ws, addon } = planWithData(false);
    const before = snapshot(ws);
    expect(before.events.flat().filter((e) => e.status !== 'cancelled')).toHaveLength(2);
    expect(before.triggers).toHaveLength(1);
    const activeBefore = ws.sheets.app.getActiveSpreadsheet().getActiveSheet().getName();

    const first = addon.run('runSelfTest') as Result;
    expect(first.rows.find((r) => r.id === 'privateTriggerFires')).toMatchObject({
      verdict: 'could not run',
      observed: expect.stringMatching(/^error: set: .*Run the self-test again after two minutes/),
    });
    // Its trigger fires a minute later and removes itself; the next run reads the note.
    ws.runtime.advance(2 * 60_000);
    expect(addon.runDueTriggers()).toEqual(['selfTestTriggerProbe_']);
    const result = addon.run('runSelfTest') as Result;

    expect(result.rows.map((r) => r.id)).toEqual(PROBES.map((p) => p.id));
    const notGreen = result.rows.filter(
      (r) => r.verdict !== 'holds' && r.verdict !== 'other answer, handled',
    );
    expect(notGreen).toEqual([]);
    expect(result.notCleanedUp).toEqual([]);
    expect(result.green).toBe(true);

    expect(snapshot(ws)).toEqual(before);
    const names = ws.sheets.app
      .getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names.filter((n) => n.includes('self-test'))).toEqual([]);
    expect(ws.sheets.app.getActiveSpreadsheet().getActiveSheet().getName()).toBe(activeBefore);

    const [tab] = reportTab(ws);
    const table = ws.sheets.table(tab);
    expect(table[0]).toEqual([
      'Fact',
      'Source',
      'Expected (what the add-on assumes)',
      'Observed',
      'Verdict',
      'Relied on by',
      'Emulator option it settles',
    ]);
    expect(table.slice(1, PROBES.length + 1).map((r) => r[0])).toEqual(PROBES.map((p) => p.fact));
    expect(table[PROBES.length + 1][0]).toBe(result.summary);
  });

  it('a second run replaces its report tab instead of adding one, and never takes over a user’s tab of that name', () => {
    const { ws, addon } = planWithData();
    ws.sheets.app
      .getActiveSpreadsheet()
      .insertSheet('Self-test report')
      .getRange('A1')
      .setValue('mine');
    addon.run('runSelfTest');
    addon.run('runSelfTest');
    expect(reportTab(ws)).toEqual(['Self-test report 2']);
    expect(ws.sheets.table('Self-test report')).toEqual([['mine']]);
  });

  it.each([
    ['Calendar.Events.patch', 'patchReplacesAttendees'],
    ['SpreadsheetApp.Sheet.moveColumns', 'columnMetadataAfterMoveColumns'],
    ['LockService.Lock.tryLock', 'documentLock'],
  ])(
    'when %s fails, that probe reads "could not run", the others still run, and the scratch is removed',
    (method, probeId) => {
      const { ws, addon } = planWithData();
      const before = snapshot(ws);
      ws.runtime.failAt(method, 1, 'Service unavailable: try again');
      const result = addon.run('runSelfTest') as Result;
      const row = result.rows.find((r) => r.id === probeId);
      expect(row?.verdict).toBe('could not run');
      expect(row?.observed).toMatch(/Service unavailable/);
      expect(result.green).toBe(false);
      // The trigger probe cannot run beside the hourly sync (see above): the rest ran.
      expect(result.rows.filter((r) => r.verdict === 'could not run').map((r) => r.id)).toEqual([
        probeId,
        'privateTriggerFires',
      ]);
      expect(snapshot(ws)).toEqual(before);
    },
  );

  it('removes the scratch tabs and calendar even when the cleanup of one of them fails first', () => {
    const { ws, addon } = planWithData();
    const calendarsBefore = ws.calendar.listCalendars().length;
    ws.runtime.failAt(
      'SpreadsheetApp.Spreadsheet.deleteSheet',
      1,
      'Service Spreadsheets timed out',
    );
    const result = addon.run('runSelfTest') as Result;
    expect(result.green).toBe(false);
    expect(result.notCleanedUp).toHaveLength(1);
    expect(result.notCleanedUp[0]).toMatch(/scratch tab: Service Spreadsheets timed out/);
    const names = ws.sheets.app
      .getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names.filter((n) => n.startsWith('SWP self-test'))).toHaveLength(1);
    expect(ws.calendar.listCalendars()).toHaveLength(calendarsBefore);
  });
});

describe('the trigger probe, over two runs', () => {
  it('with the hourly sync on, the trigger probe says why it cannot run and sets nothing', () => {
    const { ws, addon } = planWithData(true);
    const before = snapshot(ws);
    const result = addon.run('runSelfTest') as Result;
    expect(result.rows.find((r) => r.id === 'privateTriggerFires')?.observed).toMatch(
      /turn the automatic hourly sync off while you run this probe/,
    );
    expect(snapshot(ws)).toEqual(before);
  });

  it('a trigger that never fired is answered "did not fire" after a quarter of an hour, and removed', () => {
    const { ws, addon } = planWithData(false);
    const before = snapshot(ws);
    addon.run('runSelfTest');
    ws.runtime.advance(16 * 60_000);
    // Google never ran it: the pending trigger is dropped unrun.
    ws.script.takeDueClockTriggers();
    const result = addon.run('runSelfTest') as Result;
    expect(result.rows.find((r) => r.id === 'privateTriggerFires')).toMatchObject({
      observed: 'did not fire',
      verdict: 'SURPRISE',
    });
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('the form-submit probe', () => {
  it('reads the event’s fields from its own trigger, which it removes; beside a health check round’s trigger it says why it cannot run', () => {
    const { ws, addon } = planWithData(false);
    const first = addon.run('runSelfTest') as Result;
    expect(first.rows.find((r) => r.id === 'formSubmitEvent')).toMatchObject({
      verdict: 'holds',
      observed: 'namedValues, range, triggerUid and values',
    });
    expect(first.rows.find((r) => r.id === 'formResponseTabShape')?.verdict).toBe('holds');
    expect(ws.script.triggersFor('ON_FORM_SUBMIT', ws.currentSpreadsheetId)).toEqual([]);
    addon.run('openHealthRound', { closes: '2030-01-01' });
    const beside = addon.run('runSelfTest') as Result;
    expect(beside.rows.find((r) => r.id === 'formSubmitEvent')).toMatchObject({
      verdict: 'could not run',
      observed: expect.stringMatching(/already has your form-submit trigger/),
    });
    expect(ws.script.triggersFor('ON_FORM_SUBMIT', ws.currentSpreadsheetId)).toEqual([
      expect.objectContaining({ handler: 'onHealthFormSubmit_' }),
    ]);
  });
});

describe('the maintainers’ menu item', () => {
  const items = (ws: Workspace) =>
    (ws.sheets.ui.menus[0]?.entries ?? []).flatMap((e) =>
      e.kind === 'item' ? [e.functionName] : [],
    );

  it('appears only in AuthMode.FULL with the script property SWP_SELF_TEST=on, and NONE reads no property', () => {
    const { ws, addon } = loadAddon();
    addon.open('FULL');
    expect(items(ws)).not.toContain('runSelfTestFromMenu');
    ws.properties.script.data.set(SELF_TEST_PROPERTY, 'on');
    ws.runtime.resetCounts();
    addon.open('NONE');
    expect(ws.runtime.count(/^PropertiesService/)).toBe(0);
    expect(items(ws)).not.toContain('runSelfTestFromMenu');
    addon.open('FULL');
    expect(items(ws).at(-1)).toBe('runSelfTestFromMenu');
    expect(addon.topLevelFunctions()).toContain('runSelfTestFromMenu');
  });

  it('runs the self-test and says the result in a dialog, only while a maintainer has it switched on', () => {
    const { ws, addon } = planWithData();
    // Any top-level function can be called: without the switch, the menu's function refuses.
    expect(() => addon.run('runSelfTestFromMenu')).toThrow(
      /SWP_SELF_TEST is on\. Nothing was run\./,
    );
    expect(reportTab(ws)).toHaveLength(0);
    ws.properties.script.data.set(SELF_TEST_PROPERTY, 'on');
    addon.run('runSelfTestFromMenu');
    const dialog = ws.sheets.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('Self-test');
    expect(dialog?.prompt).toMatch(/^\d+ facts checked: .*See the Self-test report tab\.$/);
    expect(reportTab(ws)).toHaveLength(1);
  });
});
