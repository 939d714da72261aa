// Every date the add-on writes in its generated tabs reads as the spreadsheet's locale writes dates.
import { createExampleWorkspace } from '../../emulator/example/seed';
import { sidebarCall } from '../harness/sidebarCall';
import { runAmbiguities } from '../harness/workspace';

/** The example plan on 1 March 2027 (a day whose day and month differ), in `locale`. */
function example(locale: string) {
  const addon = createExampleWorkspace({
    virtualClock: true,
    startTime: Date.UTC(2027, 2, 1, 15),
    ambiguities: runAmbiguities(),
  });
  addon.workspace.sheets.spreadsheet.setSpreadsheetLocale(locale);
  return addon;
}

/** A day spelled with a month name ("1 Mar 2027"): the second spelling the add-on no longer writes. */
const MONTH_NAME_DATE = /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b/;

const text = (table: unknown[][]) => table.map((r) => r.join(' | ')).join('\n');

/** A short date as each locale writes it (whole text of a cell, optionally with a 24-hour time). */
const SHORT_DATE: Record<string, RegExp> = {
  en_US: /^\d{1,2}\/\d{1,2}\/20\d\d( \d\d:\d\d)?$/,
  en_GB: /^\d\d\/\d\d\/20\d\d( \d\d:\d\d)?$/,
  de_DE: /^\d\d\.\d\d\.20\d\d( \d\d:\d\d)?$/,
};

describe.each([
  ['en_US', '3/1/2027', '4/15/2027'],
  ['en_GB', '01/03/2027', '15/04/2027'],
  ['de_DE', '01.03.2027', '15.04.2027'],
])('dates in a %s spreadsheet', (locale, today, agreementEnd) => {
  it('are written one way: the plan’s date columns, Last synced, the Sync Log and the last run', () => {
    const addon = example(locale);
    const ws = addon.workspace;
    // The repair gives the columns their formats in the spreadsheet's locale now.
    addon.run('repairPlan');
    // The example's earlier runs were logged while it was en_US: this run's lines follow.
    const before = ws.sheets.table('Sync Log').length;
    const title = (ws.sheets.table('Calendar')[0] as string[]).indexOf('Title') + 1;
    addon.userEdit('Calendar', 2, title, 'Tutoring kick-off, moved');
    addon.run('syncCalendar');
    const [headers, ...rows] = ws.sheets.displayTable('Calendar');
    const filled = (header: string) =>
      rows.map((r) => r[headers.indexOf(header)]).filter((v) => v !== '');
    for (const header of ['Start date', 'Last synced']) {
      expect(filled(header).length).toBeGreaterThan(0);
      for (const v of filled(header)) expect(v).toMatch(SHORT_DATE[locale]);
    }
    const [logHeaders] = ws.sheets.displayTable('Sync Log');
    const log = ws.sheets.displayTable('Sync Log').slice(before);
    expect(log.length).toBeGreaterThan(0);
    for (const r of log) expect(r[logHeaders.indexOf('When')]).toMatch(SHORT_DATE[locale]);
    const state = sidebarCall(addon, 'getCalendarSyncState');
    expect(String(state.lastRun).split(': ')[0]).toMatch(SHORT_DATE[locale]);
    expect(String(state.lastRun)).toMatch(new RegExp(`^${today.replace(/\./g, '\\.')} `));
  });

  it('are written one way: the dashboard, the briefs and the asset map', () => {
    const addon = example(locale);
    const ws = addon.workspace;
    sidebarCall(addon, 'buildDashboard');
    sidebarCall(addon, 'buildPartnerBriefs', null);
    sidebarCall(addon, 'buildAssetMap');
    expect(ws.sheets.table('Dashboard')[2][0]).toMatch(new RegExp(`^As of ${today} `));
    const library = text(ws.sheets.table('Brief · Riverside Public Library'));
    expect(library).toContain(`prepared ${today}`);
    expect(library).toContain(`Agreement ends ${agreementEnd}: time to renew it`);
    expect(String(ws.sheets.table('Asset Map')[1][0])).toMatch(
      new RegExp(`^Built ${today} \\d\\d:\\d\\d\\. `),
    );
    // No other spelling of a date anywhere in those tabs: not 1 Mar 2027, nor 2027-03-01.
    for (const tab of ['Dashboard', 'Brief · Riverside Public Library', 'Asset Map']) {
      const all = text(ws.sheets.displayTable(tab));
      expect(all).not.toMatch(
        /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b/,
      );
      expect(all).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    }
  });
  it('are written one way in sentences: the Sync Log’s event times and the weekly email', () => {
    const addon = example(locale);
    const ws = addon.workspace;
    addon.run('repairPlan');
    const before = ws.sheets.table('Sync Log').length;
    // The first activity set to Cancelled: its event goes, and the Sync Log says when it was.
    const [headers, first] = ws.sheets.displayTable('Calendar');
    const startShown = first[headers.indexOf('Start date')];
    addon.userEdit('Calendar', 2, headers.indexOf('Status') + 1, 'Cancelled');
    addon.run('syncCalendar');
    const [logHeaders] = ws.sheets.displayTable('Sync Log');
    const deleted = ws.sheets
      .displayTable('Sync Log')
      .slice(before)
      .find((r) => r[logHeaders.indexOf('What')] === 'Deleted event');
    // The sentence names the day exactly as the row's Start date cell shows it.
    expect(deleted?.[logHeaders.indexOf('Date and time')]).toContain(startShown);
    expect(deleted?.join(' ')).not.toMatch(MONTH_NAME_DATE);
    const { emails } = sidebarCall(addon, 'getDigestPreview') as { emails: { text: string }[] };
    const lines = emails.flatMap((e) => e.text.split('\n')).filter((l) => /^- .*: /.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.slice(2, l.indexOf(': '))).toMatch(SHORT_DATE[locale]);
    for (const e of emails) {
      expect(e.text).not.toMatch(MONTH_NAME_DATE);
      expect(e.text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    }
  });
});
