// What the logic-model sidebar shows for one goal: the model's pieces as plain wire data, pre-filled.
import type {
  ActivityDraft,
  CheckItem,
  LogicModelDraft,
  OutcomeDraft,
} from '../../shared/logicModelWire';
import { OUTCOME_TERMS } from '../schema/tabs';
import type { ActivityEntity, GoalModel, LogicModel, OutcomeEntity } from './types';

/** An outcome as the sidebars edit it (the logic-model and goals sidebars alike). */
export const outcomeDraft = (o: OutcomeEntity): OutcomeDraft => ({
  id: o.id,
  row: o.at.row,
  term: o.term ?? '',
  outcome: o.text,
  indicator: o.indicator,
  baseline: o.baseline,
  target: o.target,
  targetDate: o.targetDate ?? '',
});

const activityDraft = (a: ActivityEntity, outcomeIds: Set<string>): ActivityDraft => ({
  id: a.id,
  row: a.at.row,
  title: a.title,
  lead: a.lead,
  participants: a.participants.join(', '),
  output: a.output,
  status: a.status,
  outcomeId: a.outcome.id && outcomeIds.has(a.outcome.id) ? a.outcome.id : '',
});

function goalOutcomes(g: GoalModel): OutcomeEntity[] {
  return [...OUTCOME_TERMS.flatMap((t) => g.outcomes[t]), ...g.outcomesWithoutTerm];
}

export function toDraft(
  model: LogicModel,
  checks: readonly CheckItem[],
  goalId: string | null,
  partners: string[],
  lists: Pick<LogicModelDraft, 'outcomeTerms' | 'activityTypes'>,
): LogicModelDraft {
  const linkable = model.goals.filter((g) => g.goal.id);
  const wanted = goalId?.trim().toUpperCase();
  const chosen = linkable.find((g) => g.goal.id === wanted) ?? linkable[0] ?? null;
  const goals = linkable.map((g) => ({ id: g.goal.id, label: g.goal.label, row: g.goal.at.row }));
  if (!chosen) {
    return {
      goals,
      goal: null,
      details: { problem: '', impact: '', inputs: '', assumptions: '', externalFactors: '' },
      problemSuggestion: '',
      needs: [],
      inputs: [],
      activities: [],
      outcomes: [],
      checks: [...checks],
      partners,
      ...lists,
    };
  }
  const { goal } = chosen;
  const outcomes = goalOutcomes(chosen);
  const outcomeIds = new Set(outcomes.map((o) => o.id).filter(Boolean));
  return {
    goals,
    goal: { id: goal.id, label: goal.label, row: goal.at.row, tab: goal.at.tab },
    details: {
      problem: goal.problem,
      impact: goal.impact,
      inputs: goal.inputs,
      assumptions: goal.assumptions,
      externalFactors: goal.externalFactors,
    },
    problemSuggestion: chosen.needsSummary,
    needs: chosen.needs.map((n) =>
      n.evidence ? `${n.description} (${n.evidence})` : n.description,
    ),
    inputs: chosen.inputs.map((i) => ({
      kind: i.kind,
      text: i.text,
      tab: i.at.tab,
      row: i.at.row,
    })),
    activities: chosen.activities.map((a) => activityDraft(a, outcomeIds)),
    outcomes: outcomes.map(outcomeDraft),
    checks: checks.filter((c) => c.goalId === goal.id),
    partners,
    ...lists,
  };
}
