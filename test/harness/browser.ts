// Chromium through playwright-core: the suites share the one browser jest's globalSetup starts, or launch their own.
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';
import { chromiumPath } from '../../scripts/findChromium';

/** Where globalSetup leaves the shared browser's address for the test workers (they inherit its environment). */
export const SHARED_BROWSER_ENV = 'SWP_BROWSER_WS_ENDPOINT';

/** Without the background-networking flags Chromium keeps dialling Google's hosts, which are unreachable here. */
export function launchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}

/**
 * A browser for one suite: a connection to the shared one when jest started it (closing the
 * connection leaves the browser to the other suites), else a browser of its own (a lone
 * `npx jest file` without globalSetup's browser, or a script).
 */
export function launchChromium(): Promise<Browser> {
  const shared = process.env[SHARED_BROWSER_ENV];
  return shared ? chromium.connect(shared) : chromium.launch(launchOptions());
}
