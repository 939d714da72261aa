// The typed vocabulary of the asset map: partners, categories, goals, findings, matches, gaps, problems.
import type { CategoryKind } from '../schema/categories';
import type { Priority } from '../schema/columns';
import type { FINDING_KINDS, FINDING_SOURCES } from '../schema/tabs';

export type FindingSource = (typeof FINDING_SOURCES)[number];
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A partner as the asset map needs it: who to call about an asset. */
export interface PartnerEntry {
  id: string;
  name: string;
  contact: string;
  email: string;
  phone: string;
  row: number;
}

export interface CategoryEntry {
  name: string;
  kind: CategoryKind | '';
  description: string;
  aliases: readonly string[];
}

export interface GoalEntry {
  id: string;
  label: string;
}

/** One row of the Assessments tab, read and checked. */
export interface Finding {
  /** The finding's ID, or "row 14" while the row has none (or shares a copied ID). */
  ref: string;
  id: string | null;
  row: number;
  source: FindingSource;
  /** The partner the finding is about (organisational) or who gathered it (community). */
  partner: PartnerEntry | null;
  kind: FindingKind;
  /** The category's name as the Categories tab spells it. */
  category: string;
  description: string;
  evidence: string;
  dataSource: string;
  population: string;
  priority: Priority | null;
  goal: GoalEntry | null;
}

/**
 * What a problem does to its row: `excluded` rows are left out of matches, gaps and counts until
 * fixed; `used` rows are in the map with the bad cell ignored; `note` is advice only.
 */
export type ProblemEffect = 'excluded' | 'used' | 'note';

export interface DataProblem {
  tab: string;
  /** 1-based sheet row to fix, or null for a problem of the whole tab. */
  row: number | null;
  message: string;
  effect: ProblemEffect;
}

/** A need paired with another partner's asset in the same category: a lead to follow up. */
export interface Match {
  need: Finding;
  asset: Finding;
}

/** A need that no partner's asset covers. */
export interface Gap {
  need: Finding;
  /**
   * Community-assessment assets in the same category, not commitments but places to look: the
   * first few (COMMUNITY_LEADS_SHOWN), so a gap's cell stays short however many there are.
   */
  communityLeads: Finding[];
  /** How many community assets the category has in all. */
  communityLeadCount: number;
}

/** A Calendar activity already planned for a gap (found by the marker the add-on writes). */
export interface PlannedActivity {
  id: string;
  row: number;
  title: string;
  status: string;
}
