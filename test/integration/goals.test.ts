// The goals path through the built bundle: goals and outcomes with IDs, progress recorded, the verdict on the dashboard.
import { localeDay } from '../../src/domain/time/localeDate';
import { sidebarCall } from '../harness/sidebarCall';
import { columnOf, PARTNERS, rowsOf, setUp } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

const DAY_MS = 86_400_000;

function newPlan() {
  const loaded = loadAddon();
  setUp(loaded.addon);
  return loaded;
}

const goal = {
  goal: 'Every child reads at grade level by grade 3',
  priority: 'High' as const,
  problem: 'Only 41% of third graders read at grade level.',
  owner: PARTNERS[0].organisation,
  status: 'Not started' as const,
};

describe('goals from the sidebar', () => {
  it('opens from the menu', () => {
    const { ws, addon } = newPlan();
    addon.run('showGoalsSidebar');
    const sidebar = ws.sheets.ui.sidebars.at(-1);
    expect(sidebar?.title).toBe('Goals and progress');
    expect(sidebar?.content).toContain('Update the dashboard');
  });

  it('adds a goal with its ID at once, and Assets and needs offers it right away', () => {
    const { ws, addon } = newPlan();
    expect(sidebarCall(addon, 'getGoalsForm').goals).toEqual([]);
    expect(sidebarCall(addon, 'getAssessmentForm').goals).toEqual([]);
    const added = sidebarCall(addon, 'saveGoal', goal);
    expect(added).toMatchObject({ id: 'G1', tab: 'Goals', row: 2, created: true });
    const second = sidebarCall(addon, 'saveGoal', { ...goal, goal: 'Families are healthy' });
    expect(second.id).toBe('G2');
    const [row] = rowsOf(ws, 'Goals');
    expect(row).toMatchObject({
      'Goal ID': 'G1',
      Goal: goal.goal,
      Priority: 'High',
      'Problem statement': goal.problem,
      'Owner partner': goal.owner,
      Status: 'Not started',
    });
    expect(sidebarCall(addon, 'getAssessmentForm').goals.map((g) => g.id)).toEqual(['G1', 'G2']);
    expect(sidebarCall(addon, 'getGoalsForm').goals.map((g) => `${g.id} ${g.goal}`)).toEqual([
      `G1 ${goal.goal}`,
      'G2 Families are healthy',
    ]);
  });

  it('edits only the cells that changed, on the row that holds the ID now, and keeps a partner’s edit', () => {
    const { ws, addon } = newPlan();
    sidebarCall(addon, 'saveGoal', goal);
    sidebarCall(addon, 'saveGoal', { ...goal, goal: 'Families are healthy' });
    const [loaded] = sidebarCall(addon, 'getGoalsForm').goals;
    ws.sheets.userMoveRow('Goals', 2, 3); // G1 is now on row 3
    addon.userEdit('Goals', 3, columnOf(ws, 'Goals', 'Status'), 'On track');
    const saved = sidebarCall(addon, 'saveGoal', {
      ...loaded,
      goalId: 'G1',
      priority: 'Medium',
      status: 'At risk',
      loaded,
    });
    expect(saved).toMatchObject({ id: 'G1', row: 3, created: false, conflicts: ['status'] });
    const g1 = rowsOf(ws, 'Goals').find((r) => r['Goal ID'] === 'G1');
    expect(g1).toMatchObject({ Priority: 'Medium', Status: 'On track', Goal: goal.goal });
  });

  it('refuses an owner who is not a partner, and an empty goal, in plain words', () => {
    const { addon } = newPlan();
    expect(() => sidebarCall(addon, 'saveGoal', { ...goal, owner: 'Nobody Inc' })).toThrow(
      '“Nobody Inc” is not on the Partners tab.',
    );
    expect(() => sidebarCall(addon, 'saveGoal', { ...goal, goal: '  ' })).toThrow(
      'Write the goal (in a sentence) before saving.',
    );
  });

  it('matches the owner partner as typed in another case to the Partners tab’s spelling', () => {
    const { ws, addon } = newPlan();
    sidebarCall(addon, 'saveGoal', { ...goal, owner: goal.owner.toUpperCase() });
    expect(rowsOf(ws, 'Goals')[0]['Owner partner']).toBe(goal.owner);
  });
});

describe('progress, recorded and judged on the dashboard', () => {
  function withOutcome() {
    const loaded = newPlan();
    sidebarCall(loaded.addon, 'saveGoal', goal);
    const outcome = sidebarCall(loaded.addon, 'saveOutcome', {
      goalId: 'G1',
      term: 'Medium term',
      outcome: 'More third graders read at grade level',
      indicator: 'Share of grade 3 at benchmark',
      baseline: '40%',
      target: '60%',
      targetDate: '2027-12-31',
    });
    expect(outcome).toMatchObject({ id: 'O1', created: true });
    return loaded;
  }

  it('appends one row per measurement, keeps the history, and shows the latest in the sidebar', () => {
    const { ws, addon } = withOutcome();
    const first = sidebarCall(addon, 'recordProgress', {
      outcomeId: 'O1',
      date: '2027-01-15',
      value: '44%',
      note: 'Winter screener',
    });
    expect(first).toMatchObject({ tab: 'Progress', row: 2 });
    sidebarCall(addon, 'recordProgress', {
      outcomeId: 'o1',
      date: '2027-02-26',
      value: '47%',
      note: '',
    });
    // As Sheets shows them: "44%" typed is stored as 0.44 with a percent format.
    const shown = ws.sheets.spreadsheet
      .getSheetByName('Progress')
      ?.getDataRange()
      .getDisplayValues();
    expect(shown?.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      [
        'O1 · More third graders read at grade level',
        '44%',
        ws.session.userEmail,
        'Winter screener',
      ],
      ['O1 · More third graders read at grade level', '47%', ws.session.userEmail, ''],
    ]);
    expect(shown?.[0]).toEqual(['Outcome', 'Date', 'Value', 'Recorded by', 'Notes']);
    const [o1] = sidebarCall(addon, 'getGoalsForm').outcomes;
    expect(o1).toMatchObject({
      id: 'O1',
      goalId: 'G1',
      measurements: 2,
      latestValue: '47%',
      // As the spreadsheet (en_US) writes the day, like the Date cell beside it.
      latestDate: localeDay('2027-02-26', 'en_US'),
    });
  });

  it('refuses a value that is not one number and a missing date, writing nothing', () => {
    const { ws, addon } = withOutcome();
    expect(() =>
      sidebarCall(addon, 'recordProgress', {
        outcomeId: 'O1',
        date: '2027-01-15',
        value: 'about half',
        note: '',
      }),
    ).toThrow('Value “about half” is not one number.');
    expect(() =>
      sidebarCall(addon, 'recordProgress', { outcomeId: 'O1', date: '', value: '4', note: '' }),
    ).toThrow('Date is not a date.');
    expect(() =>
      sidebarCall(addon, 'recordProgress', {
        outcomeId: 'O9',
        date: '2027-01-15',
        value: '4',
        note: '',
      }),
    ).toThrow('Outcome O9 is no longer in the Outcomes tab');
    expect(rowsOf(ws, 'Progress')).toEqual([]);
  });

  it('says On track when the trend reaches the target by its date, At risk when it does not', () => {
    const { ws, addon } = withOutcome();
    // 40% → 44% in six weeks: at that pace 60% is reached well before 31 Dec 2027.
    sidebarCall(addon, 'recordProgress', {
      outcomeId: 'O1',
      date: '2027-01-15',
      value: '40%',
      note: '',
    });
    sidebarCall(addon, 'recordProgress', {
      outcomeId: 'O1',
      date: '2027-02-26',
      value: '44%',
      note: '',
    });
    const onTrack = sidebarCall(addon, 'buildDashboard');
    expect(onTrack.indicators).toEqual([{ outcomeId: 'O1', latest: 44, verdict: 'On track' }]);
    const table = ws.sheets.table('Dashboard');
    const line = table.find((r) => String(r[0]).startsWith('O1 ·'));
    expect(line).toEqual(
      expect.arrayContaining(['40%', '44%', '60%', 'On track', 'Outcomes row 2']),
    );
    // A partner types a third measurement by hand: it fell back, and the line no longer gets there.
    const next = rowsOf(ws, 'Progress').length + 2;
    ws.sheets.userPasteValues('Progress', next, 1, [
      ['O1 · More third graders read at grade level', '2027-02-27', '38%'],
    ]);
    const atRisk = sidebarCall(addon, 'buildDashboard');
    expect(atRisk.indicators[0].verdict).toBe('At risk');
    // The headline says what the table says: at risk, not behind (the target date is ahead).
    expect(atRisk.summary).toMatch(/^Indicator of O1 at risk of missing its target, /);
  });

  it('says Behind once the target date has passed, in the sheet’s days', () => {
    const { ws, addon } = withOutcome();
    sidebarCall(addon, 'recordProgress', {
      outcomeId: 'O1',
      date: '2027-01-15',
      value: '40%',
      note: '',
    });
    ws.runtime.advance(310 * DAY_MS); // 6 January 2028
    expect(sidebarCall(addon, 'buildDashboard').indicators[0].verdict).toBe('Behind');
  });
});
