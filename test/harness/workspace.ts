// A fresh emulated workspace with the built add-on loaded: the starting point of integration tests.
import { Addon } from '../../emulator/addon';
import {
  AMBIGUITY_VARIANTS,
  type Ambiguities,
  occurrenceCombinations,
} from '../../emulator/ambiguities';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';

/** 9:00 UTC on Monday 1 March 2027: tests pin the clock so dates in assertions are stable. */
export const TEST_START = Date.UTC(2027, 2, 1, 9, 0, 0);

/**
 * The undocumented behaviours this run plays: jest.config.cjs runs the integration suites a second
 * time with SWP_AMBIGUITIES=flipped, so the add-on must be right under each (docs/emulator.md).
 */
export function runAmbiguities(): Ambiguities {
  return occurrenceReading ?? AMBIGUITY_VARIANTS[flipped() ? 1 : 0][1];
}

const flipped = () => process.env.SWP_AMBIGUITIES === 'flipped';

/** Set while a block of `underEveryOccurrenceReading` runs: the combination it plays. */
let occurrenceReading: Ambiguities | null = null;

/**
 * Runs a suite's tests once per combination of the undocumented occurrence behaviours this run
 * takes (emulator/ambiguities.ts `occurrenceCombinations`): four in the default run, the other
 * four in the flipped one, so suites about moved and cancelled occurrences meet all eight.
 */
export function underEveryOccurrenceReading(suite: () => void): void {
  const base = AMBIGUITY_VARIANTS[flipped() ? 1 : 0][1];
  describe.each(occurrenceCombinations(base, flipped() ? 1 : 0))('(%s)', (_name, reading) => {
    beforeAll(() => {
      occurrenceReading = reading;
    });
    afterAll(() => {
      occurrenceReading = null;
    });
    suite();
  });
}

export function loadAddon(options: WorkspaceOptions = {}): { ws: Workspace; addon: Addon } {
  const ws = new Workspace({ startTime: TEST_START, ambiguities: runAmbiguities(), ...options });
  ws.utilities.deterministicUuids = true;
  return { ws, addon: new Addon(ws) };
}
