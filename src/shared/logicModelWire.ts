// Wire types of the logic model builder: what buildLogicModel returns and what its sidebar sends and receives.
import type { ActivityType, OutcomeTerm } from '../domain/schema/tabs';

/** The check report's rules, one function each in src/domain/logicModel/checks.ts. */
export type CheckRule =
  | 'goalWithoutOutcome'
  | 'outcomeWithoutActivity'
  | 'activityWithoutOutcome'
  | 'draftWithoutOutcome'
  | 'unmeasurableIndicator'
  | 'unusedInput'
  | 'brokenLink';

/** One thing to fix, naming the tab and the 1-based row where to fix it. */
export interface CheckItem {
  rule: CheckRule;
  /** The goal whose model the item concerns, or null when the row belongs to no goal. */
  goalId: string | null;
  tab: string;
  row: number;
  message: string;
}

/** What buildLogicModel returns (and the sidebar shows after a build). */
export interface LogicModelSummary {
  tab: string;
  goals: number;
  outcomes: number;
  activities: number;
  inputs: number;
  /** Calendar rows linked to no goal or outcome: not part of the model (meetings, deadlines). */
  unlinkedActivities: number;
  checks: CheckItem[];
  message: string;
}

export interface GoalChoice {
  id: string;
  label: string;
  row: number;
}

export interface OutcomeDraft {
  id: string;
  row: number;
  /** The term as its option spells it; '' when empty; the cell as typed when it is no term (see problems). */
  term: OutcomeTerm | '' | (string & {});
  outcome: string;
  indicator: string;
  baseline: string;
  target: string;
  /** yyyy-mm-dd, or the cell as typed when it is not a date. */
  targetDate: string;
  /** A sentence for each cell that is not what its column expects ("short" is no term), by field. */
  problems?: Partial<Record<'term' | 'targetDate', string>>;
}

export interface ActivityDraft {
  id: string;
  row: number;
  title: string;
  lead: string;
  participants: string;
  output: string;
  status: string;
  /** The outcome it serves, or '' when it is linked to the goal only. */
  outcomeId: string;
}

export interface InputDraft {
  kind: 'asset' | 'partner' | 'resource';
  text: string;
  tab: string;
  row: number;
}

/** The goal's own cells the sidebar edits, as they are in the sheet. */
export interface GoalDetails {
  problem: string;
  impact: string;
  inputs: string;
  assumptions: string;
  externalFactors: string;
}

export type GoalField = keyof GoalDetails;

/** Everything the logic-model sidebar shows for one goal, pre-filled. */
export interface LogicModelDraft {
  goals: GoalChoice[];
  /** The goal shown, or null when the plan has no goal yet. */
  goal: (GoalChoice & { tab: string }) | null;
  details: GoalDetails;
  /** The problem statement the linked needs suggest ('' when there are none). */
  problemSuggestion: string;
  needs: string[];
  inputs: InputDraft[];
  activities: ActivityDraft[];
  outcomes: OutcomeDraft[];
  checks: CheckItem[];
  /** Partner names for the lead and participant pickers. */
  partners: string[];
  outcomeTerms: OutcomeTerm[];
  activityTypes: ActivityType[];
}

export interface SaveGoalDetailsRequest extends Partial<GoalDetails> {
  goalId: string;
  /** The values the sidebar loaded: a cell someone else changed since is not overwritten. */
  loaded?: Partial<GoalDetails>;
}

export interface SaveResult {
  tab: string;
  row: number;
  /** The fields written; unchanged ones are not written again. */
  saved: string[];
  /** Fields not written because someone changed the cell since the sidebar loaded it. */
  conflicts: string[];
  message: string;
}

/** The outcome cells the sidebar edits. */
export type OutcomeFields = Pick<
  OutcomeDraft,
  'term' | 'outcome' | 'indicator' | 'baseline' | 'target' | 'targetDate'
>;

export interface SaveOutcomeRequest extends OutcomeFields {
  goalId: string;
  /** Empty or absent for a new outcome. */
  outcomeId?: string;
  /** The values the sidebar loaded: a cell someone else changed since is not overwritten. */
  loaded?: Partial<OutcomeFields>;
}

export interface AddActivityRequest {
  goalId: string;
  /** The outcome it serves; empty links it to the goal only. */
  outcomeId: string;
  title: string;
  type?: ActivityType | '';
  /** yyyy-mm-dd, optional: a Draft activity is not synced until it has a date. */
  startDate?: string;
  lead?: string;
  participants?: string;
  output?: string;
}

export interface SaveRowResult {
  id: string;
  tab: string;
  row: number;
  created: boolean;
  /** Fields not written because someone changed the cell since the sidebar loaded it. */
  conflicts?: string[];
  message: string;
}
