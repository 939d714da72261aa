// Adapters that once read Google's globals, now run on small hand-made fakes of the services they receive.

import { BUSY_MESSAGE, withDocumentLock } from '../../src/adapters/documentLock';
import type { CacheStore, DocumentLock, TriggerService } from '../../src/adapters/google';
import { headerColumnKeys } from '../../src/adapters/sheets/columnIdentity';
import {
  clearContinuation,
  HANDLERS,
  scheduleContinuation,
  setTriggers,
  triggerState,
} from '../../src/adapters/syncServices';
import { COLUMN_KEY_METADATA } from '../../src/domain/schema/metadata';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A cache as a map that counts its reads and writes. */
function fakeCache() {
  const data = new Map<string, string>();
  const calls = { get: 0, put: 0 };
  const cache: CacheStore = {
    get: (key) => {
      calls.get += 1;
      return data.get(key) ?? null;
    },
    put: (key, value) => {
      calls.put += 1;
      data.set(key, value);
    },
  };
  return { cache, data, calls };
}

/** A sheet whose columns carry column-key metadata; counts the location getters a sweep costs. */
function fakeSheet(keysByColumn: Record<number, string>) {
  const counts = { finds: 0, getters: 0 };
  const metadata = Object.entries(keysByColumn).map(([column, key]) => ({
    getValue: () => key,
    getLocation: () => {
      counts.getters += 1;
      return { getColumn: () => ({ getColumn: () => Number(column) }) };
    },
  }));
  const sheet = {
    getSheetId: () => 7,
    createDeveloperMetadataFinder: () => ({
      withKey: (key: string) => ({
        find: () => {
          counts.finds += 1;
          return key === COLUMN_KEY_METADATA ? metadata : [];
        },
      }),
    }),
  };
  return { sheet: sheet as unknown as Sheet, counts };
}

describe('headerColumnKeys with an injected cache', () => {
  const headers = ['Title', 'Start date', 'Notes', 'ID'];
  const tagged = { 1: 'title', 2: 'startDate', 4: 'id' };

  it('sweeps once, then answers from the memo while the header row and entries hold', () => {
    const { cache, calls } = fakeCache();
    const { sheet, counts } = fakeSheet(tagged);
    const first = headerColumnKeys(cache, sheet, headers);
    expect(first).toEqual(['title', 'startDate', null, 'id']);
    const sweptGetters = counts.getters;
    expect(sweptGetters).toBe(3);
    expect(calls.put).toBe(1);
    expect(headerColumnKeys(cache, sheet, headers)).toEqual(first);
    expect(counts.getters).toBe(sweptGetters);
    expect(counts.finds).toBe(2);
  });

  it('sweeps again when a header changed (a column moved meanwhile)', () => {
    const { cache, calls } = fakeCache();
    const { sheet, counts } = fakeSheet(tagged);
    headerColumnKeys(cache, sheet, headers);
    const moved = { 1: 'title', 3: 'startDate', 4: 'id' };
    const { sheet: after, counts: afterCounts } = fakeSheet(moved);
    const keys = headerColumnKeys(cache, after, ['Title', 'Notes', 'Start date', 'ID']);
    expect(keys).toEqual(['title', null, 'startDate', 'id']);
    expect(afterCounts.getters).toBe(3);
    expect(calls.put).toBe(2);
    expect(counts.finds).toBe(1);
  });

  it('sweeps every time without a document cache (outside a container document)', () => {
    const { sheet, counts } = fakeSheet(tagged);
    headerColumnKeys(null, sheet, headers);
    headerColumnKeys(null, sheet, headers);
    expect(counts.getters).toBe(6);
  });
});

describe('withDocumentLock with an injected lock', () => {
  function fakeLock(free: boolean) {
    const log: string[] = [];
    const lock: DocumentLock = {
      tryLock: (ms) => {
        log.push(`try ${ms}`);
        return free;
      },
      releaseLock: () => {
        log.push('release');
      },
      hasLock: () => free,
    };
    return { lock, log };
  }

  it('runs the work holding the lock and releases it, even when the work fails', () => {
    const { lock, log } = fakeLock(true);
    expect(withDocumentLock(lock, () => 42, 3_000)).toBe(42);
    expect(() =>
      withDocumentLock(lock, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(log).toEqual(['try 3000', 'release', 'try 10000', 'release']);
  });

  it('says plainly that someone else is saving, and does not run the work', () => {
    const { lock, log } = fakeLock(false);
    let ran = false;
    expect(() =>
      withDocumentLock(lock, () => {
        ran = true;
      }),
    ).toThrow(BUSY_MESSAGE);
    expect(ran).toBe(false);
    expect(log).toEqual(['try 10000']);
  });

  it('runs unguarded where there is no document lock', () => {
    expect(withDocumentLock(null, () => 'done')).toBe('done');
  });
});

describe('the sync triggers with an injected ScriptApp', () => {
  function fakeScripts(handlers: string[], failCreate = false) {
    const triggers = handlers.map((h) => ({ getHandlerFunction: () => h }));
    const created: string[] = [];
    const builder = (handler: string) => {
      const create = () => {
        if (failCreate) throw new Error('This add-on has created too many time-based triggers');
        created.push(handler);
        triggers.push({ getHandlerFunction: () => handler });
        return {};
      };
      const chain = {
        forSpreadsheet: () => chain,
        onEdit: () => chain,
        timeBased: () => chain,
        everyHours: () => chain,
        after: () => chain,
        create,
      };
      return chain;
    };
    const scripts = {
      getProjectTriggers: () => [...triggers],
      getUserTriggers: () => [...triggers],
      deleteTrigger: (t: (typeof triggers)[number]) => {
        triggers.splice(triggers.indexOf(t), 1);
      },
      newTrigger: builder,
    };
    return {
      scripts: scripts as unknown as TriggerService,
      created,
      now: () => triggers.map((t) => t.getHandlerFunction()).sort(),
    };
  }
  const spreadsheet = {} as Spreadsheet;

  it('turns the hourly sync on in place of a pending continuation, and the edit sync off', () => {
    const fake = fakeScripts([HANDLERS.afterEdit, HANDLERS.continuation]);
    setTriggers(fake.scripts, spreadsheet, { afterEdits: false, hourly: true });
    expect(fake.now()).toEqual([HANDLERS.hourly]);
    expect(triggerState(fake.scripts, spreadsheet)).toEqual({ afterEdits: false, hourly: true });
  });

  it('creates nothing twice when asked again', () => {
    const fake = fakeScripts([]);
    setTriggers(fake.scripts, spreadsheet, { afterEdits: true, hourly: true });
    setTriggers(fake.scripts, spreadsheet, { afterEdits: true, hourly: true });
    expect(fake.created.sort()).toEqual([HANDLERS.afterEdit, HANDLERS.hourly].sort());
  });

  it('continues by the hourly sync, a one-off trigger, or by hand when no trigger can be made', () => {
    expect(scheduleContinuation(fakeScripts([HANDLERS.hourly]).scripts, spreadsheet)).toBe(
      'hourly',
    );
    const fresh = fakeScripts([]);
    expect(scheduleContinuation(fresh.scripts, spreadsheet)).toBe('trigger');
    expect(fresh.now()).toEqual([HANDLERS.continuation]);
    clearContinuation(fresh.scripts, spreadsheet);
    expect(fresh.now()).toEqual([]);
    expect(scheduleContinuation(fakeScripts([], true).scripts, spreadsheet)).toBe('manual');
  });
});
