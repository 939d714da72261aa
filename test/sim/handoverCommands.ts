// Simulator steps for a plan that changes hands: offer, accept, cancel, an owner's take-over, automation and time passing.
import fc from 'fast-check';
import type { CalendarSyncState } from '../../src/shared/calendarWire';
import type { HandoverKeep, HandoverResult } from '../../src/shared/handoverWire';
import { ALWAYS } from './invariants';
import { type Cmd, check, type Model, named } from './step';
import {
  approvalsAndSettingsSurvive,
  followMovedArchive,
  HANDOVER_CHECKS,
  handoverSnapshot,
  nothingChangedHands,
} from './wholePlanInvariants';
import { FIRST_COORDINATOR, NEXT_COORDINATOR, PARTNER_EDITOR, type World } from './world';

const DAY = 86_400_000;

/** Runs a sidebar call as `user` in the plan's spreadsheet. */
function asUser<T>(w: World, user: string, name: string, ...args: unknown[]): T {
  return w.ws.as(user, w.ws.currentSpreadsheetId, () => w.addon.runFromSidebar(name, ...args)) as T;
}

/** Runs a call that must be refused; returns whether it was (the caller checks nothing changed). */
function refused(call: () => unknown): boolean {
  try {
    call();
    return false;
  } catch {
    return true;
  }
}

/** The other account of the two that may coordinate: whom a coordinator hands over to. */
const successorOf = (w: World) =>
  w.coordinator === FIRST_COORDINATOR ? NEXT_COORDINATOR : FIRST_COORDINATOR;

/**
 * From now on the coordinator's steps (syncs, settings, approvals, builds) run as `account`. A
 * new coordinator who may not manage the group calendar's sharing is told to make one of their
 * own; they do as the sidebar says (Calendar sync… › "A new group calendar" › Save, confirming the move).
 */
function becomes(
  w: World,
  account: string,
  message: string,
  before: ReturnType<typeof handoverSnapshot>,
): void {
  w.coordinator = account;
  w.offerTo = null;
  w.ws.actAs(account, w.ws.currentSpreadsheetId);
  named(w, 'approvalsAndSettingsSurvive', () => approvalsAndSettingsSurvive(w, before));
  if (!message.includes('“A new group calendar” › Save')) return;
  w.log.push(`${account} makes a group calendar of their own, as the sidebar says`);
  const choice = {
    mode: 'new',
    calendarId: null,
    shareWithPartners: false,
    invitePartners: false,
    sendInvites: false,
  };
  const move = w.addon.runFromSidebar('previewCalendarMove', choice) as { events: number } | null;
  const saved = w.addon.runFromSidebar('saveCalendarChoice', {
    ...choice,
    confirmMove: move?.events,
  }) as CalendarSyncState;
  if (saved.calendarId) {
    w.calendarId = saved.calendarId;
    w.calendarsSeen.add(saved.calendarId);
    followMovedArchive(w, saved.calendarId);
  }
}

/** The coordinator (or a partner, for someone else) names the next coordinator; a stranger or a partner is refused. */
export class OfferHandover implements Cmd {
  constructor(
    readonly to: 'successor' | 'partner' | 'stranger',
    readonly byPartner: boolean,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const to =
      this.to === 'successor'
        ? successorOf(w)
        : this.to === 'partner'
          ? PARTNER_EDITOR
          : 'stranger@elsewhere.example';
    const by = this.byPartner ? PARTNER_EDITOR : w.coordinator;
    w.log.push(`${by} offers the plan to ${to}`);
    const before = handoverSnapshot(w);
    const wasRefused = refused(() => asUser(w, by, 'offerHandover', { to }));
    // Only the coordinator may offer, and only to an editor of the spreadsheet (the successor).
    const mayOffer = !this.byPartner && this.to === 'successor';
    if (wasRefused !== !mayOffer)
      named(w, 'onlyCoordinatorHandsOver', () => {
        throw new Error(`the offer to ${to} by ${by} was ${wasRefused ? 'refused' : 'made'}`);
      });
    if (wasRefused) named(w, 'onlyCoordinatorHandsOver', () => nothingChangedHands(w, before));
    else w.offerTo = to;
    check(w, [...ALWAYS, ...HANDOVER_CHECKS]);
  }
  toString = () => `new OfferHandover('${this.to}', ${this.byPartner})`;
}

/** The person named accepts from their own account, keeping what they tick; anyone else is refused. */
export class AcceptHandover implements Cmd {
  constructor(
    readonly byNamed: boolean,
    readonly keep: HandoverKeep,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const by = this.byNamed && w.offerTo ? w.offerTo : PARTNER_EDITOR;
    w.log.push(`${by} accepts the plan (keeping ${JSON.stringify(this.keep)})`);
    const before = handoverSnapshot(w);
    let result: HandoverResult | null = null;
    const wasRefused = refused(() => {
      result = asUser<HandoverResult>(w, by, 'acceptHandover', this.keep);
    });
    if (wasRefused !== (by !== w.offerTo))
      named(w, 'onlyTheNamedAccepts', () => {
        throw new Error(`${by}'s acceptance was ${wasRefused ? 'refused' : 'taken'}`);
      });
    if (wasRefused || !result) {
      named(w, 'onlyTheNamedAccepts', () => nothingChangedHands(w, before));
    } else {
      becomes(w, by, (result as HandoverResult).message, before);
    }
    check(w, [...ALWAYS, ...HANDOVER_CHECKS]);
  }
  toString = () => `new AcceptHandover(${this.byNamed}, ${JSON.stringify(this.keep)})`;
}

/** A whole hand-over in one step (offer, then acceptance by the person named), so that sequences often have one. */
export class HandOverNow implements Cmd {
  constructor(readonly keep: HandoverKeep) {}
  check = () => true;
  run(m: Model, w: World): void {
    new OfferHandover('successor', false).run(m, w);
    new AcceptHandover(true, this.keep).run(m, w);
  }
  toString = () => `new HandOverNow(${JSON.stringify(this.keep)})`;
}

/** The coordinator takes a waiting offer back (a partner trying the same is refused). */
export class CancelHandover implements Cmd {
  constructor(readonly byPartner: boolean) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const by = this.byPartner ? PARTNER_EDITOR : w.coordinator;
    w.log.push(`${by} cancels the hand-over`);
    const before = handoverSnapshot(w);
    const wasRefused = refused(() => asUser(w, by, 'cancelHandover'));
    if (wasRefused !== this.byPartner)
      named(w, 'onlyCoordinatorHandsOver', () => {
        throw new Error(`the cancel by ${by} was ${wasRefused ? 'refused' : 'done'}`);
      });
    if (wasRefused) named(w, 'onlyCoordinatorHandsOver', () => nothingChangedHands(w, before));
    else w.offerTo = null;
    check(w, [...ALWAYS, ...HANDOVER_CHECKS]);
  }
  toString = () => `new CancelHandover(${this.byPartner})`;
}

/**
 * The coordinator's account is suspended (they left) and the spreadsheet's owner takes the plan
 * over; someone else trying first is refused. When the owner coordinates already, only the
 * refusals are tried.
 */
export class OwnerTakesOver implements Cmd {
  constructor(readonly keep: HandoverKeep) {}
  check = () => true;
  run(_m: Model, w: World): void {
    const owner = FIRST_COORDINATOR;
    const gone = w.coordinator;
    w.log.push(
      gone === owner
        ? 'a partner tries to take the plan over'
        : `${gone}'s account is suspended; the spreadsheet's owner takes the plan over`,
    );
    const before = handoverSnapshot(w);
    if (!refused(() => asUser(w, PARTNER_EDITOR, 'takeOverPlan', this.keep)))
      named(w, 'onlyOwnerTakesOver', () => {
        throw new Error('a partner took the plan over');
      });
    named(w, 'onlyOwnerTakesOver', () => nothingChangedHands(w, before));
    if (gone !== owner) {
      w.ws.suspendAccount(gone);
      const result = asUser<HandoverResult>(w, owner, 'takeOverPlan', this.keep);
      becomes(w, owner, result.message, before);
    }
    check(w, [...ALWAYS, ...HANDOVER_CHECKS]);
  }
  toString = () => `new OwnerTakesOver(${JSON.stringify(this.keep)})`;
}

/** A suspended account comes back: its triggers fire again (and must remove themselves). */
export class AccountReturns implements Cmd {
  check = () => true;
  run(_m: Model, w: World): void {
    if (w.ws.script.suspended.size === 0) return;
    w.log.push(`${[...w.ws.script.suspended].join(', ')} is active again`);
    w.ws.script.suspended.clear();
    check(w, [...ALWAYS, ...HANDOVER_CHECKS]);
  }
  toString = () => 'new AccountReturns()';
}

/** The coordinator turns the hourly sync (and maybe the after-edit one) and the weekly email on. */
export class TurnOnAutomation implements Cmd {
  constructor(
    readonly afterEdits: boolean,
    readonly weeklyEmail: boolean,
  ) {}
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push(
      `${w.coordinator} turns on the hourly sync${this.afterEdits ? ', the after-edit sync' : ''}${this.weeklyEmail ? ' and the weekly email' : ''}`,
    );
    // Both off would give the settings up (the old way of handing over): the hourly one stays on.
    w.addon.runFromSidebar('setAutoSync', { afterEdits: this.afterEdits, hourly: true });
    try {
      w.addon.runFromSidebar('setDigestEnabled', { enabled: this.weeklyEmail });
    } catch {
      // Refused in words (no approved partner to write to yet): an answer, not a defect.
    }
    check(w, [...ALWAYS, ...HANDOVER_CHECKS]);
  }
  toString = () => `new TurnOnAutomation(${this.afterEdits}, ${this.weeklyEmail})`;
}

/** Days pass: each day the due triggers of every account fire (hourly syncs, the weekly email, continuations). */
export class TimePasses implements Cmd {
  constructor(readonly days: number) {}
  check = () => true;
  run(_m: Model, w: World): void {
    w.log.push(`${this.days} days pass`);
    for (let d = 0; d < this.days; d += 1) {
      w.ws.runtime.advance(DAY);
      w.addon.runDueTriggers();
    }
    // A trigger run the 6-minute limit or a fault stopped leaves its rest to the next sync step.
    check(w, [...ALWAYS, ...HANDOVER_CHECKS]);
  }
  toString = () => `new TimePasses(${this.days})`;
}

const keep = fc.record({
  afterEdits: fc.boolean(),
  hourly: fc.boolean(),
  weeklyEmail: fc.boolean(),
});

/** The steps above, for the property's command list (a hand-over needs several, so offers come often). */
const offer = fc
  .tuple(fc.constantFrom('successor', 'successor', 'partner', 'stranger' as const), fc.boolean())
  .map(([to, byPartner]) => new OfferHandover(to, byPartner));
const acceptance = fc
  .tuple(fc.constantFrom(true, true, false), keep)
  .map(([byNamed, k]) => new AcceptHandover(byNamed, k));

const automation = fc.tuple(fc.boolean(), fc.boolean()).map(([a, e]) => new TurnOnAutomation(a, e));

export const handoverCommands: Array<fc.Arbitrary<Cmd>> = [
  offer,
  offer,
  acceptance,
  acceptance,
  fc.boolean().map((byPartner) => new CancelHandover(byPartner)),
  keep.map((k) => new OwnerTakesOver(k)),
  fc.constant(new AccountReturns()),
  automation,
  automation,
  keep.map((k) => new HandOverNow(k)),
  keep.map((k) => new HandOverNow(k)),
  fc.constantFrom(1, 3, 8).map((d) => new TimePasses(d)),
  fc.constantFrom(1, 3, 8).map((d) => new TimePasses(d)),
];
