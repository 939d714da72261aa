// The small services' fakes against the documented facts (docs/google-facts.md, "Services with limits").
import { EXECUTION_LIMIT_MS, Runtime, TIMEOUT_MESSAGE } from '../../emulator/runtime';
import { CacheEmulator } from '../../emulator/services/cache';
import { LOCK_TIMEOUT_MESSAGE, LockEmulator } from '../../emulator/services/lock';
import { PROPERTY_VALUE_LIMIT, PropertiesEmulator } from '../../emulator/services/properties';
import { ScriptEmulator } from '../../emulator/services/script';
import { formatDate, UtilitiesEmulator } from '../../emulator/services/utilities';

describe('Runtime', () => {
  it('counts every call by service and method', () => {
    const rt = new Runtime({ startTime: 0 });
    rt.call('SpreadsheetApp.Range.getValues', 'read');
    rt.call('SpreadsheetApp.Range.getValues', 'read');
    rt.call('CalendarApp.Calendar.createEvent', 'calendarWrite');
    expect(rt.count('SpreadsheetApp.Range.getValues')).toBe(2);
    expect(rt.count('SpreadsheetApp.')).toBe(2);
    expect(rt.count(/createEvent$/)).toBe(1);
  });

  it('throws an injected fault at the Nth matching call only', () => {
    const rt = new Runtime({ startTime: 0 });
    rt.failAt('CalendarApp.Calendar.createEvent', 3, 'Service invoked too many times');
    rt.call('CalendarApp.Calendar.createEvent');
    rt.call('CalendarApp.Calendar.createEvent');
    expect(() => rt.call('CalendarApp.Calendar.createEvent')).toThrow(
      'Service invoked too many times',
    );
    expect(() => rt.call('CalendarApp.Calendar.createEvent')).not.toThrow();
  });

  it('stops an execution after 6 minutes of virtual time (one execution: 6 minutes)', () => {
    const rt = new Runtime({ startTime: 0 });
    rt.beginExecution();
    rt.advance(EXECUTION_LIMIT_MS - 1);
    expect(() => rt.call('x', 'other')).toThrow(TIMEOUT_MESSAGE);
    rt.endExecution();
    rt.beginExecution();
    expect(() => rt.call('x', 'other')).not.toThrow();
  });

  it('adds injected latency to the virtual clock', () => {
    const rt = new Runtime({ startTime: 0, costs: { other: 0 } });
    rt.setLatency('slow', 1500);
    rt.call('slow');
    expect(rt.now()).toBe(1500);
  });
});

describe('PropertiesService', () => {
  it('refuses a value over 9 KB', () => {
    const p = new PropertiesEmulator(new Runtime());
    expect(() =>
      p.app.getDocumentProperties().setProperty('k', 'x'.repeat(PROPERTY_VALUE_LIMIT + 1)),
    ).toThrow('Argument too large');
    expect(p.app.getDocumentProperties().getProperty('k')).toBeNull();
  });

  it('refuses to grow a store past 500 KB and keeps the previous value', () => {
    const p = new PropertiesEmulator(new Runtime()).app.getScriptProperties();
    for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => p.setProperty('k99', 'x'.repeat(9000))).toThrow('property storage quota');
    expect(p.getProperty('k99')).toBeNull();
  });

  it('returns null for a missing key and keeps stores separate', () => {
    const p = new PropertiesEmulator(new Runtime());
    p.app.getUserProperties().setProperty('a', '1');
    expect(p.app.getDocumentProperties().getProperty('a')).toBeNull();
    expect(p.app.getUserProperties().getProperty('a')).toBe('1');
  });
});

describe('LockService', () => {
  it('holds nothing until tryLock, and a second execution cannot take a held document lock', () => {
    const rt = new Runtime({ startTime: 0 });
    const locks = new LockEmulator(rt);
    locks.beginExecution();
    const lock = locks.app.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    // Another execution (a partner's sync) while the first still holds it:
    const release = locks.holdDocumentLock('other');
    locks.beginExecution();
    const start = rt.now();
    expect(locks.app.getDocumentLock().tryLock(5000)).toBe(false);
    expect(rt.now() - start).toBeGreaterThanOrEqual(5000);
    expect(() => locks.app.getDocumentLock().waitLock(1000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    release();
    expect(locks.app.getDocumentLock().tryLock(0)).toBe(true);
  });

  it('releases an execution’s locks when it ends', () => {
    const locks = new LockEmulator(new Runtime());
    locks.beginExecution();
    locks.app.getDocumentLock().tryLock(0);
    locks.endExecution();
    expect(locks.documentLockHolder()).toBeNull();
  });

  it('returns no document lock outside a container-bound document', () => {
    const locks = new LockEmulator(new Runtime());
    locks.hasContainer = false;
    expect(locks.app.getDocumentLock()).toBeNull();
  });
});

describe('CacheService', () => {
  it('expires entries after their TTL and caps it at 6 hours', () => {
    const rt = new Runtime({ startTime: 0 });
    const cache = new CacheEmulator(rt).app.getScriptCache();
    cache.put('a', '1', 60);
    cache.put('b', '2', 999999);
    rt.advance(61_000);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toBe('2');
    rt.advance(21600_000);
    expect(cache.get('b')).toBeNull();
  });

  it('refuses keys over 250 characters and values over 100 KB', () => {
    const cache = new CacheEmulator(new Runtime()).app.getUserCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow();
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow();
  });
});

describe('ScriptApp triggers', () => {
  const make = () => {
    const rt = new Runtime({ startTime: 0 });
    return { rt, script: new ScriptEmulator(rt, () => 'me@example.org') };
  };
  type Builder = {
    newTrigger(h: string): {
      timeBased(): {
        everyHours(n: number): { create(): unknown };
        everyMinutes(n: number): { create(): unknown };
      };
      forSpreadsheet(s: unknown): { onEdit(): { create(): unknown } };
    };
  };

  it('allows one trigger of each type per user per document for an add-on', () => {
    const { script } = make();
    const app = script.app as unknown as Builder;
    const ss = { getId: () => 'spreadsheet-1' };
    app.newTrigger('syncOnEdit').forSpreadsheet(ss).onEdit().create();
    expect(() => app.newTrigger('other').forSpreadsheet(ss).onEdit().create()).toThrow('too many');
    app.newTrigger('hourly').timeBased().everyHours(1).create();
    expect(() => app.newTrigger('hourly2').timeBased().everyHours(2).create()).toThrow('too many');
  });

  it('refuses add-on time-driven triggers more often than hourly', () => {
    const { script } = make();
    const app = script.app as unknown as Builder;
    expect(() => app.newTrigger('fast').timeBased().everyMinutes(30).create()).toThrow(
      'once per hour',
    );
  });

  it('fires a periodic trigger when due and reschedules it', () => {
    const { rt, script } = make();
    (script.app as unknown as Builder).newTrigger('hourly').timeBased().everyHours(1).create();
    expect(script.takeDueClockTriggers()).toHaveLength(0);
    rt.advance(3600_000);
    expect(script.takeDueClockTriggers().map((t) => t.handler)).toEqual(['hourly']);
    expect(script.takeDueClockTriggers()).toHaveLength(0);
  });
});

describe('Utilities', () => {
  it('formats in a real IANA zone with Java patterns', () => {
    const d = new Date('2027-03-14T07:30:00Z');
    expect(formatDate(d, 'America/New_York', 'yyyy-MM-dd HH:mm:ss Z')).toBe(
      '2027-03-14 03:30:00 -0400',
    );
    expect(formatDate(d, 'Asia/Kolkata', "EEE d MMM yyyy 'at' h:mm a")).toBe(
      'Sun 14 Mar 2027 at 1:00 PM',
    );
    expect(formatDate(d, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2027-03-14T07:30:00Z');
  });

  it.each([
    // Java's short ids (V: ZoneId.SHORT_IDS): only EST, MST and HST are fixed offsets.
    ['EST', '-0500', '-0500'],
    ['MST', '-0700', '-0700'],
    ['HST', '-1000', '-1000'],
    ['PST', '-0800', '-0700'],
    ['CST', '-0600', '-0500'],
    ['AST', '-0900', '-0800'],
    ['ECT', '+0100', '+0200'],
    ['BST', '+0600', '+0600'],
    ['IST', '+0530', '+0530'],
  ])(
    'Utilities.formatDate reads the three-letter id %s as Java does (January %s, July %s)',
    (id, winter, summer) => {
      const rt = new Runtime();
      const format = new UtilitiesEmulator(rt).app.formatDate as (
        d: Date,
        z: string,
        p: string,
      ) => string;
      for (const year of [2019, 2027, 2031]) {
        expect(format(new Date(Date.UTC(year, 0, 15, 12)), id, 'Z')).toBe(winter);
        expect(format(new Date(Date.UTC(year, 6, 15, 12)), id, 'Z')).toBe(summer);
      }
    },
  );

  it('gives unique UUIDs, predictable when a test asks', () => {
    const u = new UtilitiesEmulator(new Runtime());
    const getUuid = u.app.getUuid as () => string;
    expect(getUuid()).not.toBe(getUuid());
    u.deterministicUuids = true;
    expect(getUuid()).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('sleeps on the virtual clock', () => {
    const rt = new Runtime({ startTime: 0, costs: { other: 0 } });
    (new UtilitiesEmulator(rt).app.sleep as (ms: number) => void)(2000);
    expect(rt.now()).toBe(2000);
  });
});
