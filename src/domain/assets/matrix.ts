// Counts assets and needs per partner and category: the grid a coordinator scans for imbalances.
import { firstByKey } from './lookup';
import type { CategoryEntry, Finding, Gap, PartnerEntry } from './model';

export interface Tally {
  assets: number;
  needs: number;
}

export interface MatrixRow {
  /** A partner's name, or the community assessment's row label. */
  label: string;
  partner: PartnerEntry | null;
  /** One tally per category, in the categories' order. */
  cells: Tally[];
  total: Tally;
}

export interface AssetMatrix {
  categories: string[];
  rows: MatrixRow[];
  /** Per category over every row, plus the needs that no partner covers. */
  totals: Array<Tally & { uncovered: number }>;
}

export const COMMUNITY_ROW_LABEL = 'Community assessment';

const add = (tally: Tally, finding: Finding) => {
  if (finding.kind === 'Asset') tally.assets += 1;
  else tally.needs += 1;
};

/**
 * Partners in the Partners tab's order (including those with no findings yet, which is itself worth
 * seeing), then one row for the community assessment.
 */
export function buildMatrix(
  findings: readonly Finding[],
  partners: readonly PartnerEntry[],
  categories: readonly CategoryEntry[],
  gaps: readonly Gap[],
): AssetMatrix {
  const names = categories.map((c) => c.name);
  const column = new Map(names.map((name, i) => [name, i]));
  const empty = () => names.map(() => ({ assets: 0, needs: 0 }));
  const rows: MatrixRow[] = partners.map((partner) => ({
    label: partner.name,
    partner,
    cells: empty(),
    total: { assets: 0, needs: 0 },
  }));
  const community: MatrixRow = {
    label: COMMUNITY_ROW_LABEL,
    partner: null,
    cells: empty(),
    total: { assets: 0, needs: 0 },
  };
  const totals = names.map(() => ({ assets: 0, needs: 0, uncovered: 0 }));
  const rowOf = firstByKey(rows, (r) => [r.label]);
  for (const finding of findings) {
    const at = column.get(finding.category);
    if (at === undefined) continue;
    const row =
      finding.source === 'Community'
        ? community
        : finding.partner
          ? rowOf.get(finding.partner.name)
          : undefined;
    if (!row) continue;
    add(row.cells[at], finding);
    add(row.total, finding);
    add(totals[at], finding);
  }
  for (const gap of gaps) {
    const at = column.get(gap.need.category);
    if (at !== undefined) totals[at].uncovered += 1;
  }
  return { categories: names, rows: [...rows, community], totals };
}
