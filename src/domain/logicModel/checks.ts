// The check report: one pure function per rule, each naming the tab and 1-based row to fix.
import type { CheckItem } from '../../shared/logicModelWire';
import { indexById, isLiveActivity, partnerKey, placeActivity } from './assemble';
import type { ActivityEntity, GoalEntity, LogicModel, OutcomeEntity, RowRef } from './types';

const short = (text: string) => (text.length > 60 ? `“${text.slice(0, 57)}…”` : `“${text}”`);
const named = (id: string, text: string) => (id ? `${id} ${short(text)}` : short(text));
const item = (
  rule: CheckItem['rule'],
  goalId: string | null,
  at: RowRef,
  message: string,
): CheckItem => ({ rule, goalId, tab: at.tab, row: at.row, message });

/** Goals with no outcome: a goal nobody can measure progress on. */
export function goalsWithoutOutcome(model: LogicModel): CheckItem[] {
  return model.goals
    .filter((g) => g.goal.id && Object.values(g.outcomes).every((list) => list.length === 0))
    .map((g) =>
      item(
        'goalWithoutOutcome',
        g.goal.id,
        g.goal.at,
        `Goal ${named(g.goal.id, g.goal.label)} has no outcome: add one in the Outcomes tab linked to ${g.goal.id}.`,
      ),
    );
}

/** Outcomes of a goal that no live activity serves (an activity linked to the goal only serves none). */
export function outcomesWithoutActivity(model: LogicModel): CheckItem[] {
  const served = new Set(model.goals.flatMap((g) => g.activities.map((a) => a.outcome.id)));
  return model.goals.flatMap((g) =>
    Object.values(g.outcomes)
      .flat()
      .filter((o) => !o.id || !served.has(o.id))
      .map((o) =>
        item(
          'outcomeWithoutActivity',
          g.goal.id,
          o.at,
          `Outcome ${named(o.id, o.text)} has no activity: link a Calendar activity to it (Linked outcome) or add one.`,
        ),
      ),
  );
}

/** A Draft row (the add-on's own drafts from asset-map gaps among them): planned later, not wrong. */
export const isDraft = (a: ActivityEntity) => a.status.trim().toLowerCase() === 'draft';

/** Activities in a goal's model that serve no existing outcome of it (drafts are suggestions). */
export function activitiesWithoutOutcome(model: LogicModel): CheckItem[] {
  const outcomes = indexById(model.entities.outcomes);
  return model.goals.flatMap((g) =>
    g.activities
      .filter((a) => !isDraft(a) && (!a.outcome.id || !outcomes.has(a.outcome.id)))
      .map((a) =>
        item(
          'activityWithoutOutcome',
          g.goal.id,
          a.at,
          `Activity ${short(a.title)} is linked to goal ${g.goal.id} but to no outcome: pick the outcome it serves in Linked outcome.`,
        ),
      ),
  );
}

/**
 * Drafts linked to a goal but to none of its outcomes yet: a suggestion, not a mistake — a draft
 * (the add-on makes one for each asset-map gap) is tied to its outcome when it is planned.
 */
export function draftsWithoutOutcome(model: LogicModel): CheckItem[] {
  const outcomes = indexById(model.entities.outcomes);
  return model.goals.flatMap((g) =>
    g.activities
      .filter((a) => isDraft(a) && (!a.outcome.id || !outcomes.has(a.outcome.id)))
      .map((a) =>
        item(
          'draftWithoutOutcome',
          g.goal.id,
          a.at,
          `Draft ${short(a.title)} serves goal ${g.goal.id}; when you plan it, pick the outcome it serves in Linked outcome.`,
        ),
      ),
  );
}

/**
 * An indicator is measurable when it has the indicator itself, a baseline, a target and a target
 * date that reads as a date: anything missing is named.
 */
export function unmeasurableIndicators(model: LogicModel): CheckItem[] {
  const goals = indexById(model.entities.goals);
  return model.entities.outcomes.flatMap((o) => {
    const missing = [
      !o.indicator && 'no indicator',
      !o.baseline && 'no baseline',
      !o.target && 'no target',
      !o.targetDate && !o.targetDateProblem && 'no target date',
    ].filter((m): m is string => Boolean(m));
    if (o.targetDateProblem) missing.push(o.targetDateProblem.replace(/\.$/, ''));
    if (missing.length === 0) return [];
    const goalId = o.goal.id && goals.has(o.goal.id) ? o.goal.id : null;
    return [
      item(
        'unmeasurableIndicator',
        goalId,
        o.at,
        `Outcome ${named(o.id, o.text)} is not measurable yet: ${missing.join(', ')}.`,
      ),
    ];
  });
}

/**
 * Inputs no activity uses: an asset (Assessments, kind Asset) linked to a goal whose partner neither
 * leads nor takes part in any live activity of that goal. Assets with no partner (community assets)
 * and typed resources are never flagged: nobody in the Calendar could be said to bring them.
 */
export function unusedInputs(model: LogicModel): CheckItem[] {
  return model.goals.flatMap((g) => {
    const involved = new Set(
      g.activities.flatMap((a) => [a.lead, ...a.participants].map(partnerKey)),
    );
    return g.inputs
      .filter((i) => i.kind === 'asset' && i.partner && !involved.has(partnerKey(i.partner)))
      .map((i) =>
        item(
          'unusedInput',
          g.goal.id,
          i.at,
          `${i.partner} brings ${short(i.description)} to goal ${g.goal.id}, but leads or joins none of its activities: add them to an activity, or unlink the asset.`,
        ),
      );
  });
}

function linkProblem(
  what: string,
  link: { id: string | null; raw: string },
  exists: (id: string) => boolean,
  kind: string,
): string | null {
  if (!link.raw) return null;
  if (!link.id)
    return `${what} ${short(link.raw)} is not a ${kind} reference: pick one from the list.`;
  if (!exists(link.id))
    return `${what} points to ${kind} ${link.id}, which no longer exists: pick another ${kind}.`;
  return null;
}

function activityLinkProblems(
  a: ActivityEntity,
  goals: Map<string, GoalEntity>,
  outcomes: Map<string, OutcomeEntity>,
): CheckItem[] {
  if (!isLiveActivity(a)) return [];
  const placed = placeActivity(a, goals, outcomes);
  const problems = [
    linkProblem(`Activity ${short(a.title)}: Linked goal`, a.goal, (id) => goals.has(id), 'goal'),
    linkProblem(
      `Activity ${short(a.title)}: Linked outcome`,
      a.outcome,
      (id) => outcomes.has(id),
      'outcome',
    ),
  ];
  // Only two real goals can disagree; an outcome with a broken goal is reported on its own row.
  const outcomeGoal = placed.outcome?.goal.id;
  if (
    outcomeGoal &&
    goals.has(outcomeGoal) &&
    a.goal.id &&
    goals.has(a.goal.id) &&
    outcomeGoal !== a.goal.id
  ) {
    problems.push(
      `Activity ${short(a.title)} is linked to goal ${a.goal.id} but its outcome ${a.outcome.id} belongs to ${outcomeGoal}: the outcome wins; fix Linked goal.`,
    );
  }
  return problems
    .filter((m): m is string => m !== null)
    .map((m) => item('brokenLink', placed.goalId, a.at, m));
}

/**
 * Links that lead nowhere: a reference to a deleted goal or outcome, a cell that is not a reference,
 * an outcome with no goal, an activity whose goal and outcome disagree, and rows that cannot be
 * linked to (no ID, or an ID copied from another row).
 */
export function brokenLinks(model: LogicModel): CheckItem[] {
  const { entities } = model;
  const goals = indexById(entities.goals);
  const outcomes = indexById(entities.outcomes);
  const goalExists = (id: string) => goals.has(id);
  const items: CheckItem[] = [];
  for (const problem of entities.rowProblems) {
    items.push(
      item(
        'brokenLink',
        null,
        problem.at,
        problem.kind === 'noId'
          ? `This row has no ${problem.idLabel}, so nothing can link to it: run set-up to give it one.`
          : `This row repeats ${problem.idLabel} ${problem.id} of row ${problem.firstRow} (a copied row?): links go to row ${problem.firstRow}; clear this ID so the row gets its own.`,
      ),
    );
  }
  for (const o of entities.outcomes) {
    const message = o.goal.raw
      ? linkProblem(`Outcome ${named(o.id, o.text)}: Goal`, o.goal, goalExists, 'goal')
      : `Outcome ${named(o.id, o.text)} belongs to no goal: pick its goal.`;
    if (message) items.push(item('brokenLink', null, o.at, message));
  }
  for (const a of entities.activities) items.push(...activityLinkProblems(a, goals, outcomes));
  for (const f of entities.findings) {
    const message = linkProblem(
      `${f.kind} ${short(f.description)}: Linked goal`,
      f.goal,
      goalExists,
      'goal',
    );
    if (message) items.push(item('brokenLink', null, f.at, message));
  }
  return items;
}

export const CHECK_RULES = [
  goalsWithoutOutcome,
  outcomesWithoutActivity,
  activitiesWithoutOutcome,
  draftsWithoutOutcome,
  unmeasurableIndicators,
  unusedInputs,
  brokenLinks,
] as const;

export const CHECK_TITLES: Record<CheckItem['rule'], string> = {
  goalWithoutOutcome: 'Goal with no outcome',
  outcomeWithoutActivity: 'Outcome no activity serves',
  activityWithoutOutcome: 'Activity tied to no outcome',
  draftWithoutOutcome: 'Draft, not yet tied to an outcome (a suggestion)',
  unmeasurableIndicator: 'Indicator not measurable',
  unusedInput: 'Input no activity uses',
  brokenLink: 'Broken link',
};

/** Rules whose items suggest rather than ask for a fix. */
export const SUGGESTION_RULES: ReadonlySet<CheckItem['rule']> = new Set(['draftWithoutOutcome']);

/** Every rule's items, in rule order, each rule's items in sheet order. */
export function checkLogicModel(model: LogicModel): CheckItem[] {
  return CHECK_RULES.flatMap((rule) => rule(model));
}
