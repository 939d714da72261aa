// First set-up on a blank spreadsheet, through the built bundle: tabs, columns, dropdowns, protections.

import type { EditResult } from '../../emulator/spreadsheet';
import { COLUMN_KEY_METADATA, SCHEMA_VERSION_METADATA } from '../../src/domain/schema/metadata';
import { PARTNERSHIP_STEPS, SCHEMA_VERSION, USER_TABS } from '../../src/domain/schema/tabs';
import { sidebarCall } from '../harness/sidebarCall';
import { columnOf, PARTNERS, rowsOf, setUp, sheetOf } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

const PARTNER_EMAIL = 'lee@univ.example.edu';

describe('first set-up on a blank spreadsheet', () => {
  const { ws, addon } = loadAddon({ spreadsheetTimeZone: 'America/New_York' });
  ws.sheets.book.state.editors = [PARTNER_EMAIL];
  const summary = setUp(addon, { calendar: { mode: 'new' } });

  it('leaves the coordinator on the Partnership tab, where the plan starts', () => {
    expect(ws.sheets.spreadsheet.getActiveSheet().getName()).toBe('Partnership');
  });

  it('creates every tab, in order, with a frozen header, notes and tagged columns', () => {
    expect(summary.created.map((t) => t.name)).toEqual(USER_TABS.map((t) => t.name));
    expect(summary.updated).toEqual([]);
    expect(summary.repaired).toEqual([]);
    const names = ws.sheets.spreadsheet.getSheets().map((s) => s.getName());
    // The empty Sheet1 the spreadsheet started with is gone: the plan's tabs are all there is.
    expect(names).toEqual(USER_TABS.map((t) => t.name));
    for (const tab of USER_TABS) {
      const sheet = sheetOf(ws, tab.name);
      expect(sheet.getFrozenRows()).toBe(1);
      const headers = ws.sheets.table(tab.name)[0];
      expect(headers.slice(0, tab.columns.length)).toEqual(tab.columns.map((c) => c.header));
      const notes = sheet.getRange(1, 1, 1, tab.columns.length).getNotes()[0];
      expect(notes.every((n) => n.length > 10)).toBe(true);
      const tags = sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY_METADATA).find();
      expect(tags.map((m) => m.getValue()).sort()).toEqual(tab.columns.map((c) => c.key).sort());
    }
  });

  it('adds the partners with IDs and literal text, seeds the steps and the categories', () => {
    const partners = rowsOf(ws, 'Partners');
    expect(partners.map((p) => [p['Partner ID'], p.Organisation, p.Role])).toEqual(
      PARTNERS.map((p, i) => [`P${i + 1}`, p.organisation, p.role]),
    );
    expect(partners[0]['Calendar invite']).toBe(true);
    const steps = rowsOf(ws, 'Partnership');
    expect(steps.map((s) => s.Step)).toEqual([...PARTNERSHIP_STEPS]);
    expect(steps.map((s) => s['Step ID'])).toEqual([
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
      'S6',
      'S7',
      'S8',
    ]);
    expect(rowsOf(ws, 'Categories')).toHaveLength(12);
    expect(summary.partnersAdded).toEqual(PARTNERS.map((p) => p.organisation));
  });

  it('shows the profile beside the checklist, with a live in-kind total', () => {
    const table = ws.sheets.table('Partnership');
    const labelCol = table[0].indexOf('Partnership profile');
    expect(labelCol).toBeGreaterThan(8);
    const profile = Object.fromEntries(
      table.slice(1, 8).map((r) => [r[labelCol], r[labelCol + 1]]),
    );
    expect(profile).toMatchObject({
      Name: 'Riverside Community Schools Partnership',
      Coordinator: 'Maya Lopez',
      'Coordinator email': 'coordinator@example.org',
      'Time zone': 'America/New_York',
      'Shared calendar': 'A new group calendar',
      'Total in-kind value (match)': 0,
    });
    addon.userEdit('Partners', 2, columnOf(ws, 'Partners', 'In-kind value'), '1200');
    addon.userEdit('Partners', 3, columnOf(ws, 'Partners', 'In-kind value'), '800');
    expect(ws.sheets.table('Partnership')[7][labelCol + 1]).toBe(2000);
  });

  it('stores the settings and the schema version', () => {
    const version = ws.sheets.spreadsheet
      .createDeveloperMetadataFinder()
      .withKey(SCHEMA_VERSION_METADATA)
      .find();
    expect(version.map((m) => m.getValue())).toEqual([String(SCHEMA_VERSION)]);
    const overview = sidebarCall(addon, 'getPlanOverview');
    expect(overview.schemaVersion).toBe(SCHEMA_VERSION);
    expect(overview.existingTabs).toHaveLength(USER_TABS.length);
    const form = sidebarCall(addon, 'getSetupForm');
    // Set-up was called without sharing choices: the stored ones (none yet, all off) are shown.
    expect(form.calendar).toEqual({
      mode: 'new',
      calendarId: null,
      shareWithPartners: false,
      invitePartners: false,
      sendInvites: false,
      autoSync: { afterEdits: false, hourly: false },
    });
    expect(form.partners).toEqual(PARTNERS.map((p) => p.organisation));
    expect(form.setUp).toBe(true);
  });

  it('feeds partner dropdowns from the Partners tab: a new partner is accepted everywhere at once', () => {
    const lead = columnOf(ws, 'Calendar', 'Lead partner');
    expect(
      (addon.userEdit('Calendar', 2, lead, 'Food Bank of Riverside') as EditResult).warning,
    ).toContain('Partners tab');
    addon.userEdit(
      'Partners',
      5,
      columnOf(ws, 'Partners', 'Organisation'),
      'Food Bank of Riverside',
    );
    expect(addon.userEdit('Calendar', 3, lead, 'Food Bank of Riverside')).toEqual({ ok: true });
    const owner = columnOf(ws, 'Goals', 'Owner partner');
    expect(addon.userEdit('Goals', 2, owner, 'Riverside Public Library')).toEqual({ ok: true });
  });

  it('offers enumerated values as dropdowns that warn, never refuse', () => {
    const status = columnOf(ws, 'Partnership', 'Status');
    const rule = sheetOf(ws, 'Partnership').getRange(4, status).getDataValidation();
    expect(rule?.getCriteriaValues()[0]).toEqual([
      'Not started',
      'In progress',
      'Done',
      'Not needed',
    ]);
    const result = addon.userEdit('Partnership', 4, status, 'Half done') as EditResult;
    expect(result.ok).toBe(true);
    expect(result.warning).toContain('Pick one of');
  });

  it('formats dates and protects headers and add-on columns with warnings only', () => {
    const end = columnOf(ws, 'Partners', 'Agreement end');
    expect(sheetOf(ws, 'Partners').getRange(40, end).getNumberFormat()).toBe('m/d/yyyy');
    const protections = sheetOf(ws, 'Calendar').getProtections(ws.sheets.app.ProtectionType.RANGE);
    expect(protections.every((p) => p.isWarningOnly())).toBe(true);
    expect(protections.map((p) => p.getDescription()).sort()).toEqual(
      [
        'Activity ID (kept by the add-on)',
        'Attendance (kept by the add-on)',
        'Event ID (kept by the add-on)',
        'Exceptions (kept by the add-on)',
        'Last synced (kept by the add-on)',
        'Sync fingerprint (kept by the add-on)',
        'Sync status (kept by the add-on)',
        'header row',
      ].map((d) => `Shared Work Plan: ${d}`),
    );
    // A partner (an editor, not the owner) edits their own row freely; the ID column warns.
    const contact = columnOf(ws, 'Partners', 'Contact');
    expect(addon.userEdit('Partners', 4, contact, 'Lee Park-Smith', PARTNER_EMAIL)).toEqual({
      ok: true,
    });
    const id = addon.userEdit('Partners', 4, 1, 'X9', PARTNER_EMAIL) as EditResult;
    expect(id.ok).toBe(true);
    expect(id.warning).toContain('shouldn');
  });

  it('hides the bookkeeping columns the schema hides', () => {
    const sheet = sheetOf(ws, 'Calendar');
    expect(sheet.isColumnHiddenByUser(columnOf(ws, 'Calendar', 'Event ID'))).toBe(true);
    expect(sheet.isColumnHiddenByUser(columnOf(ws, 'Calendar', 'Sync status'))).toBe(false);
  });
});

describe('set-up options', () => {
  it('refuses a bad email and an unknown zone in plain words, changing nothing', () => {
    const { ws, addon } = loadAddon();
    expect(() =>
      setUp(addon, { coordinatorEmail: 'maya-at-riverside', timeZone: 'Riverside/Standard' }),
    ).toThrow(
      /“maya-at-riverside” is not an email address.*“Riverside\/Standard” is not a time zone/,
    );
    expect(ws.sheets.spreadsheet.getSheets()).toHaveLength(1);
  });

  it('creates only the chosen tabs (and what their dropdowns need), in another zone', () => {
    const { ws, addon } = loadAddon({ spreadsheetTimeZone: 'America/New_York' });
    const summary = setUp(addon, { tabs: ['assessments'], timeZone: 'Europe/Paris' });
    expect(summary.created.map((t) => t.key)).toEqual([
      'partnership',
      'partners',
      'goals',
      'assessments',
      'categories',
    ]);
    expect(summary.warnings.join(' ')).toContain('Europe/Paris');
    expect(ws.sheets.spreadsheet.getSpreadsheetTimeZone()).toBe('Europe/Paris');
  });

  it('is refused while someone else holds the document lock', () => {
    const { ws, addon } = loadAddon();
    const release = ws.locks.holdDocumentLock();
    expect(() => setUp(addon)).toThrow('Someone else is setting up');
    expect(ws.sheets.spreadsheet.getSheets()).toHaveLength(1);
    release();
    expect(setUp(addon).created).toHaveLength(USER_TABS.length);
  });
});
