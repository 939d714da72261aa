// The installed add-on under each authorization mode: menus only in NONE and LIMITED, and a release that adds a permission stops the triggers quietly, tells the owner once, and the menu leads back.
import type { Addon } from '../../emulator/addon';
import { manifestScopes } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { CalendarChoiceInput, SyncReport } from '../../src/shared/calendarWire';
import { MENU, REAUTH_TEXT } from '../../src/shared/messages';
import { MENU_ITEMS } from '../../src/ui/menu';
import { appendRows, syncFixture } from '../harness/syncFixture';
import { loadAddon } from '../harness/workspace';

const COORDINATOR = 'coordinator@example.org';
const PARTNER = 'partner@library.example.org';
const AUTH = 'https://www.googleapis.com/auth/';
const MANIFEST = manifestScopes(`${__dirname}/../../dist`) ?? [];

const menuCalls = (ws: Workspace) => {
  const menu = ws.sheets.ui.menus[ws.sheets.ui.menus.length - 1];
  return menu.entries.flatMap((e) => (e.kind === 'item' ? [[e.caption, e.functionName]] : []));
};
const everyItem = MENU_ITEMS.flatMap((i) => (i ? [[i.caption, i.functionName]] : []));

describe('onOpen and onInstall in each authorization mode', () => {
  it('installed for the user but not used in this file: NONE, the whole menu, no data touched', () => {
    const { ws, addon } = loadAddon();
    addon.authorization.installedFor.add(COORDINATOR);
    ws.runtime.resetCounts();
    // The emulator refuses, in NONE, every call beyond building menus: reaching one would throw.
    expect(addon.openDocument()).toBe('NONE');
    expect(menuCalls(ws)).toEqual(everyItem);
    expect(Object.keys(ws.runtime.counts_()).filter((m) => !/Ui|Menu|getUi/.test(m))).toEqual([]);
  });

  it('enabled here by someone else, not installed for this partner: LIMITED, the menu and nothing that needs authorization', () => {
    const { ws, addon } = loadAddon();
    addon.install();
    const doc = ws.currentSpreadsheetId;
    ws.sheets.book.state.editors.push(PARTNER);
    const mode = ws.as(PARTNER, doc, () => addon.openDocument());
    expect(mode).toBe('LIMITED');
    expect(menuCalls(ws)).toEqual(everyItem);
    expect(ws.runtime.scopeRefusals).toEqual([]);
  });

  it('neither installed for the user nor enabled in the file: no menu at all', () => {
    const { ws, addon } = loadAddon();
    expect(addon.openDocument()).toBeNull();
    expect(ws.sheets.ui.menus).toEqual([]);
  });

  it('onInstall runs in FULL, builds the same menu, and leaves the add-on enabled for collaborators', () => {
    const { ws, addon } = loadAddon();
    addon.install();
    expect(menuCalls(ws)).toEqual(everyItem);
    expect(addon.authorization.enabledIn.has(ws.currentSpreadsheetId)).toBe(true);
    expect(addon.openDocument()).toBe('LIMITED');
  });
});

const NEW_CALENDAR: CalendarChoiceInput = {
  mode: 'new',
  calendarId: null,
  shareWithPartners: false,
  invitePartners: false,
  sendInvites: false,
};

const titles = (ws: Workspace, calendarId: string) =>
  ws.calendar
    .liveEvents(calendarId)
    .map((e) => e.title)
    .sort();

/** A plan synced with both automatic syncs on, then a release whose manifest adds `added`. */
function upgradedPlan(added: string) {
  const fixture = syncFixture({ calendar: { mode: 'none', calendarId: null } });
  const { ws, addon } = fixture;
  ws.sheets.book.state.editors.push(PARTNER);
  addon.install();
  const state = addon.runFromSidebar('saveCalendarChoice', NEW_CALENDAR) as { calendarId: string };
  addon.runFromSidebar('setAutoSync', { afterEdits: true, hourly: true });
  appendRows(ws, CALENDAR_TAB, [{ title: 'Kick-off', startDate: '2027-03-10', status: 'Planned' }]);
  // The pasted row already went out through the after-edit trigger; this sync finds it done.
  expect(addon.run('syncCalendar')).toMatchObject({ failed: 0 });
  expect(titles(ws, state.calendarId)).toEqual(['Kick-off']);
  // The coordinator consented to the earlier version's scopes only.
  addon.authorization.grantOnly(
    COORDINATOR,
    MANIFEST.filter((s) => s !== added),
  );
  return { ws, addon, calendarId: state.calendarId };
}

function partnerRetitles(ws: Workspace, addon: Addon, title: string) {
  const col = ws.sheets.table('Calendar')[0].indexOf('Title') + 1;
  addon.userEdit('Calendar', 2, col, title, PARTNER);
}

const noticesTo = (ws: Workspace) => ws.mail.sent.filter((m) => m.to.includes(COORDINATOR));

describe('a release that adds a permission the owner has not given', () => {
  it('stops the triggers without a failure, mails the owner once, and the menu says so until they re-authorise', () => {
    const { ws, addon, calendarId } = upgradedPlan(`${AUTH}calendar.acls`);
    partnerRetitles(ws, addon, 'Kick-off meeting');
    // Twelve hours of hourly triggers: each stands down in a couple of calls, none fails.
    for (let hour = 0; hour < 12; hour++) {
      ws.runtime.advance(3_600_000);
      addon.runDueTriggers();
    }
    expect(ws.logs.filter((l) => l.startsWith('Trigger '))).toEqual([]);
    expect(titles(ws, calendarId)).toEqual(['Kick-off']);
    const mails = noticesTo(ws);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(REAUTH_TEXT.mailSubject(ws.sheets.book.state.name));
    expect(mails[0].body).toContain(
      'https://script.google.com/macros/d/emulated-script-id/authorize',
    );
    // At the next open (LIMITED: the add-on is enabled here) the menu shows why.
    addon.openDocument();
    expect(menuCalls(ws)).toContainEqual([MENU.reauthoriseNeeded, 'reauthorise']);
    // Choosing it is a run the owner starts: Google asks for the new permission first.
    addon.run('reauthorise');
    expect(addon.authorization.consents.at(-1)).toEqual({
      user: COORDINATOR,
      scopes: [`${AUTH}calendar.acls`],
    });
    expect(ws.sheets.ui.dialogs.at(-1)).toMatchObject({ prompt: REAUTH_TEXT.allSet });
    addon.openDocument();
    expect(menuCalls(ws)).toContainEqual([MENU.reauthorise, 'reauthorise']);
    // The next hour syncs what the partner typed meanwhile.
    ws.runtime.advance(3_600_000);
    addon.runDueTriggers();
    expect(titles(ws, calendarId)).toEqual(['Kick-off meeting']);
    expect(noticesTo(ws)).toHaveLength(1);
  });

  it.each(['script.send_mail', 'userinfo.email'])(
    'when the new permission is %s (no mail can go out), the menu is the notice and nothing fails',
    (scope) => {
      const { ws, addon, calendarId } = upgradedPlan(`${AUTH}${scope}`);
      partnerRetitles(ws, addon, 'Kick-off meeting');
      for (let hour = 0; hour < 3; hour++) {
        ws.runtime.advance(3_600_000);
        addon.runDueTriggers();
      }
      expect(ws.mail.sent).toEqual([]);
      expect(ws.logs.filter((l) => l.startsWith('Trigger '))).toEqual([]);
      expect(titles(ws, calendarId)).toEqual(['Kick-off']);
      addon.openDocument();
      expect(menuCalls(ws)).toContainEqual([MENU.reauthoriseNeeded, 'reauthorise']);
    },
  );

  it('a partner opening the plan meanwhile gets the menu in LIMITED, the note included, and no error', () => {
    const { ws, addon } = upgradedPlan(`${AUTH}calendar.acls`);
    ws.runtime.advance(3_600_000);
    addon.runDueTriggers();
    const mode = ws.as(PARTNER, ws.currentSpreadsheetId, () => addon.openDocument());
    expect(mode).toBe('LIMITED');
    expect(menuCalls(ws)).toContainEqual([MENU.reauthoriseNeeded, 'reauthorise']);
  });

  it('an owner who unticks the new permission at the consent screen is shown the link to grant it', () => {
    const { ws, addon } = upgradedPlan(`${AUTH}calendar.acls`);
    addon.authorization.untickedAtConsent.add(`${AUTH}calendar.acls`);
    addon.run('reauthorise');
    const shown = ws.sheets.ui.shown.at(-1);
    expect(shown).toMatchObject({ kind: 'modal', title: REAUTH_TEXT.title });
    expect(JSON.stringify(shown)).toContain(
      'https://script.google.com/macros/d/emulated-script-id/authorize',
    );
    // A manual sync still works with what was granted: only the triggers wait.
    expect(addon.run('syncCalendar') as SyncReport).toMatchObject({ failed: 0 });
  });
});
