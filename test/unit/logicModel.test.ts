// The logic model of the example partnership, assembled and laid out from its rows (pure domain).
import {
  EXAMPLE_ACTIVITIES,
  EXAMPLE_GOALS,
  EXAMPLE_OUTCOMES,
} from '../../emulator/example/logicModel';
import { buildLogicModelTab } from '../../src/domain/logicModel/build';
import { styleMatrices } from '../../src/domain/logicModel/layout';
import { exampleSources } from '../harness/logicSources';
import { EXAMPLE_TAB_ROWS, padRow } from './logicModelExample';

const PLAN = 'Riverside Community Schools Partnership';

describe('buildLogicModelTab on the example partnership', () => {
  const built = buildLogicModelTab(exampleSources(), PLAN);

  it('lays out the classic columnar model, cell by cell', () => {
    expect(built.layout.values).toEqual(EXAMPLE_TAB_ROWS.map((row) => padRow(row)));
  });

  it('freezes the title, note and column headers so they repeat on printed pages', () => {
    expect(built.layout.frozenRows).toBe(3);
    const rowsOf = (kind: string) =>
      built.layout.rowKinds.flatMap((k, i) => (k === kind ? [i + 1] : []));
    expect(rowsOf('title')).toEqual([1]);
    expect(rowsOf('header')).toEqual([3, 16, 29, 35]);
    expect(rowsOf('goal')).toEqual([4, 21]);
    expect(rowsOf('checkTitle')).toEqual([33]);
    expect(rowsOf('blank')).toEqual([20, 32]);
  });

  it('styles every cell of a row alike, in one matrix per property', () => {
    const { fontWeights, backgrounds } = styleMatrices(built.layout);
    expect(fontWeights).toHaveLength(built.layout.values.length);
    expect(fontWeights[3]).toEqual(new Array(7).fill('bold'));
    expect(fontWeights[7]).toEqual(new Array(7).fill('normal'));
    expect(backgrounds[15][0]).toBe('#e8eaed');
    expect(backgrounds[8][0]).toBe('#ffffff');
  });

  it('merges each run of paragraph rows with one call, and the check messages with one more', () => {
    expect(built.layout.merges).toEqual([
      { row: 1, column: 1, numRows: 2, numColumns: 7 },
      { row: 4, column: 1, numRows: 4, numColumns: 7 },
      { row: 21, column: 1, numRows: 4, numColumns: 7 },
      { row: 33, column: 1, numRows: 2, numColumns: 7 },
      { row: 35, column: 4, numRows: 6, numColumns: 4 },
    ]);
  });

  it('summarises what it built', () => {
    expect(built.summary).toMatchObject({
      tab: 'Logic Model',
      goals: 2,
      outcomes: 5,
      activities: 6,
      inputs: 12,
      unlinkedActivities: 1,
    });
    expect(built.summary.message).toBe(
      'Logic Model tab built: 2 goals, 5 outcomes, 6 activities. 5 things to fix: see the check report at the bottom of the tab.',
    );
  });

  it('keeps a typed problem statement instead of the needs summary', () => {
    const goals = EXAMPLE_GOALS.map((g) =>
      g.id === 'G2' ? { ...g, problem: 'Families feel unwelcome at school.' } : g,
    );
    const { layout } = buildLogicModelTab(exampleSources({ goals }), PLAN);
    expect(layout.values[21][0]).toBe('Problem statement: Families feel unwelcome at school.');
  });

  it('writes user text that looks like a formula as literal text', () => {
    const goals = EXAMPLE_GOALS.map((g) =>
      g.id === 'G1' ? { ...g, impact: '=IMPORTXML("http://x","//a")' } : g,
    );
    const { layout } = buildLogicModelTab(exampleSources({ goals }), PLAN);
    expect(layout.values[7][6]).toBe(`'=IMPORTXML("http://x","//a")`);
    const activities = EXAMPLE_ACTIVITIES.map((a) =>
      a.id === 'A1' ? { ...a, title: '=HYPERLINK("x")', lead: '' } : a,
    );
    const again = buildLogicModelTab(exampleSources({ activities }), PLAN);
    expect(again.layout.values[7][1]).toBe(`'=HYPERLINK("x")`);
  });
});

describe('links by stable ID', () => {
  const baseline = buildLogicModelTab(exampleSources(), PLAN);

  it('survives renaming a goal and an outcome (references keep the old label)', () => {
    const goals = EXAMPLE_GOALS.map((g) =>
      g.id === 'G1' ? { ...g, goal: 'All children read well by grade 3' } : g,
    );
    const outcomes = EXAMPLE_OUTCOMES.map((o) =>
      o.id === 'O1' ? { ...o, outcome: 'Referred readers come to tutoring' } : o,
    );
    const renamed = buildLogicModelTab(exampleSources({ goals, outcomes }), PLAN);
    expect(renamed.layout.values[3][0]).toBe('G1 · All children read well by grade 3');
    expect(renamed.layout.values[7][3]).toBe('Referred readers come to tutoring');
    expect(renamed.checks).toEqual(baseline.checks);
    expect(renamed.model.goals[0].activities.map((a) => a.id)).toEqual(
      baseline.model.goals[0].activities.map((a) => a.id),
    );
  });

  it('survives reordering (sorting) every tab: same model, rows renumbered', () => {
    const reversed = buildLogicModelTab(
      exampleSources({
        outcomes: [...EXAMPLE_OUTCOMES].reverse(),
        activities: [...EXAMPLE_ACTIVITIES].reverse(),
      }),
      PLAN,
    );
    const shape = (b: typeof baseline) =>
      b.model.goals.map((g) => ({
        goal: g.goal.id,
        outcomes: Object.values(g.outcomes)
          .flat()
          .map((o) => o.id)
          .sort(),
        activities: g.activities.map((a) => a.id).sort(),
        inputs: g.inputs.map((i) => i.text).sort(),
      }));
    expect(shape(reversed)).toEqual(shape(baseline));
    // O5 moved from row 6 to row 2 of the Outcomes tab: the check report follows it.
    const noActivity = reversed.checks.find((c) => c.rule === 'outcomeWithoutActivity');
    expect(noActivity).toMatchObject({ tab: 'Outcomes', row: 2 });
  });

  it('accepts a bare or lower-case ID as a reference', () => {
    const outcomes = EXAMPLE_OUTCOMES.map((o) => (o.id === 'O4' ? { ...o, goal: 'g2' } : o));
    const built = buildLogicModelTab(exampleSources({ outcomes }), PLAN);
    expect(built.model.goals[1].outcomes['Short term'].map((o) => o.id)).toEqual(['O4']);
  });
});
