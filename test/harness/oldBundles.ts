// Earlier releases of the add-on, built from this repository's own history and cached by commit, for upgrade tests.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Built bundles, one folder per commit (git-ignored): a CI run builds each once. */
export const OLD_BUNDLE_CACHE = join(ROOT, '.old-bundles');

export interface EarlierRelease {
  name: string;
  commit: string;
  why: string;
}

/**
 * The releases an upgrade must start from. There was no release tag before issue 23, so the
 * issue names two commits (add each `vX.Y.Z` tag here once releases exist):
 * - the first version: the last commit of main before work on issue 10 began (issues 2-7 merged,
 *   then the wording fixes of that evening); its trigger handlers were public names;
 * - the authority work: the merge that ended issue 10 (the sync side after the owner side), the
 *   first plans whose settings have an owner and whose people need approval; the weekly email,
 *   Attendance and Exceptions came after it;
 * - the last commit before the release work (issue 23): everything of issues 10-17, including the
 *   weekly email, so a plan can be built with every switch on.
 */
export const EARLIER_RELEASES = {
  firstVersion: {
    name: 'the first version',
    commit: '0b29298cd3f268302ef7b8efa47a294d1f86297c',
    why: 'end of issues 2-7 (2026-11-23)',
  },
  authority: {
    name: 'the authority work',
    commit: '81ebe1101c3024ab2c07381ac3869ed459572319',
    why: 'merge that ended issue 10 (2026-11-30)',
  },
  beforeRelease: {
    name: 'the last version before releases',
    commit: 'df95b306e92a0d4793d37f30366f88c20bd2189c',
    why: 'end of issues 10-17 (2026-12-01)',
  },
} as const satisfies Record<string, EarlierRelease>;

function git(args: string[]): string {
  return execFileSync('git', ['-C', ROOT, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** The history must be there: a shallow clone (CI's default fetch depth) lacks the old commits. */
function checkHistory(release: EarlierRelease): void {
  if (git(['rev-parse', '--is-shallow-repository']) === 'true')
    throw new Error(
      `The upgrade tests build ${release.name} from git history, but this clone is shallow. Run \`git fetch --unshallow\` (or clone without --depth) and test again.`,
    );
  try {
    git(['cat-file', '-e', `${release.commit}^{commit}`]);
  } catch {
    throw new Error(
      `Commit ${release.commit} (${release.name}) is not in this clone: fetch the full history of main and test again.`,
    );
  }
}

/** Sleeps without a busy loop (the bundle is built by another jest worker meanwhile). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** One builder per commit at a time: a lock folder, taken over when older than two minutes. */
function withBuildLock<T>(commit: string, build: () => T): T {
  const lock = join(OLD_BUNDLE_CACHE, `.lock-${commit}`);
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 120_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      sleep(200);
    }
  }
  try {
    return build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds the commit as it was: a temporary detached worktree, this checkout's node_modules linked
 * in (a link, not a copy of 550 MB; the old lock files name the same tools), and the build script
 * the commit had.
 */
function buildInWorktree(release: EarlierRelease, into: string): void {
  const tree = mkdtempSync(join(tmpdir(), `swp-${release.commit.slice(0, 8)}-`));
  rmSync(tree, { recursive: true, force: true });
  git(['worktree', 'add', '--detach', tree, release.commit]);
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'junction');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: tree, stdio: 'pipe' });
    const staging = `${into}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(join(tree, 'dist'), staging, { recursive: true });
    renameSync(staging, into);
  } finally {
    git(['worktree', 'remove', '--force', tree]);
  }
}

/** Times spent building (ms by commit), for the report: cached bundles cost nothing. */
export const buildTimes: Record<string, number> = {};

/** The folder holding the release's built Code.js, appsscript.json and sidebars. */
export function oldBundle(release: EarlierRelease): string {
  const dir = join(OLD_BUNDLE_CACHE, release.commit);
  if (existsSync(join(dir, 'Code.js'))) return dir;
  checkHistory(release);
  mkdirSync(OLD_BUNDLE_CACHE, { recursive: true });
  withBuildLock(release.commit, () => {
    if (existsSync(join(dir, 'Code.js'))) return;
    const started = Date.now();
    buildInWorktree(release, dir);
    buildTimes[release.commit] = Date.now() - started;
  });
  return dir;
}
