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

const text = (table: unknown[][]) => table.map((r) => r.join(' | ')).join('\n');

describe.each([
  ['en_US', '3/1/2027', '4/15/2027'],
  ['en_GB', '01/03/2027', '15/04/2027'],
  ['de_DE', '01.03.2027', '15.04.2027'],
])('dates in a %s spreadsheet', (locale, today, agreementEnd) => {
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
});
