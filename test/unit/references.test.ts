// No file of the repository cites a file that is not in it (facts and practice live in docs/).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', 'package-lock.json']);
const TEXT = /\.(ts|md|mjs|cjs|js|html|css|json)$/;

function repoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return repoFiles(path);
    return TEXT.test(name) ? [path] : [];
  });
}

/** Files that were only ever outside the repository (the facts list and the practice seeds). */
const OUTSIDE = /APPS-SCRIPT-FACTS|\bshared\/seeds\b|\bseeds\/[\w-]+\.txt/;

/** A path into the repository named in prose, a comment or a doc: `docs/x.md`, emulator/y.ts … */
const REPO_PATH =
  /(?<![\w./@-])((?:src|emulator|test|docs|sidebar|preview|scripts)\/[\w./*-]*\.(?:ts|md|mjs|cjs|json|html|css|png))/g;
/** A relative Markdown link: [text](../x.md). */
const MD_LINK = /\]\((\.{1,2}\/[^)#\s]+|[\w-]+\.md)(?:#[^)]*)?\)/g;

function exists(path: string): boolean {
  if (!path.includes('*')) return existsSync(path);
  // `sidebar/*/main.ts`: some folder must match.
  const [head, ...rest] = path.split('*');
  const dir = dirname(`${head}x`);
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((name) => exists(join(dir, name) + rest.join('*')));
}

/** Every cited path of a file that does not exist (resolved from the root, or beside the file). */
function deadReferences(file: string, text: string): string[] {
  const dead: string[] = [];
  for (const line of text.split('\n')) {
    if (OUTSIDE.test(line)) dead.push(`outside the repository: ${line.trim()}`);
  }
  for (const m of text.matchAll(REPO_PATH)) {
    const cited = m[1].replace(/[.,;:]+$/, '');
    if (!exists(join(ROOT, cited)) && !exists(join(dirname(file), cited))) dead.push(cited);
  }
  if (file.endsWith('.md')) {
    for (const m of text.matchAll(MD_LINK)) {
      if (!exists(resolve(dirname(file), m[1]))) dead.push(m[1]);
    }
  }
  return dead;
}

describe('references', () => {
  it('every path a file of the repository cites is in the repository', () => {
    const files = repoFiles(ROOT).filter((f) => !f.endsWith('references.test.ts'));
    expect(files.length).toBeGreaterThan(100);
    const dead = files.flatMap((file) =>
      deadReferences(file, readFileSync(file, 'utf8')).map((d) => `${relative(ROOT, file)}: ${d}`),
    );
    expect(dead).toEqual([]);
  });

  it('catches a citation of a missing file, of the old facts list and of the seeds', () => {
    const here = join(ROOT, 'docs/x.md');
    expect(deadReferences(here, 'see `docs/google-facts.md`')).toEqual([]);
    expect(deadReferences(here, 'see `docs/no-such-page.md`')).toEqual(['docs/no-such-page.md']);
    expect(deadReferences(here, 'see [emulator](emulator.md) and [x](./gone.md)')).toEqual([
      './gone.md',
    ]);
    expect(deadReferences(here, '// (APPS-SCRIPT-FACTS.md, "Dates")')).toHaveLength(1);
    expect(deadReferences(here, 'written from seeds/shared-work-plan.txt')).toHaveLength(1);
    expect(deadReferences(here, 'one sidebar: `sidebar/*/main.ts`')).toEqual([]);
  });
});
