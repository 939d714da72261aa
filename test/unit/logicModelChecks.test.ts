// Every rule of the logic model's check report, each on a small change to the example plan.
import {
  EXAMPLE_ACTIVITIES,
  EXAMPLE_FINDINGS,
  EXAMPLE_GOALS,
  EXAMPLE_OUTCOMES,
  type ExampleRow,
} from '../../emulator/example/logicModel';
import { assembleLogicModel } from '../../src/domain/logicModel/assemble';
import {
  activitiesWithoutOutcome,
  brokenLinks,
  draftsWithoutOutcome,
  goalsWithoutOutcome,
  outcomesWithoutActivity,
  unmeasurableIndicators,
  unusedInputs,
} from '../../src/domain/logicModel/checks';
import { readPlanEntities } from '../../src/domain/logicModel/parse';
import { type ExampleEdits, exampleSources } from '../harness/logicSources';

const modelOf = (edits: ExampleEdits = {}) =>
  assembleLogicModel(readPlanEntities(exampleSources(edits)));
const change = (rows: ExampleRow[], id: string, patch: ExampleRow) =>
  rows.map((r) => (r.id === id ? { ...r, ...patch } : r));
const brief = (items: Array<{ tab: string; row: number; goalId: string | null }>) =>
  items.map(({ tab, row, goalId }) => ({ tab, row, goalId }));

describe('goalsWithoutOutcome', () => {
  it('is quiet when every goal has an outcome', () => {
    expect(goalsWithoutOutcome(modelOf())).toEqual([]);
  });

  it('names the goal row whose outcomes were all removed', () => {
    const outcomes = EXAMPLE_OUTCOMES.filter((o) => !o.goal.startsWith('G2'));
    const items = goalsWithoutOutcome(modelOf({ outcomes }));
    expect(brief(items)).toEqual([{ tab: 'Goals', row: 3, goalId: 'G2' }]);
    expect(items[0].message).toBe(
      'Goal G2 “Every family is connected to the school” has no outcome: add one in the Outcomes tab linked to G2.',
    );
  });
});

describe('outcomesWithoutActivity', () => {
  it('names each outcome no live activity serves', () => {
    expect(brief(outcomesWithoutActivity(modelOf()))).toEqual([
      { tab: 'Outcomes', row: 6, goalId: 'G2' },
    ]);
  });

  it('does not count a cancelled activity as serving its outcome', () => {
    const activities = change(EXAMPLE_ACTIVITIES, 'A5', { status: 'Cancelled' });
    expect(brief(outcomesWithoutActivity(modelOf({ activities })))).toEqual([
      { tab: 'Outcomes', row: 4, goalId: 'G1' },
      { tab: 'Outcomes', row: 6, goalId: 'G2' },
    ]);
  });
});

describe('activitiesWithoutOutcome', () => {
  it('names activities linked to a goal only; a draft among them is a suggestion, not a fix', () => {
    expect(activitiesWithoutOutcome(modelOf())).toEqual([]);
    const drafts = draftsWithoutOutcome(modelOf());
    expect(brief(drafts)).toEqual([{ tab: 'Calendar', row: 5, goalId: 'G1' }]);
    expect(drafts[0].rule).toBe('draftWithoutOutcome');
    const planned = modelOf({
      activities: change(EXAMPLE_ACTIVITIES, 'A4', { status: 'Planned' }),
    });
    expect(brief(activitiesWithoutOutcome(planned))).toEqual([
      { tab: 'Calendar', row: 5, goalId: 'G1' },
    ]);
    expect(draftsWithoutOutcome(planned)).toEqual([]);
  });

  it('also names one whose outcome was deleted, but leaves unlinked meetings alone', () => {
    const outcomes = EXAMPLE_OUTCOMES.filter((o) => o.id !== 'O2');
    const items = activitiesWithoutOutcome(modelOf({ outcomes }));
    expect(brief(items)).toEqual([{ tab: 'Calendar', row: 4, goalId: 'G1' }]);
  });
});

describe('unmeasurableIndicators', () => {
  it('names what each indicator lacks', () => {
    const items = unmeasurableIndicators(modelOf());
    expect(items.map((i) => [i.row, i.message])).toEqual([
      [5, 'Outcome O4 “Parents take part in school events” is not measurable yet: no target date.'],
      [
        6,
        'Outcome O5 “Families use the health and food services they need” is not measurable yet: no baseline.',
      ],
    ]);
  });

  it('reports a target date that is not a date, and an outcome with nothing measurable', () => {
    const outcomes = change(change(EXAMPLE_OUTCOMES, 'O1', { targetDate: 'next spring' }), 'O2', {
      indicator: '',
      baseline: '',
      target: '',
      targetDate: '',
    });
    const items = unmeasurableIndicators(modelOf({ outcomes }));
    expect(items.slice(0, 2).map((i) => i.message)).toEqual([
      'Outcome O1 “Struggling readers attend tutoring twice a week” is not measurable yet: Target date “next spring” is not a date. Type a date such as 2027-03-04.',
      'Outcome O2 “More third graders read at grade level” is not measurable yet: no indicator, no baseline, no target, no target date.',
    ]);
  });
});

describe('unusedInputs', () => {
  it('names an asset whose partner leads or joins none of the goal’s activities', () => {
    const items = unusedInputs(modelOf());
    expect(brief(items)).toEqual([{ tab: 'Assessments', row: 5, goalId: 'G1' }]);
  });

  it('counts a participant as using the asset, whatever the case and spacing of the name', () => {
    const activities = change(EXAMPLE_ACTIVITIES, 'A3', {
      participants: 'Riverside Parent Association,  main street business  alliance',
    });
    expect(unusedInputs(modelOf({ activities }))).toEqual([]);
  });

  it('ignores assets with no partner (community assets)', () => {
    const findings = change(EXAMPLE_FINDINGS, 'F4', { partner: '' });
    expect(unusedInputs(modelOf({ findings }))).toEqual([]);
  });
});

describe('brokenLinks', () => {
  it('is quiet on the example', () => {
    expect(brokenLinks(modelOf())).toEqual([]);
  });

  it('reports links to a deleted goal and outcome on the rows that hold them', () => {
    const goals = EXAMPLE_GOALS.filter((g) => g.id !== 'G2');
    const outcomes = EXAMPLE_OUTCOMES.filter((o) => o.id !== 'O3');
    const items = brokenLinks(modelOf({ goals, outcomes }));
    expect(items.map((i) => `${i.tab} ${i.row}: ${i.message}`)).toEqual([
      'Outcomes 4: Outcome O4 “Parents take part in school events”: Goal points to goal G2, which no longer exists: pick another goal.',
      'Outcomes 5: Outcome O5 “Families use the health and food services they need”: Goal points to goal G2, which no longer exists: pick another goal.',
      'Calendar 6: Activity “Reading data review with teachers”: Linked outcome points to outcome O3, which no longer exists: pick another outcome.',
      'Calendar 7: Activity “Back-to-school family fair”: Linked goal points to goal G2, which no longer exists: pick another goal.',
      'Assessments 8: Need “Working parents cannot come to daytime school events”: Linked goal points to goal G2, which no longer exists: pick another goal.',
      'Assessments 9: Need “Families do not know which health and food services they …”: Linked goal points to goal G2, which no longer exists: pick another goal.',
      'Assessments 10: Asset “Weekend food backpacks for 200 children”: Linked goal points to goal G2, which no longer exists: pick another goal.',
      'Assessments 11: Asset “Bilingual community health workers”: Linked goal points to goal G2, which no longer exists: pick another goal.',
    ]);
  });

  it('reports a cell that is not a reference, an outcome with no goal, and goal/outcome disagreement', () => {
    const outcomes = change(change(EXAMPLE_OUTCOMES, 'O4', { goal: 'families' }), 'O5', {
      goal: '',
    });
    const activities = change(EXAMPLE_ACTIVITIES, 'A3', {
      goal: 'G2 · Every family is connected to the school',
    });
    const items = brokenLinks(modelOf({ outcomes, activities }));
    expect(items.map((i) => `${i.tab} ${i.row}: ${i.message}`)).toEqual([
      'Outcomes 5: Outcome O4 “Parents take part in school events”: Goal “families” is not a goal reference: pick one from the list.',
      'Outcomes 6: Outcome O5 “Families use the health and food services they need” belongs to no goal: pick its goal.',
      'Calendar 4: Activity “Family literacy nights” is linked to goal G2 but its outcome O2 belongs to G1: the outcome wins; fix Linked goal.',
    ]);
  });

  it('reports a goal row with no ID and a copied outcome row that repeats an ID', () => {
    const goals = [...EXAMPLE_GOALS, { goal: 'Partners share data', priority: 'Low' }];
    const outcomes = [...EXAMPLE_OUTCOMES, { ...EXAMPLE_OUTCOMES[0] }];
    const items = brokenLinks(modelOf({ goals, outcomes }));
    expect(items.map((i) => `${i.tab} ${i.row}: ${i.message}`)).toEqual([
      'Goals 4: This row has no Goal ID, so nothing can link to it: run set-up to give it one.',
      'Outcomes 7: This row repeats Outcome ID O1 of row 2 (a copied row?): links go to row 2; clear this ID so the row gets its own.',
    ]);
  });
});
