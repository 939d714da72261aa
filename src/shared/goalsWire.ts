// Wire types of the goals sidebar and the dashboard: goals, their outcomes, progress and the dashboard's summary.
import type { Priority } from '../domain/schema/columns';
import type { GoalStatus, OutcomeTerm } from '../domain/schema/tabs';
import type { OutcomeDraft } from './logicModelWire';

/** A goal's cells the goals sidebar edits. */
export interface GoalFields {
  goal: string;
  /** As its option spells it, '' when empty, or the cell as typed when it is no priority. */
  priority: Priority | '' | (string & {});
  /** Why it matters: written to the goal's Problem statement (the need it answers). */
  problem: string;
  /** An organisation of the Partners tab, or ''. */
  owner: string;
  /** As its option spells it, '' when empty, or the cell as typed when it is no status. */
  status: GoalStatus | '' | (string & {});
}

export interface GoalView extends GoalFields {
  id: string;
  row: number;
  /** A sentence for each cell the sidebar cannot offer as it is (a priority, status or owner typed in the sheet). */
  problems?: Partial<Record<'priority' | 'status' | 'owner', string>>;
}

/** An outcome as the goals sidebar shows it, with what has been measured so far. */
export interface OutcomeView extends OutcomeDraft {
  goalId: string;
  /** How many measurements the Progress tab holds for it. */
  measurements: number;
  /** The latest measured value as typed, '' when none. */
  latestValue: string;
  /** The day of the latest measurement as the sheet's cells write dates (its locale), '' when none. */
  latestDate: string;
}

export interface GoalsForm {
  goalsTab: string;
  goals: GoalView[];
  outcomes: OutcomeView[];
  partners: string[];
  /** Partners with an ID, for the brief's picker. */
  partnerIds: { id: string; name: string }[];
  priorities: Priority[];
  statuses: GoalStatus[];
  outcomeTerms: OutcomeTerm[];
  /** False until set-up has made the Progress tab (older plans: run Check and repair). */
  hasProgressTab: boolean;
}

export interface SaveGoalRequest extends GoalFields {
  /** Empty or absent for a new goal. */
  goalId?: string;
  /** The values the sidebar loaded: a cell someone else changed since is not overwritten. */
  loaded?: Partial<GoalFields>;
}

export interface RecordProgressRequest {
  outcomeId: string;
  /** yyyy-mm-dd (a date input) or a typed date. */
  date: string;
  /** A number as people write it: 45, 45%, 1,200. */
  value: string;
  note: string;
}

/** What buildDashboard returns (and the sidebar shows). */
export interface DashboardSummary {
  tab: string;
  /** yyyy-mm-dd in the spreadsheet's zone. */
  today: string;
  /** The partnership in words, as on the tab's second row. */
  summary: string;
  overdue: number;
  upcoming: number;
  silentPartners: string[];
  indicators: { outcomeId: string; latest: number | null; verdict: string }[];
  message: string;
}

/** What buildPartnerBriefs returns: the tab of each partner's brief. */
export interface BriefSummary {
  tabs: { partnerId: string; partner: string; tab: string }[];
  message: string;
}
