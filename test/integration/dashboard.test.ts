// The Dashboard tab on the example plan: figures recounted from the sheet as a person reads it, links, sync, hand-made tabs.
import { EXAMPLE_PARTNERSHIP } from '../../emulator/example/partnership';
import { createExampleWorkspace } from '../../emulator/example/seed';
import type { Workspace } from '../../emulator/workspace';
import { sidebarCall } from '../harness/sidebarCall';
import { rowsOf, sheetOf } from '../harness/workbook';
import { loadAddon, runAmbiguities, TEST_START } from '../harness/workspace';

const DAY_MS = 86_400_000;
const EXAMPLE_LEAD = 'Riverside Elementary School';
const ZONE = EXAMPLE_PARTNERSHIP.timeZone;

function example() {
  return createExampleWorkspace({
    virtualClock: true,
    startTime: TEST_START,
    ambiguities: runAmbiguities(),
  });
}

/** A date cell as the day the sheet shows, in the spreadsheet's zone ('' when empty). */
function dayOf(value: unknown): string {
  if (!(value instanceof Date)) return String(value ?? '').trim();
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' }).format(value);
}

const today = (ws: Workspace) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' }).format(ws.runtime.now());

const same = (a: unknown, b: string) =>
  String(a ?? '')
    .trim()
    .toLowerCase() === b.toLowerCase();

/** The overdue counts and participation a coordinator would count by hand from the tabs. */
function countByHand(ws: Workspace) {
  const now = today(ws);
  const calendar = rowsOf(ws, 'Calendar');
  const overdueActivities = calendar.filter((a) => {
    const last = dayOf(a['End date']) || dayOf(a['Start date']);
    return last !== '' && last < now && !['Done', 'Cancelled'].includes(String(a.Status));
  }).length;
  const overdueSteps = rowsOf(ws, 'Partnership').filter((s) => {
    const due = dayOf(s['Due date']);
    return s.Step && due !== '' && due < now && !['Done', 'Not needed'].includes(String(s.Status));
  }).length;
  const overdueOutcomes = rowsOf(ws, 'Outcomes').filter((o) => {
    const due = dayOf(o['Target date']);
    return due !== '' && due < now && o.Status !== 'Achieved';
  }).length;
  const findings = rowsOf(ws, 'Assessments');
  const participation = rowsOf(ws, 'Partners')
    .filter((p) => p.Organisation)
    .map((p) => {
      const name = String(p.Organisation);
      const led = calendar.filter((a) => same(a['Lead partner'], name));
      const joined = calendar.filter((a) =>
        String(a.Participants ?? '')
          .split(/[,;\n]/)
          .some((n) => same(n, name)),
      );
      return [
        name,
        led.length,
        led.filter((a) => a.Status === 'Done').length,
        joined.length,
        findings.filter((f) => same(f.Partner, name)).length,
      ];
    });
  return { overdueActivities, overdueSteps, overdueOutcomes, participation };
}

/** The rows of the Dashboard tab's section under `heading`, up to the next blank row. */
function section(ws: Workspace, heading: RegExp): unknown[][] {
  const table = ws.sheets.table('Dashboard');
  const start = table.findIndex((r) => heading.test(String(r[0])));
  const rest = table.slice(start + 1);
  const end = rest.findIndex((r) => r.every((c) => c === ''));
  return rest.slice(0, end < 0 ? rest.length : end);
}

describe('the dashboard of the example plan', () => {
  it('on 1 March 2027: nothing overdue, the library’s agreement ending, the district silent', () => {
    const addon = example();
    const summary = sidebarCall(addon, 'buildDashboard');
    expect(summary.today).toBe('2027-03-01');
    expect(summary.summary).toBe(
      '1 agreement expires within 60 days, 1 partner with no activity or finding yet; no activity in the next 30 days.',
    );
    expect(summary.silentPartners).toEqual(['Riverside Unified School District']);
    expect(summary.overdue).toBe(0);
  });

  it.each([
    ['en_GB', 1],
    ['de_DE', 1],
    ['en_US', 0],
  ])(
    'reads a due date typed as text in the order of the %s locale (5/2/2027 is 5 Feb or 2 May)',
    (locale, overdue) => {
      const addon = example();
      const ws = addon.workspace;
      ws.sheets.spreadsheet.setSpreadsheetLocale(locale);
      const headers = ws.sheets.table('Partnership')[0].map(String);
      const steps = rowsOf(ws, 'Partnership');
      const open = steps.findIndex(
        (s) => s.Step && !['Done', 'Not needed'].includes(String(s.Status)),
      );
      expect(open).toBeGreaterThanOrEqual(0);
      // Today is 1 March 2027: 5 February has passed, 2 May has not.
      sheetOf(ws, 'Partnership')
        .getRange(open + 2, headers.indexOf('Due date') + 1)
        .setValue("'5/2/2027");
      expect(sidebarCall(addon, 'buildDashboard').overdue).toBe(overdue);
    },
  );

  it.each([
    ['20 September 2027', Date.UTC(2027, 8, 20, 14)],
    ['1 February 2028', Date.UTC(2028, 1, 1, 14)],
    ['23:30 on 30 June 2028 in New York (already 1 July in UTC)', Date.UTC(2028, 6, 1, 3, 30)],
  ])(
    'on %s: overdue items and participation match a count by hand, each overdue row linked',
    (_when, at) => {
      const addon = example();
      const ws = addon.workspace;
      ws.runtime.advance(at - ws.runtime.now());
      const expected = countByHand(ws);
      const summary = sidebarCall(addon, 'buildDashboard');
      expect(summary.today).toBe(today(ws));
      expect(summary.overdue).toBe(
        expected.overdueActivities + expected.overdueSteps + expected.overdueOutcomes,
      );
      expect(summary.overdue).toBeGreaterThan(0);
      const overdue = section(ws, /^Overdue/);
      const kinds = (k: string) => overdue.filter((r) => r[0] === k).length;
      expect([kinds('Activity'), kinds('Step'), kinds('Outcome')]).toEqual([
        expected.overdueActivities,
        expected.overdueSteps,
        expected.overdueOutcomes,
      ]);
      const shown = section(ws, /^Participation per partner/)
        .slice(2)
        .map((r) => r.slice(0, 5));
      // The lead organisation (the school, named at set-up) is counted apart, in its own section.
      const isLead = (r: unknown[]) => r[0] === EXAMPLE_LEAD;
      expect(shown).toEqual(expected.participation.filter((r) => !isLead(r)));
      expect(
        section(ws, /^Lead organisation$/)
          .slice(2)
          .map((r) => r.slice(0, 5)),
      ).toEqual(expected.participation.filter(isLead));
      // Each overdue row links to its row: a HYPERLINK to the tab's sheet ID and the row's first cell.
      const dashboard = ws.sheets.spreadsheet.getSheetByName('Dashboard');
      const formulas = dashboard?.getDataRange().getFormulas() ?? [];
      const table = ws.sheets.table('Dashboard');
      let checked = 0;
      for (const [r, row] of table.entries()) {
        const where = String(row[3]);
        const m = /^(Calendar|Partnership|Outcomes) row (\d+)$/.exec(where);
        if (!m || !['Activity', 'Step', 'Outcome'].includes(String(row[0]))) continue;
        const id = ws.sheets.spreadsheet.getSheetByName(m[1])?.getSheetId();
        expect(formulas[r][3]).toBe(`=HYPERLINK("#gid=${id}&range=A${m[2]}","${where}")`);
        checked += 1;
      }
      expect(checked).toBe(summary.overdue);
    },
  );

  it('is refreshed by a complete sync once it exists, and a sync never adds it uninvited', () => {
    const addon = example();
    const ws = addon.workspace;
    sidebarCall(addon, 'syncCalendar');
    expect(ws.sheets.spreadsheet.getSheetByName('Dashboard')).toBeNull();
    sidebarCall(addon, 'buildDashboard');
    expect(ws.sheets.table('Dashboard')[2][0]).toMatch(/^As of 3\/1\/2027 /);
    ws.runtime.advance(200 * DAY_MS);
    sidebarCall(addon, 'syncCalendar');
    expect(ws.sheets.table('Dashboard')[2][0]).toMatch(/^As of 9\/17\/2027 /);
  });

  it('leaves a hand-made tab named Dashboard alone, and keeps rebuilding its own under a free name', () => {
    const addon = example();
    const ws = addon.workspace;
    const own = ws.sheets.spreadsheet.insertSheet('Dashboard');
    own.getRange(1, 1, 1, 2).setValues([['Our own numbers', 42]]);
    const first = sidebarCall(addon, 'buildDashboard');
    expect(first.tab).toBe('Dashboard (2)');
    expect(first.message).toContain('Dashboard');
    sidebarCall(addon, 'buildDashboard');
    expect(ws.sheets.table('Dashboard')).toEqual([['Our own numbers', 42]]);
    expect(
      ws.sheets.spreadsheet.getSheets().filter((s) => s.getName().startsWith('Dashboard')),
    ).toHaveLength(2);
  });
});

describe('the dashboard’s cost', () => {
  it('makes the same Sheets calls for a plan ten times longer', () => {
    const calls = (extra: number) => {
      const addon = example();
      const ws = addon.workspace;
      const [header, ...rows] = ws.sheets.table('Calendar');
      const idAt = header.indexOf('Activity ID');
      const copies = Array.from({ length: extra }, (_, i) => {
        const copy = [...rows[i % rows.length]];
        copy[idAt] = '';
        return copy;
      });
      if (copies.length) ws.sheets.userPasteValues('Calendar', rows.length + 2, 1, copies);
      sidebarCall(addon, 'buildDashboard');
      ws.runtime.resetCounts();
      sidebarCall(addon, 'buildDashboard');
      return ws.runtime.count('SpreadsheetApp.');
    };
    expect(calls(250)).toBe(calls(0));
  });
});

describe('the dashboard before set-up', () => {
  it('says to set up first, from the menu and the sidebar, and makes no tab', () => {
    const { ws, addon } = loadAddon();
    addon.run('buildDashboardFromMenu');
    expect(ws.sheets.ui.dialogs.at(-1)?.prompt).toContain('Set up the work plan first');
    expect(() => sidebarCall(addon, 'buildDashboard')).toThrow(/^Set up the work plan first/);
    expect(ws.sheets.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });
});
