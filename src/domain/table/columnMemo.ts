// When the column identities remembered from the last metadata sweep of a tab can be trusted without a new sweep.

/** What is remembered of a tab after a full sweep of its column metadata. */
export interface ColumnMemo {
  /** How many column-identity entries the sheet carried. */
  count: number;
  /** A digest of the header row, in order. */
  headers: string;
  /** The identity of each column of the header row (null where none). */
  keys: (string | null)[];
  /** When it was last written (ms): a memo about to expire is written again (columnIdentity.ts). */
  at?: number;
  /** The document properties hold this same memo, so it outlives the cache's six hours. */
  kept?: boolean;
}

/** A short, stable digest of the header row (FNV-1a over its texts): any move or rename changes it. */
export function headerDigest(headers: readonly unknown[]): string {
  // Math.imul read once, not per character (see calendarSync/fingerprint.ts `hash`).
  const imul = Math.imul;
  let hash = 0x811c9dc5;
  const text = headers.map((h) => String(h ?? '')).join('\u0000');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = imul(hash, 0x01000193) >>> 0;
  }
  return `${headers.length}:${hash.toString(36)}`;
}

/**
 * The remembered identities, if they still hold: the header row is the same, the sheet carries as
 * many identity entries, and every identified column's header is non-empty and appears once (so a
 * column that moved, was deleted, inserted, renamed or swapped with a same-named one changes the
 * header row or the count). Otherwise null: sweep the metadata again.
 */
export function memoKeys(
  memo: ColumnMemo | null,
  headers: readonly unknown[],
  count: number,
): (string | null)[] | null {
  if (!memo || memo.count !== count || memo.keys.length !== headers.length) return null;
  if (memo.headers !== headerDigest(headers)) return null;
  const seen = new Map<string, number>();
  for (const h of headers) {
    const text = String(h ?? '').trim();
    seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  const distinct = memo.keys.every((key, i) => {
    if (key === null) return true;
    const text = String(headers[i] ?? '').trim();
    return text !== '' && seen.get(text) === 1;
  });
  return distinct ? [...memo.keys] : null;
}

/** Reads a stored memo, or null when absent or not in the expected shape. */
export function parseColumnMemo(text: string | null): ColumnMemo | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<ColumnMemo>;
    if (
      typeof value.count !== 'number' ||
      typeof value.headers !== 'string' ||
      !Array.isArray(value.keys) ||
      !value.keys.every((k) => k === null || typeof k === 'string')
    )
      return null;
    const at = typeof value.at === 'number' ? { at: value.at } : {};
    const kept = value.kept === true ? { kept: true } : {};
    return { count: value.count, headers: value.headers, keys: value.keys, ...at, ...kept };
  } catch {
    return null;
  }
}
