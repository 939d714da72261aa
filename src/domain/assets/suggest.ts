// "Did you mean …?" for names partners mistype: partners, categories, goals.
import { normalise } from '../table/locate';

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(
        previous[j] + 1,
        previous[j - 1] + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length];
}

export interface Candidate {
  name: string;
  /** Other words that should lead to this name ("Facilities" → "Physical space"). */
  aliases?: readonly string[];
}

/**
 * The candidate a typed name most likely meant: an alias, a name containing the text or contained
 * in it ("YMCA" → "Riverside YMCA"), or a name within a few typos. Null when nothing is close, so
 * a suggestion is never a wild guess.
 */
export function closestName(typed: string, candidates: readonly Candidate[]): string | null {
  const text = normalise(typed);
  // Messy typing repeats itself ("YMCA" on 500 rows): each distinct text is compared once per list.
  let known = remembered.get(candidates);
  if (!known) {
    known = new Map();
    remembered.set(candidates, known);
  }
  const seen = known.get(text);
  if (seen !== undefined) return seen;
  const name = closestTo(text, candidates);
  known.set(text, name);
  return name;
}

const remembered = new WeakMap<readonly Candidate[], Map<string, string | null>>();

function closestTo(text: string, candidates: readonly Candidate[]): string | null {
  if (text === '') return null;
  const alias = candidates.find((c) => (c.aliases ?? []).some((a) => normalise(a) === text));
  if (alias) return alias.name;
  const containing = candidates.filter((c) => {
    const name = normalise(c.name);
    return text.length >= 3 && (name.includes(text) || text.includes(name));
  });
  if (containing.length === 1) return containing[0].name;
  let best: { name: string; distance: number } | null = null;
  for (const c of candidates) {
    const distance = editDistance(text, normalise(c.name));
    if (!best || distance < best.distance) best = { name: c.name, distance };
  }
  const allowed = Math.max(1, Math.floor(text.length / 4));
  return best && best.distance <= allowed ? best.name : null;
}

/** " Did you mean “X”?" or nothing, to append to a message. */
export function didYouMean(typed: string, candidates: readonly Candidate[]): string {
  const name = closestName(typed, candidates);
  return name ? ` Did you mean “${name}”?` : '';
}
