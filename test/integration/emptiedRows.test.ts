// A row emptied of everything partners typed is empty: its ID is retired and its add-on cells cleared (issue 12).
import type { TabDef } from '../../src/domain/schema/columns';
import { CALENDAR_TAB, GOALS_TAB } from '../../src/domain/schema/tabs';
import type { SyncReport } from '../../src/shared/calendarWire';
import type { SetupSummary } from '../../src/shared/setupWire';
import { loadExamplePlan } from '../harness/logicFixture';
import { readKeyedRows } from '../harness/planFixture';
import { appendRows, calendarColumn, calendarRows, syncFixture } from '../harness/syncFixture';
import { setUp } from '../harness/workbook';

const partnerColumns = (tab: TabDef) =>
  tab.columns.flatMap((c, i) => (c.owner === 'addon' ? [] : [i + 1]));

describe('an activity row a partner empties', () => {
  it('loses its event, ID and status; what is typed there later is a new activity, synced once', () => {
    const { ws, addon, calendarId } = syncFixture();
    const day = (d: number) => ({
      title: `Session ${d}`,
      type: 'Meeting',
      startDate: `2027-04-0${d}`,
      status: 'Planned',
    });
    appendRows(ws, CALENDAR_TAB, [day(1), day(2), day(3)]);
    addon.run('syncCalendar');
    const emptied = calendarRows(ws)[1];
    for (const col of partnerColumns(CALENDAR_TAB)) ws.sheets.userEdit('Calendar', 3, col, '');

    const report = addon.run('syncCalendar') as SyncReport;
    expect(report).toMatchObject({ created: 0, deleted: 1 });
    const row = calendarRows(ws)[1];
    expect([row.id, row.eventId, row.syncStatus, row.syncFingerprint, row.lastSynced]).toEqual([
      '',
      '',
      '',
      '',
      '',
    ]);

    // A partner types a new activity on that row and copies another one below.
    ws.sheets.userPasteValues('Calendar', 3, 2, [['Book fair', 'Event', '2027-05-02']]);
    ws.sheets.userEdit('Calendar', 3, calendarColumn('status'), 'Planned');
    ws.sheets.userCopyRow('Calendar', 2, 6);
    const created = addon.run('syncCalendar') as SyncReport;
    expect(created).toMatchObject({ created: 2, deleted: 0 });
    const rows = calendarRows(ws).filter((r) => r.title !== '');
    const ids = rows.map((r) => String(r.id));
    const events = rows.map((r) => String(r.eventId));
    expect(new Set(ids).size).toBe(rows.length);
    expect(new Set(events).size).toBe(rows.length);
    expect(ids).not.toContain(emptied.id);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(rows.length);
    // No delete-and-recreate loop: later syncs change nothing.
    for (let i = 0; i < 2; i++)
      expect(addon.run('syncCalendar')).toMatchObject({ created: 0, updated: 0, deleted: 0 });
  });
});

describe('a goal row a partner empties', () => {
  it('has its ID retired by the repair; a goal typed there later gets a new one', () => {
    const { ws, addon } = loadExamplePlan();
    setUp(addon, { partners: [] });
    const goals = readKeyedRows(ws, GOALS_TAB);
    const last = goals.length + 1;
    const retiredId = String(goals[goals.length - 1].id);
    for (const col of partnerColumns(GOALS_TAB)) ws.sheets.userEdit('Goals', last, col, '');
    const summary = addon.runFromSidebar('repairPlan') as SetupSummary;
    expect(readKeyedRows(ws, GOALS_TAB)[last - 2]?.id ?? '').toBe('');
    const details = summary.updated.find((t) => t.key === 'goals')?.details.join(' ');
    expect(details).toContain(
      `Cleared the IDs of 1 row emptied of everything partners typed (${retiredId})`,
    );

    ws.sheets.userEdit('Goals', last, 2, 'Every family has a library card');
    addon.runFromSidebar('repairPlan');
    const id = String(readKeyedRows(ws, GOALS_TAB)[last - 2].id);
    expect(id).toMatch(/^G\d+$/);
    expect(id).not.toBe(retiredId);
  });
});
