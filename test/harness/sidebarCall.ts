// A sidebar's call through google.script.run, typed by the server's exports: name → arguments → result.
import type { Addon } from '../../emulator/addon';
import type { SidebarFunctionName } from '../../src/boundary/sidebarApi';
import type * as Server from '../../src/index';

type ServerModule = typeof Server;

/**
 * Calls a sidebar function as the sidebar would (JSON-shaped arguments and result). Typed here, not
 * in emulator/, because the emulator never imports src/. Malformed calls on purpose use
 * `addon.runFromSidebar` directly.
 */
export function sidebarCall<K extends SidebarFunctionName>(
  addon: Addon,
  name: K,
  ...args: Parameters<ServerModule[K]>
): ReturnType<ServerModule[K]> {
  // The emulator's call is untyped by name; the bundle is built from the module typed above.
  return addon.runFromSidebar(name, ...args) as ReturnType<ServerModule[K]>;
}
