// A row keeps its event when either its Activity ID or its Event ID survives; the report says what became of a lost event (issue 15).
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import type { SyncReport } from '../../src/shared/calendarWire';
import { appendRows, calendarColumn, calendarRows, syncFixture } from '../harness/syncFixture';

const TYPES = ['Meeting', 'Event', 'Training'];
const activity = (i: number) => ({
  title: `Session ${i}`,
  type: TYPES[i % TYPES.length],
  startDate: `2027-04-${String(1 + i).padStart(2, '0')}`,
  startTime: i % 2 ? '09:30' : '',
  status: 'Planned',
});

function syncedPlan(count: number) {
  const fixture = syncFixture();
  appendRows(
    fixture.ws,
    CALENDAR_TAB,
    Array.from({ length: count }, (_, i) => activity(i)),
  );
  const first = fixture.addon.run('syncCalendar') as SyncReport;
  expect(first.created).toBe(count);
  return fixture;
}

const detailOf = (report: SyncReport, row: number) =>
  report.changes.find((c) => c.row === row && c.kind === 'create')?.detail;

describe('a row whose Activity ID is cleared or overtyped', () => {
  it.each([
    ['cleared', () => ''],
    ['overtyped with text', () => 'see notes'],
    ['a different ID', (i: number) => `A${900 + i}`],
  ])('keeps its event when its ID is %s (every other row too)', (_how, typed) => {
    const { ws, addon, calendarId } = syncedPlan(6);
    const before = calendarRows(ws);
    // Every second row loses its ID at once, as a careless paste would.
    const touched = before.filter((_, i) => i % 2 === 0);
    for (const [i, r] of touched.entries())
      ws.sheets.userEdit('Calendar', r.row, calendarColumn('id'), typed(i));

    const report = addon.run('syncCalendar') as SyncReport;
    expect(report).toMatchObject({ created: 0, deleted: 0 });
    const after = calendarRows(ws);
    expect(after.map((r) => r.eventId)).toEqual(before.map((r) => r.eventId));
    const live = ws.calendar.liveEvents(calendarId);
    expect(live).toHaveLength(6);
    // Each event carries its row's ID (restored, or the new one typed) and the tab has no copies.
    for (const r of after) {
      const ev = live.find((e) => e.id === r.eventId);
      expect(Object.values(ev?.tags ?? {})).toContain(String(r.id));
    }
    expect(new Set(after.map((r) => r.id)).size).toBe(6);
    expect(addon.run('syncCalendar')).toMatchObject({ created: 0, updated: 0, deleted: 0 });
  });

  it('gives a copied row whose ID was cleared its own event and says why', () => {
    const { ws, addon, calendarId } = syncedPlan(2);
    ws.sheets.userCopyRow('Calendar', 2, 4);
    ws.sheets.userEdit('Calendar', 4, calendarColumn('id'), '');
    const report = addon.run('syncCalendar') as SyncReport;
    expect(report).toMatchObject({ created: 1, deleted: 0 });
    expect(detailOf(report, 4)).toBe('new event (its event belongs to another row)');
    const rows = calendarRows(ws);
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(3);
    expect(ws.calendar.liveEvents(calendarId)).toHaveLength(3);
  });
});

describe('a row that names an event the calendar no longer has', () => {
  it('says the sync removed it when the sync did (a Cancelled row brought back with its old Event ID)', () => {
    const { ws, addon } = syncedPlan(3);
    const row = calendarRows(ws)[1];
    ws.sheets.userEdit('Calendar', row.row, calendarColumn('status'), 'Cancelled');
    expect(addon.run('syncCalendar')).toMatchObject({ deleted: 1 });
    // The partner undoes: the status and the Event ID cell come back.
    ws.sheets.userEdit('Calendar', row.row, calendarColumn('status'), 'Planned');
    ws.sheets.userEdit('Calendar', row.row, calendarColumn('eventId'), String(row.eventId));
    const report = addon.run('syncCalendar') as SyncReport;
    expect(report.created).toBe(1);
    expect(detailOf(report, row.row)).toBe('new event (an earlier sync removed its event)');
  });

  it('says Google Calendar deleted it when someone deleted it there', () => {
    const { ws, addon, calendarId } = syncedPlan(3);
    const row = calendarRows(ws)[2];
    ws.calendar.userDeletesEvent(calendarId, String(row.eventId));
    const report = addon.run('syncCalendar') as SyncReport;
    expect(report.created).toBe(1);
    expect(detailOf(report, row.row)).toBe('new event (its event was deleted in Google Calendar)');
  });
});
