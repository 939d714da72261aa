// Sidebars talk to the server only through the typed bridge, and no page turns data into markup.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** Code lines only: comments may name what they avoid. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^(\/\/|\/?\*)/.test(line.trim()))
    .join('\n');
}

const pageCode = [
  ...files(join(ROOT, 'sidebar'), /\.(ts|html)$/),
  ...files(join(ROOT, 'preview/page'), /\.(ts|html)$/),
];

describe('sidebar and preview page rules', () => {
  it('calls google.script.run only in sidebar/common/bridge.ts', () => {
    const offenders = files(join(ROOT, 'sidebar'), /\.(ts|html)$/)
      .filter((file) => !file.endsWith(join('common', 'bridge.ts')))
      .filter((file) => /google\s*\.\s*script\s*\.\s*run/.test(code(file)))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('never parses strings as HTML (innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    const offenders = pageCode
      .filter((file) =>
        /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|DOMParser/.test(code(file)),
      )
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('puts no inline event handlers in the sidebars’ HTML', () => {
    const offenders = pageCode
      .filter((file) => file.endsWith('.html') && /\son[a-z]+\s*=/i.test(code(file)))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
