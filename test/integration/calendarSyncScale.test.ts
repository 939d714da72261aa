// Call counts at scale: a no-change sync of 1,000 activities makes no calendar write, and costs what 20 do.
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { appendRows, type Cells, syncFixture } from '../harness/syncFixture';

const activities = (n: number): Cells[] =>
  Array.from({ length: n }, (_, i) => ({
    title: `Activity ${i + 1}`,
    startDate: `2027-${String(3 + (Math.floor(i / 28) % 9)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    startTime: i % 5 === 0 ? '' : `${9 + (i % 8)}:00`,
    recurrence: i % 10 === 0 ? 'Weekly, 6 times' : '',
  }));

function quietSyncCounts(n: number) {
  const { ws, addon, calendarId } = syncFixture();
  appendRows(ws, CALENDAR_TAB, activities(n));
  let runs = 0;
  for (let done = false; !done; runs++) {
    done = (addon.run('syncCalendar') as SyncReport).complete;
    ws.runtime.advance(61_000);
  }
  ws.script.triggers.length = 0;
  expect(ws.calendar.liveEvents(calendarId)).toHaveLength(n);
  ws.runtime.resetCounts();
  const report = addon.run('syncCalendar') as SyncReport;
  return { ws, report, runs, counts: ws.runtime.counts_() };
}

describe('calendar sync at scale', () => {
  it('makes no calendar write and a constant number of calls when nothing changed', () => {
    const big = quietSyncCounts(1000);
    expect(big.runs).toBeGreaterThan(1); // 1,000 creates do not fit in one execution
    expect(big.report).toMatchObject({ unchanged: 1000, created: 0, updated: 0, deleted: 0 });
    expect(big.ws.runtime.count(/^Calendar\.Events\.(insert|patch|update|remove)$/)).toBe(0);
    expect(big.ws.runtime.count('CalendarApp.')).toBe(0);
    // The plan's own events (filtered by tag), and the incremental read that finds foreign ones.
    expect(big.ws.runtime.count('Calendar.Events.list')).toBe(2);
    expect(big.ws.runtime.count(/setValues?$/)).toBe(0);
    const small = quietSyncCounts(20);
    expect(big.counts).toEqual(small.counts);
  });

  it('reads column identities once per tab: a quiet sync of 1,000 makes under 100 calls, Utilities included', () => {
    const { ws, counts } = quietSyncCounts(1000);
    const of = (service: RegExp) =>
      Object.entries(counts)
        .filter(([name]) => service.test(name))
        .reduce((n, [, c]) => n + c, 0);
    const byService = {
      spreadsheet: of(/^SpreadsheetApp\./),
      calendar: of(/^(Calendar|CalendarApp)\./),
      properties: of(/^PropertiesService\./),
      lock: of(/^LockService\./),
      cache: of(/^CacheService\./),
    };
    const total = Object.values(byService).reduce((a, b) => a + b, 0);
    expect({ ...byService, total }).toEqual({
      spreadsheet: expect.any(Number),
      calendar: expect.any(Number),
      properties: expect.any(Number),
      lock: expect.any(Number),
      cache: expect.any(Number),
      total: expect.any(Number),
    });
    expect(total).toBeLessThanOrEqual(100);
    // Every call, Utilities included: the zone tables come from the document cache, not formatDate.
    const everything = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(ws.runtime.count('Utilities.formatDate')).toBe(0);
    expect(everything).toBeLessThan(100);
    // No per-column getters: the identities come from the remembered sweep.
    expect(ws.runtime.count('SpreadsheetApp.DeveloperMetadataLocation.getColumn')).toBe(0);
    expect(byService.calendar).toBeLessThanOrEqual(3);
  });
});
