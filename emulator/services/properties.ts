// PropertiesService emulator: script, user and document stores with Google's size limits.
import type { Runtime } from '../runtime';

/** 9 KB per value, 500 KB per store (docs/google-facts.md, "Services with limits") (V). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export class FakeProperties implements GoogleAppsScript.Properties.Properties {
  constructor(
    private readonly runtime: Runtime,
    private readonly scope: string,
    readonly data: Map<string, string> = new Map(),
  ) {}

  private size(): number {
    let total = 0;
    for (const [k, v] of this.data) total += k.length + v.length;
    return total;
  }

  private guardedSet(key: string, value: string): void {
    // (V) the documented per-value limit; the message follows what Apps Script reports (S).
    if (String(value).length > PROPERTY_VALUE_LIMIT) {
      throw new Error('Argument too large: value');
    }
    const previous = this.data.get(key);
    this.data.set(key, String(value));
    if (this.size() > PROPERTY_STORE_LIMIT) {
      if (previous === undefined) this.data.delete(key);
      else this.data.set(key, previous);
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
  }

  getProperty(key: string): string | null {
    this.runtime.call(`PropertiesService.${this.scope}.getProperty`, 'other');
    return this.data.get(key) ?? null;
  }

  getProperties(): Record<string, string> {
    this.runtime.call(`PropertiesService.${this.scope}.getProperties`, 'other');
    return Object.fromEntries(this.data);
  }

  getKeys(): string[] {
    this.runtime.call(`PropertiesService.${this.scope}.getKeys`, 'other');
    return [...this.data.keys()];
  }

  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.runtime.call(`PropertiesService.${this.scope}.setProperty`, 'other');
    this.guardedSet(key, value);
    return this;
  }

  setProperties(
    properties: Record<string, string>,
    deleteAllOthers?: boolean,
  ): GoogleAppsScript.Properties.Properties {
    this.runtime.call(`PropertiesService.${this.scope}.setProperties`, 'other');
    if (deleteAllOthers) this.data.clear();
    for (const [k, v] of Object.entries(properties)) this.guardedSet(k, v);
    return this;
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.runtime.call(`PropertiesService.${this.scope}.deleteProperty`, 'other');
    this.data.delete(key);
    return this;
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.runtime.call(`PropertiesService.${this.scope}.deleteAllProperties`, 'other');
    this.data.clear();
    return this;
  }
}

export interface PropertiesState {
  script: Record<string, string>;
  user: Record<string, string>;
  document: Record<string, string>;
}

export class PropertiesEmulator {
  readonly script: FakeProperties;
  readonly user: FakeProperties;
  readonly document: FakeProperties;
  readonly app: Pick<
    GoogleAppsScript.Properties.PropertiesService,
    'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties'
  >;

  constructor(runtime: Runtime, state?: PropertiesState) {
    const load = (r?: Record<string, string>) => new Map(Object.entries(r ?? {}));
    this.script = new FakeProperties(runtime, 'ScriptProperties', load(state?.script));
    this.user = new FakeProperties(runtime, 'UserProperties', load(state?.user));
    this.document = new FakeProperties(runtime, 'DocumentProperties', load(state?.document));
    this.app = {
      getScriptProperties: () => this.script,
      getUserProperties: () => this.user,
      getDocumentProperties: () => this.document,
    };
  }

  toJSON(): PropertiesState {
    return {
      script: Object.fromEntries(this.script.data),
      user: Object.fromEntries(this.user.data),
      document: Object.fromEntries(this.document.data),
    };
  }
}
