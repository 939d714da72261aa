// `npm run setup:clasp -- <scriptId>` (the bound development script) or `-- --release <scriptId> <deploymentId>` (the standalone project releases go to): ignored clasp files from their templates.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Apps Script IDs are long URL-safe strings (Project Settings › IDs); a pasted URL or placeholder is refused. */
const SCRIPT_ID = /^[A-Za-z0-9_-]{20,}$/;
const PLACEHOLDER = 'YOUR_SCRIPT_ID';

export function claspConfig(template: string, scriptId: string): string {
  const id = scriptId.trim();
  if (!SCRIPT_ID.test(id) || id === PLACEHOLDER)
    throw new Error(
      `“${scriptId}” is not a script ID: copy it from the Apps Script editor, Project Settings › IDs › Script ID.`,
    );
  return `${JSON.stringify({ ...JSON.parse(template), scriptId: id }, null, 2)}\n`;
}

/**
 * The release project's file: the standalone script's ID and the one deployment every release
 * updates (a new deployment would disable every installed trigger), from Deploy › Manage deployments.
 */
export function releaseConfig(template: string, scriptId: string, deploymentId: string): string {
  const id = deploymentId.trim();
  if (!SCRIPT_ID.test(id) || id.startsWith('YOUR_'))
    throw new Error(
      `“${deploymentId}” is not a deployment ID: copy it from the Apps Script editor, Deploy › Manage deployments (it starts with AKfy).`,
    );
  const withScript = JSON.parse(claspConfig(template, scriptId));
  return `${JSON.stringify({ ...withScript, deploymentId: id }, null, 2)}\n`;
}

/** Why `clasp push` would fail or push to the wrong place, or null when .clasp.json is ready. */
export function claspProblem(root: string): string | null {
  const file = join(root, '.clasp.json');
  const hint =
    'run `npm run setup:clasp -- <scriptId>` or `npx clasp create-script --type sheets --title "Shared Work Plan" --rootDir dist` first.';
  if (!existsSync(file)) return `There is no .clasp.json: ${hint}`;
  let scriptId: unknown;
  try {
    scriptId = JSON.parse(readFileSync(file, 'utf8')).scriptId;
  } catch {
    return `.clasp.json is not valid JSON: ${hint}`;
  }
  if (typeof scriptId !== 'string' || !SCRIPT_ID.test(scriptId) || scriptId === PLACEHOLDER)
    return `.clasp.json has no real script ID: ${hint}`;
  return null;
}

function main(args: string[]): number {
  const root = join(__dirname, '..');
  try {
    if (args[0] === '--check') {
      const problem = claspProblem(root);
      if (problem) console.error(problem);
      return problem ? 1 : 0;
    }
    if (args[0] === '--release' && args.length === 3) {
      const template = readFileSync(join(root, '.clasp.release.json.example'), 'utf8');
      writeFileSync(join(root, '.clasp.release.json'), releaseConfig(template, args[1], args[2]));
      console.log('Wrote .clasp.release.json: `npm run release` now releases to that project.');
      return 0;
    }
    if (args.length !== 1 || args[0].startsWith('--')) {
      console.error(
        'Usage: npm run setup:clasp -- <scriptId>   (the bound script you develop with)\n' +
          '       npm run setup:clasp -- --release <scriptId> <deploymentId>   (the standalone project you release)',
      );
      return 1;
    }
    const template = readFileSync(join(root, '.clasp.json.example'), 'utf8');
    writeFileSync(join(root, '.clasp.json'), claspConfig(template, args[0]));
    console.log('Wrote .clasp.json: `npm run deploy` now pushes to that script.');
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
