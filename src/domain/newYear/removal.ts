// Which live rows an archive already holds, so only those leave the live tab (a rerun finds the rest).
import { asText } from '../table/cells';
import { isValidDate } from '../values';
import type { ArchiveSection } from './archive';
import type { LiveRow } from './plan';

export interface LiveTable {
  headers: readonly unknown[];
  rows: readonly LiveRow[];
}

export interface Removal {
  /** Live sheet rows to delete. */
  remove: number[];
  /** Archive rows to rewrite first: an archived activity a partner changed since it was copied. */
  updates: { row: number; values: unknown[] }[];
}

const cellKey = (value: unknown) => (isValidDate(value) ? `@${value.getTime()}` : asText(value));

/** A row's non-empty cells by header, so a column moved since the archive still compares equal. */
function byHeader(headers: readonly unknown[], values: readonly unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  headers.forEach((h, i) => {
    const key = cellKey(values[i]);
    if (asText(h) !== '' && key !== '' && key !== 'FALSE') out.set(asText(h), key);
  });
  return out;
}

const sameCells = (a: Map<string, string>, b: Map<string, string>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/**
 * Pairs archive rows with live rows: an activity by its ID (the archive takes the live row's
 * cells when a partner changed it since, as long as every live column has a place there), any
 * other row by equal cells, each live row used once. Unpaired live rows stay: nothing is lost.
 */
export function matchArchived(
  archive: ArchiveSection,
  live: LiveTable,
  idHeader: string | null,
): Removal {
  const liveCells = live.rows.map((r) => byHeader(live.headers, r.values));
  const taken = new Set<number>();
  const removal: Removal = { remove: [], updates: [] };
  const liveFits = live.headers.every(
    (h) => asText(h) === '' || archive.headers.includes(asText(h)),
  );
  for (const a of archive.rows) {
    const cells = byHeader(archive.headers, a.values);
    const id = idHeader ? (cells.get(idHeader) ?? '') : '';
    const candidates = live.rows
      .map((_, i) => i)
      .filter((i) => !taken.has(i) && (id === '' || liveCells[i].get(idHeader ?? '') === id));
    let pick = candidates.find((i) => sameCells(cells, liveCells[i]));
    if (pick === undefined && id !== '' && candidates.length === 1 && liveFits) {
      pick = candidates[0];
      const values = archive.headers.map((h) => {
        const at = live.headers.findIndex((l) => asText(l) === h);
        return at >= 0 ? (live.rows[pick as number].values[at] ?? '') : '';
      });
      removal.updates.push({ row: a.row, values });
    }
    if (pick === undefined) continue;
    taken.add(pick);
    removal.remove.push(live.rows[pick].row);
  }
  return removal;
}
