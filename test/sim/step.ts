// What every simulator step shares: the command type, the checker that names a failed invariant, row picking.
import type fc from 'fast-check';
import { rowCount, type World } from './world';

/** A model of nothing but the step count: the world itself is the system under test. */
export type Model = { steps: number };
export type Cmd = fc.Command<Model, World>;

/** Runs a check list, naming the invariant that failed. */
export function check(w: World, checks: ReadonlyArray<(w: World) => void>): void {
  for (const c of checks) {
    try {
      c(w);
    } catch (e) {
      throw new Error(
        `Invariant ${c.name} failed after: ${w.log.join(' → ')}\n${(e as Error).message}`,
      );
    }
  }
}

/** Throws the named invariant's failure (for checks that compare before and after a step). */
export function fail(w: World, invariant: string, why: string): never {
  throw new Error(`Invariant ${invariant} failed after: ${w.log.join(' → ')}\n${why}`);
}

/** Picks a row in [2, last] from a fraction, or null when the tab is empty. */
export function pickRow(w: World, f: number): number | null {
  const n = rowCount(w);
  return n === 0 ? null : 2 + Math.min(n - 1, Math.floor(f * n));
}

/** Runs one before/after check, naming the invariant when it throws. */
export function named(w: World, invariant: string, checkIt: () => void): void {
  try {
    checkIt();
  } catch (e) {
    fail(w, invariant, (e as Error).message);
  }
}
