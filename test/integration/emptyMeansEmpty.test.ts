// A row whose only content is an unticked box is empty in every tab: no ID, no status, and new rows go onto it (issue 11, item 5).
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import type { SaveRowResult } from '../../src/shared/logicModelWire';
import type { AddPartnerResult } from '../../src/shared/setupWire';
import { sidebarCall } from '../harness/sidebarCall';
import { rowsOf } from '../harness/workbook';
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
  it(`after set-up and a repair, no empty row counts as data (checkboxBlank: ${runAmbiguities().checkboxBlank})`, () => {
    const { ws, addon } = plan();
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
      const cells = rowsOf(ws, tab)[row - 2];
      expect(cells[idHeader]).toBe('');
      if (tab === 'Calendar') expect(cells['Sync status']).toBe('');
      expect(JSON.stringify(rowsOf(ws, tab))).not.toContain('Fix this row');
    },
  );

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
