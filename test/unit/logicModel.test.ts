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

  /** 1-based rows of the hand-written tab whose first cell passes `test`. */
  const rowsWhere = (test: (first: string) => boolean) =>
    EXAMPLE_TAB_ROWS.flatMap((r, i) => (test(String(r[0] ?? '')) ? [i + 1] : []));
  const headers = rowsWhere((t) => ['Inputs / resources', 'Term', 'Check'].includes(t));
  const goals = rowsWhere((t) => /^G\d+ · /.test(t));
  const firstInput = rowsWhere((t) => t.startsWith('Riverside Public Library:'))[0];

  it('freezes the title, note and column headers so they repeat on printed pages', () => {
    expect(built.layout.frozenRows).toBe(headers[0]);
    const rowsOf = (kind: string) =>
      built.layout.rowKinds.flatMap((k, i) => (k === kind ? [i + 1] : []));
    expect(rowsOf('title')).toEqual([1]);
    expect(rowsOf('header')).toEqual(headers);
    expect(rowsOf('goal')).toEqual(goals);
    expect(rowsOf('checkTitle')).toEqual(rowsWhere((t) => t.startsWith('Check report')));
    expect(rowsOf('blank')).toEqual(
      EXAMPLE_TAB_ROWS.flatMap((r, i) => (r.length === 0 ? [i + 1] : [])),
    );
  });

  it('styles every cell of a row alike, in one matrix per property', () => {
    const { fontWeights, backgrounds } = styleMatrices(built.layout);
    expect(fontWeights).toHaveLength(built.layout.values.length);
    expect(fontWeights[goals[0] - 1]).toEqual(new Array(7).fill('bold'));
    expect(fontWeights[firstInput - 1]).toEqual(new Array(7).fill('normal'));
    expect(backgrounds[headers[1] - 1][0]).toBe('#e8eaed');
    expect(backgrounds[firstInput][0]).toBe('#ffffff');
  });

  it('merges each run of paragraph rows with one call, and the check messages with one more', () => {
    // Each run: its first row (title, goal, report title) and the paragraph rows under it.
    const report = rowsWhere((t) => t.startsWith('Check report'))[0];
    const runs = [1, ...goals, report].map((row) => {
      let end = row;
      while (built.layout.rowKinds[end] === 'paragraph') end += 1;
      return { row, column: 1, numRows: end - row + 1, numColumns: 7 };
    });
    expect(built.layout.merges).toEqual([
      ...runs,
      {
        row: headers[headers.length - 1],
        column: 4,
        numRows: EXAMPLE_TAB_ROWS.length - headers[headers.length - 1] + 1,
        numColumns: 4,
      },
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
      'Logic Model tab built: 2 goals, 5 outcomes, 6 activities. 4 things to fix and 1 suggestion: see the check report at the bottom of the tab.',
    );
  });

  it('keeps a typed problem statement instead of the needs summary', () => {
    const goals = EXAMPLE_GOALS.map((g) =>
      g.id === 'G2' ? { ...g, problem: 'Families feel unwelcome at school.' } : g,
    );
    const { layout } = buildLogicModelTab(exampleSources({ goals }), PLAN);
    const g2 = layout.values.findIndex((r) => String(r[0]).startsWith('G2 · '));
    expect(layout.values[g2 + 1][0]).toBe('Problem statement: Families feel unwelcome at school.');
  });

  it('writes user text that looks like a formula as literal text', () => {
    const goals = EXAMPLE_GOALS.map((g) =>
      g.id === 'G1' ? { ...g, impact: '=IMPORTXML("http://x","//a")' } : g,
    );
    const { layout } = buildLogicModelTab(exampleSources({ goals }), PLAN);
    const input = layout.values.findIndex((r) =>
      String(r[0]).startsWith('Riverside Public Library:'),
    );
    expect(layout.values[input][6]).toBe(`'=IMPORTXML("http://x","//a")`);
    const activities = EXAMPLE_ACTIVITIES.map((a) =>
      a.id === 'A1' ? { ...a, title: '=HYPERLINK("x")', lead: '' } : a,
    );
    const again = buildLogicModelTab(exampleSources({ activities }), PLAN);
    expect(again.layout.values[input][1]).toBe(`'=HYPERLINK("x")`);
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
    const goal = renamed.layout.values.findIndex((r) => String(r[0]).startsWith('G1 · '));
    const input = renamed.layout.values.findIndex((r) =>
      String(r[0]).startsWith('Riverside Public Library:'),
    );
    expect(renamed.layout.values[goal][0]).toBe('G1 · All children read well by grade 3');
    expect(renamed.layout.values[input][3]).toBe('Referred readers come to tutoring');
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
