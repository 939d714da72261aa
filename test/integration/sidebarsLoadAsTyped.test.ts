// The goals and logic-model sidebars load every cell as a partner typed it, flag what is not what its column expects, and a save changes only what the coordinator edited.
import fc from 'fast-check';
import type { Addon } from '../../emulator/addon';
import type { Workspace } from '../../emulator/workspace';
import { columnByKey, GOALS_TAB, OUTCOMES_TAB } from '../../src/domain/schema/tabs';
import type { GoalView, OutcomeView } from '../../src/shared/goalsWire';
import type { OutcomeDraft } from '../../src/shared/logicModelWire';
import { addGoalAndOutcome } from '../harness/goalAndOutcome';
import { sidebarCall } from '../harness/sidebarCall';
import { columnOf, setUp } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

/** What partners type where a term, a priority or a status is expected. */
const optionLike = fc.constantFrom(
  'short',
  'Short term',
  'medium term ',
  'LONG TERM',
  'next year',
  'urgent',
  'High',
  'low',
  'On track',
  'done?',
  '3',
  '',
);
/** What partners type where a date is expected. */
const dateLike = fc.constantFrom(
  'next spring',
  '2028-06-30',
  '6/30/2028',
  'June 2028',
  'TBD',
  '45',
  '',
);
/** What partners type in text cells: words, numbers with formats, a formula. */
const textLike = fc.oneof(
  fc.constantFrom('50%', '1,200', '0.5', '=1+1', 'Families read together', '  padded  ', ''),
  fc.string({ maxLength: 30 }),
);

const ZONES = ['America/Chicago', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland'];

interface Typed {
  goal: Record<string, string>;
  outcome: Record<string, string>;
}

const typedCells = fc.record({
  goal: fc.record({
    goal: textLike.filter((t) => t.trim() !== ''),
    priority: optionLike,
    problem: textLike,
    owner: fc.constantFrom('Riverside Public Library', 'the library', ''),
    status: optionLike,
  }),
  outcome: fc.record({
    term: optionLike,
    outcome: textLike.filter((t) => t.trim() !== ''),
    indicator: textLike,
    baseline: textLike,
    target: textLike,
    targetDate: dateLike,
  }),
});

/** A plan with G1 and O1 made from the sidebars, then a partner types into both rows. */
function typedPlan(zone: string, typed: Typed): { ws: Workspace; addon: Addon } {
  const { ws, addon } = loadAddon({ spreadsheetTimeZone: zone });
  setUp(addon);
  addGoalAndOutcome(addon, 'A goal');
  for (const [key, text] of Object.entries(typed.goal))
    addon.userEdit('Goals', 2, columnOf(ws, 'Goals', columnByKey(GOALS_TAB, key).header), text);
  for (const [key, text] of Object.entries(typed.outcome))
    addon.userEdit(
      'Outcomes',
      2,
      columnOf(ws, 'Outcomes', columnByKey(OUTCOMES_TAB, key).header),
      text,
    );
  return { ws, addon };
}

const state = (ws: Workspace) => JSON.stringify(ws.toJSON().spreadsheet);

/** The loaded outcome's fields as a sidebar sends them back untouched. */
const outcomeFields = (o: OutcomeDraft) => ({
  term: o.term,
  outcome: o.outcome,
  indicator: o.indicator,
  baseline: o.baseline,
  target: o.target,
  targetDate: o.targetDate,
});

const goalFields = (g: GoalView) => ({
  goal: g.goal,
  priority: g.priority,
  problem: g.problem,
  owner: g.owner,
  status: g.status,
});

function loaded(addon: Addon): { goal: GoalView; outcome: OutcomeView; draft: OutcomeDraft } {
  const form = sidebarCall(addon, 'getGoalsForm');
  const draft = sidebarCall(addon, 'getLogicModelDraft', 'G1').outcomes[0];
  return { goal: form.goals[0], outcome: form.outcomes[0], draft };
}

describe('sidebars load every cell as typed', () => {
  it('a save of what was loaded, untouched, is refused nowhere and changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), typedCells, (zone, typed) => {
        const { ws, addon } = typedPlan(zone, typed);
        const before = state(ws);
        const { goal, outcome, draft } = loaded(addon);
        // Both sidebars show the outcome the same way.
        expect(outcomeFields(draft)).toEqual(outcomeFields(outcome));
        const savedGoal = sidebarCall(addon, 'saveGoal', {
          ...goalFields(goal),
          goalId: 'G1',
          loaded: goalFields(goal),
        });
        const savedOutcome = sidebarCall(addon, 'saveOutcome', {
          ...outcomeFields(outcome),
          goalId: 'G1',
          outcomeId: 'O1',
          loaded: outcomeFields(outcome),
        });
        const details = sidebarCall(addon, 'getLogicModelDraft', 'G1').details;
        const savedDetails = sidebarCall(addon, 'saveGoalDetails', {
          goalId: 'G1',
          ...details,
          loaded: details,
        });
        for (const saved of [savedGoal, savedOutcome, savedDetails])
          expect(saved.conflicts ?? []).toEqual([]);
        expect(savedDetails.saved).toEqual([]);
        expect(state(ws)).toBe(before);
      }),
      { numRuns: 8 },
    );
  });

  it('shows a term or date that is not one as typed, with a sentence, and lets the coordinator fix it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), typedCells, (zone, typed) => {
        const { ws, addon } = typedPlan(zone, {
          ...typed,
          outcome: { ...typed.outcome, term: 'short', targetDate: 'next spring' },
          goal: { ...typed.goal, priority: 'urgent', owner: 'the library' },
        });
        const { goal, outcome } = loaded(addon);
        expect(outcome.term).toBe('short');
        expect(outcome.problems?.term).toMatch(/^Term “short” is not one of Short term, /);
        expect(outcome.targetDate).toBe('next spring');
        expect(outcome.problems?.targetDate).toMatch(/^Target date “next spring” is not a date/);
        expect(goal.priority).toBe('urgent');
        expect(goal.problems?.priority).toMatch(/^Priority “urgent” is not one of/);
        expect(goal.problems?.owner).toMatch(/“the library” is not on the Partners tab/);
        // The coordinator picks a term and a date; the other fields stay as the partner typed them.
        const saved = sidebarCall(addon, 'saveOutcome', {
          ...outcomeFields(outcome),
          term: 'Medium term',
          targetDate: '2028-06-30',
          goalId: 'G1',
          outcomeId: 'O1',
          loaded: outcomeFields(outcome),
        });
        expect(saved.conflicts ?? []).toEqual([]);
        const after = loaded(addon).outcome;
        expect(after).toMatchObject({
          ...outcomeFields(outcome),
          term: 'Medium term',
          targetDate: '2028-06-30',
        });
        expect(after.problems).toBeUndefined();
        const termCell = columnOf(ws, 'Outcomes', 'Term');
        expect(ws.sheets.table('Outcomes')[1][termCell - 1]).toBe('Medium term');
      }),
      { numRuns: 6 },
    );
  });

  it('still refuses a term the coordinator typed that is none, and says which', () => {
    const { addon } = typedPlan('Europe/Berlin', {
      goal: { goal: 'A goal' },
      outcome: { term: 'short' },
    });
    const { outcome } = loaded(addon);
    expect(() =>
      sidebarCall(addon, 'saveOutcome', {
        ...outcomeFields(outcome),
        term: 'shortish',
        goalId: 'G1',
        outcomeId: 'O1',
        loaded: outcomeFields(outcome),
      }),
    ).toThrow(/Term must be one of: Short term, Medium term, Long term/);
  });
});
