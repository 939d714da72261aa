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
  /** The acting user's store and the current document's (what single-user states hold). */
  user: Record<string, string>;
  document: Record<string, string>;
  /** Every user's store, by email, and every document's, by spreadsheet id (several people/files). */
  users?: Record<string, Record<string, string>>;
  documents?: Record<string, Record<string, string>>;
}

/**
 * (V) Properties guide: script properties are shared by every user of the script; user properties
 * belong to the user running it, across every document that uses the script; document properties
 * belong to one document, shared by all its users. So the stores are keyed by who and where the
 * execution runs (set by the workspace before each run).
 */
export class PropertiesEmulator {
  readonly script: FakeProperties;
  private readonly users = new Map<string, FakeProperties>();
  private readonly documents = new Map<string, FakeProperties>();
  readonly app: Pick<
    GoogleAppsScript.Properties.PropertiesService,
    'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties'
  >;

  constructor(
    private readonly runtime: Runtime,
    state?: PropertiesState,
    /** Who runs the script and in which spreadsheet; defaults model one user in one file. */
    private readonly where: () => { user: string; document: string } = () => ({
      user: 'user',
      document: 'document',
    }),
  ) {
    const load = (r?: Record<string, string>) => new Map(Object.entries(r ?? {}));
    this.script = new FakeProperties(runtime, 'ScriptProperties', load(state?.script));
    for (const [email, data] of Object.entries(state?.users ?? {})) this.userStore(email, data);
    for (const [id, data] of Object.entries(state?.documents ?? {})) this.documentStore(id, data);
    const here = where();
    if (!state?.users?.[here.user]) this.userStore(here.user, state?.user);
    if (!state?.documents?.[here.document]) this.documentStore(here.document, state?.document);
    this.app = {
      getScriptProperties: () => this.script,
      getUserProperties: () => this.user,
      getDocumentProperties: () => this.document,
    };
  }

  private userStore(email: string, data?: Record<string, string>): FakeProperties {
    let store = this.users.get(email);
    if (!store) {
      store = new FakeProperties(
        this.runtime,
        'UserProperties',
        new Map(Object.entries(data ?? {})),
      );
      this.users.set(email, store);
    }
    return store;
  }

  private documentStore(id: string, data?: Record<string, string>): FakeProperties {
    let store = this.documents.get(id);
    if (!store) {
      store = new FakeProperties(
        this.runtime,
        'DocumentProperties',
        new Map(Object.entries(data ?? {})),
      );
      this.documents.set(id, store);
    }
    return store;
  }

  /** The acting user's store. */
  get user(): FakeProperties {
    return this.userStore(this.where().user);
  }

  /** The current document's store. */
  get document(): FakeProperties {
    return this.documentStore(this.where().document);
  }

  /** Test API: a given user's store, or a given document's, whoever is acting now. */
  userPropertiesOf(email: string): FakeProperties {
    return this.userStore(email);
  }

  documentPropertiesOf(documentId: string): FakeProperties {
    return this.documentStore(documentId);
  }

  toJSON(): PropertiesState {
    const all = (m: Map<string, FakeProperties>) =>
      Object.fromEntries([...m].map(([k, v]) => [k, Object.fromEntries(v.data)]));
    return {
      script: Object.fromEntries(this.script.data),
      user: Object.fromEntries(this.user.data),
      document: Object.fromEntries(this.document.data),
      users: all(this.users),
      documents: all(this.documents),
    };
  }
}
