// Pairs each need with the assets other partners could share in its category; what is left are the gaps.
import { plural } from '../../shared/plural';
import type { Finding, Gap, Match } from './model';

const PRIORITY_RANK: Record<string, number> = { High: 0, Medium: 1, Low: 2 };
const rank = (f: Finding) => (f.priority ? PRIORITY_RANK[f.priority] : 3);

/** High before Medium before Low before no priority; then in the sheet's order. */
export function byPriority(a: Finding, b: Finding): number {
  return rank(a) - rank(b) || a.row - b.row;
}

const partnerName = (f: Finding) => f.partner?.name ?? '';

/**
 * Whether `asset` can be offered for `need`: the same category, a partner's own asset (someone to
 * call), and — for a partner's need — another partner's asset, since a partner that had it would
 * not list the need. A community need can be met by any partner, including the one who gathered it.
 */
export function canCover(asset: Finding, need: Finding): boolean {
  if (asset.kind !== 'Asset' || need.kind !== 'Need') return false;
  if (asset.category !== need.category) return false;
  if (asset.source !== 'Organisational' || !asset.partner) return false;
  if (need.source === 'Community') return true;
  return asset.partner.name !== partnerName(need);
}

export interface MatchResult {
  /**
   * The matches listed: each need's first OFFERS_SHOWN_PER_NEED offers (by the asset partner's
   * name, then row), needs ranked by priority, then row.
   */
  matches: Match[];
  /** Every need–asset pair, listed or not. */
  matchCount: number;
  /** How many offers each covered need has in all. */
  offerCount: Map<Finding, number>;
  /** Ranked by priority, then row. */
  gaps: Gap[];
  /** Needs with at least one match, in the same order. */
  coveredNeeds: Finding[];
}

/**
 * How many offers the Asset Map and the sidebar list per need. Past a handful, more partners with
 * the same kind of asset add rows without adding a lead (the matrix shows them all by category),
 * and listing every pair would make the map grow as needs × assets.
 */
export const OFFERS_SHOWN_PER_NEED = 5;

/** How many community assets a gap lists as leads (the rest are counted). */
export const COMMUNITY_LEADS_SHOWN = 5;

/** The leads a gap lists, then how many more there are, as the tab and the sidebar show them. */
export function leadLabels(gap: Gap, label: (f: Finding) => string): string[] {
  const more = gap.communityLeadCount - gap.communityLeads.length;
  const labels = gap.communityLeads.map(label);
  if (more > 0) labels.push(`And ${plural(more, 'more community asset')} in ${gap.need.category}`);
  return labels;
}

/** Findings grouped by a key, each group in the findings' order. */
function groupBy(
  findings: readonly Finding[],
  key: (f: Finding) => string,
): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(key(f));
    if (group) group.push(f);
    else groups.set(key(f), [f]);
  }
  return groups;
}

/**
 * One category's offers sorted by partner, so that a partner's own assets are one block a need
 * steps over in one jump: listing a need's first offers costs those offers, not the category.
 */
interface CategoryOffers {
  sorted: Finding[];
  /** For each index, where its partner's block ends. */
  blockEnd: number[];
  /** Offers per partner name. */
  perPartner: Map<string, number>;
}

function categoryOffers(sorted: Finding[]): CategoryOffers {
  const blockEnd = new Array<number>(sorted.length);
  const perPartner = new Map<string, number>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const name = partnerName(sorted[i]);
    const same = i + 1 < sorted.length && partnerName(sorted[i + 1]) === name;
    blockEnd[i] = same ? blockEnd[i + 1] : i + 1;
    perPartner.set(name, (perPartner.get(name) ?? 0) + 1);
  }
  return { sorted, blockEnd, perPartner };
}

/** The first `limit` offers for a need, and how many it has in all (canCover's rule, indexed). */
function offersFor(need: Finding, offers: CategoryOffers | undefined, limit: number) {
  if (!offers) return { listed: [], total: 0 };
  // A partner's own assets cannot cover its need; a community need takes everyone's.
  const own = need.source === 'Community' ? null : partnerName(need);
  const total = offers.sorted.length - (own === null ? 0 : (offers.perPartner.get(own) ?? 0));
  const listed: Finding[] = [];
  let i = 0;
  while (i < offers.sorted.length && listed.length < limit) {
    if (own !== null && partnerName(offers.sorted[i]) === own) i = offers.blockEnd[i];
    else listed.push(offers.sorted[i++]);
  }
  return { listed, total };
}

export function matchNeeds(findings: readonly Finding[]): MatchResult {
  const assets = findings.filter((f) => f.kind === 'Asset');
  const needs = findings.filter((f) => f.kind === 'Need').sort(byPriority);
  const offersBy = new Map<string, CategoryOffers>();
  const offering = assets
    .filter((a) => a.source === 'Organisational' && a.partner)
    .sort((a, b) => partnerName(a).localeCompare(partnerName(b)) || a.row - b.row);
  for (const [category, sorted] of groupBy(offering, (f) => f.category))
    offersBy.set(category, categoryOffers(sorted));
  const leadsBy = groupBy(
    assets.filter((a) => a.source === 'Community'),
    (f) => f.category,
  );
  const matches: Match[] = [];
  const offerCount = new Map<Finding, number>();
  let matchCount = 0;
  const gaps: Gap[] = [];
  const coveredNeeds: Finding[] = [];
  for (const need of needs) {
    const { listed, total } = offersFor(need, offersBy.get(need.category), OFFERS_SHOWN_PER_NEED);
    if (total > 0) {
      coveredNeeds.push(need);
      offerCount.set(need, total);
      matchCount += total;
      for (const asset of listed) matches.push({ need, asset });
    } else {
      const leads = leadsBy.get(need.category) ?? [];
      gaps.push({
        need,
        communityLeads: leads.slice(0, COMMUNITY_LEADS_SHOWN),
        communityLeadCount: leads.length,
      });
    }
  }
  return { matches, matchCount, offerCount, gaps, coveredNeeds };
}

/** One line of the matches table: an offer, or how many more offers a need has beyond those listed. */
export type MatchLine =
  | { kind: 'offer'; match: Match }
  | { kind: 'more'; need: Finding; more: number };

/** The matches as listed: each need's first offers, then one line counting the rest. */
export function matchLines(result: Pick<MatchResult, 'matches' | 'offerCount'>): MatchLine[] {
  const lines: MatchLine[] = [];
  const { matches } = result;
  let i = 0;
  while (i < matches.length) {
    const need = matches[i].need;
    let end = i;
    while (end < matches.length && matches[end].need === need) end++;
    for (let k = i; k < end; k++) lines.push({ kind: 'offer', match: matches[k] });
    const more = (result.offerCount.get(need) ?? 0) - (end - i);
    if (more > 0) lines.push({ kind: 'more', need, more });
    i = end;
  }
  return lines;
}
