// `npm run scopes`: the scope-justification table for the consent screen and the Marketplace SDK, from the manifest and the README.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUTH = 'https://www.googleapis.com/auth/';

/**
 * How Google's OAuth verification classes each scope the add-on asks for (docs/publishing.md cites
 * the sources). Sensitive scopes need Google's verification before a public listing; restricted
 * ones (Gmail reading, all of Drive) would add a security assessment, and none is asked for.
 */
export type ScopeClass = 'non-sensitive' | 'sensitive' | 'restricted';

export const SCOPE_CLASSES: Readonly<Record<string, ScopeClass>> = {
  'spreadsheets.currentonly': 'non-sensitive',
  'script.container.ui': 'non-sensitive',
  'userinfo.email': 'non-sensitive',
  'script.scriptapp': 'sensitive',
  'script.send_mail': 'sensitive',
  'calendar.app.created': 'sensitive',
  'calendar.events': 'sensitive',
  'calendar.calendarlist.readonly': 'sensitive',
  'calendar.acls': 'sensitive',
  // (I) not checked on a consent screen yet: Google lists the Forms scopes among the sensitive ones.
  forms: 'sensitive',
};

/** The class of a scope, or null when it is new to this list: the consent screen shows it when the scope is added. */
export const scopeClass = (scope: string): ScopeClass | null =>
  SCOPE_CLASSES[scope.replace(AUTH, '')] ?? null;

export interface ScopeRow {
  scope: string;
  why: string;
  without: string;
}

/** The manifest's oauthScopes, as written there. */
export function manifestScopes(manifestText: string): string[] {
  const scopes = (JSON.parse(manifestText) as { oauthScopes?: unknown }).oauthScopes;
  return Array.isArray(scopes) ? scopes.map(String) : [];
}

/** The README's permissions table, row by row (short scope names, as the README writes them). */
export function readmeScopeRows(readme: string): ScopeRow[] {
  const section = readme.split('### Permissions')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([\w.]+)` \| (.*?) \| (.*?) \|$/gm)].map((m) => ({
    scope: m[1],
    why: m[2].trim(),
    without: m[3].trim(),
  }));
}

/**
 * The table, one row per manifest scope in the manifest's order. A scope the README does not explain
 * is an error: the consent screen and the listing must justify every scope asked for.
 */
export function scopeTable(manifestText: string, readme: string): string {
  const rows = new Map(readmeScopeRows(readme).map((r) => [r.scope, r]));
  const lines = [
    '| scope (full name for the consent screen) | Google’s class | why the add-on needs it | what breaks without it |',
    '| --- | --- | --- | --- |',
  ];
  for (const scope of manifestScopes(manifestText)) {
    const short = scope.replace(AUTH, '');
    const row = rows.get(short);
    if (!row) throw new Error(`README.md's permissions table does not explain ${scope}.`);
    lines.push(
      `| \`${scope}\` | ${scopeClass(scope) ?? 'not yet classed: read it on the consent screen'} | ${row.why} | ${row.without} |`,
    );
  }
  return lines.join('\n');
}

export const TABLE_START = '<!-- scopes:start (npm run scopes writes this table) -->';
export const TABLE_END = '<!-- scopes:end -->';

/** The page with the table between its markers replaced. */
export function withScopeTable(page: string, table: string): string {
  const start = page.indexOf(TABLE_START);
  const end = page.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`The page has no ${TABLE_START} … ${TABLE_END} markers.`);
  return `${page.slice(0, start + TABLE_START.length)}\n${table}\n${page.slice(end)}`;
}

function main(args: string[]): number {
  const root = join(__dirname, '..');
  const page = join(root, 'docs', 'publishing.md');
  try {
    const table = scopeTable(
      readFileSync(join(root, 'appsscript.json'), 'utf8'),
      readFileSync(join(root, 'README.md'), 'utf8'),
    );
    const before = readFileSync(page, 'utf8');
    const after = withScopeTable(before, table);
    if (args.includes('--check')) {
      if (before === after) return 0;
      console.error('docs/publishing.md’s scope table is out of date: run `npm run scopes`.');
      return 1;
    }
    writeFileSync(page, after);
    console.log(table);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
