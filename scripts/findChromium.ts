// Finds the Chromium or Chrome the browser tests drive: one rule for `npm test`'s pretest and the test harness.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import {
  canInstallWithApt as canInstallDebianPackages,
  installWithApt as installDebianPackages,
} from './debianPackages';

/** The one sentence a maintainer without a browser reads. */
export const NO_BROWSER =
  'No Chromium or Chrome was found: install Google Chrome or Chromium, or set CHROMIUM_PATH to the browser program, then run npm test again.';

const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export interface Platform {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  isFile(path: string): boolean;
}

const here: Platform = {
  platform: process.platform,
  env: process.env,
  home: homedir(),
  isFile: (path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
};

/** Where Chrome and Chromium install themselves when they are not on PATH (macOS apps, Windows program folders). */
function usualLocations({ platform, env, home }: Platform): string[] {
  const { join } = platform === 'win32' ? win32 : posix;
  if (platform === 'darwin') {
    const apps = ['/Applications', join(home, 'Applications')];
    return apps.flatMap((dir) => [
      join(dir, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
      join(dir, 'Chromium.app/Contents/MacOS/Chromium'),
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
}

/** The commands above looked up on PATH, as a shell would (with Windows' .exe). */
function onPath({ platform, env, isFile }: Platform): string[] {
  const { join, delimiter } = platform === 'win32' ? win32 : posix;
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter);
  const names = platform === 'win32' ? ['chrome.exe', 'chromium.exe', 'msedge.exe'] : COMMANDS;
  return dirs
    .filter(Boolean)
    .flatMap((dir) => names.map((name) => join(dir, name)))
    .filter(isFile);
}

/**
 * CHROMIUM_PATH when set (and then only it, so a wrong value is reported rather than silently
 * replaced), else the first Chromium/Chrome on PATH, else one in its usual install folder.
 */
export function findChromium(machine: Platform = here): string | null {
  const chosen = machine.env.CHROMIUM_PATH;
  if (chosen) {
    if (!machine.isFile(chosen))
      throw new Error(
        `CHROMIUM_PATH is ${chosen}, which is not a file: point it at the browser program.`,
      );
    return chosen;
  }
  return [...onPath(machine), ...usualLocations(machine)].find(machine.isFile) ?? null;
}

/** Root on Debian/Ubuntu can install the distribution's chromium, as CI on a fresh machine does. */
export function canInstallWithApt(machine: Platform = here): boolean {
  return (
    machine.platform === 'linux' &&
    canInstallDebianPackages() &&
    machine.env.CHROMIUM_PATH === undefined
  );
}

/** Installs Debian's chromium package; returns its path. */
export function installWithApt(): string {
  installDebianPackages(['chromium']);
  return '/usr/bin/chromium';
}

/** The harness's rule: a browser found on this machine, or the sentence saying how to get one. */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error(NO_BROWSER);
  return found;
}
