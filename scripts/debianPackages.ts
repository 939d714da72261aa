// Installs Debian packages a test needs when they are missing: one rule for chromium (the browser tests) and LibreOffice (the print test).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Root on Debian/Ubuntu can install the distribution's packages, as CI on a fresh machine does. */
export function canInstallWithApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/** Installs the packages without recommends (apt-get update first); noninteractive. */
export function installWithApt(packages: readonly string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => execFileSync('apt-get', args, { stdio: 'inherit', env });
  run(['update', '-qq']);
  run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

/** A program on PATH, as a shell finds it, or null. */
export function onPath(program: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, program);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return null;
}

/** What the print test drives: LibreOffice to print the .xlsx export, pdfinfo to count its pages. */
export const PRINT_PROGRAMS = [
  { program: 'soffice', debianPackage: 'libreoffice-calc-nogui' },
  { program: 'pdfinfo', debianPackage: 'poppler-utils' },
] as const;

/**
 * Each program on PATH, installing the Debian packages that bring the missing ones when this
 * machine can (root on Debian); otherwise an error naming what to install. Returns the paths.
 */
export function ensurePrograms(
  wanted: ReadonlyArray<{ program: string; debianPackage: string }>,
): string[] {
  const missing = wanted.filter((w) => !onPath(w.program));
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((m) => m.debianPackage))];
    if (!canInstallWithApt())
      throw new Error(
        `Missing ${missing.map((m) => m.program).join(', ')}: install ${packages.join(', ')} (Debian/Ubuntu package names), then run the test again.`,
      );
    console.log(`Installing ${packages.join(', ')} with apt-get…`);
    installWithApt(packages);
  }
  return wanted.map((w) => {
    const found = onPath(w.program);
    if (!found)
      throw new Error(`${w.program} is still missing after installing ${w.debianPackage}.`);
    return found;
  });
}
