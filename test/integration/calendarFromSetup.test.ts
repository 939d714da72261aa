// Set-up's "a new group calendar" choice: the first sync creates it once; a preview creates nothing.
import { sidebarCall } from '../harness/sidebarCall';
import { loadAddon } from '../harness/workspace';

function plannedWithNewCalendar() {
  const { ws, addon } = loadAddon({ spreadsheetTimeZone: 'America/Chicago' });
  sidebarCall(addon, 'setUpPlan', {
    name: 'Eastside Youth Coalition',
    purpose: 'Summer programmes for every child',
    coordinator: 'Dana Reyes',
    coordinatorEmail: 'coordinator@example.org',
    timeZone: 'America/Chicago',
    partners: [{ organisation: 'Eastside Library', email: 'desk@eastside-library.example.org' }],
    calendar: { mode: 'new' },
  });
  const [headers] = ws.sheets.table('Calendar') as string[][];
  const type = (header: string, text: string) =>
    addon.userEdit('Calendar', 2, headers.indexOf(header) + 1, text);
  type('Title', 'Summer kick-off');
  type('Start date', '2027-06-07');
  type('Start time', '17:00');
  type('Status', 'Planned');
  const calendarsNamed = () =>
    ws.calendar.listCalendars().filter((c) => c.name === 'Eastside Youth Coalition');
  return { ws, addon, calendarsNamed };
}

describe('the calendar chosen at set-up', () => {
  it('is previewed as a calendar still to create, and nothing is created by the preview', () => {
    const { addon, calendarsNamed } = plannedWithNewCalendar();
    const preview = sidebarCall(addon, 'previewSync');
    expect(preview).toMatchObject({ created: 1, failed: 0, preview: true });
    expect(calendarsNamed()).toHaveLength(0);
  });

  it('is created by the first sync, once, named after the partnership in its zone', () => {
    const { ws, addon, calendarsNamed } = plannedWithNewCalendar();
    expect(sidebarCall(addon, 'syncCalendar')).toMatchObject({ created: 1, failed: 0 });
    expect(calendarsNamed()).toEqual([expect.objectContaining({ timeZone: 'America/Chicago' })]);
    const [calendar] = calendarsNamed();
    expect(ws.calendar.liveEvents(calendar.id).map((e) => e.title)).toEqual(['Summer kick-off']);
    expect(sidebarCall(addon, 'syncCalendar')).toMatchObject({ created: 0, unchanged: 1 });
    expect(calendarsNamed()).toHaveLength(1);
  });

  it('tells the coordinator how to restore a column the sync needs when a partner deleted it', () => {
    const { ws, addon } = plannedWithNewCalendar();
    const [headers] = ws.sheets.table('Calendar') as string[][];
    ws.sheets.userDeleteColumn('Calendar', headers.indexOf('Sync status') + 1);
    expect(() => sidebarCall(addon, 'syncCalendar')).toThrow(
      'The Calendar tab has no “Sync status” column, which the sync needs. Run Extensions › Shared Work Plan › Check and repair the plan to restore it.',
    );
  });
});
