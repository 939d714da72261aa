// Every row an action appends gets the checkboxes of its tab, even where a partner removed the rules below the table.
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import type { TabDef } from '../../src/domain/schema/columns';
import {
  ASSESSMENTS_TAB,
  CALENDAR_TAB,
  GOALS_TAB,
  OUTCOMES_TAB,
  PARTNERS_TAB,
  PROGRESS_TAB,
  USER_TABS,
} from '../../src/domain/schema/tabs';
import type { AssessmentForm } from '../../src/shared/assetsWire';
import { addGoalAndOutcome } from '../harness/goalAndOutcome';
import { sidebarCall } from '../harness/sidebarCall';
import { columnOf, rowsOf, setUp, sheetOf } from '../harness/workbook';
import { loadAddon, runAmbiguities } from '../harness/workspace';

/** A plan set up from the sidebar, with a goal, an outcome and a need, and its calendar made. */
function plan(): { ws: Workspace; addon: Addon; calendarId: string } {
  const { ws, addon } = loadAddon({ spreadsheetTimeZone: 'America/Chicago' });
  setUp(addon, { calendar: { mode: 'new' } });
  addGoalAndOutcome(addon);
  const form = sidebarCall(addon, 'getAssessmentForm') as AssessmentForm;
  sidebarCall(addon, 'addAssessmentFinding', {
    source: 'Organisational',
    partner: 'Riverside Public Library',
    kind: 'Need',
    category: form.categories[0].name,
    description: 'No quiet room for homework help',
    evidence: '',
    dataSource: '',
    population: '',
    priority: 'High',
    goalId: '',
  });
  addon.run('syncCalendar');
  const { calendarId } = sidebarCall(addon, 'getCalendarSyncState');
  if (!calendarId) throw new Error('The first sync makes the group calendar');
  return { ws, addon, calendarId };
}

/**
 * A partner removes the rules from every row below the table (Data › Data validation › Remove
 * rules), or the grid grows by rows Google gave no rule (whether inserted rows take their
 * neighbour's validation is undocumented): the add-on must not rely on the rows being ready.
 */
function removeRulesBelowTable(ws: Workspace, tab: string): number {
  const sheet = sheetOf(ws, tab);
  const last = lastTypedRow(ws, tab);
  const max = sheet.getMaxRows();
  if (max > last)
    sheet.getRange(last + 1, 1, max - last, sheet.getMaxColumns()).setDataValidation(null);
  return last;
}

/** The last row holding anything but blanks and unticked boxes (the header when none). */
function lastTypedRow(ws: Workspace, tab: string): number {
  const rows = rowsOf(ws, tab);
  const typed = (v: unknown) => v !== '' && v !== false;
  return rows.reduce((last, r, i) => (Object.values(r).some(typed) ? i + 2 : last), 1);
}

/** Each boolean column of the row holds a checkbox, unticked unless the writer ticked it. */
function expectCheckboxes(ws: Workspace, tab: TabDef, row: number): number {
  const boxes = tab.columns.filter((c) => c.kind === 'boolean');
  for (const column of boxes) {
    const col = columnOf(ws, tab.name, column.header);
    const cell = sheetOf(ws, tab.name).getRange(row, col);
    expect({
      header: column.header,
      rule: String(cell.getDataValidation()?.getCriteriaType()),
    }).toEqual({
      header: column.header,
      rule: 'CHECKBOX',
    });
    expect([true, false, '']).toContain(cell.getValue());
  }
  return boxes.length;
}

type Writer = [TabDef, (f: ReturnType<typeof plan>) => number];

/** Every action that appends a row to a plan tab (grep appendRow in src/actions). */
const WRITERS: Array<[string, ...Writer]> = [
  [
    'addPartner',
    PARTNERS_TAB,
    ({ addon }) => sidebarCall(addon, 'addPartner', { organisation: 'Corner Bookshop' }).row,
  ],
  [
    'addActivity',
    CALENDAR_TAB,
    ({ addon }) =>
      sidebarCall(addon, 'addActivity', { goalId: 'G1', outcomeId: 'O1', title: 'Book swap' }).row,
  ],
  ['addGapActivity', CALENDAR_TAB, ({ addon }) => sidebarCall(addon, 'addGapActivity', 'F1').row],
  [
    'acceptImports',
    CALENDAR_TAB,
    ({ ws, addon, calendarId }) => {
      const id = ws.calendar.someoneAddsEvent(calendarId, {
        creator: 'teacher@riverside-elem.example.org',
        title: 'Parents evening',
        start: new Date('2027-03-10T18:00:00Z'),
        end: new Date('2027-03-10T19:30:00Z'),
        timeZone: 'UTC',
      });
      addon.run('syncCalendar');
      sidebarCall(addon, 'acceptImports', [id]);
      return rowsOf(ws, 'Calendar').findIndex((r) => r['Event ID'] === id) + 2;
    },
  ],
  [
    'addAssessmentFinding',
    ASSESSMENTS_TAB,
    ({ addon }) => {
      const form = sidebarCall(addon, 'getAssessmentForm') as AssessmentForm;
      return sidebarCall(addon, 'addAssessmentFinding', {
        source: 'Organisational',
        partner: 'Eastside Health Clinic',
        kind: 'Asset',
        category: form.categories[0].name,
        description: 'A nurse for reading-readiness checks',
        evidence: '',
        dataSource: '',
        population: '',
        priority: '',
        goalId: '',
      }).row;
    },
  ],
  [
    'saveGoal',
    GOALS_TAB,
    ({ addon }) =>
      sidebarCall(addon, 'saveGoal', {
        goal: 'Families feel welcome',
        priority: '',
        problem: '',
        owner: '',
        status: '',
      }).row,
  ],
  [
    'saveOutcome',
    OUTCOMES_TAB,
    ({ addon }) =>
      sidebarCall(addon, 'saveOutcome', {
        goalId: 'G1',
        term: 'Long term',
        outcome: 'Reading scores rise',
        indicator: '',
        baseline: '',
        target: '',
        targetDate: '',
      }).row,
  ],
  [
    'recordProgress',
    PROGRESS_TAB,
    ({ addon }) =>
      sidebarCall(addon, 'recordProgress', {
        outcomeId: 'O1',
        date: '2027-03-01',
        value: '12',
        note: '',
      }).row,
  ],
];

describe(`every appended row gets its checkboxes (checkboxBlank: ${runAmbiguities().checkboxBlank})`, () => {
  it.each(WRITERS)('%s, with the rules below the table removed', (_name, tab, write) => {
    const f = plan();
    removeRulesBelowTable(f.ws, tab.name);
    const row = write(f);
    expect(row).toBeGreaterThan(1);
    expectCheckboxes(f.ws, tab, row);
  });

  it.each(WRITERS)('%s, on a grid a partner filled to its last row', (_name, tab, write) => {
    const f = plan();
    const sheet = sheetOf(f.ws, tab.name);
    const typedEnd = removeRulesBelowTable(f.ws, tab.name);
    const last = Math.max(2, typedEnd);
    if (sheet.getMaxRows() > last)
      expect(f.ws.sheets.userDeleteRows(tab.name, last + 1, sheet.getMaxRows() - last).ok).toBe(
        true,
      );
    // The last row lost its rules too: a grown grid copies nothing from it.
    sheet.getRange(last, 1, 1, sheet.getMaxColumns()).setDataValidation(null);
    const row = write(f);
    expect(row).toBe(typedEnd + 1);
    expectCheckboxes(f.ws, tab, row);
  });

  it('every tab with a checkbox column has a writer above', () => {
    const covered = new Set(WRITERS.map(([, tab]) => tab.name));
    const withBoxes = USER_TABS.filter((t) => t.columns.some((c) => c.kind === 'boolean'));
    expect(withBoxes.length).toBeGreaterThan(0);
    for (const tab of withBoxes) expect(covered).toContain(tab.name);
  });
});
