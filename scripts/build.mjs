// Builds dist/: one Apps Script file (IIFE + top-level forwarders), one self-contained HTML per sidebar.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { writeZoneModule } from './zoneNames.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
export const GLOBAL_NAME = 'SharedWorkPlan';

/** The one place the version lives is package.json; the bundle and each sidebar carry it from here. */
export const VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/**
 * Apps Script can only call top-level `function` declarations (menus, triggers, google.script.run),
 * so the bundle's exports are discovered by running the IIFE once in an empty context, and each
 * exported function gets a forwarder. Module top-level code must therefore not touch Google's
 * services, which is also what Apps Script requires (every file runs on every execution).
 */
function exportedFunctions(bundle) {
  const context = vm.createContext({ console });
  vm.runInContext(`${bundle}\nthis.__exports = ${GLOBAL_NAME};`, context);
  const exportsObject = context.__exports;
  return Object.keys(exportsObject)
    .filter((name) => typeof exportsObject[name] === 'function')
    .sort();
}

function forwarders(names) {
  return names
    .map(
      (name) =>
        `/** Forwards to ${GLOBAL_NAME}.${name} (Apps Script calls top-level functions only). */\n` +
        `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}\n`,
    )
    .join('\n');
}

async function buildServer() {
  const result = await build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    platform: 'neutral',
    target: 'es2019',
    // Apps Script compiles the whole project on every execution (each trigger, each sidebar call):
    // whitespace and syntax minification cut its size by a third. Identifiers stay as written, so
    // stack traces and the public top-level names read as in src/ (no keepNames either: its 800
    // `__name` calls ran at every load, and V8 names stack frames from the source, not `.name`).
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: false,
    define: { __SWP_VERSION__: JSON.stringify(VERSION) },
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  const names = exportedFunctions(bundle);
  if (names.length === 0) throw new Error('src/index.ts exports no functions');
  const code = `// Shared Work Plan: built by scripts/build.mjs from src/ — do not edit.\n${bundle}\n${forwarders(names)}`;
  if (/^\s*export\s/m.test(code) || /\bexport\s*\{/.test(code)) {
    throw new Error('An ES module `export` reached dist/Code.js: Apps Script would reject it');
  }
  writeFileSync(join(dist, 'Code.js'), code);
  writeFileSync(join(dist, 'exports.json'), `${JSON.stringify(names, null, 2)}\n`);
  return names;
}

/** `</script` inside an inlined script would end the tag early. */
const inlineScript = (js) => js.replace(/<\/script/gi, '<\\/script');

/**
 * The version in each sidebar's footer, so a partner reporting a problem can say which release they
 * see (a stale sidebar left open across a release shows the older one). A page with a
 * `<!-- version -->` marker gets the bare version there; any other gets a small footer at the end.
 */
export function withVersion(page, version = VERSION) {
  if (page.includes('<!-- version -->')) return page.replace('<!-- version -->', () => version);
  const footer = `<footer class="swp-version" style="margin-top:16px;color:#5f6368;font-size:11px">Shared Work Plan ${version}</footer>`;
  return page.replace(/<\/body>/i, () => `${footer}\n</body>`);
}

async function buildSidebar(name) {
  const folder = join(root, 'sidebar', name);
  const html = readFileSync(join(folder, 'index.html'), 'utf8');
  const result = await build({
    entryPoints: [join(folder, 'main.ts')],
    // Named output (never written: write is false) so the script is told apart from any CSS output.
    outfile: join(dist, `${name}.js`),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  if (js.trim() === '') throw new Error(`sidebar/${name}/main.ts bundled to nothing`);
  const css = ['../common/styles.css', 'styles.css']
    .map((file) => join(folder, file))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  if (!html.includes('<!-- styles -->') || !html.includes('<!-- script -->')) {
    throw new Error(`sidebar/${name}/index.html needs <!-- styles --> and <!-- script --> markers`);
  }
  const page = withVersion(
    html
      .replace('<!-- styles -->', () => `<style>\n${css}\n</style>`)
      .replace('<!-- script -->', () => `<script>\n${inlineScript(js)}\n</script>`),
  );
  writeFileSync(join(dist, `${name}.html`), page);
}

export async function buildAll() {
  // The zone list follows the platform's tzdata: regenerated when Node's differs from the recorded one.
  if (writeZoneModule()) console.log(`zone list regenerated from tzdata ${process.versions.tz}`);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const names = await buildServer();
  const sidebars = readdirSync(join(root, 'sidebar'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'sidebar', d.name, 'index.html')))
    .map((d) => d.name);
  for (const sidebar of sidebars) await buildSidebar(sidebar);
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  return { names, sidebars };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { names, sidebars } = await buildAll();
  console.log(
    `dist/Code.js (version ${VERSION}): ${names.length} public functions; sidebars: ${sidebars.join(', ')}`,
  );
}
