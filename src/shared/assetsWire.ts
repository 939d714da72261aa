// Wire types of the assessments sidebar and the asset map: JSON-shaped, shared by server and sidebar.
import type { FindingKind, FindingSource } from '../domain/assets/model';
import type { Priority } from '../domain/schema/columns';
import type { DataSource } from '../domain/schema/tabs';

/** What the sidebar needs to offer choices that the asset map will accept. */
export interface AssessmentForm {
  partners: Array<{ id: string; name: string }>;
  categories: Array<{ name: string; kind: string; description: string }>;
  goals: Array<{ id: string; label: string }>;
  kinds: FindingKind[];
  priorities: Priority[];
  dataSources: DataSource[];
  /** Why some choice lists may be empty (e.g. no partners yet), in plain words. */
  notes: string[];
}

/** One finding typed into the sidebar: a partner's asset or need, or a community finding. */
export interface FindingInput {
  /** '' while nothing is chosen: the server then says what to choose. */
  source: FindingSource | '';
  /** The organisation's name (organisational findings), or who gathered it (optional for community). */
  partner: string;
  kind: FindingKind | '';
  category: string;
  description: string;
  evidence: string;
  dataSource: DataSource | '';
  population: string;
  priority: Priority | '';
  /** A goal ID (G1) or ''. */
  goalId: string;
}

export interface AddFindingResult {
  id: string;
  row: number;
  message: string;
}

export interface MatchWire {
  needRef: string;
  need: string;
  neededBy: string;
  category: string;
  priority: string;
  assetRef: string;
  asset: string;
  offeredBy: string;
  contact: string;
  /** "Call … at … about …": what to do next, in one sentence. */
  action: string;
}

export interface GapWire {
  /** The finding's ID (F12), or "row 14" while it has none: what addGapActivity takes. */
  findingId: string;
  need: string;
  neededBy: string;
  category: string;
  priority: string;
  goal: string;
  communityLeads: string[];
  /** The Calendar activity already added for this gap, if any. */
  activity: { id: string; row: number; title: string; status: string } | null;
}

export interface ProblemWire {
  tab: string;
  row: number | null;
  message: string;
  effect: string;
}

export interface AssetMapSummary {
  sheetName: string;
  counts: {
    partners: number;
    findings: number;
    assets: number;
    needs: number;
    matches: number;
    needsMatched: number;
    gaps: number;
    problems: number;
  };
  partnersWithoutFindings: string[];
  matches: MatchWire[];
  gaps: GapWire[];
  problems: ProblemWire[];
  /** One sentence naming the tab and the counts, for a toast or the sidebar's status line. */
  message: string;
}

export interface GapActivityResult {
  created: boolean;
  activityId: string;
  row: number;
  title: string;
  message: string;
}
