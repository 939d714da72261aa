// Counts in sentences, one home for every plural rule: "1 row", "3 rows", "1 item due", "2 items due".

/**
 * "1 row", "3 rows". `many` is the whole plural phrase when the noun is not its last word:
 * plural(2, 'item due', 'items due') → "2 items due" (never "2 item dues").
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The word alone, agreeing with a count: word(2, 'it', 'them') → "them", word(1, 'Row') → "Row". */
export function word(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** "a", "a and b", "a, b and c": how a person lists things in a sentence. */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One count of a kind, for `counts`: [n, singular phrase, plural phrase]. */
export type Count = readonly [n: number, one: string, many?: string];

/**
 * The counts that are not zero, listed ("2 items due and 1 overdue item"), or `none` when all
 * are zero: a sentence never says "0 changes" where a person would say "nothing".
 */
export function counts(parts: readonly Count[], none: string): string {
  const shown = parts.filter(([n]) => n !== 0).map(([n, one, many]) => plural(n, one, many));
  return shown.length ? listed(shown) : none;
}
