// `npm run release` end to end in a throw-away repository, with a fake `clasp` on PATH that records what it is asked.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SKIP_CHECKS_ENV } from '../../scripts/release';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const RELEASE = join(ROOT, 'scripts/release.ts');
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefghijk';
const DEPLOYMENT_ID = 'AKfycbx0123456789abcdefghijklmnopqrstuvwxyzABCD';
const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));

/** The fake clasp: one JSON line of arguments per call; `version` answers as clasp 3 does with --json. */
const FAKE_CLASP = `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_CLASP_LOG, JSON.stringify(args) + '\\n');
if (process.env.FAKE_CLASP_FAIL && args.includes(process.env.FAKE_CLASP_FAIL)) process.exit(1);
if (args.includes('version')) console.log(JSON.stringify({ versionNumber: 7 }, null, 2));
`;

function write(dir: string, file: string, text: string): void {
  writeFileSync(join(dir, file), text);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A repository with one release (v1.4.2) behind it and two main-line commits since. */
function repository() {
  const dir = mkdtempSync(join(tmpdir(), 'swp-release-repo-'));
  const bin = join(dir, '.fake-bin');
  mkdirSync(bin);
  write(bin, 'clasp', FAKE_CLASP);
  chmodSync(join(bin, 'clasp'), 0o755);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  write(dir, '.gitignore', 'dist/\n.clasp.release.json\n.fake-bin/\nchecks-ran\nBUILD_FAIL\n');
  write(
    dir,
    'package.json',
    json({
      name: 'release-probe',
      version: '1.4.2',
      private: true,
      scripts: { build: 'node build.js', test: 'node check.js' },
    }),
  );
  write(
    dir,
    'package-lock.json',
    json({
      name: 'release-probe',
      version: '1.4.2',
      lockfileVersion: 3,
      packages: { '': { name: 'release-probe', version: '1.4.2' } },
    }),
  );
  // The probe's build embeds the version as the real one does; its checks fail on demand.
  write(
    dir,
    'build.js',
    "const fs = require('fs'); if (fs.existsSync('BUILD_FAIL')) process.exit(2); fs.mkdirSync('dist', { recursive: true }); fs.writeFileSync('dist/Code.js', 'var VERSION = ' + JSON.stringify(require('./package.json').version) + ';\\n');\n",
  );
  write(
    dir,
    'check.js',
    "require('fs').writeFileSync('checks-ran', ''); process.exit(require('fs').existsSync('FAIL') ? 1 : 0);\n",
  );
  write(dir, 'appsscript.json', json(manifest));
  write(
    dir,
    '.clasp.release.json',
    json({ scriptId: SCRIPT_ID, rootDir: 'dist', deploymentId: DEPLOYMENT_ID }),
  );
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.email', 'maintainer@example.org');
  git('config', 'user.name', 'Maintainer');
  git('add', '.');
  git('commit', '--quiet', '-m', 'The first version');
  git('tag', '-a', 'v1.4.2', '-m', '1.4.2: the first version');
  write(dir, 'notes.txt', 'a fix\n');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Rows keep their IDs after a sort');
  write(dir, 'notes.txt', 'a fix\nand a feature\n');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Merge issue 9: weekly email');
  const release = (args: string[], env: Record<string, string> = { [SKIP_CHECKS_ENV]: '1' }) => {
    const log = join(dir, '.fake-bin', 'calls.log');
    const result = spawnSync(TSX, [RELEASE, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, FAKE_CLASP_LOG: log },
    });
    const calls = existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as string[])
      : [];
    return { status: result.status, out: `${result.stdout}${result.stderr}`, calls };
  };
  const version = () => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  return { dir, git, release, version };
}

const PROJECT = ['-P', '.clasp.release.json'];

describe('npm run release', () => {
  it('releases end to end: version, changelog, tag, then push, version and the same deployment', () => {
    const repo = repository();
    const { status, out, calls } = repo.release(['minor', '--summary', 'Weekly email']);
    expect({ status, out }).toMatchObject({ status: 0 });
    expect(repo.version()).toBe('1.5.0');
    const lock = JSON.parse(readFileSync(join(repo.dir, 'package-lock.json'), 'utf8'));
    expect([lock.version, lock.packages[''].version]).toEqual(['1.5.0', '1.5.0']);
    // Built after the bump: the pushed bundle carries the new version.
    expect(readFileSync(join(repo.dir, 'dist/Code.js'), 'utf8')).toContain('"1.5.0"');
    const changelog = readFileSync(join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^# Changelog\n/);
    expect(changelog).toContain('## 1.5.0 — ');
    expect(changelog).toContain(
      '2 changes since v1.4.2:\n\n- Rows keep their IDs after a sort\n- Merge issue 9: weekly email\n',
    );
    expect(changelog).not.toContain('The first version');
    expect(repo.git('describe', '--tags', '--exact-match', 'HEAD').trim()).toBe('v1.5.0');
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('Release v1.5.0: Weekly email');
    expect(repo.git('status', '--porcelain', '--untracked-files=no')).toBe('');
    expect(calls).toEqual([
      [...PROJECT, 'push', '--force'],
      [...PROJECT, '--json', 'version', '1.5.0: Weekly email'],
      [
        ...PROJECT,
        'deploy',
        '--deploymentId',
        DEPLOYMENT_ID,
        '--versionNumber',
        '7',
        '--description',
        '1.5.0: Weekly email',
      ],
    ]);
    expect(out).toContain('set the version number to 7');
    // The next release's changelog starts from this tag and keeps the earlier entry below.
    repo.git('commit', '--quiet', '--allow-empty', '-m', 'Clearer refusal wording');
    expect(repo.release(['patch']).status).toBe(0);
    const next = readFileSync(join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(next.indexOf('## 1.5.1')).toBeLessThan(next.indexOf('## 1.5.0'));
    expect(next).toContain('1 changes since v1.5.0:\n\n- Clearer refusal wording\n');
  });

  it('refuses a changed set of scopes unless --new-scopes, and says what must be verified again', () => {
    const repo = repository();
    write(
      repo.dir,
      'appsscript.json',
      json({
        ...manifest,
        oauthScopes: [
          ...manifest.oauthScopes,
          'https://www.googleapis.com/auth/calendar.events.owned',
        ],
      }),
    );
    repo.git('commit', '--quiet', '-am', 'Owned-calendar events');
    const refused = repo.release(['patch']);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain("The manifest's oauthScopes changed since v1.4.2.");
    expect(refused.out).toMatch(/Added:\n\s+calendar\.events\.owned \(not yet classed/);
    expect(refused.out).toContain('submit the consent screen for verification again');
    expect(refused.out).toContain('Refused: give --new-scopes');
    expect(refused.calls).toEqual([]);
    expect(repo.version()).toBe('1.4.2');
    expect(repo.git('tag').trim()).toBe('v1.4.2');
    const accepted = repo.release(['patch', '--new-scopes']);
    expect(accepted.status).toBe(0);
    expect(repo.version()).toBe('1.4.3');
    const verbs = ['push', 'version', 'deploy'];
    expect(accepted.calls.map((c) => c.find((a) => verbs.includes(a)))).toEqual(verbs);
  });
});

describe('npm run release -- --dry-run', () => {
  it('--dry-run prints the exact commands and changes nothing', () => {
    const repo = repository();
    const head = repo.git('rev-parse', 'HEAD');
    const { status, out, calls } = repo.release(['patch', '--dry-run'], {});
    expect(status).toBe(0);
    expect(out).toContain('npm test\n');
    expect(out).toContain(`clasp -P .clasp.release.json push --force\n`);
    expect(out).toContain(
      `clasp -P .clasp.release.json --json version '1.4.3: 2 changes since v1.4.2'\n`,
    );
    expect(out).toContain(
      `clasp -P .clasp.release.json deploy --deploymentId ${DEPLOYMENT_ID} --versionNumber '<n>' --description '1.4.3: 2 changes since v1.4.2'\n`,
    );
    expect(calls).toEqual([]);
    expect(existsSync(join(repo.dir, 'checks-ran'))).toBe(false);
    expect(existsSync(join(repo.dir, 'CHANGELOG.md'))).toBe(false);
    expect(repo.version()).toBe('1.4.2');
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.git('tag').trim()).toBe('v1.4.2');
  });
});

describe('npm run release, stopped', () => {
  it('runs the checks first and releases nothing when they fail', () => {
    const repo = repository();
    write(repo.dir, 'FAIL', '');
    const { status, out, calls } = repo.release(['patch'], {});
    expect(status).toBe(1);
    expect(out).toContain('npm test failed');
    expect(existsSync(join(repo.dir, 'checks-ran'))).toBe(true);
    expect(calls).toEqual([]);
    expect(repo.version()).toBe('1.4.2');
    expect(repo.git('status', '--porcelain', '--untracked-files=no')).toBe('');
  });

  it('puts the version and changelog back when the build fails after the bump', () => {
    const repo = repository();
    write(repo.dir, 'BUILD_FAIL', '');
    const { status, out, calls } = repo.release(['patch']);
    expect(status).toBe(1);
    expect(out).toContain('npm run build failed');
    expect(repo.version()).toBe('1.4.2');
    const lock = JSON.parse(readFileSync(join(repo.dir, 'package-lock.json'), 'utf8'));
    expect(lock.version).toBe('1.4.2');
    expect(existsSync(join(repo.dir, 'CHANGELOG.md'))).toBe(false);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('tag').trim()).toBe('v1.4.2');
    expect(calls).toEqual([]);
  });

  it('says how to finish by hand when clasp fails after the tag', () => {
    const repo = repository();
    const { status, out, calls } = repo.release(['patch'], {
      [SKIP_CHECKS_ENV]: '1',
      FAKE_CLASP_FAIL: 'version',
    });
    expect(status).toBe(1);
    expect(calls.map((c) => c.find((a) => a === 'push' || a === 'version'))).toEqual([
      'push',
      'version',
    ]);
    expect(out).toContain('The commit and the tag v1.4.3 are made; finish with these, in order:');
    expect(out).toContain(
      `clasp -P .clasp.release.json deploy --deploymentId ${DEPLOYMENT_ID} --versionNumber '<n>'`,
    );
    expect(repo.git('tag').split('\n')).toContain('v1.4.3');
  });

  it('refuses uncommitted changes and a missing release project', () => {
    const repo = repository();
    write(repo.dir, 'notes.txt', 'typed but not committed\n');
    expect(repo.release(['patch']).out).toContain('Commit or put aside your changes first');
    repo.git('checkout', '--', 'notes.txt');
    execFileSync('rm', [join(repo.dir, '.clasp.release.json')]);
    const missing = repo.release(['patch']);
    expect(missing.status).toBe(1);
    expect(missing.out).toContain(
      'There is no .clasp.release.json: run `npm run setup:clasp -- --release',
    );
    expect(missing.calls).toEqual([]);
  });
});
