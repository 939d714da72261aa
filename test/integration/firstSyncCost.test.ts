// What a newly installed add-on costs: the first sync after set-up, and every quiet sync after it, in service calls.
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { sidebarCall } from '../harness/sidebarCall';
import { appendRows } from '../harness/syncFixture';
import { loadAddon } from '../harness/workspace';

/** n activities as partners type them: dates across the year, some all-day, some weekly. */
const activities = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    title: `Activity ${i + 1}`,
    type: ['Meeting', 'Training', 'Event', 'Workshop'][i % 4],
    startDate: `2027-${String(3 + (Math.floor(i / 28) % 9)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    startTime: i % 5 === 0 ? '' : `${9 + (i % 8)}:00`,
    recurrence: i % 10 === 0 ? 'Weekly, 6 times' : '',
    location: 'Riverside Elementary',
    status: 'Planned',
  }));

/** Set-up through the sidebar as a coordinator does it, then n activities pasted in. */
function newPlan(zone: string, n: number) {
  const { ws, addon } = loadAddon({ spreadsheetTimeZone: zone });
  sidebarCall(addon, 'setUpPlan', {
    name: 'Eastside Youth Coalition',
    purpose: 'Summer programmes for every child',
    coordinator: 'Dana Reyes',
    coordinatorEmail: 'coordinator@example.org',
    timeZone: zone,
    partners: [{ organisation: 'Eastside Library', email: 'desk@eastside-library.example.org' }],
    calendar: { mode: 'new' },
  });
  appendRows(ws, CALENDAR_TAB, activities(n));
  return { ws, addon };
}

function counted(ws: ReturnType<typeof newPlan>['ws'], work: () => unknown) {
  ws.runtime.resetCounts();
  const result = work();
  const total = Object.values(ws.runtime.counts_()).reduce((a, b) => a + b, 0);
  return {
    result,
    total,
    formatDate: ws.runtime.count('Utilities.formatDate'),
    // A sweep of column identities costs these per column; a remembered layout none.
    columnGetters: ws.runtime.count('SpreadsheetApp.DeveloperMetadataLocation.getColumn'),
    inserts: ws.runtime.count('Calendar.Events.insert'),
  };
}

describe.each(['America/Chicago', 'Australia/Lord_Howe'])('a new plan in %s', (zone) => {
  it('syncs 100 activities the first time in at most 300 calls: no column sweep, one zone table', () => {
    const { ws, addon } = newPlan(zone, 100);
    const first = counted(ws, () => sidebarCall(addon, 'syncCalendar'));
    expect(first.result).toMatchObject({ created: 100, failed: 0, complete: true });
    expect(first.inserts).toBe(100);
    // The one column read is the Partnership profile's, whose calendar line the first sync fills in.
    expect(first.columnGetters).toBeLessThanOrEqual(1);
    // One zone-year sampled fortnightly (~60 calls) and two per day of 1899 the start times of day
    // fall on (one or two days, whatever the number of distinct times), no more.
    expect(first.formatDate).toBeLessThanOrEqual(64);
    // 557 at first, 308 when the column memo and zone tables landed, 335 once the first sync also
    // kept the occurrence book, read approvals and proposals and named the new calendar in the
    // Partnership profile; 297–300 since zone-years are sampled fortnightly and 1899 time cells
    // answered per day (one cache write instead of one per time). Under the peer's 318 (issue 23):
    // this budget only ratchets down.
    expect(first.total).toBeLessThanOrEqual(300);
  });

  it('then syncs quietly in under 100 calls, Utilities included, and the same for 20 as for 100', () => {
    const quiet = (n: number) => {
      const { ws, addon } = newPlan(zone, n);
      sidebarCall(addon, 'syncCalendar');
      return counted(ws, () => sidebarCall(addon, 'syncCalendar'));
    };
    const big = quiet(100);
    expect(big.result as SyncReport).toMatchObject({ unchanged: 100, created: 0, updated: 0 });
    expect(big.formatDate).toBe(0);
    expect(big.columnGetters).toBe(0);
    // Under the 100 with room: 67 in both zones when this was last lowered.
    expect(big.total).toBeLessThanOrEqual(70);
    expect(quiet(20).total).toBe(big.total);
  });

  it('stays under 100 calls hour after hour: what the sync remembers outlives the cache’s six hours', () => {
    const { ws, addon } = newPlan(zone, 100);
    sidebarCall(addon, 'syncCalendar');
    // Hourly syncs for half a day: Google drops a cache entry six hours after it was written, so
    // without being kept alive the column layout and the zone tables would be worked out again.
    for (let hour = 1; hour <= 12; hour++) {
      ws.runtime.advance(3_600_000);
      const quiet = counted(ws, () => sidebarCall(addon, 'syncCalendar'));
      expect(quiet.result as SyncReport).toMatchObject({ unchanged: 100, created: 0, updated: 0 });
      expect({ hour, columnGetters: quiet.columnGetters }).toEqual({ hour, columnGetters: 0 });
      expect({ hour, formatDate: quiet.formatDate }).toEqual({ hour, formatDate: 0 });
      expect(quiet.total).toBeLessThan(100);
    }
  });
});
