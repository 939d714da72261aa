// The progress cache and the sync's triggers: the script services the sync leans on.
import type { CacheStore, PropertyStore, TriggerService } from './google';

const PROGRESS_KEY = 'swp.calendarSync.progress';

/** The sidebar polls this while a sync runs (CacheService: a few calls per run, 10-minute TTL). */
export function putProgress(
  cache: CacheStore | null,
  done: number,
  total: number,
  running: boolean,
): void {
  cache?.put(PROGRESS_KEY, JSON.stringify({ done, total, running }), 600);
}

export function getProgress(
  cache: CacheStore | null,
): { done: number; total: number; running: boolean } | null {
  const text = cache?.get(PROGRESS_KEY);
  return text ? (JSON.parse(text) as { done: number; total: number; running: boolean }) : null;
}

/**
 * The trigger handlers. Their names end in "_": Apps Script's private functions, which
 * google.script.run cannot call (docs/google-facts.md, "Editor add-on"; docs/security.md).
 */
export const HANDLERS = {
  afterEdit: 'syncCalendarAfterEdit_',
  hourly: 'syncCalendarHourly_',
  continuation: 'continueCalendarSync_',
} as const;

/**
 * The partner digest's daily check (private). It shares the plan's one time-driven trigger per
 * user (V: an add-on may hold one trigger of each type per user per document): while the hourly
 * sync runs, that trigger checks the digest and this one is removed (src/actions/digest.ts).
 */
export const DIGEST_HANDLER = 'sendPartnerDigest_';

/** Names the handlers had before they were private: such triggers are replaced, never left to fail. */
export const LEGACY_HANDLERS: Record<keyof typeof HANDLERS, string> = {
  afterEdit: 'syncCalendarAfterEdit',
  hourly: 'syncCalendarHourly',
  continuation: 'continueCalendarSync',
};

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * This user's triggers in THIS spreadsheet only: an add-on's getProjectTriggers() spans every
 * document the user uses it in (V), so one plan's switch must never see another plan's triggers.
 */
function planTriggers(scripts: TriggerService, spreadsheet: Spreadsheet) {
  return scripts.getUserTriggers(spreadsheet);
}

function isHandler(trigger: GoogleAppsScript.Script.Trigger, kind: keyof typeof HANDLERS): boolean {
  const name = trigger.getHandlerFunction();
  return name === HANDLERS[kind] || name === LEGACY_HANDLERS[kind];
}

/** True when the running user has a trigger under `handler` in this plan (not a sidebar's call). */
export function hasTriggerNamed(
  scripts: TriggerService,
  spreadsheet: Spreadsheet,
  handler: string,
): boolean {
  return planTriggers(scripts, spreadsheet).some((t) => t.getHandlerFunction() === handler);
}

/** True when this plan still has a trigger under a handler's old public name. */
export function hasLegacyTriggers(scripts: TriggerService, spreadsheet: Spreadsheet): boolean {
  const legacy: string[] = Object.values(LEGACY_HANDLERS);
  return planTriggers(scripts, spreadsheet).some((t) => legacy.includes(t.getHandlerFunction()));
}

export function triggerState(
  scripts: TriggerService,
  spreadsheet: Spreadsheet,
): { afterEdits: boolean; hourly: boolean } {
  const triggers = planTriggers(scripts, spreadsheet);
  return {
    afterEdits: triggers.some((t) => isHandler(t, 'afterEdit')),
    hourly: triggers.some((t) => isHandler(t, 'hourly')),
  };
}

/**
 * Turns this plan's automatic syncs on or off. Editor add-ons may hold one trigger of each type
 * per user per document, and clock triggers at most hourly (V), so a pending continuation (also a
 * clock trigger) gives way to the hourly sync, which finishes the job anyway. A trigger left
 * under a handler's old public name is replaced by the private one.
 */
export function setTriggers(
  scripts: TriggerService,
  spreadsheet: Spreadsheet,
  wanted: { afterEdits: boolean; hourly: boolean },
): void {
  const triggers = planTriggers(scripts, spreadsheet);
  const legacy = triggers.filter((t) =>
    Object.values(LEGACY_HANDLERS).includes(t.getHandlerFunction()),
  );
  for (const t of legacy) scripts.deleteTrigger(t);
  const has = (kind: keyof typeof HANDLERS) =>
    triggers.filter((t) => t.getHandlerFunction() === HANDLERS[kind]);
  if (!wanted.afterEdits) for (const t of has('afterEdit')) scripts.deleteTrigger(t);
  if (!wanted.hourly) for (const t of has('hourly')) scripts.deleteTrigger(t);
  if (wanted.afterEdits && has('afterEdit').length === 0)
    scripts.newTrigger(HANDLERS.afterEdit).forSpreadsheet(spreadsheet).onEdit().create();
  if (wanted.hourly && has('hourly').length === 0) {
    for (const t of has('continuation')) scripts.deleteTrigger(t);
    for (const t of triggers)
      if (t.getHandlerFunction() === DIGEST_HANDLER) scripts.deleteTrigger(t);
    scripts.newTrigger(HANDLERS.hourly).timeBased().everyHours(1).create();
  }
}

/** True when this user holds a continuation among these triggers (one not yet fired). */
export function continuationPending(triggers: readonly GoogleAppsScript.Script.Trigger[]): boolean {
  return triggers.some((t) => isHandler(t, 'continuation'));
}

/** Removes this plan's pending continuation: a run is under way that will finish (or reschedule) the job. */
export function clearContinuation(scripts: TriggerService, spreadsheet: Spreadsheet): void {
  for (const t of planTriggers(scripts, spreadsheet))
    if (isHandler(t, 'continuation')) scripts.deleteTrigger(t);
}

/** How soon a stopped run tries again: a minute after a time or rate limit, an hour after the daily one. */
export type ContinueAfter = 'aMinute' | 'anHour';

/**
 * After a run stopped early: how the rest of this plan's sync gets done. Once the daily limit is
 * used up every try fails until it resets, and each failed try would spend the trigger runtime
 * the account has a day (90 minutes for consumer accounts (V)) and add a Sync Log line, so it
 * waits an hour between tries instead of a minute. The weekly email's daily trigger, when this
 * user holds it, lends the one clock trigger a user may hold per document (V): `giveWay` first
 * notes that it is owed it back (before the deletion, so a run halted in between loses nothing),
 * then it is deleted (giveSlotBack in src/actions/digest.ts gives it back when no continuation
 * remains).
 */
export function scheduleContinuation(
  scripts: TriggerService,
  spreadsheet: Spreadsheet,
  after: ContinueAfter = 'aMinute',
  giveWay?: () => void,
): 'trigger' | 'triggerInAnHour' | 'hourly' | 'manual' {
  const triggers = planTriggers(scripts, spreadsheet);
  if (triggers.some((t) => isHandler(t, 'hourly'))) return 'hourly';
  const pending = triggers.filter((t) => isHandler(t, 'continuation'));
  // One is pending already (set before the run's first write): a second would break the limit.
  if (after === 'aMinute' && pending.length > 0) return 'trigger';
  // After the daily limit, a pending one-minute continuation gives way to one an hour away.
  for (const t of pending) scripts.deleteTrigger(t);
  const digest = triggers.filter((t) => t.getHandlerFunction() === DIGEST_HANDLER);
  if (giveWay && digest.length > 0) {
    giveWay();
    for (const t of digest) scripts.deleteTrigger(t);
  }
  try {
    const ms = after === 'anHour' ? 3_600_000 : 60_000;
    scripts.newTrigger(HANDLERS.continuation).timeBased().after(ms).create();
    return after === 'anHour' ? 'triggerInAnHour' : 'trigger';
  } catch {
    return 'manual';
  }
}

/**
 * An automatic sync that found another run holding the lock notes when, so the run under way
 * (which may have read the tab before the edit that fired it) leaves a continuation behind.
 */
const DEFERRED_KEY = 'swp.calendarSync.deferred';

export interface DeferredRun {
  run: string;
  at: number;
}

export function noteDeferred(properties: PropertyStore, deferred: DeferredRun): void {
  properties.setProperty(DEFERRED_KEY, JSON.stringify(deferred));
}

/** The last deferred run, removed from the store (null when none waited). */
export function takeDeferred(properties: PropertyStore): DeferredRun | null {
  const text = properties.getProperty(DEFERRED_KEY);
  if (text === null) return null;
  properties.deleteProperty(DEFERRED_KEY);
  try {
    const parsed = JSON.parse(text) as DeferredRun;
    return typeof parsed.at === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

const LAST_RUN_KEY = 'swp.calendarSync.lastRun';

export function saveLastRun(properties: PropertyStore, summary: string): void {
  properties.setProperty(LAST_RUN_KEY, summary.slice(0, 2000));
}

export function loadLastRun(properties: PropertyStore): string | null {
  return properties.getProperty(LAST_RUN_KEY);
}

/** Every handler an add-on trigger of a plan may name: the syncs (old names too) and the digest. */
const PLAN_HANDLERS: readonly string[] = [
  ...Object.values(HANDLERS),
  ...Object.values(LEGACY_HANDLERS),
  DIGEST_HANDLER,
];

/**
 * Deletes every trigger this user holds in THIS spreadsheet (syncs, continuation, weekly email);
 * another user's cannot be deleted (V: a user manages only their own triggers), so each account's
 * triggers remove themselves when they next fire (src/actions/triggerGuard.ts). Returns how many.
 */
export function removeMyPlanTriggers(scripts: TriggerService, spreadsheet: Spreadsheet): number {
  let removed = 0;
  for (const t of planTriggers(scripts, spreadsheet))
    if (PLAN_HANDLERS.includes(t.getHandlerFunction())) {
      scripts.deleteTrigger(t);
      removed += 1;
    }
  return removed;
}
