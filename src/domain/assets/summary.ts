// The asset map as the sidebar receives it: counts, matches, gaps and problems, JSON-shaped.
import type { AssetMapSummary } from '../../shared/assetsWire';
import type { AssetMapAnalysis } from './analysis';
import { contactLabel, findingLabel, goalLabel, matchAction, ownerLabel } from './describe';
import { summaryLine } from './layout';
import { leadLabels } from './matching';

export function assetMapSummary(a: AssetMapAnalysis, sheetName: string): AssetMapSummary {
  const count = (kind: string) => a.findings.filter((f) => f.kind === kind).length;
  return {
    sheetName,
    counts: {
      partners: a.partners.length,
      findings: a.findings.length,
      assets: count('Asset'),
      needs: count('Need'),
      matches: a.matchCount,
      needsMatched: a.coveredNeeds.length,
      gaps: a.gaps.length,
      problems: a.problems.length,
    },
    partnersWithoutFindings: a.partnersWithoutFindings,
    // The offers the tab lists (each need's first few); the counts have every pair.
    matches: a.matches.map((m) => ({
      needRef: m.need.ref,
      need: m.need.description,
      neededBy: ownerLabel(m.need),
      category: m.need.category,
      priority: m.need.priority ?? '',
      assetRef: m.asset.ref,
      asset: m.asset.description,
      offeredBy: m.asset.partner?.name ?? '',
      contact: m.asset.partner ? contactLabel(m.asset.partner) : '',
      action: matchAction(m),
    })),
    gaps: a.gaps.map((g) => {
      const planned = a.planned.get(g.need.ref);
      return {
        findingId: g.need.ref,
        need: g.need.description,
        neededBy: ownerLabel(g.need),
        category: g.need.category,
        priority: g.need.priority ?? '',
        goal: goalLabel(g.need),
        communityLeads: leadLabels(g, findingLabel),
        activity: planned ? { ...planned } : null,
      };
    }),
    problems: a.problems.map((p) => ({ ...p })),
    message: `${sheetName} tab rebuilt: ${summaryLine(a)}`,
  };
}
