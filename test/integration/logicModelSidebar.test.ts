// The logic-model sidebar's server functions through the built bundle, with google.script.run's rules.

import { columnOf, loadExamplePlan, rowOf } from '../harness/logicFixture';
import { sidebarCall } from '../harness/sidebarCall';

const G1_PROBLEM =
  'Only 41% of third graders read at grade level (Spring 2026 reading screener); Many homes have few children’s books (Parent survey 2026: 58% own fewer than 10).';

describe('the logic-model sidebar', () => {
  it('opens from the menu with the built HTML', () => {
    const { ws, addon } = loadExamplePlan();
    addon.run('showLogicModelSidebar');
    const sidebar = ws.sheets.ui.sidebars.at(-1);
    expect(sidebar?.title).toBe('Logic model');
    expect(sidebar?.content).toContain('Build the logic model');
    expect(sidebar?.content).not.toContain('<!-- script -->');
  });

  it('reads one goal pre-filled: suggested problem, inputs, activities, outcomes, its checks', () => {
    const { addon } = loadExamplePlan();
    const draft = sidebarCall(addon, 'getLogicModelDraft', null);
    expect(draft.goals.map((g) => g.id)).toEqual(['G1', 'G2']);
    expect(draft.goal).toEqual({
      id: 'G1',
      label: 'Every child reads at grade level by the end of grade 3',
      row: 2,
      tab: 'Goals',
    });
    expect(draft.details.problem).toBe('');
    expect(draft.problemSuggestion).toBe(G1_PROBLEM);
    expect(draft.inputs.map((i) => `${i.kind}: ${i.text} @${i.tab} ${i.row}`)).toEqual([
      'asset: Riverside Public Library: Reading room and children’s librarians after school @Assessments 2',
      'asset: State University Tutoring Corps: 40 trained undergraduate tutors each semester @Assessments 3',
      'asset: Riverside YMCA: Gym and classrooms for summer camps @Assessments 4',
      'asset: Main Street Business Alliance: Member businesses donate books and snacks @Assessments 5',
      'partner: Riverside Elementary School @Calendar 2',
      'partner: Riverside Parent Association @Calendar 4',
      'resource: Title I family-engagement funds @Goals 2',
      'resource: Donated books @Goals 2',
    ]);
    expect(draft.activities.map((a) => `${a.id} ${a.outcomeId || '-'} ${a.output}`)).toEqual([
      'A1 O1 60 students tutored twice a week',
      'A2 O1 24 tutors trained',
      'A3 O2 6 evenings, 150 families',
      'A4 - 40 campers for 4 weeks',
      'A5 O3 3 data reviews a year',
    ]);
    expect(draft.outcomes[0]).toEqual({
      id: 'O1',
      row: 2,
      term: 'Short term',
      outcome: 'Struggling readers attend tutoring twice a week',
      indicator: 'Share of referred K–3 students at two sessions a week',
      baseline: '0%',
      target: '80%',
      targetDate: '2027-12-17',
    });
    expect(draft.checks.map((c) => c.rule)).toEqual(['draftWithoutOutcome', 'unusedInput']);
    expect(draft.partners).toHaveLength(8);
  });

  it('saves the goal’s cells on the row that holds its ID now, and only those cells', () => {
    const { ws, addon } = loadExamplePlan();
    const draft = sidebarCall(addon, 'getLogicModelDraft', 'G2');
    // A partner sorts the Goals tab while the sidebar is open: G2 moves to row 2.
    ws.sheets.userMoveRow('Goals', 3, 2);
    const before = ws.sheets.table('Goals');
    const result = sidebarCall(addon, 'saveGoalDetails', {
      goalId: 'G2',
      problem: draft.problemSuggestion,
      impact: draft.details.impact,
      inputs: 'Evening childcare\nInterpreters',
      assumptions: draft.details.assumptions,
      externalFactors: 'Bus routes change in 2028',
      loaded: draft.details,
    });
    expect(result).toMatchObject({
      tab: 'Goals',
      row: 2,
      saved: ['problem', 'inputs', 'externalFactors'],
      conflicts: [],
    });
    expect(result.message).toBe(
      'Saved Problem statement, Inputs / resources, External factors in Goals row 2.',
    );
    const after = ws.sheets.table('Goals');
    const changed: string[] = [];
    after.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== before[r][c]) changed.push(`${before[0][c]} ${r + 1}`);
      });
    });
    expect(changed).toEqual(['Problem statement 2', 'Inputs / resources 2', 'External factors 2']);
    expect(after[1][columnOf(after, 'External factors') - 1]).toBe('Bus routes change in 2028');
  });

  it('leaves a cell someone else changed since the sidebar loaded it', () => {
    const { ws, addon } = loadExamplePlan();
    const draft = sidebarCall(addon, 'getLogicModelDraft', 'G1');
    const goals = ws.sheets.table('Goals');
    addon.userEdit('Goals', 2, columnOf(goals, 'Impact'), 'Their new impact');
    const result = sidebarCall(addon, 'saveGoalDetails', {
      goalId: 'G1',
      impact: 'My impact',
      assumptions: 'My assumptions',
      loaded: draft.details,
    });
    expect(result.saved).toEqual(['assumptions']);
    expect(result.conflicts).toEqual(['impact']);
    expect(ws.sheets.table('Goals')[1][columnOf(goals, 'Impact') - 1]).toBe('Their new impact');
  });

  it('says so when the goal was deleted since the sidebar loaded', () => {
    const { ws, addon } = loadExamplePlan();
    ws.sheets.userDeleteRows('Goals', 3);
    expect(() => sidebarCall(addon, 'saveGoalDetails', { goalId: 'G2', impact: 'x' })).toThrow(
      'Goal G2 is no longer in the Goals tab (it may have been deleted). Pick another goal.',
    );
  });

  it('adds an outcome with the next free ID, linked to the goal, and updates it later', () => {
    const { ws, addon } = loadExamplePlan();
    const added = sidebarCall(addon, 'saveOutcome', {
      goalId: 'G2',
      term: 'Long term',
      outcome: '=Families feel at home in the school',
      indicator: 'Parents who say the school welcomes them',
      baseline: '45%',
      target: '75%',
      targetDate: '2030-06-30',
    });
    expect(added).toMatchObject({ id: 'O6', tab: 'Outcomes', row: 7, created: true });
    const outcomes = ws.sheets.displayTable('Outcomes');
    const row = outcomes[6];
    const at = (h: string) => row[columnOf(outcomes, h) - 1];
    expect([
      at('Outcome ID'),
      at('Goal'),
      at('Term'),
      at('Outcome'),
      at('Baseline'),
      at('Target date'),
    ]).toEqual([
      'O6',
      'G2 · Every family is connected to the school',
      'Long term',
      '=Families feel at home in the school',
      '45%',
      '2030-06-30',
    ]);
    const updated = sidebarCall(addon, 'saveOutcome', {
      goalId: 'G2',
      outcomeId: 'O6',
      term: 'Long term',
      outcome: 'Families feel at home in the school',
      indicator: 'Parents who say the school welcomes them',
      baseline: '45%',
      target: '80%',
      targetDate: '2030-06-30',
    });
    expect(updated).toMatchObject({ id: 'O6', row: 7, created: false });
    const again = ws.sheets.displayTable('Outcomes')[6];
    expect(again[columnOf(outcomes, 'Target') - 1]).toBe('80%');
    expect(again[columnOf(outcomes, 'Outcome') - 1]).toBe('Families feel at home in the school');
  });

  it('keeps a partner’s edit made to an outcome after the sidebar loaded it', () => {
    const { ws, addon } = loadExamplePlan();
    const draft = sidebarCall(addon, 'getLogicModelDraft', 'G1');
    const loaded = draft.outcomes[0];
    const outcomes = ws.sheets.displayTable('Outcomes');
    // Meanwhile a partner sharpens the indicator in the sheet.
    ws.sheets.userEdit(
      'Outcomes',
      loaded.row,
      columnOf(outcomes, 'Indicator'),
      'Benchmark, spring test',
    );
    const saved = sidebarCall(addon, 'saveOutcome', {
      goalId: 'G1',
      outcomeId: loaded.id,
      term: loaded.term,
      outcome: loaded.outcome,
      indicator: loaded.indicator,
      baseline: loaded.baseline,
      target: '95%',
      targetDate: loaded.targetDate,
      loaded,
    });
    expect(saved.conflicts).toEqual(['indicator']);
    expect(saved.message).toContain('Not saved: Indicator');
    const row = ws.sheets.displayTable('Outcomes')[loaded.row - 1];
    expect(row[columnOf(outcomes, 'Indicator') - 1]).toBe('Benchmark, spring test');
    expect(row[columnOf(outcomes, 'Target') - 1]).toBe('95%');
  });

  it('never reuses the ID of a deleted outcome an activity still points to', () => {
    const { ws, addon } = loadExamplePlan();
    ws.sheets.userDeleteRows('Outcomes', rowOf(ws.sheets.table('Outcomes'), 'O4'));
    ws.sheets.userDeleteRows('Outcomes', rowOf(ws.sheets.table('Outcomes'), 'O5'));
    const added = sidebarCall(addon, 'saveOutcome', {
      goalId: 'G2',
      term: 'Short term',
      outcome: 'Parents come to events',
      indicator: '',
      baseline: '',
      target: '',
      targetDate: '',
    });
    // O4 is gone but Calendar row A6 still links to it: the new outcome must not inherit that link.
    expect(added.id).toBe('O5');
  });

  it('adds a Draft activity to the Calendar tab, linked to the outcome it serves', () => {
    const { ws, addon } = loadExamplePlan();
    const added = sidebarCall(addon, 'addActivity', {
      goalId: 'G2',
      outcomeId: 'O5',
      title: 'Family resource desk',
      type: 'Outreach',
      startDate: '2027-10-04',
      lead: 'Eastside Community Health Clinic',
      participants: 'Northside Food Bank',
      output: '150 referrals',
    });
    expect(added).toMatchObject({ id: 'A8', tab: 'Calendar', row: 9, created: true });
    const calendar = ws.sheets.displayTable('Calendar');
    const at = (h: string) => calendar[8][columnOf(calendar, h) - 1];
    expect([
      at('Title'),
      at('Linked goal'),
      at('Linked outcome'),
      at('Status'),
      at('Start date'),
    ]).toEqual([
      'Family resource desk',
      'G2 · Every family is connected to the school',
      'O5 · Families use the health and food services they need',
      'Draft',
      '2027-10-04',
    ]);
    const draft = sidebarCall(addon, 'getLogicModelDraft', 'G2');
    expect(draft.activities.map((a) => `${a.id} ${a.outcomeId}`)).toContain('A8 O5');
    expect(draft.checks.map((c) => c.rule)).toEqual([
      'unmeasurableIndicator',
      'unmeasurableIndicator',
    ]);
  });

  it('refuses what it cannot store, in plain words', () => {
    const { addon } = loadExamplePlan();
    expect(() =>
      sidebarCall(addon, 'addActivity', { goalId: 'G1', outcomeId: 'O9', title: 'Book drive' }),
    ).toThrow('Outcome O9 is no longer in the Outcomes tab');
    expect(() =>
      addon.runFromSidebar('saveOutcome', {
        goalId: 'G1',
        term: 'Someday',
        outcome: 'x',
        indicator: '',
        baseline: '',
        target: '',
        targetDate: '',
      }),
    ).toThrow(
      'Term must be one of: Short term, Medium term, Long term (or left empty). Nothing was changed.',
    );
  });
});
