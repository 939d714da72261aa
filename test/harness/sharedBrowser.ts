// Jest globalSetup/globalTeardown: one Chromium for every browser suite, instead of one launch per suite.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { type BrowserServer, chromium } from 'playwright-core';
import { launchOptions, SHARED_BROWSER_ENV } from './browser';

const KEY = '__swpBrowserServer';
type Holder = { [KEY]?: BrowserServer };

/** Only runs that include a browser suite pay for a browser (a unit-test run starts none). */
function wantsBrowser(config: Config.GlobalConfig): boolean {
  const patterns = config.testPathPatterns;
  if (!patterns.isSet()) return true;
  const dir = join(config.rootDir, 'test', 'browser');
  const executor = patterns.toExecutor({ rootDir: config.rootDir });
  return readdirSync(dir).some((file) => executor.isMatch(join(dir, file)));
}

export async function setup(config: Config.GlobalConfig): Promise<void> {
  if (!wantsBrowser(config) || process.env[SHARED_BROWSER_ENV]) return;
  const server = await chromium.launchServer(launchOptions());
  (globalThis as Holder)[KEY] = server;
  process.env[SHARED_BROWSER_ENV] = server.wsEndpoint();
}

export async function teardown(): Promise<void> {
  const server = (globalThis as Holder)[KEY];
  if (!server) return;
  delete process.env[SHARED_BROWSER_ENV];
  await server.close();
}
