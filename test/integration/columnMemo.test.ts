// The remembered column identities never mislead the sync: moved, renamed or blank-headed columns are swept again.
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { appendRows, type Cells, calendarColumn, syncFixture } from '../harness/syncFixture';

const activities = (n: number): Cells[] =>
  Array.from({ length: n }, (_, i) => ({
    title: `Activity ${i + 1}`,
    startDate: `2027-04-${String(1 + (i % 28)).padStart(2, '0')}`,
    startTime: '10:00',
    location: `Room ${i + 1}`,
    lead: 'Riverside Public Library',
  }));

/** Five activities synced (so the memo exists), then a change of shape made by a partner. */
function synced() {
  const fixture = syncFixture();
  appendRows(fixture.ws, CALENDAR_TAB, activities(5));
  fixture.addon.run('syncCalendar');
  const quiet = fixture.addon.run('syncCalendar') as SyncReport;
  expect(quiet).toMatchObject({ unchanged: 5, updated: 0 });
  return fixture;
}

const header = (ws: ReturnType<typeof syncFixture>['ws'], key: string) =>
  ws.sheets
    .table('Calendar')[0]
    .indexOf(CALENDAR_TAB.columns.find((c) => c.key === key)?.header ?? key) + 1;

const locations = (ws: ReturnType<typeof syncFixture>['ws'], calendarId: string) =>
  ws.calendar
    .liveEvents(calendarId)
    .map((e) => e.location)
    .sort();

describe('column identities remembered between syncs', () => {
  it('follow a column a partner moved: an edit in the moved column updates that field only', () => {
    const { ws, addon, calendarId } = synced();
    const at = header(ws, 'location');
    ws.sheets.userMoveColumn('Calendar', at, 2);
    addon.userEdit('Calendar', 3, 2, 'Library hall');
    const report = addon.run('syncCalendar') as SyncReport;
    expect(report).toMatchObject({ updated: 1, unchanged: 4 });
    expect(locations(ws, calendarId)).toEqual(
      ['Library hall', 'Room 1', 'Room 3', 'Room 4', 'Room 5'].sort(),
    );
  });

  it('are read again when two columns swap headers, so the cells keep their meaning', () => {
    const { ws, addon, calendarId } = synced();
    const location = header(ws, 'location');
    const title = header(ws, 'title');
    addon.userEdit('Calendar', 1, location, 'Title');
    addon.userEdit('Calendar', 1, title, 'Location');
    const report = addon.run('syncCalendar') as SyncReport;
    expect(report).toMatchObject({ updated: 0, unchanged: 5 });
    expect(locations(ws, calendarId)).toEqual(['Room 1', 'Room 2', 'Room 3', 'Room 4', 'Room 5']);
  });

  it('are read again when blank-headed columns trade places (the header row looks the same)', () => {
    const { ws, addon, calendarId } = synced();
    const location = header(ws, 'location');
    const participants = calendarColumn('participants');
    addon.userEdit('Calendar', 1, location, '');
    addon.userEdit('Calendar', 1, participants, '');
    expect(addon.run('syncCalendar') as SyncReport).toMatchObject({ updated: 0, unchanged: 5 });
    // Swap the two blank-headed columns: the header row is unchanged, the identities moved.
    ws.sheets.userMoveColumn('Calendar', location, participants);
    ws.sheets.userMoveColumn('Calendar', participants - 1, location);
    const report = addon.run('syncCalendar') as SyncReport;
    expect(report).toMatchObject({ updated: 0, unchanged: 5 });
    expect(locations(ws, calendarId)).toEqual(['Room 1', 'Room 2', 'Room 3', 'Room 4', 'Room 5']);
  });

  it('outlive the cache: a quiet sync a day after the last sweeps no column and costs what one the same hour does', () => {
    const fixture = syncFixture({ virtualClock: true });
    appendRows(fixture.ws, CALENDAR_TAB, activities(5));
    fixture.addon.run('syncCalendar');
    const { runtime } = fixture.ws;
    const quietSync = () => {
      runtime.resetCounts();
      expect(fixture.addon.run('syncCalendar')).toMatchObject({ unchanged: 5, updated: 0 });
      return {
        // The zone tables (Utilities.formatDate) are kept in the cache alone on purpose and are
        // rebuilt once six hours have passed (calendarContext.ts): not a column memo's cost.
        calls: runtime.count('') - runtime.count('Utilities.formatDate'),
        sweeps: runtime.count('SpreadsheetApp.DeveloperMetadataLocation.getColumn'),
      };
    };
    const sameHour = quietSync();
    // Google drops a cache entry after six hours at most: the Calendar and Partners memos are gone.
    runtime.advance(86_400_000);
    const dayLater = quietSync();
    expect(dayLater.sweeps).toBe(0);
    // Each tab's memo read back from the document properties and put in the cache again.
    expect(dayLater.calls - sameHour.calls).toBeLessThanOrEqual(6);
  });
});
