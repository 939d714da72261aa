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

export const HANDLERS = {
  afterEdit: 'syncCalendarAfterEdit',
  hourly: 'syncCalendarHourly',
  continuation: 'continueCalendarSync',
} as const;

export function triggerState(scripts: TriggerService): { afterEdits: boolean; hourly: boolean } {
  const handlers = scripts.getProjectTriggers().map((t) => t.getHandlerFunction());
  return {
    afterEdits: handlers.includes(HANDLERS.afterEdit),
    hourly: handlers.includes(HANDLERS.hourly),
  };
}

/**
 * Turns the automatic syncs on or off. Editor add-ons may hold one trigger of each type per user
 * per document, and clock triggers at most hourly (V), so a pending continuation (also a clock
 * trigger) gives way to the hourly sync, which finishes the job anyway.
 */
export function setTriggers(
  scripts: TriggerService,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  wanted: { afterEdits: boolean; hourly: boolean },
): void {
  const triggers = scripts.getProjectTriggers();
  const has = (h: string) => triggers.filter((t) => t.getHandlerFunction() === h);
  if (!wanted.afterEdits) for (const t of has(HANDLERS.afterEdit)) scripts.deleteTrigger(t);
  if (!wanted.hourly) for (const t of has(HANDLERS.hourly)) scripts.deleteTrigger(t);
  if (wanted.afterEdits && has(HANDLERS.afterEdit).length === 0)
    scripts.newTrigger(HANDLERS.afterEdit).forSpreadsheet(spreadsheet).onEdit().create();
  if (wanted.hourly && has(HANDLERS.hourly).length === 0) {
    for (const t of has(HANDLERS.continuation)) scripts.deleteTrigger(t);
    scripts.newTrigger(HANDLERS.hourly).timeBased().everyHours(1).create();
  }
}

/** Removes a pending continuation: a run is under way that will finish (or reschedule) the job. */
export function clearContinuation(scripts: TriggerService): void {
  for (const t of scripts.getProjectTriggers())
    if (t.getHandlerFunction() === HANDLERS.continuation) scripts.deleteTrigger(t);
}

/** After a run stopped early: how the rest gets done. */
export function scheduleContinuation(scripts: TriggerService): 'trigger' | 'hourly' | 'manual' {
  const handlers = scripts.getProjectTriggers().map((t) => t.getHandlerFunction());
  if (handlers.includes(HANDLERS.hourly)) return 'hourly';
  try {
    scripts.newTrigger(HANDLERS.continuation).timeBased().after(60_000).create();
    return 'trigger';
  } catch {
    return 'manual';
  }
}

const LAST_RUN_KEY = 'swp.calendarSync.lastRun';

export function saveLastRun(properties: PropertyStore, summary: string): void {
  properties.setProperty(LAST_RUN_KEY, summary.slice(0, 2000));
}

export function loadLastRun(properties: PropertyStore): string | null {
  return properties.getProperty(LAST_RUN_KEY);
}
