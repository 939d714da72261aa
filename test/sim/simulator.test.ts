// The partner simulator in `npm test`: a fixed list of seeds, each a bounded batch of random sequences.
import fc from 'fast-check';
import {
  ClearRow,
  CopyRow,
  GoogleDeletesEvent,
  PasteActivity,
  QuotaFault,
  replay,
  SortTab,
  Sync,
  simulatorProperty,
} from './commands';
import {
  coordinatorState,
  everyOwnedEventHasOneRow,
  everyRowSaysWhy,
  everySyncedRowHasOneEvent,
  foreignEventsUntouched,
  gapDraftLinks,
  generatedTabMatchesFreshBuild,
  idsNeverReused,
  idsUnique,
  linkSnapshot,
  linksPointToSameRows,
  liveOwnedIds,
  onlyApprovedGuests,
  onlyCoordinatorApproves,
  quietResyncWritesNothing,
  rememberApproved,
  tabLossRemovesNothing,
  typedCellsKept,
} from './invariants';
import { newWorld, ownedEvents, tabRows, typedCellsEverywhere } from './world';

/** Seeds fixed so a failure in `npm test` replays the same way (`npm run fuzz -- --seed S`). */
const SEEDS = [1, 7, 42, 2027];
const RUNS_PER_SEED = 6;

describe('partner simulator', () => {
  it.each(SEEDS)(
    'keeps every invariant through random sequences (seed %i)',
    (seed) => {
      fc.assert(simulatorProperty(25), { numRuns: RUNS_PER_SEED, seed });
    },
    60_000,
  );
});

describe('replaying a sequence as fuzz prints it', () => {
  it('copy, sort, quota error, Google-side delete and clear converge to one event per row', () => {
    const tutoring = {
      title: 'Reading tutoring',
      startDate: '2027-03-10',
      startTime: '15:30',
      endTime: '16:30',
      recurrence: 'Weekly, 4 times',
      timeZone: 'Asia/Kolkata',
      status: 'Planned',
    };
    const w = replay([
      new PasteActivity(tutoring),
      new PasteActivity({ ...tutoring, title: 'Family fair', recurrence: '', timeZone: '' }),
      new Sync(),
      new CopyRow(0),
      new SortTab('title', true),
      new QuotaFault('Calendar.Events.insert', 1),
      new Sync(),
      new GoogleDeletesEvent(0.5),
      new ClearRow(0.99),
    ]);
    const rows = tabRows(w).filter((r) => r.title !== '');
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
    expect(ownedEvents(w)).toHaveLength(2);
    expect(w.log).toContain('sync (a fault is armed)');
  });
});

/** A world with two synced activities, for the checks below. */
function syncedWorld() {
  const w = newWorld();
  const headers = w.ws.sheets.table('Calendar')[0];
  const row = (title: string) =>
    headers.map((h) =>
      h === 'Title' ? title : h === 'Start date' ? '2027-03-10' : h === 'Status' ? 'Planned' : '',
    );
  w.ws.sheets.userPasteValues('Calendar', 2, 1, [row('Book swap'), row('Parent night')]);
  w.addon.run('syncCalendar');
  return w;
}

// Each invariant must be able to fail: a world broken by hand is caught by the check that guards it.
describe('the invariants catch what they guard', () => {
  it('passes on a freshly synced plan', () => {
    const w = syncedWorld();
    expect(ownedEvents(w)).toHaveLength(2);
    for (const check of [
      idsUnique,
      idsNeverReused,
      foreignEventsUntouched,
      everySyncedRowHasOneEvent,
      everyOwnedEventHasOneRow,
      quietResyncWritesNothing,
    ])
      expect(() => check(w)).not.toThrow();
  });

  it('onlyApprovedGuests: an outside guest on a plan event, and a share with an address never approved', () => {
    const w = syncedWorld();
    rememberApproved(w);
    expect(() => onlyApprovedGuests(w)).not.toThrow();
    const [event] = ownedEvents(w);
    w.ws.calendar.advanced.Events.patch(
      { attendees: [{ email: 'x@evil.example.com' }] },
      w.calendarId,
      event.id,
    );
    expect(() => onlyApprovedGuests(w)).toThrow(/guest x@evil\.example\.com, never approved/);

    const shared = syncedWorld();
    shared.ws.calendar.advanced.Acl.insert(
      { role: 'reader', scope: { type: 'user', value: 'x@evil.example.com' } },
      shared.calendarId,
    );
    expect(() => onlyApprovedGuests(shared)).toThrow(/shared with x@evil\.example\.com/);
    // Approved in the store (by the coordinator, through the sidebar), the same rule is fine.
    shared.addon.runFromSidebar('approvePeople', ['x@evil.example.com']);
    expect(() => onlyApprovedGuests(shared)).not.toThrow();
  });

  it('foreignEventsUntouched: a foreign event deleted', () => {
    const w = syncedWorld();
    w.ws.calendar.userDeletesEvent(w.calendarId, w.foreign[0].id);
    expect(() => foreignEventsUntouched(w)).toThrow(/was deleted/);
  });

  it('foreignEventsUntouched: a foreign event renamed', () => {
    const w = syncedWorld();
    w.ws.calendar.userEditsEvent(w.calendarId, w.foreign[1].id, { title: 'Renamed' });
    expect(() => foreignEventsUntouched(w)).toThrow(/title changed/);
  });

  it('everySyncedRowHasOneEvent: a row marked OK whose event is gone', () => {
    const w = syncedWorld();
    w.ws.calendar.userDeletesEvent(w.calendarId, String(tabRows(w)[0].eventId));
    expect(() => everySyncedRowHasOneEvent(w)).toThrow(/has 0 events/);
  });

  it('everyOwnedEventHasOneRow: an event whose row was deleted without a sync', () => {
    const w = syncedWorld();
    w.ws.sheets.userDeleteRows('Calendar', 2);
    expect(() => everyOwnedEventHasOneRow(w)).toThrow(/held by 0 rows/);
  });

  it('idsUnique: a copied row before the add-on gave it its own ID', () => {
    const w = syncedWorld();
    w.ws.sheets.userCopyRow('Calendar', 2, 4);
    expect(() => idsUnique(w)).toThrow(/A1/);
  });

  it('idsNeverReused: an ID that left the tab and came back', () => {
    const w = syncedWorld();
    idsNeverReused(w);
    w.ws.sheets.userCopyRow('Calendar', 2, 4);
    w.ws.sheets.userDeleteRows('Calendar', 2);
    w.ws.sheets.userDeleteRows('Calendar', 3);
    idsNeverReused(w); // A1 is gone now
    w.ws.sheets.userCopyRow('Calendar', 2, 3);
    w.ws.sheets.userPasteValues('Calendar', 3, 1, [['A1']]);
    expect(() => idsNeverReused(w)).toThrow(/A1 was reused/);
  });

  it('everyRowSaysWhy: a typed row the sync has not seen', () => {
    const w = syncedWorld();
    w.ws.sheets.userPasteValues('Calendar', 4, 2, [['Unsynced idea']]);
    expect(() => everyRowSaysWhy(w)).toThrow(/Row 4 .* no sync status/);
  });

  it('tabLossRemovesNothing: an event removed after the Calendar tab was deleted, unconfirmed', () => {
    const w = syncedWorld();
    const live = liveOwnedIds(w);
    for (const id of live) w.eventsAtTabLoss.add(id);
    expect(() => tabLossRemovesNothing(w, live)).not.toThrow();
    w.ws.calendar.advanced.Events.remove(w.calendarId, [...live][0]);
    expect(() => tabLossRemovesNothing(w, live)).toThrow(/1 of the plan's events went/);
  });

  it('quietResyncWritesNothing: an event changed in Calendar is written back', () => {
    const w = syncedWorld();
    w.ws.calendar.userDeletesEvent(w.calendarId, String(tabRows(w)[0].eventId));
    expect(() => quietResyncWritesNothing(w)).toThrow(/wrote/);
  });
});

/** A synced world with two goals and an outcome of the first, added from the sidebars. */
function plannedWorld() {
  const w = syncedWorld();
  for (const goal of ['Reading for all', 'Healthy families'])
    w.addon.runFromSidebar('saveGoal', { goal, priority: '', problem: '', owner: '', status: '' });
  w.addon.runFromSidebar('saveOutcome', {
    goalId: 'G1',
    term: 'Short term',
    outcome: 'More readers',
    indicator: 'Readers a month',
    baseline: '',
    target: '50',
    targetDate: '',
  });
  return w;
}

describe('the invariants on every tab catch what they guard', () => {
  it('typedCellsKept: a goal a partner typed, changed behind their back', () => {
    const w = plannedWorld();
    const before = typedCellsEverywhere(w);
    expect(() => typedCellsKept(w, before)).not.toThrow();
    w.ws.sheets.userPasteValues('Goals', 3, 2, [['Something else']]);
    expect(() => typedCellsKept(w, before)).toThrow(/Goals: lost .*Healthy families/);
  });

  it('linksPointToSameRows: goal IDs swapped, so the outcome now points at the other goal', () => {
    const w = plannedWorld();
    const before = linkSnapshot(w);
    expect([...before.values()]).toContain('Reading for all');
    expect(() => linksPointToSameRows(w, before)).not.toThrow();
    w.ws.sheets.userPasteValues('Goals', 2, 1, [['G2'], ['G1']]);
    expect(() => linksPointToSameRows(w, before)).toThrow(
      /pointed to “Reading for all”, now to “Healthy families”/,
    );
  });

  it('linksPointToSameRows: finding IDs swapped, so the gap draft now names the other need', () => {
    const w = plannedWorld();
    for (const description of ['No library nearby', 'No bus on Sundays'])
      w.addon.runFromSidebar('addAssessmentFinding', {
        source: 'Community',
        partner: '',
        kind: 'Need',
        category: 'Culture',
        description,
        evidence: '',
        dataSource: '',
        population: '',
        priority: '',
        goalId: '',
      });
    w.addon.runFromSidebar('addGapActivity', 'F1');
    const before = linkSnapshot(w);
    expect([...gapDraftLinks(w).values()]).toEqual(['F1']);
    expect([...before.values()]).toContain('No library nearby');
    expect(() => linksPointToSameRows(w, before)).not.toThrow();
    const [headers] = w.ws.sheets.table('Assessments');
    w.ws.sheets.userPasteValues('Assessments', 2, headers.indexOf('Finding ID') + 1, [
      ['F2'],
      ['F1'],
    ]);
    expect(() => linksPointToSameRows(w, before)).toThrow(
      /Notes → F1 pointed to “No library nearby”, now to “No bus on Sundays”/,
    );
  });

  it('generatedTabMatchesFreshBuild: a logic model that is not what its data builds', () => {
    const w = plannedWorld();
    const { tab } = w.addon.runFromSidebar('buildLogicModel') as { tab: string };
    const check = generatedTabMatchesFreshBuild(tab, 'buildLogicModel');
    expect(() => check(w)).not.toThrow();
    w.ws.sheets.userPasteValues(tab, 4, 1, [['A stale input']]);
    expect(() => check(w)).toThrow(/differs from a fresh build/);
  });

  it('onlyCoordinatorApproves: the approvals changed while a partner acted', () => {
    const w = plannedWorld();
    const before = coordinatorState(w);
    expect(() =>
      w.addon.runAs('lee@univ.example.edu', w.ws.currentSpreadsheetId, 'approvePeople', [
        'x@evil.example.com',
      ]),
    ).toThrow(/Only coordinator@example\.org can change/);
    expect(() => onlyCoordinatorApproves(w, before)).not.toThrow();
    w.addon.runFromSidebar('approvePeople', ['x@evil.example.com']);
    expect(() => onlyCoordinatorApproves(w, before)).toThrow(/changed the approvals/);
  });
});
