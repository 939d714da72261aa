// Regressions from simulating runs that overlap and runs the 6-minute limit ends (issue 17, part d).
import { TIMEOUT_MESSAGE } from '../../emulator/runtime';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { appendRows, type Cells, calendarRows, syncFixture } from '../harness/syncFixture';
import {
  CalendarSettings,
  DeleteRow,
  PartnerTypes,
  PasteActivity,
  QuotaFault,
  replay,
} from '../sim/commands';
import { OverlappingRun } from '../sim/concurrencyCommands';
import { HandOverNow } from '../sim/handoverCommands';
import { EditDuringRun, PartnerDeletesTab, RunFault } from '../sim/planCommands';

const sync = (addon: { run(name: string, ...a: unknown[]): unknown }) =>
  addon.run('syncCalendar') as SyncReport;

/** `n` valid one-off activities, each in its own week so none overlaps another. */
function activities(n: number): Cells[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `Activity ${i + 1}`,
    type: 'Meeting',
    startDate: `2027-0${4 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    startTime: '09:00',
    endTime: '10:00',
    status: 'Planned',
  }));
}

/** One event per row and one row per event: the plan's promise after any finished run. */
function expectOneEventPerRow(f: ReturnType<typeof syncFixture>, n: number): void {
  const live = f.ws.calendar.liveEvents(f.calendarId).filter((e) => e.tags.swpActivityId);
  const rows = calendarRows(f.ws);
  expect(live).toHaveLength(n);
  expect(new Set(live.map((e) => e.tags.swpActivityId)).size).toBe(n);
  expect(new Set(rows.map((r) => r.id)).size).toBe(n);
  for (const r of rows) {
    const event = live.find((e) => e.tags.swpActivityId === r.id);
    expect(event?.id).toBe(r.eventId);
  }
}

describe('a sync the 6-minute limit ends part-way (Apps Script stops the execution)', () => {
  // Calendar writes made so slow that a write begun inside the sync's 4.5-minute budget ends past
  // 6 minutes: the hard limit, not the sync's own budget, stops the run (after 1, 2 or 3 events).
  for (const latency of [120_000, 200_000, 265_000]) {
    it(`a continuation finishes it without a duplicate event (writes of ${latency / 1000} s)`, () => {
      const f = syncFixture();
      const n = 6;
      appendRows(f.ws, CALENDAR_TAB, activities(n));
      f.ws.runtime.setLatency('Calendar.Events.insert', latency);
      expect(() => sync(f.addon)).toThrow(TIMEOUT_MESSAGE);
      expect(f.addon.timedOutRuns).toBe(1);
      expect(f.ws.locks.documentLockHolder()).toBeNull();
      f.ws.runtime.setLatency('Calendar.Events.insert', 0);
      // Nobody presses Sync again: the plan's own trigger must finish the job.
      for (let i = 0; i < 3; i += 1) {
        f.ws.runtime.advance(61_000);
        f.addon.runDueTriggers();
      }
      expectOneEventPerRow(f, n);
      // And a quiet sync afterwards writes nothing.
      f.ws.runtime.resetCounts();
      const again = sync(f.addon);
      expect(again.complete).toBe(true);
      expect(f.ws.runtime.count(/^Calendar\.Events\.(insert|patch|remove)$/)).toBe(0);
    });
  }
});

describe('a partner edits while the coordinator’s sync runs (the after-edit trigger fires mid-run)', () => {
  const PARTNER = 'lee@univ.example.edu';

  /** A synced plan with the after-edit trigger on; the retitle happens at call `n` of the next sync. */
  function overlapAt(n: number, autoSync: { afterEdits: boolean; hourly: boolean }) {
    const f = syncFixture();
    appendRows(f.ws, CALENDAR_TAB, activities(4));
    sync(f.addon);
    f.addon.run('setAutoSync', autoSync);
    appendRows(f.ws, CALENDAR_TAB, activities(6).slice(4));
    const titleCol = CALENDAR_TAB.columns.findIndex((c) => c.key === 'title') + 1;
    let fired = false;
    let writesWhileWaiting = 0;
    let waited = false;
    f.addon.interleaveAt(n, () => {
      fired = true;
      const held = f.ws.locks.documentLockHolder() !== null;
      const before = f.ws.runtime.count(/^Calendar\.Events\.(insert|patch|remove)$/);
      f.addon.userEdit(CALENDAR_TAB.name, 3, titleCol, 'Retitled mid-run', PARTNER);
      waited = held;
      if (held)
        writesWhileWaiting =
          f.ws.runtime.count(/^Calendar\.Events\.(insert|patch|remove)$/) - before;
    });
    const report = sync(f.addon);
    return { ...f, fired, waited, report, writesWhileWaiting };
  }

  it('the waiting run writes nothing, says so, and its continuation syncs the edit', () => {
    let tried = 0;
    for (let n = 1; ; n += 9) {
      const f = overlapAt(n, { afterEdits: true, hourly: false });
      if (!f.fired) break;
      tried += 1;
      expect(f.report.complete).toBe(true);
      expect(f.writesWhileWaiting).toBe(0);
      f.ws.runtime.advance(61_000);
      f.addon.runDueTriggers();
      const retitled = f.ws.calendar
        .liveEvents(f.calendarId)
        .find((e) => e.tags.swpActivityId === calendarRows(f.ws)[1].id);
      expect([n, retitled?.title]).toEqual([n, 'Retitled mid-run']);
      expectOneEventPerRow(f, 6);
      // The run that held the lock (or the one after it) logged the waiting run's line.
      const waitedLines = f.ws.sheets
        .table('Sync Log')
        .filter((r) => r[1] === 'after an edit' && r[2] === 'Waited');
      expect([n, waitedLines.length]).toEqual([n, f.waited ? 1 : 0]);
    }
    expect(tried).toBeGreaterThan(5);
  });

  it('with the hourly sync on, the edit waits for the hour and nothing is lost', () => {
    for (const n of [3, 20, 45, 70]) {
      const f = overlapAt(n, { afterEdits: true, hourly: true });
      if (!f.fired) continue;
      f.ws.runtime.advance(3_600_000);
      f.addon.runDueTriggers();
      expect(calendarRows(f.ws)[1].title).toBe('Retitled mid-run');
      expectOneEventPerRow(f, 6);
      const retitled = f.ws.calendar
        .liveEvents(f.calendarId)
        .find((e) => e.tags.swpActivityId === calendarRows(f.ws)[1].id);
      expect(retitled?.title).toBe('Retitled mid-run');
    }
  });
});

describe('simulator finds (replayed as fuzz printed them)', () => {
  it('a partner the plan’s calendar is not shared with is told so after a hand-over moved the plan (flipped fuzz seed 20261207)', () => {
    replay([
      new HandOverNow({ afterEdits: false, hourly: false, weeklyEmail: false }),
      new OverlappingRun('partner', 'afterEdit', 1, 0, 'Book swap'),
    ]);
  });

  it('a staged held lock survives an overlapping run for the sync it was staged for', () => {
    replay([
      new RunFault('lockHeld'),
      new OverlappingRun('coordinator', 'afterEdit', 9, 0, 'Book swap'),
    ]);
  });

  it('a run that waits after the lock holder looked for waiting runs keeps its continuation (fuzz seed 20261201)', () => {
    replay([
      new OverlappingRun('coordinator', 'afterEdit', 9, 0, ''),
      new EditDuringRun(0, 'Book swap'),
      new PartnerDeletesTab('Partners'),
      new PartnerTypes(0, 'startDate', '2027-03-10'),
      new OverlappingRun('coordinator', 'afterEdit', 145, 0, 'Book swap'),
    ]);
  });
});

describe('two people at once: a partner acts at any call of the coordinator’s sync', () => {
  const PARTNER = 'lee@univ.example.edu';
  const BUSY = 'Another calendar sync is running in this spreadsheet right now';

  it('a partner’s Sync is told another runs while the lock is held, else syncs as them; one event per row either way', () => {
    let tried = 0;
    for (let n = 1; ; n += 17) {
      const f = syncFixture();
      f.ws.sheets.book.state.editors.push(PARTNER);
      appendRows(f.ws, CALENDAR_TAB, activities(5));
      const doc = f.ws.currentSpreadsheetId;
      let fired = false;
      let outcome = '';
      let held = false;
      f.addon.interleaveAt(n, () => {
        fired = true;
        held = f.ws.locks.documentLockHolder() !== null;
        try {
          const r = f.addon.runAs(PARTNER, doc, 'syncCalendar') as SyncReport;
          outcome = `synced ${r.created}`;
        } catch (e) {
          outcome = (e as Error).message;
        }
      });
      const report = sync(f.addon);
      if (!fired) break;
      tried += 1;
      expect(report.complete).toBe(true);
      if (held) expect([n, outcome]).toEqual([n, expect.stringContaining(BUSY)]);
      else expect([n, outcome]).toEqual([n, expect.stringMatching(/^synced \d$/)]);
      expectOneEventPerRow(f, 5);
    }
    expect(tried).toBeGreaterThan(3);
  });

  it('a partner’s approval of an outside address is refused at any call, and nobody is invited', () => {
    // The simulator's world: set up by the coordinator, who owns the calendar settings.
    for (const n of [1, 4, 9, 16, 30, 50, 80]) {
      const w = replay([
        new PasteActivity({
          title: 'Family fair',
          startDate: '2027-03-14',
          status: 'Planned',
          participants: 'x@evil.example.com',
        } as Record<string, string>),
        new CalendarSettings(false, true, false),
        new OverlappingRun('coordinator', 'partnerApproves', n, 0, ''),
      ]);
      const guests = w.ws.calendar.liveEvents(w.calendarId).flatMap((e) => e.guests);
      expect(guests.map((g) => g.email)).not.toContain('x@evil.example.com');
    }
  });
});

describe('simulator finds: a row retyped while the sync that gives it an ID runs', () => {
  it('ends with one event for the row once the coordinator syncs again (fuzz seed 17)', () => {
    replay([
      new PartnerTypes(0, 'title', '!'),
      new PasteActivity({
        title: 'Reading tutoring',
        startDate: '2027-03-10',
        startTime: '09:00',
        endTime: '10:00',
        recurrence: '',
        timeZone: '',
        status: '',
        lead: 'Riverside Public Library',
      }),
      new DeleteRow(0),
      new OverlappingRun('coordinator', 'afterEdit', 22, 0, 'Book swap'),
    ]);
  });

  for (const status of ['Planned', '']) {
    it(`checks the plan only once the runs a quota error stopped are done (fuzz seed 17, status “${status}”)`, () => {
      replay([
        new PartnerTypes(0, 'title', '!'),
        new PasteActivity({
          title: 'Reading tutoring',
          startDate: '2027-03-10',
          startTime: '09:00',
          endTime: '10:00',
          status,
          lead: 'Riverside Public Library',
        }),
        new DeleteRow(0),
        new QuotaFault('Calendar.Events.insert', 2),
        new OverlappingRun('coordinator', 'afterEdit', 22, 0, 'Book swap'),
      ]);
    });
  }

  // A hand-over keeping the weekly email with both automatic syncs off: its daily trigger holds
  // the one clock trigger (fuzz seed 20261209). It lends it to the continuation, which does a
  // waiting run's work (before or after the first run read its note) and says the run waited;
  // then the daily trigger is back (the step's digestTriggerBack).
  for (const atCall of [29, 63])
    it(`a run waiting at call ${atCall} is finished by a continuation the weekly email’s trigger makes room for`, () => {
      replay([
        new HandOverNow({ afterEdits: false, hourly: false, weeklyEmail: true }),
        new OverlappingRun('coordinator', 'afterEdit', atCall, 0, 'Book swap'),
      ]);
    });
  // With the hourly sync kept on instead, the hourly run finishes a waiting run's work.
  it('a run waiting behind a sync is finished by the hourly sync when it is on', () => {
    replay([
      new HandOverNow({ afterEdits: false, hourly: true, weeklyEmail: false }),
      new OverlappingRun('coordinator', 'afterEdit', 29, 0, 'Book swap'),
    ]);
  });
});
