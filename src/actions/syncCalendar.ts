// syncCalendar / previewSync: the Calendar tab → Google Calendar, one way, idempotent, resumable.

import { applyWrite, listPlanEvents } from '../adapters/calendar/events';
import { errorMessage, isLimitError, isTimeLimitError } from '../adapters/calendar/service';
import { type CalendarInfo, shareWithPartners } from '../adapters/calendar/target';
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices, PropertyStore } from '../adapters/google';
import { loadIdCounters, raiseIdCounter } from '../adapters/idCounters';
import {
  type CellUpdates,
  changesAnything,
  writeAddonColumns,
} from '../adapters/sheets/addonColumns';
import { dataValues } from '../adapters/sheets/cells';
import { readTab } from '../adapters/sheets/readTab';
import { appendSyncLog, type SyncLogEntry } from '../adapters/sheets/syncLog';
import {
  clearContinuation,
  putProgress,
  saveLastRun,
  scheduleContinuation,
} from '../adapters/syncServices';
import { parseActivity } from '../domain/calendarSync/activity';
import { toExistingEvent } from '../domain/calendarSync/eventResource';
import { type PlanRow, planSync } from '../domain/calendarSync/plan';
import {
  buildReport,
  describeTiming,
  type SyncReport,
  type WriteOutcome,
} from '../domain/calendarSync/report';
import { isWrite, type SyncPlan } from '../domain/calendarSync/types';
import { idUpdates, type RowUpdate, rowUpdates } from '../domain/calendarSync/writeBack';
import { CALENDAR_TAB } from '../domain/schema/tabs';
import { asText, isEmail } from '../domain/table/cells';
import { type EmptiedRow, emptiedRows } from '../domain/table/emptied';
import { followRows } from '../domain/table/followRows';
import { nextFreeNumber } from '../domain/table/ids';
import { peopleTime } from '../domain/time/peopleTime';
import { CALENDAR_TEXT } from '../shared/messages';
import {
  ADDON_KEYS,
  type CalendarTabContext,
  calendarStillToCreate,
  calendarTabContext,
  calendarToCreate,
  createChosenCalendar,
  planBasics,
  targetCalendar,
} from './calendarContext';
import { refreshDashboardAfterSync } from './dashboard';

/** Who started the run: automatic runs are more careful with deletions and report to the Sync Log. */
export type RunKind = 'manual' | 'afterEdit' | 'hourly' | 'continuation';

/** The Sync Log's Run column, in words. */
const RUN_WORDS: Record<RunKind, string> = {
  manual: 'manual',
  afterEdit: 'after an edit',
  hourly: 'hourly',
  continuation: 'continuation',
};

export interface SyncOptions {
  preview: boolean;
  run: RunKind;
  /** Activity IDs whose Calendar-side change the coordinator chose to overwrite. */
  keepSheet?: readonly string[];
  /** How long a second sync waits for the first before saying so (ms). */
  lockWaitMs?: number;
}

/** Stop writing after this long, leaving time to write back and log (the hard limit is 6 min (V)). */
export const WRITE_BUDGET_MS = 4.5 * 60_000;
const PROGRESS_EVERY = 25;

function planFor(
  ctx: CalendarTabContext,
  calendar: CalendarInfo,
  options: SyncOptions,
  store: PropertyStore,
) {
  const rows: PlanRow[] = ctx.tab.records.map((record) => ({
    row: record.row,
    idCell: asText(record.cells.id),
    eventId: asText(record.cells.eventId),
    storedFingerprint: asText(record.cells.syncFingerprint),
    parseAs: (id: string) => parseActivity(record, id, ctx.activity),
  }));
  const existing = listPlanEvents(ctx.services, calendar.id, ctx.planKey)
    .map((e) => toExistingEvent(e, ctx.planKey))
    .filter((e) => e !== null);
  const automatic = options.run !== 'manual';
  return planSync(rows, existing, {
    idPrefix: CALENDAR_TAB.idPrefix ?? 'A',
    minNext: loadIdCounters(store)[CALENDAR_TAB.key],
    keepSheet: options.keepSheet,
    maxDeletions: automatic ? Math.max(3, Math.floor(existing.length / 4)) : null,
  });
}

function toCellUpdates(updates: readonly RowUpdate[]): CellUpdates {
  const cells: CellUpdates = new Map();
  for (const u of updates) {
    const c: Record<string, unknown> = {};
    if (u.id !== undefined) c.id = u.id;
    if (u.eventId !== undefined) c.eventId = u.eventId;
    if (u.lastSyncedMs !== undefined) c.lastSynced = new Date(u.lastSyncedMs);
    if (u.syncStatus !== undefined) c.syncStatus = u.syncStatus;
    if (u.syncFingerprint !== undefined) c.syncFingerprint = u.syncFingerprint;
    cells.set(u.row, c);
  }
  return cells;
}

/** The Calendar tab's columns a partner types: how a row is recognised when it has no ID yet. */
const PARTNER_KEYS = CALENDAR_TAB.columns.filter((c) => c.owner !== 'addon').map((c) => c.key);

/**
 * The tab as it is now, with the updates moved to where their rows are now. A long sync (up to
 * 4.5 minutes) gives partners time to sort, insert or delete rows; writing the add-on columns
 * from the first read would hand each row its neighbour's ID and event. One getValues tells; the
 * column metadata is read again only if the header row changed (a column moved meanwhile).
 */
function followedUpdates(ctx: CalendarTabContext, plan: SyncPlan, updates: CellUpdates) {
  const { sheet, raw, location } = ctx.tab;
  const values = dataValues(sheet);
  const headers = values[0] ?? [];
  const sameHeaders =
    headers.length === raw.headers.length &&
    headers.every((h, i) => asText(h) === asText(raw.headers[i]));
  const now = sameHeaders
    ? null
    : readTab(ctx.spreadsheet, CALENDAR_TAB, ctx.services.documentCache());
  const current = now
    ? { raw: now.raw, location: now.location }
    : { raw: { ...raw, headers, rows: values.slice(raw.headerRow) }, location };
  const moved = followRows(
    { rows: raw.rows, firstRow: raw.headerRow + 1, location },
    { rows: current.raw.rows, firstRow: current.raw.headerRow + 1, location: current.location },
    'id',
    PARTNER_KEYS,
    new Map(plan.newIds.map((n) => [n.row, n.activityId])),
  );
  const followed: CellUpdates = new Map();
  for (const [oldRow, cells] of updates) {
    const row = moved.get(oldRow) ?? null;
    // Gone (deleted meanwhile) or taken by another row: leave it to the next sync, which re-reads.
    if (row === null || followed.has(row)) continue;
    followed.set(row, cells);
  }
  return { ...current, updates: followed };
}

function writeBack(
  ctx: CalendarTabContext,
  plan: SyncPlan,
  updates: readonly RowUpdate[],
  emptied: readonly EmptiedRow[] = [],
): void {
  const cells = toCellUpdates(updates);
  for (const { row } of emptied) cells.set(row, Object.fromEntries(ADDON_KEYS.map((k) => [k, ''])));
  if (!changesAnything(ctx.tab.raw, ctx.tab.location, ADDON_KEYS, cells)) return;
  const current = followedUpdates(ctx, plan, cells);
  writeAddonColumns(ctx.tab.sheet, current.raw, current.location, ADDON_KEYS, current.updates, [
    'eventId',
    'syncFingerprint',
  ]);
}

/** Applies the writes in order until done, out of time, or stopped by a calendar limit. */
function applyWrites(
  ctx: CalendarTabContext,
  calendar: CalendarInfo,
  plan: SyncPlan,
  started: number,
): { outcomes: WriteOutcome[]; stopped: string | null } {
  const writes = plan.operations.filter(isWrite);
  const outcomes: WriteOutcome[] = [];
  const sendInvites = ctx.settings.calendar.sendInvites;
  let stopped: string | null = null;
  const cache = writes.length ? ctx.services.documentCache() : null;
  if (writes.length) putProgress(cache, 0, writes.length, true);
  for (const op of writes) {
    if (Date.now() - started > WRITE_BUDGET_MS) {
      stopped = CALENDAR_TEXT.timeLimit;
      break;
    }
    try {
      const done = applyWrite(ctx.services, calendar.id, op, ctx.planKey, sendInvites);
      outcomes.push({ op, ok: true, ...done });
    } catch (error) {
      if (isLimitError(error) || isTimeLimitError(error)) {
        stopped = CALENDAR_TEXT.limitHit(errorMessage(error));
        break;
      }
      outcomes.push({ op, ok: false, message: errorMessage(error) });
    }
    if (outcomes.length % PROGRESS_EVERY === 0)
      putProgress(cache, outcomes.length, writes.length, true);
  }
  if (writes.length) putProgress(cache, outcomes.length, writes.length, false);
  return { outcomes, stopped };
}

/** Sync Log lines: every deletion with the event's details, and the run's summary when it did something. */
function logEntries(
  ctx: CalendarTabContext,
  calendar: CalendarInfo,
  outcomes: readonly WriteOutcome[],
  report: SyncReport,
  run: RunKind,
): SyncLogEntry[] {
  const now = new Date();
  const entries: SyncLogEntry[] = [];
  for (const o of outcomes) {
    if (!o.ok || o.op.kind !== 'delete') continue;
    const e = o.op.existing;
    const details = [
      `Deleted because the activity was ${report.changes.find((c) => c.activityId === o.op.activityId && c.kind === 'delete')?.detail ?? 'removed'}.`,
      e.recurrence.length ? `Repeats: ${e.recurrence.join(' ')}` : '',
      e.description,
    ]
      .filter(Boolean)
      .join('\n');
    entries.push([
      now,
      RUN_WORDS[run],
      'Deleted event',
      o.op.activityId,
      o.op.row ?? '',
      e.title,
      describeTiming(e.timing, ctx.oracle, calendar.timeZone || ctx.activity.planZone),
      e.location,
      e.eventId,
      details,
    ]);
  }
  // Rows that cannot be read keep their message in their Sync status cell; a run logs only when it
  // tried to write, found a Calendar-side change or left work behind (a quiet run writes nothing).
  const eventful =
    outcomes.length > 0 || report.conflicts > 0 || !report.complete || report.heldBackDeletions > 0;
  if (eventful) {
    const rows = report.errors.map((e) => e.row).filter((r) => r !== null);
    const detail = rows.length ? `Rows to fix: ${rows.join(', ')}` : '';
    entries.push([
      now,
      RUN_WORDS[run],
      'Sync',
      '',
      '',
      calendar.name,
      '',
      '',
      '',
      [report.summary, detail].filter(Boolean).join('\n'),
    ]);
  }
  return entries;
}

function partnerEmails(ctx: CalendarTabContext): string[] {
  return [
    ...new Set(ctx.activity.partners.map((p) => p.email.trim().toLowerCase()).filter(isEmail)),
  ];
}

/** One sync (or its preview). The document lock keeps two syncs from running at once. */
export function runCalendarSync(services: GoogleServices, options: SyncOptions): SyncReport {
  const started = Date.now();
  const chosen = planBasics(services);
  if (options.preview) {
    const calendar = calendarStillToCreate(chosen)
      ? calendarToCreate(chosen)
      : targetCalendar(chosen);
    const ctx = calendarTabContext(chosen);
    const plan = planFor(ctx, calendar, options, services.documentProperties());
    return buildReport(plan, [], {
      preview: true,
      stoppedReason: null,
      oracle: ctx.oracle,
      zone: ctx.activity.planZone,
    });
  }
  // A second sync waits up to lockWaitMs, then says so plainly instead of running alongside.
  return withDocumentLock(
    services.documentLock(),
    () => {
      clearContinuation(services.triggers());
      // Settings are read again inside the lock: another first sync may have created the calendar.
      const fresh = planBasics(services);
      const basics = calendarStillToCreate(fresh) ? createChosenCalendar(fresh) : fresh;
      const calendar = targetCalendar(basics);
      const ctx = calendarTabContext(basics);
      const plan = planFor(ctx, calendar, options, services.documentProperties());
      // Rows emptied of what partners typed: their events go as a deleted row's do (no record claims
      // them), their IDs are retired and their add-on cells cleared at the end of the run.
      const emptied = emptiedRows(CALENDAR_TAB, ctx.tab.location, ctx.tab.raw);
      const retired = nextFreeNumber(
        emptied.map((e) => e.id),
        CALENDAR_TAB.idPrefix ?? 'A',
      );
      if (retired > 1) raiseIdCounter(services.documentProperties(), CALENDAR_TAB, retired);
      // The new IDs are taken before any is written, so a run that dies mid-way never hands them out twice.
      if (plan.newIds.length)
        raiseIdCounter(services.documentProperties(), CALENDAR_TAB, plan.nextIdNumber);
      // IDs first: a run that dies mid-way leaves rows whose tagged events the next run adopts.
      if (plan.newIds.length && plan.operations.some(isWrite))
        writeBack(ctx, plan, idUpdates(plan));
      if (ctx.settings.calendar.shareWithPartners)
        shareWithPartners(services, calendar.id, partnerEmails(ctx));
      let outcomes: WriteOutcome[] = [];
      let stopped: string | null = null;
      try {
        ({ outcomes, stopped } = applyWrites(ctx, calendar, plan, started));
      } finally {
        const status = new Map(ctx.tab.records.map((r) => [r.row, asText(r.cells.syncStatus)]));
        writeBack(
          ctx,
          plan,
          rowUpdates(plan, outcomes, (row) => status.get(row) ?? ''),
          emptied,
        );
      }
      const report = buildReport(plan, outcomes, {
        preview: false,
        stoppedReason: stopped,
        oracle: ctx.oracle,
        zone: ctx.activity.planZone,
      });
      if (!report.complete) {
        const next = scheduleContinuation(services.triggers());
        report.summary += ` ${CALENDAR_TEXT.continues[next]}`;
      }
      appendSyncLog(ctx.spreadsheet, logEntries(ctx, calendar, outcomes, report, options.run));
      if (outcomes.length > 0 || report.conflicts > 0 || !report.complete)
        saveLastRun(
          services.documentProperties(),
          `${peopleTime(ctx.oracle(Date.now(), ctx.sheetZone))}: ${report.summary}`,
        );
      if (report.complete) refreshDashboardAfterSync(services);
      return report;
    },
    options.lockWaitMs ?? 10_000,
    CALENDAR_TEXT.busy,
  );
}
