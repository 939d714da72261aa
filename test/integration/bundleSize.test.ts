// The bundle stays within its size budget (size, not time: Apps Script compiles all of it on every execution).
import { readFileSync } from 'node:fs';
import { BUNDLE_BUDGET_BYTES, BUNDLE_PATH } from '../bench/coldLoad';

describe('dist/Code.js size', () => {
  const code = readFileSync(BUNDLE_PATH, 'utf8');

  it('fits the budget the bench prints', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
  });

  it('is minified in whitespace and syntax only: the source names stay readable', () => {
    // Few, long lines (whitespace minified) …
    expect(code.split('\n').length).toBeLessThan(2000);
    // … but the functions keep their names, for stack traces and the top-level forwarders.
    for (const name of [
      'headerColumnKeys',
      'runCalendarSync',
      'appendSyncLog',
      'utilitiesZoneOracle',
    ])
      expect(code).toMatch(new RegExp(`function ${name}\\(`));
  });
});
