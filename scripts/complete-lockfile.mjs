// Adds lock entries for platform-specific optional packages this machine's registry does not serve.
//
// Why: the registry reachable here serves only some platform builds (e.g. @biomejs/cli-linux-x64
// but not @biomejs/cli-darwin-x64), so `npm install` leaves the others out of package-lock.json,
// and `npm ci` then refuses the lock as "out of sync". An entry that names the package, its
// version and its os/cpu lets `npm ci` see the lock as complete and skip the package on Linux,
// exactly as it would with a full lock. Run after any `npm install` that changes the lock:
//   node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
  'android',
  'darwin',
  'freebsd',
  'linux',
  'win32',
  'openharmony',
  'sunos',
  'aix',
  'openbsd',
  'netbsd',
];
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  arm: 'arm',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.map((t) => CPU[t]).find(Boolean);
  if (!os || !cpu) return null;
  const entry = { os: [os], cpu: [cpu] };
  if (tokens.includes('musl') || tokens.includes('musleabihf')) entry.libc = ['musl'];
  else if (os === 'linux' && (tokens.includes('gnu') || tokens.includes('gnueabihf')))
    entry.libc = ['glibc'];
  return entry;
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path}/node_modules/${dep}`;
    const top = `node_modules/${dep}`;
    if (packages[nested] || packages[top]) continue;
    const platform = platformOf(dep);
    if (!platform) {
      console.warn(`left alone: ${dep} (not a platform package)`);
      continue;
    }
    packages[top] = {
      version: version.replace(/^[~^]/, ''),
      dev: meta.dev ?? undefined,
      optional: true,
      ...platform,
    };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform entries the registry does not serve`);
