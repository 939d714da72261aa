// The logic model's vocabulary: plan rows read into entities, links by stable ID, and the assembled model.
import type { OUTCOME_TERMS } from '../schema/tabs';

export type OutcomeTerm = (typeof OUTCOME_TERMS)[number];

/** Where a value lives, so every check item can name the row to fix. */
export interface RowRef {
  /** The sheet's current name (partners may rename tabs). */
  tab: string;
  /** 1-based sheet row. */
  row: number;
}

/**
 * A reference cell ("G1 · label") as read: the ID that counts, or why it could not be used.
 * `raw` is the cell as typed, for messages.
 */
export interface Link {
  id: string | null;
  raw: string;
}

export interface GoalEntity {
  id: string;
  at: RowRef;
  label: string;
  problem: string;
  impact: string;
  inputs: string;
  assumptions: string;
  externalFactors: string;
  owner: string;
}

export interface OutcomeEntity {
  id: string;
  at: RowRef;
  goal: Link;
  /** null when the Term cell is empty or not one of the terms. */
  term: OutcomeTerm | null;
  text: string;
  indicator: string;
  baseline: string;
  target: string;
  /** ISO date (yyyy-mm-dd) or null. */
  targetDate: string | null;
  /** Why the target date could not be read, when it was typed but is not a date. */
  targetDateProblem: string | null;
  owner: string;
}

export interface ActivityEntity {
  id: string;
  at: RowRef;
  title: string;
  goal: Link;
  outcome: Link;
  lead: string;
  participants: string[];
  output: string;
  status: string;
}

export interface FindingEntity {
  id: string;
  at: RowRef;
  kind: 'Asset' | 'Need';
  partner: string;
  category: string;
  description: string;
  evidence: string;
  population: string;
  priority: string;
  goal: Link;
}

/** A row the model could not use as it is (no ID, or an ID another row already carries). */
export interface RowProblem {
  at: RowRef;
  idLabel: string;
  kind: 'noId' | 'duplicateId';
  id: string;
  /** For a duplicate: the row that keeps the ID. */
  firstRow?: number;
}

/** Everything read from the source tabs, before assembly. */
export interface PlanEntities {
  goals: GoalEntity[];
  outcomes: OutcomeEntity[];
  activities: ActivityEntity[];
  findings: FindingEntity[];
  rowProblems: RowProblem[];
}

export interface InputItem {
  kind: 'asset' | 'partner' | 'resource';
  text: string;
  /** The partner who brings it (assets and partners), '' for typed resources and community assets. */
  partner: string;
  /** The asset's description, or the text itself for partners and resources. */
  description: string;
  at: RowRef;
}

/** One goal's logic model. */
export interface GoalModel {
  goal: GoalEntity;
  /** The problem statement as typed, or the summary of linked needs when the cell is empty. */
  problem: string;
  problemFromNeeds: boolean;
  needsSummary: string;
  needs: FindingEntity[];
  inputs: InputItem[];
  /** Activities linked to one of the goal's outcomes or to the goal itself, in sheet order. */
  activities: ActivityEntity[];
  outcomes: Record<OutcomeTerm, OutcomeEntity[]>;
  /** Outcomes with no term: shown with the short-term ones, flagged in the tab. */
  outcomesWithoutTerm: OutcomeEntity[];
}

export interface LogicModel {
  goals: GoalModel[];
  entities: PlanEntities;
  /** Activities linked to neither a goal nor an outcome: partnership business, not the model. */
  unlinkedActivities: ActivityEntity[];
}
