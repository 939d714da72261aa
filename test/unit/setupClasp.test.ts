// .clasp.json is made locally from the committed template, and deploy refuses to push without a real script ID.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReleaseConfig } from '../../scripts/release';
import { claspConfig, claspProblem, releaseConfig } from '../../scripts/setupClasp';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefghijk';
const template = readFileSync(join(__dirname, '../../.clasp.json.example'), 'utf8');

describe('setup:clasp', () => {
  it('fills the template with the script ID and keeps its rootDir', () => {
    expect(JSON.parse(claspConfig(template, ` ${ID}\n`))).toEqual({
      scriptId: ID,
      rootDir: 'dist',
    });
  });

  it.each(['', 'YOUR_SCRIPT_ID', `https://script.google.com/d/${ID}/edit`, 'abc'])(
    'refuses %p as a script ID',
    (bad) => {
      expect(() => claspConfig(template, bad)).toThrow('is not a script ID');
    },
  );

  it('lets deploy push only once .clasp.json holds a real script ID', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swp-clasp-'));
    expect(claspProblem(dir)).toMatch(/^There is no \.clasp\.json: run `npm run setup:clasp/);
    writeFileSync(join(dir, '.clasp.json'), template);
    expect(claspProblem(dir)).toMatch(/no real script ID/);
    writeFileSync(join(dir, '.clasp.json'), '{');
    expect(claspProblem(dir)).toMatch(/not valid JSON/);
    writeFileSync(join(dir, '.clasp.json'), claspConfig(template, ID));
    expect(claspProblem(dir)).toBeNull();
  });

  it('is never committed: .clasp.json is ignored and the template is not', () => {
    const ignored = readFileSync(join(__dirname, '../../.gitignore'), 'utf8').split('\n');
    expect(ignored).toContain('.clasp.json');
    expect(ignored).not.toContain('.clasp.json.example');
  });

  it('writes the release project with its deployment, which the release command then reads', () => {
    const releaseTemplate = readFileSync(
      join(__dirname, '../../.clasp.release.json.example'),
      'utf8',
    );
    const deployment = 'AKfycbx0123456789abcdefghijklmnopqrstuvwxyzABCD';
    const dir = mkdtempSync(join(tmpdir(), 'swp-release-'));
    expect(readReleaseConfig(dir)).toMatch(/^There is no \.clasp\.release\.json/);
    writeFileSync(join(dir, '.clasp.release.json'), releaseTemplate);
    expect(readReleaseConfig(dir)).toMatch(/no real script ID and deployment ID/);
    const written = releaseConfig(releaseTemplate, ID, ` ${deployment}\n`);
    expect(JSON.parse(written)).toEqual({
      scriptId: ID,
      rootDir: 'dist',
      deploymentId: deployment,
    });
    writeFileSync(join(dir, '.clasp.release.json'), written);
    expect(readReleaseConfig(dir)).toEqual({ scriptId: ID, deploymentId: deployment });
    expect(() => releaseConfig(releaseTemplate, ID, 'YOUR_DEPLOYMENT_ID')).toThrow(
      'is not a deployment ID',
    );
    const ignored = readFileSync(join(__dirname, '../../.gitignore'), 'utf8').split('\n');
    expect(ignored).toContain('.clasp.release.json');
  });
});
