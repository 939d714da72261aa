// `npm run setup:clasp -- <scriptId>`: writes the local, ignored .clasp.json from .clasp.json.example; `deploy` checks it first.
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
    if (args.length !== 1) {
      console.error('Usage: npm run setup:clasp -- <scriptId>');
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
