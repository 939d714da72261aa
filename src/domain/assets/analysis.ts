// Everything the asset map shows, computed from one read of each source tab.
import { ASSESSMENTS_TAB } from '../schema/tabs';
import type { RawTab, TableRecord } from '../table/records';
import type { SheetDates } from '../time/cellText';
import { readCategories, readGoals, readPartners } from './directory';
import { type FindingContext, readFindings } from './findings';
import { plannedActivities } from './gapActivity';
import { matchNeeds } from './matching';
import { type AssetMatrix, buildMatrix } from './matrix';
import type {
  CategoryEntry,
  DataProblem,
  Finding,
  Gap,
  Match,
  PartnerEntry,
  PlannedActivity,
} from './model';

/** The source tabs as read by the adapter: null where a tab does not exist. */
export interface AssetMapSources {
  partners: readonly TableRecord[] | null;
  assessments: { raw: RawTab; records: readonly TableRecord[] } | null;
  categories: readonly TableRecord[] | null;
  goals: readonly TableRecord[] | null;
  calendar: readonly TableRecord[] | null;
  /** The Partners and Categories tabs' names now (partners may rename tabs): problems name them. */
  tabNames?: { partners?: string; categories?: string };
  /** The spreadsheet's zone and its oracle: dates quoted in text read as the sheet shows them. */
  dates: SheetDates;
}

export interface AssetMapAnalysis {
  /** What findings were checked against (the sidebar checks new findings against the same). */
  context: FindingContext;
  partners: PartnerEntry[];
  categories: CategoryEntry[];
  findings: Finding[];
  problems: DataProblem[];
  /** The matches listed: each need's first few offers (see `matchNeeds`). */
  matches: Match[];
  /** Every need–asset pair, listed or not. */
  matchCount: number;
  /** How many offers each covered need has in all. */
  offerCount: Map<Finding, number>;
  gaps: Gap[];
  coveredNeeds: Finding[];
  matrix: AssetMatrix;
  /** Calendar activities already added for gaps, by the gap's finding ref. */
  planned: Map<string, PlannedActivity>;
  partnersWithoutFindings: string[];
}

const emptyAssessments = (): { raw: RawTab; records: TableRecord[] } => ({
  raw: { sheetName: ASSESSMENTS_TAB.name, headerRow: 1, headers: [], metadataKeys: [], rows: [] },
  records: [],
});

export function analyseAssessments(sources: AssetMapSources): AssetMapAnalysis {
  const partners = readPartners(sources.partners ?? [], sources.tabNames?.partners);
  const categories = readCategories(sources.categories, sources.tabNames?.categories);
  const goals = readGoals(sources.goals);
  const assessments = sources.assessments ?? emptyAssessments();
  const context: FindingContext = {
    partners: partners.entries,
    categories: categories.entries,
    goals,
    goalsKnown: sources.goals !== null,
    dates: sources.dates,
  };
  const read = readFindings(assessments.raw, assessments.records, context);
  const { matches, matchCount, offerCount, gaps, coveredNeeds } = matchNeeds(read.findings);
  const matrix = buildMatrix(read.findings, partners.entries, categories.entries, gaps);
  const withFindings = new Set(
    read.findings.filter((f) => f.source === 'Organisational').map((f) => f.partner?.name),
  );
  return {
    context,
    partners: partners.entries,
    categories: categories.entries,
    findings: read.findings,
    problems: [...read.problems, ...partners.problems, ...categories.problems],
    matches,
    matchCount,
    offerCount,
    gaps,
    coveredNeeds,
    matrix,
    planned: plannedActivities(
      gaps.map((g) => g.need),
      sources.calendar ?? [],
    ),
    partnersWithoutFindings: partners.entries
      .filter((p) => !withFindings.has(p.name))
      .map((p) => p.name),
  };
}
