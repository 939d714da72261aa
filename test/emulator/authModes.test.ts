// The emulator's authorization modes and grants, checked with a tiny script of its own (it never loads the add-on).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Addon } from '../../emulator/addon';
import { AUTHORIZATION_REQUIRED_MESSAGE, modeAllows } from '../../emulator/authorization';
import { Workspace } from '../../emulator/workspace';

const AUTH = 'https://www.googleapis.com/auth/';
const SCOPES = [
  'spreadsheets.currentonly',
  'script.container.ui',
  'script.send_mail',
  'script.scriptapp',
].map((s) => AUTH + s);

/** A script that tries one thing per function and reports what happened. */
const CODE = `
function attempt(fn) { try { return 'ok: ' + fn(); } catch (e) { return 'refused: ' + e.message; } }
function menu() { return attempt(function () { SpreadsheetApp.getUi().createAddonMenu().addItem('A', 'a').addToUi(); return 'menu'; }); }
function sheetName() { return attempt(function () { return SpreadsheetApp.getActiveSpreadsheet().getName(); }); }
function property() { return attempt(function () { return String(PropertiesService.getDocumentProperties().getProperty('x')); }); }
function mail() { return attempt(function () { MailApp.sendEmail('a@example.org', 's', 'b'); return 'sent'; }); }
function alertBox() { return attempt(function () { SpreadsheetApp.getUi().alert('hi'); return 'shown'; }); }
function info() { var i = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL); return [String(i.getAuthorizationStatus()), String(i.getAuthorizationUrl())]; }
var results = {};
function onOpen(e) { results = { menu: menu(), sheet: sheetName(), property: property(), mail: mail(), alert: alertBox() }; }
function readResults() { return results; }
function hourly_() { results = { mail: mail(), info: info() }; }
`;

function scriptAddon() {
  const dir = mkdtempSync(join(tmpdir(), 'swp-auth-'));
  writeFileSync(join(dir, 'Code.js'), CODE);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ oauthScopes: SCOPES }));
  const ws = new Workspace({ startTime: Date.UTC(2027, 2, 1, 9) });
  return { ws, addon: new Addon(ws, dir) };
}

describe('AuthMode in the emulator (docs/google-facts.md, "Editor add-on")', () => {
  it('NONE builds menus and reaches nothing else: not the document, not its properties', () => {
    const { addon } = scriptAddon();
    addon.open('NONE');
    const r = addon.run('readResults') as Record<string, string>;
    expect(r.menu).toBe('ok: menu');
    for (const key of ['sheet', 'property', 'mail', 'alert']) expect(r[key]).toMatch(/^refused: /);
  });

  it('LIMITED also reaches the document and its properties, still no mail and no dialog', () => {
    const { addon } = scriptAddon();
    addon.open('LIMITED');
    const r = addon.run('readResults') as Record<string, string>;
    expect(r).toMatchObject({
      menu: 'ok: menu',
      sheet: expect.stringMatching(/^ok: /),
      property: 'ok: null',
    });
    expect(r.mail).toMatch(/^refused: /);
    expect(r.alert).toMatch(/^refused: /);
  });

  it('needs no authorization for Utilities; getAuthorizationInfo under both readings of its scope', () => {
    expect(modeAllows('FULL', 'MailApp.sendEmail')).toBe(true);
    expect(modeAllows('LIMITED', 'Utilities.formatDate')).toBe(true);
    expect(modeAllows('NONE', 'CacheService.DocumentCache.get')).toBe(false);
    expect(modeAllows('NONE', 'ScriptApp.getAuthorizationInfo', true)).toBe(true);
    expect(modeAllows('NONE', 'ScriptApp.getAuthorizationInfo', false)).toBe(false);
    expect(modeAllows('FULL', 'ScriptApp.getAuthorizationInfo', false)).toBe(true);
  });

  it('a trigger of an owner who has not granted a newer scope fails at the call needing it, and getAuthorizationInfo says REQUIRED with a URL', () => {
    const { ws, addon } = scriptAddon();
    addon.authorization.grantOnly(
      ws.options.userEmail,
      SCOPES.filter((s) => !s.endsWith('send_mail')),
    );
    const scriptApp = ws.script.app as unknown as GoogleAppsScript.Script.ScriptApp;
    scriptApp.newTrigger('hourly_').timeBased().everyHours(1).create();
    ws.runtime.advance(3_600_000);
    addon.runDueTriggers();
    const r = addon.run('readResults') as { mail: string; info: string[] };
    expect(r.mail).toBe(`refused: ${AUTHORIZATION_REQUIRED_MESSAGE}`);
    expect(r.info[0]).toBe('REQUIRED');
    expect(r.info[1]).toContain('/authorize');
  });

  it('a person running a function is asked first: afterwards nothing is required', () => {
    const { ws, addon } = scriptAddon();
    addon.authorization.grantOnly(ws.options.userEmail, SCOPES.slice(0, 2));
    addon.run('hourly_');
    const r = addon.run('readResults') as { mail: string; info: string[] };
    expect(r).toEqual({ mail: 'ok: sent', info: ['NOT_REQUIRED', 'null'] });
    expect(addon.authorization.consents).toEqual([
      { user: ws.options.userEmail, scopes: SCOPES.slice(2) },
    ]);
  });
});
