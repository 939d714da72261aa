// Indexes for the asset map's name lookups, so reading n findings costs n look-ups, not n × partners.
import { normalise } from '../table/locate';
import type { CategoryEntry, GoalEntry, PartnerEntry } from './model';

/**
 * A map from each key to the first item (in the list's order) having it: the same answer as
 * `items.find(item => keysOf(item).includes(key))`, in one pass over the list.
 */
export function firstByKey<T>(items: readonly T[], keysOf: (item: T) => string[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items)
    for (const key of keysOf(item)) if (!index.has(key)) index.set(key, item);
  return index;
}

/** Memoises an index per list, so every reader of the same context shares one build. */
function memoised<T, I>(build: (items: readonly T[]) => I): (items: readonly T[]) => I {
  const cache = new WeakMap<readonly T[], I>();
  return (items) => {
    let index = cache.get(items);
    if (index === undefined) {
      index = build(items);
      cache.set(items, index);
    }
    return index;
  };
}

/** Partners by normalised name or ID (a finding may name a partner by either). */
const partnerIndex = memoised((partners: readonly PartnerEntry[]) =>
  firstByKey(partners, (p) => (p.id ? [normalise(p.name), normalise(p.id)] : [normalise(p.name)])),
);

const categoryIndex = memoised((categories: readonly CategoryEntry[]) =>
  firstByKey(categories, (c) => [normalise(c.name)]),
);

const goalIdIndex = memoised((goals: readonly GoalEntry[]) => firstByKey(goals, (g) => [g.id]));

const goalLabelIndex = memoised((goals: readonly GoalEntry[]) =>
  firstByKey(goals, (g) => [normalise(g.label)]),
);

export const partnerNamed = (text: string, partners: readonly PartnerEntry[]) =>
  partnerIndex(partners).get(normalise(text)) ?? null;

export const categoryNamed = (text: string, categories: readonly CategoryEntry[]) =>
  categoryIndex(categories).get(normalise(text)) ?? null;

export const goalWithId = (id: string, goals: readonly GoalEntry[]) =>
  goalIdIndex(goals).get(id) ?? null;

export const goalLabelled = (text: string, goals: readonly GoalEntry[]) =>
  goalLabelIndex(goals).get(normalise(text)) ?? null;
