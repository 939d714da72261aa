// A fresh emulated workspace with the built add-on loaded: the starting point of integration tests.
import { Addon } from '../../emulator/addon';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';

/** 9:00 UTC on Monday 1 March 2027: tests pin the clock so dates in assertions are stable. */
export const TEST_START = Date.UTC(2027, 2, 1, 9, 0, 0);

export function loadAddon(options: WorkspaceOptions = {}): { ws: Workspace; addon: Addon } {
  const ws = new Workspace({ startTime: TEST_START, ...options });
  ws.utilities.deterministicUuids = true;
  return { ws, addon: new Addon(ws) };
}
