// A fresh emulated workspace with the built add-on loaded: the starting point of integration tests.
import { Addon } from '../../emulator/addon';
import { AMBIGUITY_VARIANTS, type Ambiguities } from '../../emulator/ambiguities';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';

/** 9:00 UTC on Monday 1 March 2027: tests pin the clock so dates in assertions are stable. */
export const TEST_START = Date.UTC(2027, 2, 1, 9, 0, 0);

/**
 * The undocumented behaviours this run plays: jest.config.cjs runs the integration suites a second
 * time with SWP_AMBIGUITIES=flipped, so the add-on must be right under each (docs/emulator.md).
 */
export function runAmbiguities(): Ambiguities {
  const flipped = process.env.SWP_AMBIGUITIES === 'flipped';
  return AMBIGUITY_VARIANTS[flipped ? 1 : 0][1];
}

export function loadAddon(options: WorkspaceOptions = {}): { ws: Workspace; addon: Addon } {
  const ws = new Workspace({ startTime: TEST_START, ambiguities: runAmbiguities(), ...options });
  ws.utilities.deterministicUuids = true;
  return { ws, addon: new Addon(ws) };
}
