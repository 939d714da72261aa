// Simulator steps where runs overlap: a trigger or a second user at the Nth call of a manual sync, and the 6-minute limit at any call.
import fc from 'fast-check';
import { EXECUTION_LIMIT_MS } from '../../emulator/runtime';
import { SETTINGS_KEY } from '../../src/adapters/settings';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
import { CALENDAR_TEXT } from '../../src/shared/messages';
import { Sync } from './commands';
import {
  AFTER_COMPLETE_SYNC,
  ALWAYS,
  approvedEmails,
  planBefore,
  planKept,
  quietResyncWritesNothing,
} from './invariants';
import { type Cmd, check, fail, type Model } from './step';
import { CALENDAR_WRITES, calTab, typedCellsEverywhere, type World } from './world';

/** A partner with no say over the plan's settings (an editor of the spreadsheet). */
const PARTNER = 'lee@univ.example.edu';
/** Sheet writes an automatic run that found the lock held must not make. */
const SHEET_WRITES = /^SpreadsheetApp\..*\.(set|insert|delete|append|clear|sort)/;
const SYNC_LOG = 'Sync Log';

/** What starts while a manual sync is under way ('otherSync': the other person presses Sync). */
export type Overlapping = 'afterEdit' | 'hourly' | 'continuation' | 'otherSync' | 'partnerApproves';

/** Who presses Sync first: the coordinator (the settings' owner) or a partner, with their own authority. */
export type Syncer = 'coordinator' | 'partner';

/** The weekly email's daily check (src/adapters/syncServices.ts). */
const DIGEST = 'sendPartnerDigest_';

const AUTOMATIC: Record<string, string> = {
  afterEdit: 'syncCalendarAfterEdit_',
  hourly: 'syncCalendarHourly_',
  continuation: 'continueCalendarSync_',
};

/** One manual sync (confirming held-back removals, with their count); null when a staged fault ended it. */
function manualSync(w: World, as: string | null = null): SyncReport | null {
  const sync = (...args: unknown[]) =>
    (as
      ? w.addon.runAs(as, w.ws.currentSpreadsheetId, 'syncCalendar', ...args)
      : w.addon.run('syncCalendar', ...args)) as SyncReport;
  try {
    let report = sync();
    if (report.heldBackDeletions > 0) report = sync(report.heldBackDeletions);
    w.lastReport = report;
    return report;
  } catch (e) {
    if (!w.faultArmed && !w.structureChanged) throw e;
    return null;
  }
}

/** True when the plan's calendar (as its settings name it now) is one the partner can open. */
function partnerReachesCalendar(w: World): boolean {
  const text = w.ws.properties.document.data.get(SETTINGS_KEY);
  const id = text
    ? (JSON.parse(String(text)) as { calendar?: { calendarId?: string } }).calendar?.calendarId
    : null;
  if (!id) return true;
  const doc = w.ws.currentSpreadsheetId;
  return w.ws.as(PARTNER, doc, () => w.ws.calendar.calendarApp.getCalendarById(id)) !== null;
}

/** Lines of the Sync Log that say an automatic run waited for another. */
function waitedLines(w: World): number {
  const doc = w.ws.sheets.app.getActiveSpreadsheet();
  if (!doc.getSheetByName(SYNC_LOG)) return 0;
  return w.ws.sheets.table(SYNC_LOG).filter((r) => r[2] === 'Waited').length;
}

/**
 * What finishes a waiting run's work: the hourly sync when it is on (it carries the rest, within
 * the hour), else a continuation a minute later. With the hourly sync off, the weekly email's
 * daily trigger lends the continuation the one time-driven trigger an add-on may hold per user and
 * document, and gets it back once no continuation is left (docs/digest.md).
 */
function followUpOfWaitingRun(w: World): 'continuation' | 'hourly' {
  return myClockTriggers(w).includes(AUTOMATIC.hourly) ? 'hourly' : 'continuation';
}

/** The handlers of the running user's time-driven triggers in this spreadsheet. */
function myClockTriggers(w: World): string[] {
  const clock = w.ws.script.triggersFor('CLOCK', w.ws.currentSpreadsheetId);
  return clock.filter((t) => t.owner === w.ws.session.userEmail).map((t) => t.handler);
}

/**
 * The coordinator (or a partner) syncs; just before the sync's `atCall`th service call another
 * execution starts and runs to completion: an automatic sync (after a partner's edit, hourly, a
 * continuation), the other person pressing Sync, or a partner trying to approve an outside
 * address. Then time passes and the plan's triggers run, as they would: every invariant must hold.
 */
export class OverlappingRun implements Cmd {
  constructor(
    readonly by: Syncer,
    readonly what: Overlapping,
    readonly atCall: number,
    readonly rowAt: number,
    readonly title: string,
  ) {}
  check = () => true;
  run(m: Model, w: World): void {
    const coordinator = w.ws.session.userEmail;
    w.log.push(
      `${this.by === 'partner' ? PARTNER : 'coordinator'} syncs; at its call ${this.atCall} ${this.describe()}`,
    );
    const before = planBefore(w);
    const waitedBefore = waitedLines(w);
    const followUp = followUpOfWaitingRun(w);
    const digestTrigger = myClockTriggers(w).includes(DIGEST);
    let lockHeld = false;
    let deferred = false;
    let fired = false;
    const disarm = w.addon.interleaveAt(this.atCall, () => {
      fired = true;
      // The first run's lock (a staged holder is another matter: the first run then waits itself).
      lockHeld = w.ws.locks.documentLockHolder()?.startsWith('execution-') ?? false;
      if (this.what === 'afterEdit') this.partnerEdits(w);
      before.typed = typedCellsEverywhere(w);
      deferred = this.nested(w, lockHeld, coordinator);
    });
    let report: SyncReport | null = null;
    let partnerUnshared = false;
    try {
      report = manualSync(w, this.by === 'partner' ? PARTNER : null);
    } catch (e) {
      // Started at this sync's own lock call, the other run held the lock longer than this one
      // waits: "another sync is running" is the right answer then, and nothing else is.
      // A partner the plan's calendar is not shared with is told so, and that is right too:
      // after a hand-over that moved the plan to the new coordinator's own group calendar (the
      // flipped reading of managerAcl), the partner's view holds only the old one.
      const unshared =
        this.by === 'partner' &&
        (e as Error).message === CALENDAR_TEXT.calendarMissing &&
        !partnerReachesCalendar(w);
      if (unshared) partnerUnshared = true;
      else if (!fired || lockHeld || (e as Error).message !== CALENDAR_TEXT.busy) throw e;
    } finally {
      disarm();
    }
    if (partnerUnshared) {
      // Nothing of the partner's run happened; what the other run did must still keep every promise.
      planKept(w, before);
      check(w, ALWAYS);
      return;
    }
    // The rest is the triggers' job: a continuation (a minute later) or the next hour.
    for (let i = 0; i < 5 && (report === null || !report.complete); i += 1) {
      w.ws.runtime.advance(61_000);
      w.addon.runDueTriggers();
      report = manualSync(w);
    }
    // Continuations run until none is pending (a fault armed earlier may stop one part-way).
    const doc = w.ws.currentSpreadsheetId;
    const pending = () =>
      w.ws.script.triggersFor('CLOCK', doc).some((t) => t.handler === AUTOMATIC.continuation);
    for (let i = 0; i < 5; i += 1) {
      w.ws.runtime.advance(61_000);
      w.addon.runDueTriggers();
      if (!pending()) break;
    }
    // The hour passes for the hourly sync; with no trigger at all, the next sync does the work.
    if (deferred && report?.complete && followUp === 'hourly') {
      w.ws.runtime.advance(3_600_000);
      w.addon.runDueTriggers();
    }
    // The run that took the lock next wrote the waiting run's line (it writes nothing itself).
    if (deferred && report?.complete && waitedLines(w) <= waitedBefore)
      fail(w, 'waitingRunSaysSo', 'an automatic run waited but the Sync Log does not say so');
    // A held lock or slow calls staged for the next Sync step are still to come.
    if (!w.lockHeldBy && w.slowMethods.length === 0) w.faultArmed = false;
    planKept(w, before);
    check(w, ALWAYS);
    if (!report?.complete || pending()) return;
    // The weekly email's daily trigger lent the clock trigger to the continuations: it is back.
    if (digestTrigger && !myClockTriggers(w).includes(DIGEST))
      fail(w, 'digestTriggerBack', 'the weekly email’s daily trigger did not come back');
    // After the triggers (automatic runs, which leave rows still being typed alone) every promise
    // holds; the quiet re-sync is a manual one, so it follows the coordinator's next manual sync
    // (the sync step: it finishes what a fault armed earlier may stop, then checks everything).
    check(
      w,
      AFTER_COMPLETE_SYNC.filter((c) => c !== quietResyncWritesNothing),
    );
    new Sync().run(m, w);
  }

  private describe(): string {
    switch (this.what) {
      case 'afterEdit':
        return `a partner retitles row ${this.rowAt.toFixed(2)} “${this.title}” and the after-edit sync runs`;
      case 'hourly':
        return 'the hourly sync runs';
      case 'continuation':
        return 'a continuation runs';
      case 'otherSync':
        return `${this.by === 'partner' ? 'the coordinator' : PARTNER} presses Sync`;
      case 'partnerApproves':
        return `${PARTNER} tries to approve x@evil.example.com`;
    }
  }

  /** A partner types a title on the Calendar tab (a row or just below the last). */
  private partnerEdits(w: World): void {
    const [headers, ...rows] = w.ws.sheets.table(calTab(w));
    const header = CALENDAR_TAB.columns.find((c) => c.key === 'title')?.header ?? '';
    const col = headers.indexOf(header) + 1;
    if (col === 0) return;
    const row = 2 + Math.floor(this.rowAt * (rows.length + 1));
    w.ws.sheets.userEdit(calTab(w), row, col, this.title, { as: PARTNER });
    if (String(w.ws.sheets.table(calTab(w))[row - 1]?.[col - 1] ?? '') !== this.title)
      fail(w, 'typedCellsKept', 'the edit a partner made during a run was lost');
  }

  /** Runs the second execution; true when it was an automatic run that deferred to the first. */
  private nested(w: World, lockHeld: boolean, coordinator: string): boolean {
    const rt = w.ws.runtime;
    const calendarBefore = rt.count(CALENDAR_WRITES);
    const sheetBefore = rt.count(SHEET_WRITES);
    const doc = w.ws.currentSpreadsheetId;
    const handler = AUTOMATIC[this.what];
    if (handler) {
      // A trigger runs as its owner, the coordinator (installable triggers guide, "Restrictions").
      const logs = w.ws.logs.length;
      const event = { triggerUid: 'sim', authMode: 'FULL' };
      w.ws.as(coordinator, doc, () => w.addon.run(handler, event), coordinator);
      if (!lockHeld) return false;
      const calendarWrites = rt.count(CALENDAR_WRITES) - calendarBefore;
      const sheetWrites = rt.count(SHEET_WRITES) - sheetBefore;
      if (calendarWrites + sheetWrites > 0)
        fail(
          w,
          'waitingRunWritesNothing',
          `the ${this.what} run wrote ${calendarWrites} events and ${sheetWrites} ranges while another sync held the lock`,
        );
      if (!w.ws.logs.slice(logs).some((l) => l.includes(CALENDAR_TEXT.busy)))
        fail(w, 'waitingRunSaysSo', `the ${this.what} run did not say it waited`);
      return true;
    }
    if (this.what === 'otherSync') {
      let refused: string | null = null;
      try {
        w.addon.runAs(this.by === 'partner' ? coordinator : PARTNER, doc, 'syncCalendar');
      } catch (e) {
        refused = (e as Error).message;
      }
      if (lockHeld && refused !== CALENDAR_TEXT.busy)
        fail(w, 'secondSyncWaits', `a second sync during another said: ${refused ?? 'nothing'}`);
      if (lockHeld && rt.count(CALENDAR_WRITES) !== calendarBefore)
        fail(w, 'secondSyncWaits', 'a second sync wrote events while another sync ran');
      return false;
    }
    const approvedBefore = [...approvedEmails(w)].sort().join(',');
    let refused = false;
    try {
      w.addon.runAs(PARTNER, doc, 'approvePeople', ['x@evil.example.com']);
    } catch {
      refused = true;
    }
    if (!refused || [...approvedEmails(w)].sort().join(',') !== approvedBefore)
      fail(w, 'onlyCoordinatorApproves', 'a partner approved an address during a sync');
    return false;
  }

  toString = () =>
    `new OverlappingRun('${this.by}', '${this.what}', ${this.atCall}, ${this.rowAt}, ${JSON.stringify(this.title)})`;
}

/**
 * A sync the 6-minute limit ends just before its `atCall`th call (Google was slow somewhere: a
 * read, a write, the Sync Log, a trigger): Apps Script stops it there and no finally runs. The
 * sync step then lets the triggers (and syncs) finish the work, and checks every invariant.
 */
export class HardLimitAt implements Cmd {
  constructor(readonly atCall: number) {}
  check = () => true;
  run(m: Model, w: World): void {
    w.log.push(`the next sync reaches the 6-minute limit at its call ${this.atCall}`);
    const rt = w.ws.runtime;
    const disarm = rt.interleaveAt(this.atCall, () => rt.advance(EXECUTION_LIMIT_MS));
    w.faultArmed = true;
    try {
      new Sync().run(m, w);
    } finally {
      disarm();
    }
  }
  toString = () => `new HardLimitAt(${this.atCall})`;
}

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
/** A call of a manual sync: often among its first (before it holds the lock), else anywhere. */
const callIndex = fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 9, max: 220 }));

/** The steps above, for the property's command list. */
export const concurrencyCommands: Array<fc.Arbitrary<Cmd>> = [
  fc
    .tuple(
      fc.constantFrom<Syncer>('coordinator', 'coordinator', 'partner'),
      fc.constantFrom<Overlapping>(
        'afterEdit',
        'hourly',
        'continuation',
        'otherSync',
        'partnerApproves',
      ),
      callIndex,
      frac,
      fc.constantFrom('Book swap', 'Parent night', ''),
    )
    .map(([by, what, at, row, title]) => new OverlappingRun(by, what, at, row, title)),
  callIndex.map((at) => new HardLimitAt(at)),
];
