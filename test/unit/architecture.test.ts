// The domain core stays free of Apps Script globals, so it runs in Node and in the browser as is.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const GLOBALS =
  /\b(SpreadsheetApp|CalendarApp|PropertiesService|LockService|CacheService|ScriptApp|HtmlService|Session|Utilities|MailApp|Calendar\.(Events|Acl|Calendars))\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it('keeps Apps Script globals out of src/domain', () => {
    const offenders = files(join(__dirname, '../../src/domain')).filter((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .some((line) => !/^(\/\/|\/?\*)/.test(line.trim()) && GLOBALS.test(line)),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the emulator out of the add-on source', () => {
    const offenders = files(join(__dirname, '../../src')).filter((file) =>
      /from '.*emulator/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
