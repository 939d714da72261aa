// `npm run release -- patch|minor|major [--dry-run] [--new-scopes] [--summary "…"]`: checks, version, changelog, tag, then a new version of the one deployment.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTH, manifestScopes, scopeClass } from './scopes';

export type Bump = 'patch' | 'minor' | 'major';
const BUMPS: readonly Bump[] = ['patch', 'minor', 'major'];

/** The standalone project releases go to (ignored by git; .clasp.release.json.example is the template). */
export const RELEASE_CONFIG = '.clasp.release.json';
/** Only the release command's own test sets this: it must not run `npm test` from inside `npm test`. */
export const SKIP_CHECKS_ENV = 'SWP_RELEASE_SKIP_CHECKS';
const ID = /^[A-Za-z0-9_-]{20,}$/;

export interface ReleaseArgs {
  bump: Bump;
  dryRun: boolean;
  newScopes: boolean;
  summary: string | null;
}

/** The command line, or a sentence saying how to write it. */
export function parseArgs(args: readonly string[]): ReleaseArgs | string {
  const usage =
    'Usage: npm run release -- patch|minor|major [--dry-run] [--new-scopes] [--summary "what changed"]';
  const bump = args.find((a): a is Bump => (BUMPS as readonly string[]).includes(a));
  const summaryAt = args.indexOf('--summary');
  const summary = summaryAt >= 0 ? (args[summaryAt + 1] ?? '').trim() : null;
  const known = new Set([...BUMPS, '--dry-run', '--new-scopes', '--summary']);
  const unknown = args.filter((a, i) => !known.has(a) && i !== summaryAt + 1);
  if (!bump || unknown.length > 0 || summary === '') return usage;
  return {
    bump,
    dryRun: args.includes('--dry-run'),
    newScopes: args.includes('--new-scopes'),
    summary,
  };
}

/** Semantic versioning: a patch fixes, a minor adds, a major changes what people rely on. */
export function bumpVersion(version: string, bump: Bump): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`package.json's version “${version}” is not major.minor.patch.`);
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** The CHANGELOG.md entry: the main line's commit subjects since the last release (merges name their issue). */
export function changelogEntry(
  version: string,
  date: string,
  since: string | null,
  subjects: readonly string[],
): string {
  const what = since ? `since ${since}` : 'since the start of the project';
  const lines = subjects.map((s) => `- ${s}`);
  return `## ${version} — ${date}\n\n${subjects.length} changes ${what}:\n\n${lines.join('\n')}\n`;
}

const CHANGELOG_HEAD =
  '# Changelog\n\nEach release of Shared Work Plan, newest first, written by `npm run release` from the commits since the release before.\n';

/** The changelog with the entry on top, below the heading (the file is made on the first release). */
export function withChangelogEntry(existing: string | null, entry: string): string {
  const body = existing?.startsWith(CHANGELOG_HEAD)
    ? existing.slice(CHANGELOG_HEAD.length)
    : (existing ?? '');
  return `${CHANGELOG_HEAD}\n${entry}${body.trim() ? `\n${body.trimStart()}` : ''}`;
}

export interface ScopeChange {
  added: string[];
  removed: string[];
}

export function scopeChange(previous: readonly string[], current: readonly string[]): ScopeChange {
  return {
    added: current.filter((s) => !previous.includes(s)),
    removed: previous.filter((s) => !current.includes(s)),
  };
}

const classed = (scope: string) =>
  `  ${scope.replace(AUTH, '')} (${scopeClass(scope) ?? 'not yet classed: the consent screen shows its class'})`;

/** What a change of scopes asks of the maintainer, before and after the release. */
export function reverifyText(change: ScopeChange, since: string): string {
  const lines = [`The manifest's oauthScopes changed since ${since}.`];
  if (change.added.length > 0) {
    lines.push('Added:', ...change.added.map(classed));
    lines.push(
      'Every user re-authorises the add-on at their next use, and automatic syncs stop until the owner does.',
      'Before publishing: add these scopes to the OAuth consent screen and the Marketplace SDK (App Configuration),',
      'and submit the consent screen for verification again where a scope is sensitive or restricted;',
      'until Google verifies it, users outside your domain see "This app isn\'t verified" (docs/publishing.md).',
    );
  }
  if (change.removed.length > 0)
    lines.push(
      'Removed:',
      ...change.removed.map(classed),
      'Remove them from the consent screen and the Marketplace SDK too.',
    );
  return lines.join('\n');
}

/** The release config's problem, or its ids. */
export function readReleaseConfig(
  root: string,
): { scriptId: string; deploymentId: string } | string {
  const file = join(root, RELEASE_CONFIG);
  const hint =
    'run `npm run setup:clasp -- --release <scriptId> <deploymentId>` with the standalone project’s IDs (docs/publishing.md).';
  if (!existsSync(file)) return `There is no ${RELEASE_CONFIG}: ${hint}`;
  try {
    const { scriptId, deploymentId } = JSON.parse(readFileSync(file, 'utf8'));
    if (
      typeof scriptId === 'string' &&
      ID.test(scriptId) &&
      typeof deploymentId === 'string' &&
      ID.test(deploymentId)
    )
      return { scriptId, deploymentId };
  } catch {
    // Same sentence as a missing id: the file must be rewritten either way.
  }
  return `${RELEASE_CONFIG} has no real script ID and deployment ID: ${hint}`;
}

/** The clasp command lines of a release, in order; the deployment is the existing one, never a new one. */
export function claspCommands(
  version: string,
  summary: string,
  deploymentId: string,
  versionNumber: string,
): string[][] {
  const project = ['-P', RELEASE_CONFIG];
  const description = `${version}: ${summary}`;
  return [
    [...project, 'push', '--force'],
    [...project, '--json', 'version', description],
    [
      ...project,
      'deploy',
      '--deploymentId',
      deploymentId,
      '--versionNumber',
      versionNumber,
      '--description',
      description,
    ],
  ];
}

/** The number `clasp --json version` printed (or its plain "Created version N"). */
export function versionNumberFrom(output: string): string | null {
  try {
    const n = JSON.parse(output.slice(output.indexOf('{'))).versionNumber;
    if (Number.isInteger(n)) return String(n);
  } catch {
    // Not JSON: an older clasp's sentence.
  }
  return /Created version (\d+)/.exec(output)?.[1] ?? null;
}

/** A command line as a shell would show it (quotes only where needed). */
export const shellLine = (command: string, args: readonly string[]): string =>
  [
    command,
    ...args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)),
  ].join(' ');

interface Ran {
  status: number;
  stdout: string;
}

/** Runs a program in the repository; output is shown as it comes unless `capture`. */
function run(
  root: string,
  command: string,
  args: readonly string[],
  capture = false,
  quiet = false,
): Ran {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'] : 'inherit',
  });
  if (result.error) throw new Error(`Could not run ${command}: ${result.error.message}`);
  return { status: result.status ?? 1, stdout: result.stdout ?? '' };
}

function must(root: string, command: string, args: readonly string[], capture = false): string {
  const ran = run(root, command, args, capture);
  if (ran.status !== 0) throw new Error(`${shellLine(command, args)} failed (exit ${ran.status}).`);
  return ran.stdout;
}

/** A question to git: its answer captured, its complaints ("No names found") not shown. */
const git = (root: string, ...args: string[]) => run(root, 'git', args, true, true);

/** What the repository says about the last release: its tag, the commits since, its manifest. */
function history(root: string): {
  tag: string | null;
  subjects: string[];
  scopes: string[] | null;
} {
  const described = git(root, 'describe', '--tags', '--abbrev=0', '--match', 'v[0-9]*');
  const tag = described.status === 0 ? described.stdout.trim() : null;
  const range = tag ? [`${tag}..HEAD`] : ['HEAD'];
  const log = git(root, 'log', '--first-parent', '--reverse', '--format=%s', ...range);
  const subjects = log.stdout.split('\n').filter((s) => s.trim() !== '');
  const shown = tag ? git(root, 'show', `${tag}:appsscript.json`) : null;
  const scopes = shown && shown.status === 0 ? manifestScopes(shown.stdout) : null;
  return { tag, subjects, scopes };
}

/** package.json and the lock's two copies of the version, as npm itself would write them. */
function writeVersion(root: string, version: string): void {
  for (const file of ['package.json', 'package-lock.json']) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const json = JSON.parse(readFileSync(path, 'utf8'));
    json.version = version;
    if (json.packages?.['']) json.packages[''].version = version;
    writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  }
}

const RELEASED_FILES = ['package.json', 'package-lock.json', 'CHANGELOG.md'];

const today = () => new Date().toISOString().slice(0, 10);

interface Plan {
  from: string;
  version: string;
  summary: string;
  entry: string;
  tag: string | null;
  deploymentId: string;
}

/** Everything decided before anything changes; a string is why the release cannot go ahead. */
function planRelease(root: string, args: ReleaseArgs): Plan | string {
  if (!args.dryRun) {
    const dirty = git(root, 'status', '--porcelain', '--untracked-files=no').stdout.trim();
    if (dirty)
      return `Commit or put aside your changes first: a release is made from committed work.\n${dirty}`;
  }
  const config = readReleaseConfig(root);
  if (typeof config === 'string' && !args.dryRun) return config;
  const { tag, subjects, scopes } = history(root);
  if (subjects.length === 0) return `Nothing to release: no commit since ${tag}.`;
  const current = manifestScopes(readFileSync(join(root, 'appsscript.json'), 'utf8'));
  if (tag && scopes) {
    const change = scopeChange(scopes, current);
    if (change.added.length + change.removed.length > 0) {
      console.log(reverifyText(change, tag));
      if (!args.newScopes)
        return 'Refused: give --new-scopes once the consent screen and the Marketplace SDK list the new scopes.';
    }
  } else {
    console.log(
      `First release: the OAuth consent screen and the Marketplace SDK must list these scopes, and Google verifies the sensitive ones before a public listing:\n${current.map(classed).join('\n')}`,
    );
  }
  const from = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const version = bumpVersion(from, args.bump);
  const summary = (args.summary ?? `${subjects.length} changes since ${tag ?? 'the start'}`).slice(
    0,
    100,
  );
  const entry = changelogEntry(version, today(), tag, subjects);
  const deploymentId =
    typeof config === 'string' ? `<deploymentId from ${RELEASE_CONFIG}>` : config.deploymentId;
  if (typeof config === 'string') console.log(`Note: ${config}`);
  return { from, version, summary, entry, tag, deploymentId };
}

/** Every step a release takes, as the commands it runs (the dry run prints exactly these). */
function steps(plan: Plan, skipChecks: boolean): string[] {
  const v = `v${plan.version}`;
  const clasp = claspCommands(plan.version, plan.summary, plan.deploymentId, '<n>');
  return [
    skipChecks ? `(checks skipped: ${SKIP_CHECKS_ENV}=1)` : 'npm test',
    `version ${plan.from} → ${plan.version} in package.json and package-lock.json`,
    `CHANGELOG.md: a ${plan.version} entry`,
    'npm run build',
    shellLine('git', ['add', ...RELEASED_FILES]),
    shellLine('git', ['commit', '-m', `Release ${v}: ${plan.summary}`]),
    shellLine('git', ['tag', '-a', v, '-m', `${plan.version}: ${plan.summary}`]),
    ...clasp.map((args) => shellLine('clasp', args)),
  ];
}

/** Puts the version files back when a step before the commit fails: a failed release changes nothing. */
function restoring(root: string, work: () => void): void {
  const saved = RELEASED_FILES.map((f) => {
    const path = join(root, f);
    return { path, text: existsSync(path) ? readFileSync(path, 'utf8') : null };
  });
  try {
    work();
  } catch (error) {
    for (const { path, text } of saved) {
      if (text !== null) writeFileSync(path, text);
      else rmSync(path, { force: true });
    }
    throw error;
  }
}

/** The release itself: checks, version, changelog, build, commit and tag, then clasp. */
function release(root: string, plan: Plan, skipChecks: boolean): void {
  const v = `v${plan.version}`;
  restoring(root, () => {
    if (skipChecks) console.log(`Checks skipped (${SKIP_CHECKS_ENV}=1).`);
    else must(root, 'npm', ['test']);
    writeVersion(root, plan.version);
    const changelog = join(root, 'CHANGELOG.md');
    const existing = existsSync(changelog) ? readFileSync(changelog, 'utf8') : null;
    writeFileSync(changelog, withChangelogEntry(existing, plan.entry));
    must(root, 'npm', ['run', 'build']);
  });
  must(root, 'git', ['add', ...RELEASED_FILES.filter((f) => existsSync(join(root, f)))]);
  must(root, 'git', ['commit', '--quiet', '-m', `Release ${v}: ${plan.summary}`]);
  must(root, 'git', ['tag', '-a', v, '-m', `${plan.version}: ${plan.summary}`]);
  try {
    const number = publishVersion(root, plan);
    console.log(
      `Released ${v}: Apps Script version ${number}, deployment ${plan.deploymentId}.\nNext: in the Google Workspace Marketplace SDK, App Configuration, set the version number to ${number} and save (docs/publishing.md).\nPush the commit and the tag: git push && git push origin ${v}`,
    );
  } catch (error) {
    // The commit and tag are made, so a second `npm run release` would find nothing to release.
    throw new Error(
      `${(error as Error).message}\nThe commit and the tag ${v} are made; finish with these, in order:\n${claspCommands(
        plan.version,
        plan.summary,
        plan.deploymentId,
        '<n>',
      )
        .map((a) => `  ${shellLine('clasp', a)}`)
        .join('\n')}`,
    );
  }
}

/** clasp's three steps; the Apps Script version number made. */
function publishVersion(root: string, plan: Plan): string {
  const [push, version] = claspCommands(plan.version, plan.summary, plan.deploymentId, '');
  must(root, 'clasp', push);
  const number = versionNumberFrom(must(root, 'clasp', version, true));
  if (!number)
    throw new Error(
      `clasp made a version but did not say its number: point the deployment at it by hand (clasp list-versions, then clasp deploy --deploymentId ${plan.deploymentId} --versionNumber N).`,
    );
  must(root, 'clasp', claspCommands(plan.version, plan.summary, plan.deploymentId, number)[2]);
  return number;
}

function main(argv: string[]): number {
  const root = process.cwd();
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(args);
    return 1;
  }
  const skipChecks = process.env[SKIP_CHECKS_ENV] === '1';
  try {
    const plan = planRelease(root, args);
    if (typeof plan === 'string') {
      console.error(plan);
      return 1;
    }
    if (args.dryRun) {
      console.log(`Dry run: nothing is changed. A release of ${plan.version} would run:`);
      for (const line of steps(plan, skipChecks)) console.log(`  ${line}`);
      console.log(`  (<n> is the version number \`clasp version\` prints)\n\n${plan.entry}`);
      return 0;
    }
    release(root, plan, skipChecks);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
