// Assembles each goal's logic model from the plan's entities: pure, so the tab and the sidebar share it.
import { OUTCOME_TERMS } from '../schema/tabs';
import type {
  ActivityEntity,
  FindingEntity,
  GoalEntity,
  GoalModel,
  InputItem,
  LogicModel,
  OutcomeEntity,
  OutcomeTerm,
  PlanEntities,
} from './types';

/** Partner names are typed by hand: compare them without case or extra spaces. */
export const partnerKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** First row of each ID wins (a copied row keeps the ID; the copy is reported, not linked to). */
export function indexById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (item.id && !map.has(item.id)) map.set(item.id, item);
  return map;
}

/** A cancelled activity serves nothing: it stays in the Calendar tab but leaves the model. */
export const isLiveActivity = (a: ActivityEntity) => a.status !== 'Cancelled';

/**
 * Where an activity belongs. Its outcome decides when the outcome exists (the outcome's goal is the
 * activity's goal, whatever the goal cell says); otherwise its goal link; otherwise nowhere.
 */
export function placeActivity(
  activity: ActivityEntity,
  goals: Map<string, GoalEntity>,
  outcomes: Map<string, OutcomeEntity>,
): { goalId: string | null; outcome: OutcomeEntity | null } {
  const outcome = activity.outcome.id ? (outcomes.get(activity.outcome.id) ?? null) : null;
  if (outcome?.goal.id && goals.has(outcome.goal.id)) return { goalId: outcome.goal.id, outcome };
  if (activity.goal.id && goals.has(activity.goal.id)) return { goalId: activity.goal.id, outcome };
  return { goalId: null, outcome };
}

const PRIORITY_ORDER = ['high', 'medium', 'low'];
const priorityRank = (p: string) => {
  const i = PRIORITY_ORDER.indexOf(p.toLowerCase());
  return i < 0 ? PRIORITY_ORDER.length : i;
};

/** Needs quoted in a suggested problem statement; the rest are counted (a goal may gather hundreds). */
const QUOTED_NEEDS = 12;

/** The problem statement suggested by the needs linked to a goal: most pressing first, evidence kept. */
export function summariseNeeds(needs: readonly FindingEntity[]): string {
  const sorted = [...needs].sort(
    (a, b) => priorityRank(a.priority) - priorityRank(b.priority) || a.at.row - b.at.row,
  );
  const parts = sorted
    .map((n) => {
      const text = n.description.replace(/[.\s]+$/, '');
      return n.evidence ? `${text} (${n.evidence.replace(/[.\s]+$/, '')})` : text;
    })
    .filter(Boolean);
  if (parts.length === 0) return '';
  const more = parts.length - QUOTED_NEEDS;
  if (more <= 0) return `${parts.join('; ')}.`;
  const rest = more === 1 ? '1 more need' : `${more.toLocaleString('en-US')} more needs`;
  return `${parts.slice(0, QUOTED_NEEDS).join('; ')}; and ${rest} linked to this goal (Assessments tab).`;
}

/** Typed resources: one per line or per semicolon (commas stay, "staff, volunteers" is one resource). */
export function splitResources(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function goalInputs(
  goal: GoalEntity,
  assets: readonly FindingEntity[],
  activities: readonly ActivityEntity[],
): InputItem[] {
  const inputs: InputItem[] = assets.map((a) => ({
    kind: 'asset',
    text: a.partner ? `${a.partner}: ${a.description}` : a.description,
    partner: a.partner,
    description: a.description,
    at: a.at,
  }));
  const named = new Set(assets.map((a) => partnerKey(a.partner)).filter(Boolean));
  for (const activity of activities) {
    for (const partner of [activity.lead, ...activity.participants]) {
      const key = partnerKey(partner);
      if (!key || named.has(key)) continue;
      named.add(key);
      inputs.push({
        kind: 'partner',
        text: partner,
        partner,
        description: partner,
        at: activity.at,
      });
    }
  }
  for (const resource of splitResources(goal.inputs)) {
    inputs.push({
      kind: 'resource',
      text: resource,
      partner: '',
      description: resource,
      at: goal.at,
    });
  }
  return inputs;
}

function byTerm(outcomes: readonly OutcomeEntity[]): Record<OutcomeTerm, OutcomeEntity[]> {
  const terms = {} as Record<OutcomeTerm, OutcomeEntity[]>;
  for (const term of OUTCOME_TERMS) terms[term] = outcomes.filter((o) => o.term === term);
  return terms;
}

export function assembleGoal(goal: GoalEntity, entities: PlanEntities): GoalModel {
  const goals = indexById(entities.goals);
  const outcomesById = indexById(entities.outcomes);
  const isThisGoal = goal.id !== '' && goals.get(goal.id) === goal;
  const outcomes = isThisGoal ? entities.outcomes.filter((o) => o.goal.id === goal.id) : [];
  const activities = isThisGoal
    ? entities.activities.filter(
        (a) => isLiveActivity(a) && placeActivity(a, goals, outcomesById).goalId === goal.id,
      )
    : [];
  const linked = (f: FindingEntity) => isThisGoal && f.goal.id === goal.id;
  const needs = entities.findings.filter((f) => f.kind === 'Need' && linked(f));
  const assets = entities.findings.filter((f) => f.kind === 'Asset' && linked(f));
  const needsSummary = summariseNeeds(needs);
  return {
    goal,
    problem: goal.problem || needsSummary,
    problemFromNeeds: !goal.problem && needsSummary !== '',
    needsSummary,
    needs,
    inputs: goalInputs(goal, assets, activities),
    activities,
    outcomes: byTerm(outcomes),
    outcomesWithoutTerm: outcomes.filter((o) => o.term === null),
  };
}

/** Every goal's model, in the Goals tab's order. */
export function assembleLogicModel(entities: PlanEntities): LogicModel {
  return {
    goals: entities.goals.map((goal) => assembleGoal(goal, entities)),
    entities,
    unlinkedActivities: entities.activities.filter(
      (a) => isLiveActivity(a) && !a.goal.raw && !a.outcome.raw,
    ),
  };
}
