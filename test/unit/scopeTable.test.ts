// docs/publishing.md's scope table is the manifest's scopes with the README's reasons, and says which are sensitive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUTH,
  manifestScopes,
  SCOPE_CLASSES,
  scopeTable,
  TABLE_END,
  TABLE_START,
  withScopeTable,
} from '../../scripts/scopes';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('npm run scopes', () => {
  it('keeps docs/publishing.md in step with appsscript.json and the README', () => {
    const table = scopeTable(read('appsscript.json'), read('README.md'));
    const page = read('docs/publishing.md');
    expect(withScopeTable(page, table)).toBe(page);
  });

  it('lists every manifest scope once, with its full name and a class', () => {
    const scopes = manifestScopes(read('appsscript.json'));
    const table = scopeTable(read('appsscript.json'), read('README.md'));
    for (const scope of scopes) {
      const rows = table.split('\n').filter((l) => l.startsWith(`| \`${scope}\` |`));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatch(/\| (non-sensitive|sensitive|restricted) \|/);
    }
    // Every classed scope is one the add-on asks for: a dropped scope leaves no stale class.
    expect(Object.keys(SCOPE_CLASSES).sort()).toEqual(
      scopes.map((s) => s.replace(AUTH, '')).sort(),
    );
  });

  it('refuses a manifest scope the README does not explain, and a page without markers', () => {
    const manifest = JSON.stringify({ oauthScopes: [`${AUTH}drive`] });
    expect(() => scopeTable(manifest, read('README.md'))).toThrow(
      `README.md's permissions table does not explain ${AUTH}drive.`,
    );
    expect(() => withScopeTable('# no markers', 'x')).toThrow(TABLE_START);
    expect(withScopeTable(`a\n${TABLE_START}\nold\n${TABLE_END}\nb`, 'new')).toBe(
      `a\n${TABLE_START}\nnew\n${TABLE_END}\nb`,
    );
  });
});
