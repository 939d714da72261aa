// Start the next year through the bundle: archive, carried baselines, IDs, the dashboard, a sync after it, and an interruption at every write.
import { Addon } from '../../emulator/addon';
import { createExampleWorkspace } from '../../emulator/example/seed';
import { typeRowsByKey } from '../../emulator/example/typeRows';
import { Workspace, type WorkspaceState } from '../../emulator/workspace';
import { SETTINGS_KEY } from '../../src/adapters/settings';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { readArchive } from '../../src/domain/newYear/archive';
import {
  GOAL_REF,
  OUTCOME_REFS,
  type PlanSpec,
  ROLLOVER_DAY,
  yearsPlan,
} from '../harness/newYearPlan';
import { sidebarCall } from '../harness/sidebarCall';
import { columnOf, rowsOf, sheetOf } from '../harness/workbook';
import { runAmbiguities, TEST_START } from '../harness/workspace';

const ARCHIVE = 'Archive 2027–28';
const NEXT_YEAR_ROWS = [
  {
    title: 'Back-to-school family night',
    type: 'Event',
    startDate: '2028-09-07',
    status: 'Planned',
  },
  { title: 'Tutor training 2028', type: 'Training', startDate: '2028-09-20', status: 'Planned' },
];

/** The example plan through 2027–28, with measurements and two activities already planned for 2028–29. */
function plan(): { addon: Addon; ws: Workspace } {
  const addon = createExampleWorkspace({
    virtualClock: true,
    startTime: TEST_START,
    ambiguities: runAmbiguities(),
  });
  const ws = addon.workspace;
  const record = (outcomeId: string, date: string, value: string) =>
    sidebarCall(addon, 'recordProgress', { outcomeId, date, value, note: '' });
  record('O1', '2027-10-01', '40%');
  record('O1', '2028-03-01', '65%');
  record('O2', '2028-05-15', '52%');
  record('O3', '2028-09-10', '130');
  typeRowsByKey(ws, 'Calendar', NEXT_YEAR_ROWS);
  const report = sidebarCall(addon, 'syncCalendar') as SyncReport;
  expect(report.complete).toBe(true);
  sidebarCall(addon, 'buildDashboard');
  ws.runtime.advance(ROLLOVER_DAY - ws.runtime.now());
  return { addon, ws };
}

const calendarIdOf = (ws: Workspace) =>
  JSON.parse(String(ws.properties.document.data.get(SETTINGS_KEY))).calendar.calendarId as string;

const sheetNames = (ws: Workspace) => ws.sheets.spreadsheet.getSheets().map((s) => s.getName());

const idsOf = (rows: readonly Record<string, unknown>[]) =>
  rows.map((r) => String(r['Activity ID'] ?? '')).filter(Boolean);

function archiveOf(ws: Workspace) {
  return readArchive(ws.sheets.table(ARCHIVE));
}

/** Everything a rollover may touch, as plain data (dates as their instant). */
function endState(ws: Workspace) {
  const plain = (v: unknown) => (v instanceof Date ? `@${v.getTime()}` : v);
  const tabs = Object.fromEntries(
    sheetNames(ws).map((n) => [n, ws.sheets.table(n).map((r) => r.map(plain))]),
  );
  const props = ws.properties.document.data;
  return {
    tabs,
    counters: props.get('sharedWorkPlan.idCounters'),
    years: props.get('swp.newYear.years'),
    journal: props.get('swp.newYear.journal') ?? null,
    events: ws.calendar.allEvents(calendarIdOf(ws)),
  };
}

const startNextYear = (addon: Addon) => addon.run('startNextYearFromMenu');
const lastDialog = (ws: Workspace) => ws.sheets.ui.dialogs[ws.sheets.ui.dialogs.length - 1];

describe('start the next year', () => {
  it('asks with the counts, archives 2027–28, carries baselines, keeps IDs counting; a sync after it touches no archived event', () => {
    const { addon, ws } = plan();
    const before = rowsOf(ws, 'Calendar');
    const shownO3 = () => ws.sheets.displayTable('Outcomes').find((r) => r[0] === 'O3');
    const o3Before = rowsOf(ws, 'Outcomes').find((o) => o['Outcome ID'] === 'O3')?.Baseline;
    const o3Shown = shownO3();
    const eventsBefore = ws.calendar.allEvents(calendarIdOf(ws));
    startNextYear(addon);
    const [question, answer] = ws.sheets.ui.dialogs.slice(-2);
    const archivedCount = before.length - NEXT_YEAR_ROWS.length;
    expect(question.buttons).toBe('YES_NO');
    expect(question.prompt).toContain('Close the school year 2027–28 and start 2028–29?');
    expect(question.prompt).toContain(`${archivedCount} activities and 3 progress measurements`);
    expect(question.prompt).toContain('2 activities and 1 measurement dated after 2027–28');
    expect(question.prompt).toContain('2 outcomes take their latest measurement');
    expect(answer.prompt).toMatch(/^The school year 2027–28 is closed/);

    // Every activity row in exactly one place; IDs unique across both.
    const live = rowsOf(ws, 'Calendar');
    const archive = archiveOf(ws);
    expect(live.map((r) => r.Title).sort()).toEqual(NEXT_YEAR_ROWS.map((r) => r.title).sort());
    expect(archive.activities.rows).toHaveLength(archivedCount);
    const idAt = archive.activities.headers.indexOf('Activity ID');
    const archivedIds = archive.activities.rows.map((r) => String(r.values[idAt]));
    const all = [...idsOf(live), ...archivedIds];
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(idsOf(before)));

    // Baselines: the latest measurement of 2027–28; the old ones kept in the archive.
    const outcomes = Object.fromEntries(rowsOf(ws, 'Outcomes').map((o) => [o['Outcome ID'], o]));
    expect(outcomes.O1.Baseline).toBe('65%');
    expect(outcomes.O2.Baseline).toBe('52%');
    expect(outcomes.O3.Baseline).toBe(o3Before);
    // An outcome not measured this year keeps its cell exactly: value and how it shows ("38%").
    expect(shownO3()).toEqual(o3Shown);
    expect(archive.baselines.rows.map((r) => r.values.slice(0, 7))).toEqual([
      ['O1', expect.any(String), expect.any(String), '0%', '65%', '2028-03-01', '65%'],
      ['O2', expect.any(String), expect.any(String), '41%', '52%', '2028-05-15', '52%'],
    ]);
    expect(rowsOf(ws, 'Progress').map((p) => p.Value)).toEqual([130]);
    expect(archive.measurements.rows).toHaveLength(3);

    // The archive is warning-only protected; the dashboard links to it.
    const protections = ws.sheets.spreadsheet
      .getSheetByName(ARCHIVE)
      ?.getProtections(ws.sheets.app.ProtectionType.SHEET);
    expect(protections?.map((p) => p.isWarningOnly())).toEqual([true]);
    const dashboard = ws.sheets.table('Dashboard').flat().map(String);
    expect(dashboard.some((c) => c.includes('Last year (2027–28): Archive 2027–28'))).toBe(true);

    // A sync afterwards: zero deletes, zero updates; every archived event exactly as it was.
    const report = sidebarCall(addon, 'syncCalendar') as SyncReport;
    expect([report.deleted, report.updated, report.created]).toEqual([0, 0, 0]);
    expect(ws.calendar.allEvents(calendarIdOf(ws))).toEqual(eventsBefore);

    // A new activity never takes an archived ID.
    typeRowsByKey(ws, 'Calendar', [
      { title: 'New year kick-off', type: 'Meeting', startDate: '2028-09-01', status: 'Planned' },
    ]);
    expect((sidebarCall(addon, 'syncCalendar') as SyncReport).created).toBe(1);
    const newest = rowsOf(ws, 'Calendar').find((r) => r.Title === 'New year kick-off');
    const highest = Math.max(...all.map((id) => Number(id.slice(1))));
    expect(Number(String(newest?.['Activity ID']).slice(1))).toBeGreaterThan(highest);
  });

  it('never makes two archives of one year: a second start says so and changes nothing', () => {
    const { addon, ws } = restoredPlan();
    startNextYear(addon);
    const after = endState(ws);
    startNextYear(addon);
    expect(lastDialog(ws).prompt).toMatch(/already archived \(tab “Archive 2027–28”\)/);
    expect(endState(ws)).toEqual(after);
    expect(sheetNames(ws).filter((n) => n.startsWith('Archive'))).toEqual([ARCHIVE]);
  });

  it('does nothing when the coordinator answers No, or when someone else than the settings’ owner asks', () => {
    const { addon, ws } = restoredPlan();
    const before = endState(ws);
    ws.sheets.ui.queueResponse('NO');
    startNextYear(addon);
    expect(endState(ws)).toEqual(before);
    const partner = 'partner@library.example.org';
    ws.sheets.book.state.editors.push(partner);
    ws.as(partner, ws.currentSpreadsheetId, () => startNextYear(addon));
    expect(lastDialog(ws).prompt).toMatch(/^Only .* can start the next year/);
    expect(endState(ws)).toEqual(before);
  });
});

describe('start the next year after the archive was deleted half-way', () => {
  it('says so, keeps the rows, and the next start makes the archive anew: every row in one place', () => {
    const { addon, ws } = restoredPlan();
    const before = rowsOf(ws, 'Calendar').map((r) => String(r.Title));
    ws.runtime.failAt('SpreadsheetApp.Sheet.deleteRows', 1, 'Service error: Spreadsheets');
    startNextYear(addon);
    ws.runtime.clearFaults();
    ws.sheets.userDeleteSheet(ARCHIVE);
    startNextYear(addon);
    expect(lastDialog(ws).prompt).toMatch(/was deleted before the rows could leave/);
    expect(rowsOf(ws, 'Calendar').map((r) => String(r.Title))).toEqual(before);
    startNextYear(addon);
    expect(lastDialog(ws).prompt).toMatch(/is closed/);
    const archive = archiveOf(ws);
    const titleAt = archive.activities.headers.indexOf('Title');
    const titles = [
      ...rowsOf(ws, 'Calendar').map((r) => String(r.Title)),
      ...archive.activities.rows.map((r) => String(r.values[titleAt])),
    ];
    expect(titles.sort()).toEqual([...before].sort());
    expect(sheetNames(ws).filter((n) => n.startsWith('Archive'))).toEqual([ARCHIVE]);
  });
});

describe('rows carrying an archived ID say why the sync leaves them alone', () => {
  const statusOf = (ws: Workspace, title: string) =>
    rowsOf(ws, 'Calendar')
      .filter((r) => r.Title === title)
      .map((r) => String(r['Sync status']));

  it('while Start the next year waits to be finished, and when a partner pastes last year’s row again', () => {
    const { addon, ws } = restoredPlan();
    const eventsBefore = ws.calendar.allEvents(calendarIdOf(ws));
    // Stopped before the rows leave the Calendar tab: they are recorded as archived already.
    ws.runtime.failAt('SpreadsheetApp.Sheet.deleteRows', 1, 'Service error: Spreadsheets');
    startNextYear(addon);
    ws.runtime.clearFaults();
    expect(lastDialog(ws).prompt).toMatch(/stopped part-way/);
    const sheet = sheetOf(ws, 'Calendar');
    const readingNight = rowsOf(ws, 'Calendar').findIndex((r) => r.Title === 'Reading night') + 2;
    const lastYearsRow = sheet.getRange(readingNight, 1, 1, sheet.getLastColumn()).getValues()[0];

    sidebarCall(addon, 'syncCalendar');
    expect(statusOf(ws, 'Reading night')).toEqual([
      expect.stringMatching(/^Being archived to “Archive 2027–28”: Start the next year stopped/),
    ]);
    expect(statusOf(ws, 'Family night 2028')).toEqual([expect.stringMatching(/^OK/)]);
    expect(ws.calendar.allEvents(calendarIdOf(ws))).toEqual(eventsBefore);
    // Said once: a second sync leaves the tab as it was.
    const tab = ws.sheets.table('Calendar');
    sidebarCall(addon, 'syncCalendar');
    expect(ws.sheets.table('Calendar')).toEqual(tab);

    startNextYear(addon);
    expect(lastDialog(ws).prompt).toMatch(/is closed/);
    expect(statusOf(ws, 'Reading night')).toEqual([]);

    // A partner pastes last year's row to hold it again: a closed year's activity, left alone.
    sheet.appendRow(lastYearsRow);
    sidebarCall(addon, 'syncCalendar');
    expect(statusOf(ws, 'Reading night')).toEqual([
      expect.stringMatching(
        /^Archived in “Archive 2027–28”: .* clear its Activity ID and Event ID/,
      ),
    ]);
    expect(ws.calendar.allEvents(calendarIdOf(ws))).toEqual(eventsBefore);

    // As the row says: with both IDs cleared it is a new activity, with a new ID and its own event.
    const pasted = sheet.getLastRow();
    sheet.getRange(pasted, columnOf(ws, 'Calendar', 'Activity ID')).setValue('');
    sheet.getRange(pasted, columnOf(ws, 'Calendar', 'Event ID')).setValue('');
    const report = sidebarCall(addon, 'syncCalendar') as SyncReport;
    expect([report.created, report.updated, report.deleted]).toEqual([1, 0, 0]);
    const again = rowsOf(ws, 'Calendar').find((r) => r.Title === 'Reading night');
    expect(String(again?.['Sync status'])).toMatch(/^OK/);
    expect(String(again?.['Activity ID'])).not.toBe(
      String(lastYearsRow[columnOf(ws, 'Calendar', 'Activity ID') - 1]),
    );
  });
});

/** Every call that changes the spreadsheet or the document's properties. */
const WRITE =
  /^(SpreadsheetApp\.\w+\.(set\w*|insert\w*|delete\w*|add\w*|protect|remove\w*|clear\w*|breakApart|merge\w*|activate|copyTo)|PropertiesService\.\w+\.(setProperty|setProperties|deleteProperty))$/;

const activity = (title: string, startDate: string, more: Record<string, string> = {}) => ({
  title,
  startDate,
  status: 'Planned',
  ...more,
});

/** Two years of activities (one with a date nobody can read), measurements on both sides of 31 July. */
const FAULT_PLAN: PlanSpec = {
  activities: [
    activity('Reading night', '2027-10-05', { goal: GOAL_REF, outcome: OUTCOME_REFS.O2 }),
    activity('Tutor training', '2027-09-14', { goal: GOAL_REF }),
    activity('Spring reading night', '2028-04-12', { status: 'Done' }),
    activity('Draft idea', '2028-02-01', { status: 'Draft' }),
    activity('Someday', 'next spring'),
    activity('Family night 2028', '2028-09-07'),
  ],
  measurements: [
    { outcomeId: 'O1', date: '2027-11-01', value: '45%' },
    { outcomeId: 'O1', date: '2028-05-01', value: '52%' },
    { outcomeId: 'O2', date: '2028-09-10', value: '25 families' },
  ],
};

/** The plan saved once and loaded anew for each run (as the preview keeps its state). */
let saved: string | null = null;
function restoredPlan(): { addon: Addon; ws: Workspace } {
  if (saved === null) saved = JSON.stringify(yearsPlan(FAULT_PLAN).ws.toJSON());
  const ws = Workspace.fromJSON(JSON.parse(saved) as WorkspaceState, {
    virtualClock: true,
    startTime: ROLLOVER_DAY,
    ambiguities: runAmbiguities(),
  });
  ws.utilities.deterministicUuids = true;
  return { addon: new Addon(ws), ws };
}

/**
 * The writes to interrupt: every write of the rollover's own steps (journal, archive, counters,
 * baselines, removals) and, of the dashboard's rebuild at the end (one whole-tab rewrite, already
 * rebuilt from scratch whatever state it stopped in), its first, middle and last write: the rebuild
 * alone is some 35 style and chart calls, and each run restores a whole workspace.
 */
function writesToInterrupt(methods: readonly string[]): number[] {
  const resets = methods.flatMap((m, i) => (m.endsWith('.breakApart') ? [i] : []));
  const start = resets.length > 1 ? resets[resets.length - 1] : methods.length;
  const end = methods.lastIndexOf('SpreadsheetApp.Sheet.insertChart');
  const dashboard = end > start ? [start, Math.floor((start + end) / 2), end] : [];
  return methods
    .map((_, i) => i)
    .filter((i) => i < start || i > end || dashboard.includes(i))
    .map((i) => i + 1);
}

describe('start the next year, interrupted at every write', () => {
  const reference = (() => {
    let cached: { state: ReturnType<typeof endState>; writes: string[] } | null = null;
    return () => {
      if (cached) return cached;
      const { addon, ws } = restoredPlan();
      ws.runtime.trace = true;
      const from = ws.runtime.log.length;
      startNextYear(addon);
      const writes = ws.runtime.log
        .slice(from)
        .map((c) => c.method)
        .filter((m) => WRITE.test(m));
      cached = { state: endState(ws), writes };
      // Nothing lost: every activity and measurement is live or archived, once.
      const archive = readArchive(ws.sheets.table(ARCHIVE));
      const titleAt = archive.activities.headers.indexOf('Title');
      const titles = [
        ...rowsOf(ws, 'Calendar').map((r) => String(r.Title)),
        ...archive.activities.rows.map((r) => String(r.values[titleAt])),
      ];
      expect(titles.sort()).toEqual(FAULT_PLAN.activities.map((a) => a.title).sort());
      expect(rowsOf(ws, 'Progress').length + archive.measurements.rows.length).toBe(3);
      return cached;
    };
  })();

  it('makes a number of writes that does not depend on how many rows move', () => {
    const { writes } = reference();
    // Two runs of rows removed per tab at most here; the rest is a fixed count.
    expect(writes.filter((m) => m.endsWith('.deleteRows')).length).toBeLessThanOrEqual(4);
    expect(writes.length).toBeLessThan(80);
  });

  it('at write k for every k: the rerun ends exactly as an uninterrupted start, one archive, nothing lost', () => {
    const { state, writes } = reference();
    const ks = writesToInterrupt(writes);
    expect(ks.length).toBeGreaterThan(20);
    for (const k of ks) {
      const { addon, ws } = restoredPlan();
      ws.runtime.failAt(WRITE, k, 'Service error: Spreadsheets');
      startNextYear(addon);
      ws.runtime.clearFaults();
      const words = lastDialog(ws).prompt;
      if (!/is closed/.test(words)) {
        expect(words).toMatch(/stopped part-way/);
        expect(words).not.toContain('Service error');
        startNextYear(addon);
      }
      try {
        expect(endState(ws)).toEqual(state);
      } catch (error) {
        throw new Error(`Interrupted at write ${k} (${writes[k - 1]}): ${String(error)}`);
      }
    }
  });
});
