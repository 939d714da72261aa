// Pairs each need with the assets other partners could share in its category; what is left are the gaps.
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
  /** Ranked by the need's priority, then the need's row, then the asset partner's name. */
  matches: Match[];
  /** Ranked by priority, then row. */
  gaps: Gap[];
  /** Needs with at least one match, in the same order. */
  coveredNeeds: Finding[];
}

export function matchNeeds(findings: readonly Finding[]): MatchResult {
  const assets = findings.filter((f) => f.kind === 'Asset');
  const needs = findings.filter((f) => f.kind === 'Need').sort(byPriority);
  const matches: Match[] = [];
  const gaps: Gap[] = [];
  const coveredNeeds: Finding[] = [];
  for (const need of needs) {
    const offers = assets
      .filter((asset) => canCover(asset, need))
      .sort((a, b) => partnerName(a).localeCompare(partnerName(b)) || a.row - b.row);
    if (offers.length > 0) {
      coveredNeeds.push(need);
      for (const asset of offers) matches.push({ need, asset });
    } else {
      gaps.push({
        need,
        communityLeads: assets.filter(
          (a) => a.source === 'Community' && a.category === need.category,
        ),
      });
    }
  }
  return { matches, gaps, coveredNeeds };
}
