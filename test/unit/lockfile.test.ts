// `npm ci` refuses a lock with missing optional entries: catch that here rather than in CI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('package-lock.json', () => {
  it('has an entry for every optional dependency (run scripts/complete-lockfile.mjs after npm install)', () => {
    const lock = JSON.parse(readFileSync(join(__dirname, '../../package-lock.json'), 'utf8'));
    const packages: Record<string, { optionalDependencies?: Record<string, string> }> =
      lock.packages;
    const missing = Object.entries(packages).flatMap(([path, meta]) =>
      Object.keys(meta.optionalDependencies ?? {}).filter(
        (dep) => !packages[`${path}/node_modules/${dep}`] && !packages[`node_modules/${dep}`],
      ),
    );
    expect(missing).toEqual([]);
  });
});
