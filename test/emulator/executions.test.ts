// Executions that end at the 6-minute limit and executions that overlap (interleaved at a call), on a probe script.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Addon } from '../../emulator/addon';
import { EXECUTION_LIMIT_MS, Runtime, TIMEOUT_MESSAGE } from '../../emulator/runtime';
import { LOCK_TIMEOUT_MESSAGE } from '../../emulator/services/lock';
import { Workspace } from '../../emulator/workspace';

const ANA = 'ana@coalition.example.org';
const SET = 'PropertiesService.DocumentProperties.setProperty';
const BEN = 'ben@school.example.org';

/**
 * Stands in for any add-on: `work` writes `n` properties slowly and tries to write on after a
 * failure, in its catch and finally blocks; `guarded` does it under the document lock.
 */
const PROBE_SCRIPT = `
function props() { return PropertiesService.getDocumentProperties(); }
function work(n, tag) {
  try {
    for (var i = 0; i < n; i++) props().setProperty(tag + i, 'x');
  } catch (e) {
    props().setProperty(tag + 'caught', String(e.message));
    return 'caught';
  } finally {
    props().setProperty(tag + 'finally', 'ran');
  }
  return 'done';
}
function guarded(n, tag, waitMs) {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) { props().setProperty(tag + 'busy', 'yes'); return 'busy'; }
  try { return work(n, tag); } finally { lock.releaseLock(); }
}
function guardedWait(n, tag, waitMs) {
  var lock = LockService.getDocumentLock();
  lock.waitLock(waitMs);
  try { return work(n, tag); } finally { lock.releaseLock(); }
}
function whoAmI() { return Session.getActiveUser().getEmail(); }
`;

function world() {
  const ws = new Workspace({ startTime: Date.UTC(2027, 2, 1, 9), userEmail: ANA });
  const dir = mkdtempSync(join(tmpdir(), 'swp-exec-'));
  writeFileSync(join(dir, 'Code.js'), PROBE_SCRIPT);
  const addon = new Addon(ws, dir);
  const doc = ws.currentSpreadsheetId;
  const keys = () => ws.properties.documentPropertiesOf(doc).getKeys().sort();
  return { ws, addon, doc, keys };
}

describe('the 6-minute limit ends the execution (V: quotas page; Lock reference)', () => {
  it('refuses every call after the limit, in catch and finally too, and reports the run as timed out', () => {
    const { ws, addon, keys } = world();
    ws.runtime.setLatency(SET, 100_000);
    expect(() => addon.run('work', 10, 'a')).toThrow(TIMEOUT_MESSAGE);
    // 100 s per write: writes 1–3 land, the 4th crosses 6 minutes and nothing after it runs.
    expect(keys()).toEqual(['a0', 'a1', 'a2']);
    expect(addon.timedOutRuns).toBe(1);
    // The next execution has a fresh budget.
    ws.runtime.setLatency(SET, 0);
    expect(addon.run('work', 1, 'b')).toBe('done');
  });

  it('holds for any number of slow calls: no write lands after the limit', () => {
    for (const latency of [7_000, 45_000, 90_000, 170_000, 359_000]) {
      const { ws, addon, keys } = world();
      ws.runtime.setLatency(SET, latency);
      const started = ws.runtime.now();
      expect(() => addon.run('work', 200, 'a')).toThrow(TIMEOUT_MESSAGE);
      // Only the loop's writes landed (no catch, no finally), as many as fit in 6 minutes.
      expect(keys().every((k) => /^a\d+$/.test(k))).toBe(true);
      expect(keys().length).toBeLessThanOrEqual(Math.floor(EXECUTION_LIMIT_MS / latency));
      expect(keys().length).toBeGreaterThanOrEqual(Math.floor(EXECUTION_LIMIT_MS / (latency + 20)));
      expect(ws.runtime.now() - started).toBeLessThanOrEqual(EXECUTION_LIMIT_MS + latency + 5);
    }
  });

  it('releases the document lock of an execution the limit stopped', () => {
    const { ws, addon, keys } = world();
    ws.runtime.setLatency(SET, 100_000);
    expect(() => addon.run('guarded', 10, 'a', 0)).toThrow(TIMEOUT_MESSAGE);
    expect(ws.locks.documentLockHolder()).toBeNull();
    ws.runtime.setLatency(SET, 0);
    expect(addon.run('guarded', 1, 'b', 0)).toBe('done');
    expect(keys()).toContain('b0');
  });

  it('without an execution (a test inspecting the fakes) there is no limit', () => {
    const rt = new Runtime({ startTime: 0 });
    rt.advance(EXECUTION_LIMIT_MS * 2);
    expect(() => rt.call('x')).not.toThrow();
  });
});

describe('an execution interleaved at the Nth call of another', () => {
  it('runs to completion before that call, and the first goes on', () => {
    const { ws, addon, keys } = world();
    const order: string[] = [];
    addon.interleaveAt(2, () => {
      order.push('second');
      addon.run('work', 1, 'b');
    });
    expect(addon.run('work', 3, 'a')).toBe('done');
    order.push('first done');
    expect(order).toEqual(['second', 'first done']);
    expect(keys()).toEqual(['a0', 'a1', 'a2', 'afinally', 'b0', 'bfinally']);
    expect(ws.runtime.depth).toBe(0);
  });

  it('fires once, only in the next execution, and not past its last call', () => {
    const { addon } = world();
    let fired = 0;
    addon.interleaveAt(50, () => {
      fired += 1;
    });
    addon.run('work', 1, 'a');
    addon.run('work', 100, 'b');
    expect(fired).toBe(0);
  });

  it('sees the first execution’s document lock held: tryLock false, waitLock times out with Google’s message', () => {
    const { addon, keys } = world();
    const seen: unknown[] = [];
    addon.interleaveAt(3, () => {
      seen.push(addon.run('guarded', 1, 'b', 30_000));
      try {
        addon.run('guardedWait', 1, 'c', 1_000);
      } catch (e) {
        seen.push((e as Error).message);
      }
    });
    expect(addon.run('guarded', 3, 'a', 0)).toBe('done');
    expect(seen).toEqual(['busy', LOCK_TIMEOUT_MESSAGE]);
    expect(keys()).toEqual(['a0', 'a1', 'a2', 'afinally', 'bbusy']);
  });

  it('run at the first’s lock call, holds the lock first: the first waits as long, or gives up past its timeout', () => {
    for (const [waitMs, expected] of [
      [60_000, 'done'],
      [0, 'busy'],
    ] as const) {
      const { ws, addon } = world();
      // getDocumentLock is call 1, tryLock call 2: the second execution starts just before it.
      addon.interleaveAt(2, () => {
        ws.runtime.setLatency(SET, 1_000);
        addon.run('guarded', 5, 'b', 0);
        ws.runtime.setLatency(SET, 0);
      });
      const before = ws.runtime.now();
      expect(addon.run('guarded', 1, 'a', waitMs)).toBe(expected);
      expect(ws.runtime.now() - before).toBeGreaterThanOrEqual(5_000);
      expect(ws.locks.documentLockHolder()).toBeNull();
    }
  });

  it('runs as its own user and puts the first one’s user back', () => {
    const { ws, addon, doc } = world();
    let inner: unknown = null;
    addon.interleaveAt(1, () => {
      inner = addon.runAs(BEN, doc, 'whoAmI');
    });
    expect(addon.run('whoAmI')).toBe(ANA);
    expect(inner).toBe(BEN);
    expect(ws.session.userEmail).toBe(ANA);
  });

  it('shares the clock: the time the second takes counts against the first’s 6 minutes', () => {
    const { ws, addon, keys } = world();
    addon.interleaveAt(2, () => {
      ws.runtime.advance(EXECUTION_LIMIT_MS);
      addon.run('work', 1, 'b');
    });
    expect(() => addon.run('work', 3, 'a')).toThrow(TIMEOUT_MESSAGE);
    expect(keys()).toEqual(['a0', 'b0', 'bfinally']);
  });
});
