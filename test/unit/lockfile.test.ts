// `npm ci` refuses a lock with missing optional entries, and an unpinned entry installs whatever the registry serves: catch both here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  version?: string;
  integrity?: string;
  link?: boolean;
  optionalDependencies?: Record<string, string>;
}

const lock: { packages: Record<string, LockEntry> } = JSON.parse(
  readFileSync(join(__dirname, '../../package-lock.json'), 'utf8'),
);
const packages = lock.packages;

describe('package-lock.json', () => {
  it('has an entry for every optional dependency, every platform (run npm run lock:refresh after npm install)', () => {
    const missing = Object.entries(packages).flatMap(([path, meta]) =>
      Object.keys(meta.optionalDependencies ?? {}).filter(
        (dep) => !packages[`${path}/node_modules/${dep}`] && !packages[`node_modules/${dep}`],
      ),
    );
    expect(missing).toEqual([]);
  });

  it('pins every installed package with its integrity, platform builds included', () => {
    const unpinned = Object.entries(packages)
      .filter(([path, meta]) => path !== '' && !meta.link && !meta.integrity)
      .map(([path]) => path);
    expect(unpinned).toEqual([]);
  });
});
