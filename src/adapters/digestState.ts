// The digest's switch, its weekly round and the snapshot "what changed" compares with, in document properties split under 9 KB.
import type { DigestSnapshot } from '../domain/digest/items';
import type { PropertyStore } from './google';

export const DIGEST_KEY = 'sharedWorkPlan.digest';

/**
 * 3,000 UTF-16 units are at most 9,000 UTF-8 bytes, under the 9 KB a property value holds
 * (docs/google-facts.md): the approval book is split the same way (src/adapters/approvals.ts).
 */
const PART = 3000;

export interface DigestRound {
  /** When this week's round began (ms): the next starts 7 days later. */
  startedMs: number;
  /** `partnerId email` of each mail this round already sent: never sent twice. */
  sent: string[];
  /** True once everyone of the round got theirs: later runs that week read nothing. */
  complete?: boolean;
}

export interface DigestState {
  enabled: boolean;
  round: DigestRound | null;
  /** The plan as the previous round began: this round's "changed since last week" compares with it. */
  baseline: DigestSnapshot | null;
  /** The plan as this round began: the next round's baseline. */
  roundStart: DigestSnapshot | null;
  /** The last run's report, shown in the sidebar. */
  lastRun: string | null;
}

export const emptyDigestState = (): DigestState => ({
  enabled: false,
  round: null,
  baseline: null,
  roundStart: null,
  lastRun: null,
});

const partKey = (n: number) => (n === 0 ? DIGEST_KEY : `${DIGEST_KEY}.${n}`);

export function loadDigestState(store: PropertyStore): DigestState {
  const all = store.getProperties();
  let text = '';
  for (let n = 0; all[partKey(n)] !== undefined; n++) text += all[partKey(n)];
  if (!text) return emptyDigestState();
  try {
    return { ...emptyDigestState(), ...(JSON.parse(text) as Partial<DigestState>) };
  } catch {
    // A damaged value sends nothing: off until the coordinator turns it on again.
    return emptyDigestState();
  }
}

/** Writes the state in one setProperties call, deleting parts it no longer needs. */
export function saveDigestState(store: PropertyStore, state: DigestState): void {
  const text = JSON.stringify(state);
  const values: Record<string, string> = {};
  let n = 0;
  // JSON of IDs, hashes and addresses: a split never cuts a surrogate pair that matters, but
  // addresses may hold any letter, so keep pairs whole as the approval book does.
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + PART, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    values[partKey(n++)] = text.slice(at, end);
    at = end;
  }
  store.setProperties(values);
  const all = store.getProperties();
  for (let k = n; all[partKey(k)] !== undefined; k++) store.deleteProperty(partKey(k));
}
