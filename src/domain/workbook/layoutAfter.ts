// A tab's header row and column identities right after set-up applied its column plan, without reading them again.
import type { ColumnPlan } from './columns';
import type { ObservedTab } from './observed';

export interface ColumnLayout {
  /** The header row as a read of the tab's data range will give it. */
  headers: unknown[];
  /** The column-key metadata of each of those columns (null where none). */
  keys: (string | null)[];
  /** How many column-key entries the sheet carries. */
  count: number;
}

/**
 * What set-up leaves: the observed header row and identities with its own new headers, restored
 * headers and tags laid over them. Null when set-up tags a column that already carried an identity
 * (a sweep would then see two, in an order this cannot know), or removes one: the next read sweeps.
 */
export function layoutAfterPlan(
  observed: ObservedTab | null,
  entriesBefore: number,
  plan: ColumnPlan,
): ColumnLayout | null {
  // Removed tags (a column's data cut and pasted elsewhere) are rare: the next read sweeps.
  if (plan.untag.length > 0) return null;
  const width = Math.max(plan.width, observed?.lastColumn ?? 0);
  const headers: unknown[] = Array.from({ length: width }, (_, i) => observed?.headers[i] ?? '');
  const keys: (string | null)[] = Array.from(
    { length: width },
    (_, i) => observed?.metadataKeys[i] ?? null,
  );
  for (const p of [...plan.append, ...plan.headerRestores]) headers[p.column - 1] = p.def.header;
  for (const p of plan.tag) {
    if (keys[p.column - 1] !== null) return null;
    keys[p.column - 1] = p.key;
  }
  return { headers, keys, count: entriesBefore + plan.tag.length };
}
