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

/** Equal cells give equal keys, whatever the column order. */
const contentKey = (cells: Map<string, string>) => JSON.stringify([...cells].sort());

/** Live row indexes by a key, in sheet order, each taken at most once. */
class Pool {
  private readonly byKey = new Map<string, number[]>();
  add(key: string, index: number): void {
    const list = this.byKey.get(key);
    if (list) list.push(index);
    else this.byKey.set(key, [index]);
  }
  /** The untaken indexes under `key`. */
  free(key: string, taken: ReadonlySet<number>): number[] {
    return (this.byKey.get(key) ?? []).filter((i) => !taken.has(i));
  }
}

/**
 * Pairs archive rows with live rows: an activity by its ID (the archive takes the live row's
 * cells when a partner changed it since, as long as every live column has a place there), any
 * other row by equal cells, each live row used once. Unpaired live rows stay: nothing is lost.
 * Indexed by ID and by content, so the work grows with the rows, not their product.
 */
export function matchArchived(
  archive: ArchiveSection,
  live: LiveTable,
  idHeader: string | null,
): Removal {
  const byContent = new Pool();
  const byId = new Pool();
  live.rows.forEach((r, i) => {
    const cells = byHeader(live.headers, r.values);
    byContent.add(contentKey(cells), i);
    if (idHeader) byId.add(cells.get(idHeader) ?? '', i);
  });
  const taken = new Set<number>();
  const removal: Removal = { remove: [], updates: [] };
  const liveFits = live.headers.every(
    (h) => asText(h) === '' || archive.headers.includes(asText(h)),
  );
  for (const a of archive.rows) {
    const cells = byHeader(archive.headers, a.values);
    const key = contentKey(cells);
    const id = idHeader ? (cells.get(idHeader) ?? '') : '';
    let pick = byContent.free(key, taken)[0];
    if (pick === undefined && id !== '') {
      const sameId = byId.free(id, taken);
      if (sameId.length === 1 && liveFits) {
        pick = sameId[0];
        removal.updates.push({ row: a.row, values: archiveRowFrom(archive, live, pick) });
      }
    }
    if (pick === undefined) continue;
    taken.add(pick);
    removal.remove.push(live.rows[pick].row);
  }
  return removal;
}

/** A live row's cells laid out in the archive's columns. */
function archiveRowFrom(archive: ArchiveSection, live: LiveTable, index: number): unknown[] {
  return archive.headers.map((h) => {
    const at = live.headers.findIndex((l) => asText(l) === h);
    return at >= 0 ? (live.rows[index].values[at] ?? '') : '';
  });
}
