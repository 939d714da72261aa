// A row whose only content is an unticked box is empty in every tab: no ID, no status, and new rows go onto it (issue 11, item 5).
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { localeDay } from '../../src/domain/time/localeDate';
import type { SaveRowResult } from '../../src/shared/logicModelWire';
import { summaryLines } from '../../src/shared/setupSummaryText';
import type { AddPartnerResult, SetupSummary } from '../../src/shared/setupWire';
import { sidebarCall } from '../harness/sidebarCall';
import { rowsOf, sheetOf } from '../harness/workbook';
import { loadAddon, runAmbiguities } from '../harness/workspace';

/** Set up with partners and a calendar, then one activity typed, as a coordinator would. */
function plan(): { ws: Workspace; addon: Addon } {
  const { ws, addon } = loadAddon({
    spreadsheetTimeZone: 'Asia/Tokyo',
    scriptTimeZone: 'Europe/Berlin',
  });
  sidebarCall(addon, 'setUpPlan', {
    name: 'Eastside Youth Coalition',
    purpose: 'Summer programmes for every child',
    coordinator: 'Dana Reyes',
    coordinatorEmail: 'coordinator@example.org',
    timeZone: 'America/Chicago',
    partners: [
      {
        organisation: 'Eastside Library',
        email: 'desk@eastside-library.example.org',
        invite: true,
      },
      { organisation: 'Northside Clinic' },
    ],
    calendar: { mode: 'new' },
  });
  type(ws, addon, 'Calendar', 2, 'Title', 'Summer kick-off');
  type(ws, addon, 'Calendar', 2, 'Start date', '2027-06-07');
  type(ws, addon, 'Calendar', 2, 'Start time', '17:00');
  type(ws, addon, 'Calendar', 2, 'Status', 'Planned');
  return { ws, addon };
}

function type(ws: Workspace, addon: Addon, tab: string, row: number, header: string, text: string) {
  const headers = ws.sheets.table(tab)[0] as string[];
  const col = headers.indexOf(header) + 1;
  if (col < 1) throw new Error(`No column ${header} on ${tab}`);
  expect(addon.userEdit(tab, row, col, text)).toMatchObject({ ok: true });
}

/** A partner ticks a box and unticks it again: the cell holds FALSE, nothing else on the row. */
const tickUntick = (ws: Workspace, addon: Addon, tab: string, row: number, header: string) => {
  type(ws, addon, tab, row, header, 'TRUE');
  type(ws, addon, tab, row, header, 'FALSE');
};

const lastTyped = (ws: Workspace, tab: string, header: string) =>
  rowsOf(ws, tab).reduce((last, r, i) => (r[header] !== '' ? i + 2 : last), 1);

describe('an unticked box is not content', () => {
  it(`set-up puts checkboxes down the whole column, and no empty row counts as data (checkboxBlank: ${runAmbiguities().checkboxBlank})`, () => {
    const { ws, addon } = plan();
    for (const [tab, header] of [
      ['Partners', 'Calendar invite'],
      ['Calendar', 'All day'],
    ]) {
      const sheet = sheetOf(ws, tab);
      const col = (ws.sheets.table(tab)[0] as string[]).indexOf(header) + 1;
      const bottom = sheet.getRange(sheet.getMaxRows(), col).getDataValidation();
      expect(String(bottom?.getCriteriaType())).toBe('CHECKBOX');
    }
    sidebarCall(addon, 'repairPlan');
    const report = sidebarCall(addon, 'syncCalendar') as { created: number; failed: number };
    expect(report).toMatchObject({ created: 1, failed: 0 });
    for (const [tab, idHeader, typed] of [
      ['Partners', 'Partner ID', 'Organisation'],
      ['Calendar', 'Activity ID', 'Title'],
      ['Goals', 'Goal ID', 'Goal'],
    ]) {
      const rows = rowsOf(ws, tab);
      const withId = rows.filter((r) => r[idHeader] !== '').length;
      expect(withId).toBe(rows.filter((r) => r[typed] !== '').length);
    }
    expect(rowsOf(ws, 'Calendar').filter((r) => r['Sync status'] !== '')).toHaveLength(1);
  });

  it.each([
    ['Calendar', 'All day', 'Activity ID'],
    ['Partners', 'Calendar invite', 'Partner ID'],
  ])(
    'a %s row whose only content is an unticked %p box gets no ID and no “Fix this row”',
    (tab, box, idHeader) => {
      const { ws, addon } = plan();
      const row = lastTyped(ws, tab, idHeader === 'Activity ID' ? 'Title' : 'Organisation') + 3;
      tickUntick(ws, addon, tab, row, box);
      sidebarCall(addon, 'repairPlan');
      sidebarCall(addon, 'syncCalendar');
      // The emulator's table ends at the last typed row: a row of unticked boxes there is none.
      const cells: Record<string, unknown> = rowsOf(ws, tab)[row - 2] ?? {};
      expect(cells[idHeader] ?? '').toBe('');
      if (tab === 'Calendar') expect(cells['Sync status'] ?? '').toBe('');
      expect(JSON.stringify(rowsOf(ws, tab))).not.toContain('Fix this row');
    },
  );

  it(`rows partners type below the data have their checkboxes without a repair, and an appended row goes right under them (checkboxBlank: ${runAmbiguities().checkboxBlank})`, () => {
    const { ws, addon } = plan();
    const end = lastTyped(ws, 'Calendar', 'Title');
    const headers = ws.sheets.table('Calendar')[0] as string[];
    const allDay = headers.indexOf('All day') + 1;
    for (const [row, title] of [
      [end + 1, 'Book swap'],
      [end + 2, 'Reading fair'],
    ] as const) {
      type(ws, addon, 'Calendar', row, 'Title', title);
      type(ws, addon, 'Calendar', row, 'Start date', `2027-07-0${String(row)}`);
      type(ws, addon, 'Calendar', row, 'Status', 'Confirmed');
      const rule = sheetOf(ws, 'Calendar').getRange(row, allDay).getDataValidation();
      expect(String(rule?.getCriteriaType())).toBe('CHECKBOX');
    }
    type(ws, addon, 'Calendar', end + 2, 'All day', 'TRUE');
    const report = sidebarCall(addon, 'syncCalendar') as { created: number; failed: number };
    expect(report).toMatchObject({ failed: 0 });
    const events = ws.calendar.listCalendars().flatMap((c) => ws.calendar.liveEvents(c.id));
    expect(events.find((e) => e.title === 'Reading fair')?.allDay).toBe(true);
    expect(events.find((e) => e.title === 'Book swap')?.allDay).toBe(true);
    // The sidebar's next activity lands on the first row nobody typed in, not at the grid's end.
    type(ws, addon, 'Goals', 2, 'Goal', 'Every child reads at grade level');
    sidebarCall(addon, 'repairPlan');
    const goals = rowsOf(ws, 'Goals');
    const added = sidebarCall(addon, 'addActivity', {
      goalId: String(goals[0]['Goal ID']),
      outcomeId: '',
      title: 'Story walk',
    }) as SaveRowResult;
    expect(added).toMatchObject({ created: true, row: end + 3 });
  });

  it('a checkbox column holding words it cannot hold flags the row, and reads what was meant', () => {
    const { ws, addon } = plan();
    type(ws, addon, 'Calendar', 2, 'All day', 'yes');
    sidebarCall(addon, 'syncCalendar');
    const row = rowsOf(ws, 'Calendar')[0];
    expect(String(row['Sync status'])).toMatch(
      /All day holds the text “yes”, which its checkbox cannot hold: read as ticked\. Tick the box/,
    );
    const events = ws.calendar.listCalendars().flatMap((c) => ws.calendar.liveEvents(c.id));
    expect(events.find((e) => e.title === 'Summer kick-off')?.allDay).toBe(true);
  });

  it('an activity and a partner added from the sidebar land on the first truly empty row, not below unticked boxes', () => {
    const { ws, addon } = plan();
    const partnersEnd = lastTyped(ws, 'Partners', 'Organisation');
    const calendarEnd = lastTyped(ws, 'Calendar', 'Title');
    tickUntick(ws, addon, 'Partners', partnersEnd + 5, 'Calendar invite');
    tickUntick(ws, addon, 'Calendar', calendarEnd + 7, 'All day');
    sidebarCall(addon, 'repairPlan');

    const partner = sidebarCall(addon, 'addPartner', {
      organisation: 'Corner Bookshop',
    }) as AddPartnerResult;
    expect(partner.row).toBe(partnersEnd + 1);
    type(ws, addon, 'Goals', 2, 'Goal', 'Every child reads at grade level');
    sidebarCall(addon, 'repairPlan');
    const goals = rowsOf(ws, 'Goals');
    const activity = sidebarCall(addon, 'addActivity', {
      goalId: String(goals[0]['Goal ID']),
      outcomeId: '',
      title: 'Book swap',
    }) as SaveRowResult;
    expect(activity).toMatchObject({ created: true, row: calendarEnd + 1 });
    expect(rowsOf(ws, 'Calendar')[calendarEnd - 1].Title).toBe('Book swap');
  });
});

describe('Check and repair', () => {
  it.each([['Asia/Tokyo'], ['America/Los_Angeles']])(
    'names each Calendar row the sync cannot read instead of “Already in order” (%s)',
    (zone) => {
      const { ws, addon } = loadAddon({ spreadsheetTimeZone: zone });
      sidebarCall(addon, 'setUpPlan', {
        name: 'Eastside Youth Coalition',
        purpose: '',
        coordinator: 'Dana Reyes',
        coordinatorEmail: 'coordinator@example.org',
        timeZone: zone,
        partners: [],
        calendar: { mode: 'new' },
      });
      const clean = sidebarCall(addon, 'repairPlan') as SetupSummary;
      expect(summaryLines(clean).join('\n')).toMatch(/Already in order: .*Calendar/);
      type(ws, addon, 'Calendar', 2, 'Title', 'Book swap');
      type(ws, addon, 'Calendar', 2, 'Start date', 'next Tuesday');
      type(ws, addon, 'Calendar', 3, 'Title', 'Story walk');
      type(ws, addon, 'Calendar', 3, 'Start date', '2027-05-04');
      type(ws, addon, 'Calendar', 3, 'End date', '2027-05-01');
      type(ws, addon, 'Calendar', 4, 'Title', 'Fine one');
      type(ws, addon, 'Calendar', 4, 'Start date', '2027-05-06');
      const summary = sidebarCall(addon, 'repairPlan') as SetupSummary;
      const lines = summaryLines(summary);
      expect(lines[0]).toBe('2 rows to fix (the sync cannot read them as typed):');
      expect(lines[1]).toMatch(/^Calendar row 2: Start date “next Tuesday” is not a date/);
      // Dates in sentences are written as the sheet's locale writes them, like the cells.
      const locale = ws.sheets.spreadsheet.getSpreadsheetLocale();
      expect(lines[2]).toBe(
        `Calendar row 3: End date ${localeDay('2027-05-01', locale)} is before Start date ${localeDay('2027-05-04', locale)}.`,
      );
      expect(lines.join('\n')).not.toMatch(/Already in order: .*Calendar/);
      // Reading wrote nothing: a second repair says the same.
      expect(summaryLines(sidebarCall(addon, 'repairPlan') as SetupSummary)).toEqual(lines);
    },
  );
});
