// The digest's switch, its weekly round and the snapshot "what changed" compares with, in document properties split under 9 KB.
import type { DigestSnapshot } from '../domain/digest/items';
import { loadChunked, saveChunked } from './chunkedProperty';
import type { PropertyStore } from './google';

export const DIGEST_KEY = 'sharedWorkPlan.digest';

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

export function loadDigestState(store: PropertyStore): DigestState {
  const text = loadChunked(store, DIGEST_KEY);
  if (!text) return emptyDigestState();
  try {
    return { ...emptyDigestState(), ...(JSON.parse(text) as Partial<DigestState>) };
  } catch {
    // A damaged value sends nothing: off until the coordinator turns it on again.
    return emptyDigestState();
  }
}

/** Writes the state in parts of at most 9 KB (src/adapters/chunkedProperty.ts). */
export function saveDigestState(store: PropertyStore, state: DigestState): void {
  saveChunked(store, DIGEST_KEY, JSON.stringify(state));
}
