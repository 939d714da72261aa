// CacheService emulator: script/user/document caches with Google's key, value and TTL limits.
import type { Runtime } from '../runtime';

/** (V) key ≤ 250 characters, value ≤ 100 KB, TTL 1..21,600 s, default 600 s. */
export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_MAX_TTL_S = 21600;
export const CACHE_DEFAULT_TTL_S = 600;

class FakeCache implements GoogleAppsScript.Cache.Cache {
  private readonly entries = new Map<string, { value: string; expires: number }>();

  constructor(
    private readonly runtime: Runtime,
    private readonly scope: string,
  ) {}

  private check(key: string, value?: string): void {
    if (key.length > CACHE_KEY_LIMIT) throw new Error(`Argument too large: key`);
    if (value !== undefined && value.length > CACHE_VALUE_LIMIT) {
      throw new Error('Argument too large: value');
    }
  }

  private live(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expires <= this.runtime.now()) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }

  get(key: string): string | null {
    this.runtime.call(`CacheService.${this.scope}.get`, 'other');
    this.check(key);
    return this.live(key);
  }

  getAll(keys: string[]): Record<string, string> {
    this.runtime.call(`CacheService.${this.scope}.getAll`, 'other');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.live(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.runtime.call(`CacheService.${this.scope}.put`, 'other');
    this.check(key, value);
    const ttl = Math.min(Math.max(expirationInSeconds ?? CACHE_DEFAULT_TTL_S, 1), CACHE_MAX_TTL_S);
    this.entries.set(key, { value: String(value), expires: this.runtime.now() + ttl * 1000 });
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this.runtime.call(`CacheService.${this.scope}.remove`, 'other');
    this.entries.delete(key);
  }

  removeAll(keys: string[]): void {
    for (const k of keys) this.entries.delete(k);
  }
}

export class CacheEmulator {
  readonly app: Pick<
    GoogleAppsScript.Cache.CacheService,
    'getScriptCache' | 'getUserCache' | 'getDocumentCache'
  >;

  constructor(runtime: Runtime) {
    const script = new FakeCache(runtime, 'ScriptCache');
    const user = new FakeCache(runtime, 'UserCache');
    const doc = new FakeCache(runtime, 'DocumentCache');
    this.app = {
      getScriptCache: () => script,
      getUserCache: () => user,
      getDocumentCache: () => doc,
    };
  }
}
