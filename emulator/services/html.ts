// HtmlService emulator: HtmlOutput from the built sidebar files in dist/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '../runtime';

export const SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class FakeHtmlOutput {
  title = '';
  width = 300;
  height = 500;
  constructor(
    public content: string,
    readonly fileName: string | null,
  ) {}
  getContent(): string {
    return this.content;
  }
  setContent(c: string): FakeHtmlOutput {
    this.content = c;
    return this;
  }
  append(c: string): FakeHtmlOutput {
    this.content += c;
    return this;
  }
  setTitle(t: string): FakeHtmlOutput {
    this.title = t;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(w: number): FakeHtmlOutput {
    this.width = w;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(h: number): FakeHtmlOutput {
    this.height = h;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setSandboxMode(): FakeHtmlOutput {
    return this;
  }
  setXFrameOptionsMode(): FakeHtmlOutput {
    return this;
  }
  addMetaTag(): FakeHtmlOutput {
    return this;
  }
}

export class HtmlEmulator {
  readonly app: Record<string, unknown>;

  constructor(runtime: Runtime, htmlDir: string) {
    const load = (name: string) => {
      // (V) the name is the project file name without the .html extension.
      const file = join(htmlDir, `${name.replace(/\.html$/, '')}.html`);
      if (!existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
      return readFileSync(file, 'utf8');
    };
    this.app = {
      SandboxMode,
      XFrameOptionsMode,
      createHtmlOutputFromFile: (name: string) => {
        runtime.call('HtmlService.createHtmlOutputFromFile', 'other');
        return new FakeHtmlOutput(load(name), name);
      },
      createHtmlOutput: (html = '') => {
        runtime.call('HtmlService.createHtmlOutput', 'other');
        return new FakeHtmlOutput(String(html), null);
      },
      createTemplateFromFile: (name: string) => {
        runtime.call('HtmlService.createTemplateFromFile', 'other');
        const source = load(name);
        return { evaluate: () => new FakeHtmlOutput(source, name) };
      },
    };
  }
}
