// The README's permissions table lists exactly the manifest's oauthScopes, so what people read is what the add-on asks for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const AUTH = 'https://www.googleapis.com/auth/';

/** The scopes named in the first column of the README's permissions table. */
function readmeScopes(readme: string): string[] {
  const section = readme.split('### Permissions')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([\w.]+)` \|/gm)].map((m) => `${AUTH}${m[1]}`);
}

describe('permissions', () => {
  it('the README table and appsscript.json name the same scopes', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    const listed = readmeScopes(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(listed.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual([...manifest.oauthScopes].sort());
  });

  it('notices a scope missing from the table', () => {
    const table =
      '### Permissions\n\n| scope | why |\n| --- | --- |\n| `calendar.acls` | share |\n';
    expect(readmeScopes(table)).toEqual([`${AUTH}calendar.acls`]);
    expect(readmeScopes(`${table}\n## Architecture\n| \`calendar\` | x |`)).toHaveLength(1);
  });
});
