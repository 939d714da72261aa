// The domain core stays free of Apps Script globals, so it runs in Node and in the browser as is;
// the emulator shares no code with the add-on it checks; nothing in src/ exists only for tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

const GLOBALS =
  /\b(SpreadsheetApp|CalendarApp|PropertiesService|LockService|CacheService|ScriptApp|HtmlService|Session|Utilities|MailApp|Charts|DriveApp|UrlFetchApp|Calendar\.(Events|Acl|Calendars|CalendarList))\b|typeof Calendar\b/;

/** The one file that reaches Google's globals: everything else receives the services as values. */
const GOOGLE = join(SRC, 'adapters', 'google.ts');

/** Lines naming one of Google's globals, outside comments (the GoogleAppsScript types are fine). */
function globalUses(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.replace(/GoogleAppsScript\.[\w.]+/g, ''), at: i + 1 }))
    .filter(({ line }) => !/^(\/\/|\/?\*)/.test(line.trim()) && GLOBALS.test(line))
    .map(({ at }) => `${relative(ROOT, file)}:${at}`);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every module a file names: static imports and re-exports (types included: a type the product
 * uses is product code), dynamic `import()` and `require()`.
 */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]);
  return found;
}

/** The file a relative specifier resolves to (as esbuild and tsc would), or null for packages. */
function resolveImport(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), spec);
  const candidates = [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
}

const inside = (dir: string, file: string) => !relative(dir, file).startsWith('..');

/** Every file reachable from the entry points by relative imports. */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, spec);
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe('architecture', () => {
  it('names Apps Script globals only in src/adapters/google.ts: the rest receives them injected', () => {
    const offenders = files(SRC)
      .filter((file) => file !== GOOGLE)
      .flatMap(globalUses);
    expect(offenders).toEqual([]);
    // The rule sees what it guards: the one allowed file does name them.
    expect(globalUses(GOOGLE).length).toBeGreaterThan(10);
  });

  it('keeps Sheets cell, tab and chart calls out of src/actions: adapters make them', () => {
    const SHEETS_CALLS =
      /\.(getRange|getRangeList|getDataRange|getValues?|setValues?|getDisplayValues?|setFormulas?|insertSheet|getSheetByName|deleteSheet|insertRows\w*|deleteRows?|appendRow|getCharts|insertChart|updateChart|removeChart|newChart)\(/;
    const offenders = files(join(SRC, 'actions')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: i + 1 }))
        .filter(({ line }) => !/^(\/\/|\/?\*)/.test(line.trim()) && SHEETS_CALLS.test(line))
        .map(({ at }) => `${relative(ROOT, file)}:${at}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the emulator out of the add-on source', () => {
    const offenders = files(SRC).filter((file) =>
      specifiers(readFileSync(file, 'utf8')).some((spec) => {
        const target = resolveImport(file, spec);
        return target !== null && inside(join(ROOT, 'emulator'), target);
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the add-on source out of the emulator: it checks the add-on, it must not share its code', () => {
    const offenders = files(join(ROOT, 'emulator')).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((spec) => {
          const target = resolveImport(file, spec);
          return target !== null && inside(SRC, target);
        })
        .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('has nothing in src/ that only tests use: every file is reached from the add-on or a sidebar', () => {
    const sidebars = readdirSync(join(ROOT, 'sidebar'))
      .map((name) => join(ROOT, 'sidebar', name, 'main.ts'))
      .filter((file) => existsSync(file));
    expect(sidebars.length).toBeGreaterThan(0);
    const used = reachable([join(SRC, 'index.ts'), ...sidebars]);
    const unused = files(SRC)
      .filter((file) => !used.has(file))
      .map((file) => relative(ROOT, file));
    expect(unused).toEqual([]);
  });
});

describe('the import scanner the rules above rest on', () => {
  it('sees every form of import, and resolves folders and extensions', () => {
    const source = [
      "import type { A } from '../../src/a';",
      "import {\n  b,\n  c,\n} from './b';",
      "export { d } from './d';",
      "export * from './e';",
      "import './f';",
      "const g = require('./g');",
      "const h = await import('./h');",
      "import x from 'node:fs';",
    ].join('\n');
    expect(specifiers(source).sort()).toEqual(
      ['../../src/a', './b', './d', './e', './f', './g', './h', 'node:fs'].sort(),
    );
    const here = join(ROOT, 'test', 'unit', 'any.ts');
    expect(resolveImport(here, 'node:fs')).toBeNull();
    expect(resolveImport(join(ROOT, 'emulator', 'any.ts'), '../src/index')).toBe(
      join(SRC, 'index.ts'),
    );
    expect(resolveImport(join(ROOT, 'emulator', 'any.ts'), '../src/domain/time/zones')).toBe(
      join(SRC, 'domain/time/zones.ts'),
    );
  });

  it('flags a src/ file no entry point reaches', () => {
    const used = reachable([join(SRC, 'index.ts')]);
    expect(used.has(join(SRC, 'index.ts'))).toBe(true);
    expect(used.size).toBeGreaterThan(10);
  });
});
