// From the plan's rows to the Logic Model tab and its summary, in one pure step.

import type { CheckItem, LogicModelSummary } from '../../shared/logicModelWire';
import { plural } from '../../shared/plural';
import { GENERATED_TABS } from '../schema/metadata';
import { assembleLogicModel } from './assemble';
import { checkLogicModel } from './checks';
import { checksPhrase, layoutLogicModel, type TabLayout } from './layout';
import { type PlanSources, readPlanEntities } from './parse';
import type { LogicModel } from './types';

export interface LogicModelBuild {
  model: LogicModel;
  checks: CheckItem[];
  layout: TabLayout;
  summary: LogicModelSummary;
}

export function summarise(
  model: LogicModel,
  checks: CheckItem[],
  tab: string = GENERATED_TABS.logicModel,
): LogicModelSummary {
  const outcomes = model.goals.reduce((n, g) => n + Object.values(g.outcomes).flat().length, 0);
  const activities = model.goals.reduce((n, g) => n + g.activities.length, 0);
  const inputs = model.goals.reduce((n, g) => n + g.inputs.length, 0);
  const phrase = checksPhrase(checks);
  const toFix = checks.length
    ? `${phrase[0].toUpperCase()}${phrase.slice(1)}: see the check report at the bottom of the tab.`
    : 'Nothing to fix.';
  return {
    tab,
    goals: model.goals.length,
    outcomes,
    activities,
    inputs,
    unlinkedActivities: model.unlinkedActivities.length,
    checks,
    message: `${tab} tab built: ${plural(model.goals.length, 'goal')}, ${plural(outcomes, 'outcome')}, ${plural(activities, 'activity', 'activities')}. ${toFix}`,
  };
}

export function buildLogicModelTab(sources: PlanSources, planName: string): LogicModelBuild {
  const model = assembleLogicModel(readPlanEntities(sources));
  const checks = checkLogicModel(model);
  return {
    model,
    checks,
    layout: layoutLogicModel(model, checks, planName),
    summary: summarise(model, checks),
  };
}
