// syncCalendar / previewSync: the Calendar tab → Google Calendar, one way, idempotent, resumable.
import { loadApprovals, saveApprovals } from '../adapters/approvals';
import type { CalendarChanges } from '../adapters/calendar/changes';
import { applyWrite, listPlanEvents } from '../adapters/calendar/events';
import { knownOccurrences } from '../adapters/calendar/occurrenceBook';
import { loadProposals } from '../adapters/calendar/proposals';
import type { CalendarInfo } from '../adapters/calendar/target';
import { slotNoteIn } from '../adapters/digestSlot';
import { BusyError, withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices, PropertyStore } from '../adapters/google';
import { loadIdCounters, raiseIdCounter } from '../adapters/idCounters';
import { archivedPlaces } from '../adapters/newYearState';
import { rememberRemoved, removedBySync } from '../adapters/removedEvents';
import { refuseNewerPlan } from '../adapters/settings';
import {
  type CellUpdates,
  changesAnything,
  writeAddonColumns,
} from '../adapters/sheets/addonColumns';
import { dataValues } from '../adapters/sheets/cells';
import { readTab } from '../adapters/sheets/readTab';
import {
  appendSyncLog,
  loggedActivityIds,
  runLine,
  type SyncLogEntry,
  withGoogleWords,
} from '../adapters/sheets/syncLog';
import {
  clearContinuation,
  noteDeferred,
  putProgress,
  saveLastRun,
  takeDeferred,
} from '../adapters/syncServices';
import { parseActivity } from '../domain/calendarSync/activity';
import { type ArchivedPlace, archivedRowUpdates } from '../domain/calendarSync/archivedRows';
import { CAPS, mailedBy } from '../domain/calendarSync/caps';
import { toExistingEvent } from '../domain/calendarSync/eventResource';
import { withExceptions } from '../domain/calendarSync/exceptions';
import { normaliseId, type PlanRow, planSync } from '../domain/calendarSync/plan';
import { publishHold } from '../domain/calendarSync/ready';
import {
  buildReport,
  describeTiming,
  type SyncReport,
  type WriteOutcome,
} from '../domain/calendarSync/report';
import { isWrite, type SyncPlan } from '../domain/calendarSync/types';
import { idUpdates, type RowUpdate, rowUpdates } from '../domain/calendarSync/writeBack';
import { type ApprovalBook, isApproved, noteWaiting } from '../domain/people/approvals';
import { CALENDAR_TAB } from '../domain/schema/tabs';
import { asText, isEmail } from '../domain/table/cells';
import { type EmptiedRow, emptiedRows } from '../domain/table/emptied';
import { followRows } from '../domain/table/followRows';
import { nextFreeNumber } from '../domain/table/ids';
import { localeDateTime } from '../domain/time/localeDate';
import { UserError } from '../shared/errors';
import { googleErrorKind, plainGoogleError } from '../shared/googleErrors';
import { CALENDAR_TEXT } from '../shared/messages';
import { foundEmails, keepSharingInStep } from './approvals';
import {
  ADDON_KEYS,
  type CalendarTabContext,
  calendarStillToCreate,
  calendarTabContext,
  calendarToCreate,
  createChosenCalendar,
  type PlanBasics,
  planBasics,
  targetCalendar,
} from './calendarContext';
import { continueLater, noSlotWatch, type SlotWatch } from './continueLater';
import { refreshDashboardAfterSync } from './dashboard';
import { digestCheck, giveSlotBack } from './digest';
import {
  type ImportStep,
  importLogEntries,
  importStep,
  importSummary,
  keepChanges,
  pendingImportIds,
  readChanges,
} from './importEvents';
import { continueMove } from './moveCalendar';
import { retypedTimes, writeRetypedTimes } from './retypeTimes';
import { sendRowsAsPlanned } from './sendAsPlanned';

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
  /**
   * The number of removals the coordinator confirmed after a preview held them back; the run
   * refuses when it would now remove another number (the sheet changed meanwhile).
   */
  confirmRemovals?: number | null;
  /**
   * The number of rows without a Status the coordinator confirmed sending as Planned ("20 rows have
   * no Status. Send them as Planned?"); the run refuses when another number is waiting now.
   */
  confirmNoStatus?: number | null;
}

/**
 * Removals above this many (deleted, emptied, Cancelled or Draft rows) wait for the coordinator's
 * confirmation: at least 3, else a quarter of the plan's events. A partner who empties or cancels a
 * block of rows (or a sort gone wrong) cannot wipe the calendar, while one cancelled meeting
 * still goes at once. Manual syncs ask too (with the count), automatic ones hold back and report.
 */
export function removalThreshold(existingEvents: number): number {
  return Math.max(3, Math.floor(existingEvents / 4));
}

/** Stop writing after this long, leaving time to write back and log (the hard limit is 6 min (V)). */
export const WRITE_BUDGET_MS = 4.5 * 60_000;
const PROGRESS_EVERY = 25;

/**
 * Set while a manual sync's work is unfinished: the runs that finish it (continuation, or the
 * hourly run that takes its place) send every row, as the coordinator asked, not only ready ones.
 */
const UNFINISHED_MANUAL_KEY = 'swp.calendarSync.unfinishedManual';

/** True while a Sync now someone clicked waits for its continuation to finish it. */
export const clickUnfinished = (store: PropertyStore): boolean =>
  store.getProperty(UNFINISHED_MANUAL_KEY) === '1';

/**
 * The sheet ID (gid) of the Calendar tab the last finished sync read. Another tab now means the
 * tab was deleted and made again (or replaced): its events' rows are gone, not deleted one by one.
 */
const TAB_SHEET_KEY = 'swp.calendarSync.tabSheetId';

function tabReplaced(ctx: CalendarTabContext, store: PropertyStore): boolean {
  const stored = store.getProperty(TAB_SHEET_KEY);
  return stored !== null && stored !== String(ctx.tab.sheet.getSheetId());
}

/**
 * Where activity numbers go on. A plan set up by a version that kept no activity counter (the
 * first version) has none stored: the IDs its Sync Log names, deleted rows' among them, count as
 * used, and the counter is stored so the log is read this once.
 */
function activityCounter(
  ctx: CalendarTabContext,
  store: PropertyStore,
  save: boolean,
): number | undefined {
  const stored = loadIdCounters(store)[CALENDAR_TAB.key];
  // Only settings saved by a plan of format 1 can lack it (later set-ups and syncs store it).
  if (stored !== undefined || ctx.settings.schemaVersion !== 1) return stored;
  // Rows left with nothing but an ID count too: the first version numbered rows holding only
  // unticked boxes, and a new row given one of their IDs would have its event written back there.
  const idColumn = ctx.tab.location.index.id ?? -1;
  const idCells = idColumn < 0 ? [] : ctx.tab.raw.rows.map((row) => row[idColumn]);
  const next = nextFreeNumber(
    [...loggedActivityIds(ctx.spreadsheet), ...idCells],
    CALENDAR_TAB.idPrefix ?? 'A',
  );
  // A preview writes nothing: it reads the log again, the sync stores what it found.
  if (save) raiseIdCounter(store, CALENDAR_TAB, next);
  return next;
}

/** Remembers the tab a finished run read, once nothing waits for the coordinator's confirmation. */
function rememberTab(ctx: CalendarTabContext, store: PropertyStore, report: SyncReport): void {
  const gid = String(ctx.tab.sheet.getSheetId());
  if (report.complete && report.heldBackDeletions === 0 && store.getProperty(TAB_SHEET_KEY) !== gid)
    store.setProperty(TAB_SHEET_KEY, gid);
}

function planFor(
  ctx: CalendarTabContext,
  calendar: CalendarInfo,
  options: SyncOptions,
  store: PropertyStore,
  book: ApprovalBook,
  /** Rows of accepted imports whose event is not tagged yet: left alone until the import is finished. */
  importing: ReadonlySet<string> = new Set(),
  /** The run's read of the calendar's changes (null in a preview, which keeps to the plan's list). */
  changes: CalendarChanges | null = null,
  /** Where each archived activity went (actions/newYear.ts): the run's one reading of it. */
  archived: (activityId: string) => ArchivedPlace | null = archivedPlaces(store),
) {
  const automatic = options.run !== 'manual';
  const finishingManual = automatic && store.getProperty(UNFINISHED_MANUAL_KEY) === '1';
  const askReady = automatic && !finishingManual;
  // Only addresses the coordinator approved become guests; the rest wait (and the row says so).
  const activity = {
    ...ctx.activity,
    approved: (email: string) => isApproved(book, email),
    maxGuests: CAPS.guestsPerEvent,
  };
  const prefix = CALENDAR_TAB.idPrefix ?? 'A';
  // Rows and events of an archived school year are history (actions/newYear.ts): never touched.
  const records = ctx.tab.records.filter((r) => {
    const id = normaliseId(asText(r.cells.id), prefix);
    return !importing.has(id) && !(id && archived(id) !== null);
  });
  // One publish rule for a click and a trigger (ready.ts); only automatic runs wait for typing.
  const rows: PlanRow[] = records.map((record) => {
    const hold = publishHold(record, askReady);
    return {
      row: record.row,
      idCell: asText(record.cells.id),
      eventId: asText(record.cells.eventId),
      storedFingerprint: asText(record.cells.syncFingerprint),
      parseAs: (id: string) => hold ?? parseActivity(record, id, activity),
    };
  });
  const listed = listPlanEvents(ctx.services, calendar.id, ctx.planKey);
  // Occurrences moved or cancelled in Calendar: the book kept from earlier runs, brought up to date
  // by this run's reads (no call per series unless a series was laid out anew or nothing is known).
  const known = knownOccurrences(ctx.services, store, calendar.id, ctx.planKey, listed, {
    changes,
    save: !options.preview,
    readInstances: !options.preview,
  });
  const existing = withExceptions(
    listed
      .map((e) => toExistingEvent(e, ctx.planKey))
      .filter((e): e is NonNullable<typeof e> => e !== null && archived(e.activityId) === null),
    known,
    ctx.oracle,
    ctx.activity.planZone,
    ctx.activity.locale ?? 'en_US',
  );
  const plan = planSync(rows, existing, {
    idPrefix: CALENDAR_TAB.idPrefix ?? 'A',
    minNext: activityCounter(ctx, store, !options.preview),
    keepSheet: options.keepSheet,
    // A Calendar tab deleted and made again (repair) lost the rows: none of its events goes unasked.
    maxDeletions: tabReplaced(ctx, store) ? 0 : removalThreshold(existing.length),
    // Automatic runs never confirm: they hold back and leave it to the coordinator.
    confirmedRemovals: automatic ? null : (options.confirmRemovals ?? null),
    removedBySync: removedBySync(store),
  });
  const confirmed = options.confirmRemovals;
  if (!automatic && !options.preview && confirmed !== undefined && confirmed !== null) {
    const count = plan.removals;
    if (count !== confirmed)
      throw new UserError(
        `The plan changed since you confirmed: this sync would now remove ${count === 1 ? '1 event' : `${count} events`}, not ${confirmed}. Nothing was changed: preview again and confirm the new number.`,
      );
  }
  return plan;
}

/** Every Calendar-tab row with its ID as the sync reads it: archived ones get a status of their own. */
function archivedCandidates(ctx: CalendarTabContext) {
  const prefix = CALENDAR_TAB.idPrefix ?? 'A';
  return ctx.tab.records.map((r) => ({
    row: r.row,
    id: normaliseId(asText(r.cells.id), prefix),
    syncStatus: asText(r.cells.syncStatus),
  }));
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
    if (u.attendance !== undefined) c.attendance = u.attendance;
    if (u.exceptions !== undefined) c.exceptions = u.exceptions;
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
  const { raw, location } = ctx.tab;
  const timesTyped = retypedTimes(ctx, raw.rows, raw.headerRow + 1, location).length > 0;
  if (!timesTyped && !changesAnything(raw, location, ADDON_KEYS, cells)) return;
  const current = followedUpdates(ctx, plan, cells);
  writeAddonColumns(ctx.tab.sheet, current.raw, current.location, ADDON_KEYS, current.updates, [
    'eventId',
    'syncFingerprint',
  ]);
  // From the values just read again: a time a partner retyped meanwhile is not overwritten.
  writeRetypedTimes(
    ctx,
    retypedTimes(ctx, current.raw.rows, current.raw.headerRow + 1, current.location),
  );
}

/** Applies the writes in order until done, out of time, or stopped by a calendar limit. */
function applyWrites(
  ctx: CalendarTabContext,
  calendar: CalendarInfo,
  plan: SyncPlan,
  started: number,
): {
  outcomes: WriteOutcome[];
  stopped: string | null;
  stoppedRaw: string;
  /** Google's daily limit stopped the run: trying again before it resets only fails again. */
  dailyLimit: boolean;
} {
  const writes = plan.operations.filter(isWrite);
  const outcomes: WriteOutcome[] = [];
  const sendInvites = ctx.settings.calendar.sendInvites;
  let stopped: string | null = null;
  let stoppedRaw = '';
  let dailyLimit = false;
  let mailed = 0;
  const cache = writes.length ? ctx.services.documentCache() : null;
  if (writes.length) putProgress(cache, 0, writes.length, true);
  for (const op of writes) {
    if (Date.now() - started > WRITE_BUDGET_MS) {
      stopped = CALENDAR_TEXT.timeLimit;
      break;
    }
    // Every emailed guest counts; the first write always goes (one event fits in a run's cap).
    const mails = mailedBy(op, sendInvites);
    if (mails > 0 && mailed > 0 && mailed + mails > CAPS.invitationsPerRun) {
      outcomes.push({
        op,
        ok: false,
        deferred: true,
        message: `this change would email ${mails === 1 ? '1 guest' : `${mails} guests`}, past this run’s limit of ${CAPS.invitationsPerRun} invitations; the next sync sends it.`,
      });
      continue;
    }
    mailed += mails;
    try {
      const done = applyWrite(ctx.services, calendar.id, op, ctx.planKey, sendInvites);
      outcomes.push({ op, ok: true, ...done });
    } catch (error) {
      // People read a sentence; Google's own words go to the Sync Log's Details column only.
      const plain = plainGoogleError(error, 'write');
      if (plain.stopsRun) {
        stopped = plain.sentence;
        stoppedRaw = plain.raw;
        dailyLimit = plain.kind === 'dailyLimit';
        break;
      }
      outcomes.push({ op, ok: false, message: plain.sentence, raw: plain.raw });
    }
    // The last write's progress is the closing one below: one cache write, not two.
    if (outcomes.length % PROGRESS_EVERY === 0 && outcomes.length < writes.length)
      putProgress(cache, outcomes.length, writes.length, true);
  }
  if (writes.length) putProgress(cache, outcomes.length, writes.length, false);
  return { outcomes, stopped, stoppedRaw, dailyLimit };
}

/** Sync Log lines: every deletion with the event's details, and the run's summary when it did something. */
function logEntries(
  ctx: CalendarTabContext,
  calendar: CalendarInfo,
  outcomes: readonly WriteOutcome[],
  report: SyncReport,
  run: RunKind,
  stoppedRaw = '',
): SyncLogEntry[] {
  const now = new Date();
  const entries: SyncLogEntry[] = googleErrorEntries(
    now,
    RUN_WORDS[run],
    outcomes,
    report,
    stoppedRaw,
  );
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
      describeTiming(
        e.timing,
        ctx.oracle,
        calendar.timeZone || ctx.activity.planZone,
        ctx.activity.locale ?? 'en_US',
      ),
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
    entries.push(
      runLine(
        now,
        RUN_WORDS[run],
        'Sync',
        [report.summary, detail].filter(Boolean).join('\n'),
        calendar.name,
      ),
    );
  }
  return entries;
}

/** Notes each unapproved address typed in the plan as waiting (with where); saved when it changed. */
function noteWaitingPeople(ctx: CalendarTabContext, book: ApprovalBook): ApprovalBook {
  const found = foundEmails(ctx.activity.partners, ctx.tab.records);
  const { book: next, changed } = noteWaiting(book, found, Date.now());
  if (changed) saveApprovals(ctx.services.documentProperties(), next);
  return next;
}

function partnerEmails(ctx: CalendarTabContext): string[] {
  return [
    ...new Set(ctx.activity.partners.map((p) => p.email.trim().toLowerCase()).filter(isEmail)),
  ];
}

/**
 * One sync (or its preview). An error from Google that ends the run (reading the calendar, say)
 * reaches people as a sentence saying what to do; Google's words go to the Sync Log's Details.
 */
export function runCalendarSync(services: GoogleServices, options: SyncOptions): SyncReport {
  try {
    return syncOrPreview(services, options);
  } catch (error) {
    if (error instanceof BusyError && options.run !== 'manual' && !options.preview)
      deferBehindRunningSync(services, options.run);
    if (error instanceof UserError || googleErrorKind(error) === null) throw error;
    const plain = plainGoogleError(error, 'run');
    // A continuation is the only run still owed the unfinished work: a limit that stops it before
    // any write must not drop that work, so it hands it to the next continuation.
    if (options.run === 'continuation' && plain.stopsRun) {
      try {
        continueLater(
          services,
          services.spreadsheet(),
          plain.kind === 'dailyLimit' ? 'anHour' : 'aMinute',
        );
      } catch {
        // Triggers refused too: the hourly sync or the next manual run finishes the work.
      }
    }
    if (!options.preview) {
      try {
        appendSyncLog(services.spreadsheet(), [
          runLine(
            new Date(),
            RUN_WORDS[options.run],
            'Sync failed',
            withGoogleWords(plain.sentence, plain.raw),
          ),
        ]);
      } catch {
        // Sheets is down too: the sentence still reaches the person who ran the sync.
      }
    }
    throw new UserError(plain.sentence);
  }
}

/**
 * An automatic run that found another holding the lock writes nothing. It notes that it waited
 * (the run under way logs it and leaves a continuation: it may have read the tab before the edit
 * that fired this one) and makes sure a trigger follows, should the 6-minute limit end that run.
 */
function deferBehindRunningSync(services: GoogleServices, run: RunKind): void {
  try {
    noteDeferred(services.documentProperties(), { run: RUN_WORDS[run], at: Date.now() });
    continueLater(services, services.spreadsheet());
  } catch {
    // Google refused even that: the next hourly or manual sync still finishes the work.
  }
}

/** The Sync Log's Details of a Google error: the sentence, then Google's own words. */
/** A Sync Log line for each row Google refused and for a run Google stopped, with Google's words. */
function googleErrorEntries(
  now: Date,
  run: string,
  outcomes: readonly WriteOutcome[],
  report: SyncReport,
  stoppedRaw: string,
): SyncLogEntry[] {
  const entries: SyncLogEntry[] = [];
  for (const o of outcomes) {
    if (o.ok || o.raw === undefined) continue;
    const title = o.op.kind === 'delete' ? o.op.existing.title : o.op.desired.title;
    const eventId = o.op.kind === 'create' ? '' : o.op.eventId;
    entries.push([
      now,
      run,
      'Not synced',
      o.op.activityId,
      o.op.row ?? '',
      title,
      '',
      '',
      eventId,
      withGoogleWords(o.message, o.raw),
    ]);
  }
  if (stoppedRaw && report.stoppedReason)
    entries.push(
      runLine(now, run, 'Stopped early', withGoogleWords(report.stoppedReason, stoppedRaw)),
    );
  return entries;
}

/** The report of a run that spent itself finishing a calendar switch (the move continues later). */
function moveUnfinished(summary: string, basics: PlanBasics): SyncReport {
  const empty: SyncPlan = {
    operations: [],
    newIds: [],
    heldBackDeletions: 0,
    removals: 0,
    nextIdNumber: 0,
  };
  const report = buildReport(empty, [], {
    preview: false,
    stoppedReason: summary,
    oracle: basics.oracle,
    zone: basics.settings.timeZone || basics.sheetZone,
    locale: basics.spreadsheet.getSpreadsheetLocale(),
    caps: CAPS,
  });
  return { ...report, complete: false, stoppedReason: summary, summary };
}

/** What a preview reads and plans: nothing is written, no lock is taken. */
function previewRun(services: GoogleServices, options: SyncOptions): SyncReport {
  const chosen = planBasics(services);
  const calendar = calendarStillToCreate(chosen)
    ? calendarToCreate(chosen)
    : targetCalendar(chosen);
  const ctx = calendarTabContext(chosen);
  const store = services.documentProperties();
  const importing = calendar.id ? pendingImportIds(loadProposals(store, calendar.id)) : undefined;
  const plan = planFor(ctx, calendar, options, store, loadApprovals(store), importing);
  return buildReport(plan, [], {
    preview: true,
    stoppedReason: null,
    oracle: ctx.oracle,
    zone: ctx.activity.planZone,
    locale: ctx.activity.locale ?? 'en_US',
    caps: CAPS,
  });
}

/** One sync (or its preview). The document lock keeps two syncs from running at once. */
function syncOrPreview(services: GoogleServices, options: SyncOptions): SyncReport {
  if (options.preview) return previewRun(services, options);
  const started = Date.now();
  const chosen = planBasics(services);
  refuseNewerPlan(chosen.settings);
  const slot = noSlotWatch();
  // A second sync waits up to lockWaitMs, then says so plainly instead of running alongside.
  const report = withDocumentLock(
    services.documentLock(),
    () => {
      const lockedAt = Date.now();
      clearContinuation(services.triggers(), chosen.spreadsheet);
      // Settings are read again inside the lock: another first sync may have created the calendar.
      const fresh = planBasics(services);
      // A calendar switch a quota error interrupted is finished first; until then nothing syncs.
      const move = continueMove(services, fresh.planKey, RUN_WORDS[options.run]);
      if (move && !move.complete) return moveUnfinished(move.summary, fresh);
      const run = prepareRun(services, fresh, options, slot);
      const written = writeRun(run, options, started);
      return finishRun(run, written, options, lockedAt);
    },
    options.lockWaitMs ?? 10_000,
    CALENDAR_TEXT.busy,
  );
  // The weekly email's daily check its lent trigger may have missed: once, after the lock (it
  // takes it), as the hourly sync runs it; it sends only a round that is due, never twice.
  if (slot.owed) runOwedDigestCheck(services);
  return report;
}

/** The weekly email's owed check never turns a finished sync into a failed one: the next check tries again. */
function runOwedDigestCheck(services: GoogleServices): void {
  try {
    digestCheck(services);
  } catch (error) {
    console.log(`The weekly email's check after the sync did not finish: ${String(error)}`);
  }
}

/** Everything a locked run decided before its first Calendar write. */
interface PreparedRun {
  services: GoogleServices;
  store: PropertyStore;
  ctx: CalendarTabContext;
  calendar: CalendarInfo;
  imports: ImportStep | null;
  plan: SyncPlan;
  emptied: EmptiedRow[];
  /** Shares Google refused (one just after the calendar was made): said, not dropped. */
  sharingProblems: readonly string[];
  /** The weekly email's clock trigger, lent to this sync's continuations (src/actions/continueLater.ts). */
  slot: SlotWatch;
  /** Where each archived activity went: its rows say so at the write-back. */
  archived: (activityId: string) => ArchivedPlace | null;
}

/**
 * Inside the lock: creates the chosen calendar, brings in accepted imports, sends the confirmed
 * rows without a Status as Planned, plans the run, takes its IDs and writes them first.
 */
function prepareRun(
  services: GoogleServices,
  fresh: PlanBasics,
  options: SyncOptions,
  slot: SlotWatch,
): PreparedRun {
  const created = calendarStillToCreate(fresh);
  const basics = created ? createChosenCalendar(fresh) : fresh;
  const calendar = targetCalendar(basics);
  const store = services.documentProperties();
  // One read of what changed in the calendar (even the one just created: it gives the token
  // the next run reads from). Events others added (issue 15) are proposed, or imported as
  // rows, before the plan is made; the plan's moved and cancelled occurrences come from it too.
  const changes = readChanges(basics, calendar);
  const imports = importStep(basics, calendar, changes, () =>
    calendarTabContext(basics, 'document'),
  );
  let ctx = calendarTabContext(basics, 'document');
  // Confirmed by the coordinator: written where the rows are now, then read again with them.
  const confirmed = options.run === 'manual' ? options.confirmNoStatus : null;
  if (confirmed && sendRowsAsPlanned(ctx, confirmed) > 0)
    ctx = calendarTabContext(basics, 'document');
  // One read of every property gives the approvals and the weekly email's slot note (no more calls).
  const all = store.getProperties();
  slot.note = slotNoteIn(all);
  let book = noteWaitingPeople(ctx, loadApprovals(store, all));
  const archived = archivedPlaces(store, all);
  const plan = planFor(ctx, calendar, options, store, book, imports?.pending, changes, archived);
  // Stored once the proposals and the occurrences kept what it read.
  keepChanges(basics, calendar, changes);
  // Rows emptied of what partners typed: their events go as a deleted row's do (no record claims
  // them), their IDs are retired and their add-on cells cleared at the end of the run.
  const emptied = emptiedRows(CALENDAR_TAB, ctx.tab.location, ctx.tab.raw);
  const retired = nextFreeNumber(
    emptied.map((e) => e.id),
    CALENDAR_TAB.idPrefix ?? 'A',
  );
  if (retired > 1) raiseIdCounter(store, CALENDAR_TAB, retired);
  // The new IDs are taken before any is written, so a run that dies mid-way never hands them out twice.
  if (plan.newIds.length) raiseIdCounter(store, CALENDAR_TAB, plan.nextIdNumber);
  // IDs first: a run that dies mid-way leaves rows whose tagged events the next run adopts.
  if (plan.newIds.length && plan.operations.some(isWrite)) writeBack(ctx, plan, idUpdates(plan));
  // Sharing only with approved partners; the add-on's own rules for anyone else are removed.
  const sharing = keepSharingInStep(
    services,
    calendar.id,
    book,
    partnerEmails(ctx),
    ctx.settings.calendar.shareWithPartners,
  );
  if (sharing.book !== book) {
    book = sharing.book;
    saveApprovals(store, book);
  }
  return {
    services,
    store,
    ctx,
    calendar,
    imports,
    plan,
    emptied,
    sharingProblems: sharing.problems,
    slot,
    archived,
  };
}

/** What the writes did, and why they stopped. */
type Written = ReturnType<typeof applyWrites> & { armed: boolean };

/**
 * The Calendar writes, then the write-back. (S) The 6-minute limit halts a run outright (no
 * finally runs): the trigger that finishes its work, and the mark that it was a manual sync's,
 * are set before the first write.
 */
function writeRun(run: PreparedRun, options: SyncOptions, started: number): Written {
  const { services, store, ctx, calendar, plan, emptied, archived } = run;
  const armed = plan.operations.some(isWrite);
  if (armed) {
    if (options.run === 'manual') store.setProperty(UNFINISHED_MANUAL_KEY, '1');
    continueLater(services, ctx.spreadsheet, 'aMinute', run.slot);
  }
  let written: ReturnType<typeof applyWrites> = {
    outcomes: [],
    stopped: null,
    stoppedRaw: '',
    dailyLimit: false,
  };
  try {
    written = applyWrites(ctx, calendar, plan, started);
  } finally {
    const { outcomes } = written;
    rememberRemoved(
      store,
      outcomes.flatMap((o) => (o.ok && o.op.kind === 'delete' ? [o.op.eventId] : [])),
    );
    const status = new Map(ctx.tab.records.map((r) => [r.row, asText(r.cells.syncStatus)]));
    writeBack(
      ctx,
      plan,
      [
        ...rowUpdates(plan, outcomes, (row) => status.get(row) ?? ''),
        ...archivedRowUpdates(archivedCandidates(ctx), archived),
      ],
      emptied,
    );
  }
  return { ...written, armed };
}

/**
 * The trigger that follows this run: none, or a continuation (the rest of the work, or the edit of
 * an automatic run that waited behind this one). When none of this user's remains, the weekly
 * email's daily trigger, lent to the continuations, comes back (giveSlotBack).
 */
function scheduleNext(
  run: PreparedRun,
  report: SyncReport,
  written: Written,
  options: SyncOptions,
  lockedAt: number,
) {
  const { services, store, ctx, slot } = run;
  const manualWork = options.run === 'manual' || store.getProperty(UNFINISHED_MANUAL_KEY) === '1';
  if (report.complete && written.armed) clearContinuation(services.triggers(), ctx.spreadsheet);
  const waited = takeDeferred(store);
  const followUp = waited !== null && waited.at >= lockedAt;
  let next: keyof typeof CALENDAR_TEXT.continues | null = null;
  if (report.complete) {
    if (manualWork) store.deleteProperty(UNFINISHED_MANUAL_KEY);
    if (followUp) next = continueLater(services, ctx.spreadsheet, 'aMinute', slot);
  } else {
    if (manualWork) store.setProperty(UNFINISHED_MANUAL_KEY, '1');
    const after = written.dailyLimit ? 'anHour' : 'aMinute';
    next = continueLater(services, ctx.spreadsheet, after, slot);
    report.summary += ` ${CALENDAR_TEXT.continues[next]}`;
  }
  const continues = next === 'trigger' || next === 'triggerInAnHour';
  if (!continues && slot.note) slot.owed = giveSlotBack(services, slot.note);
  return { waited, followUp, next };
}

/**
 * The report, the follow-up trigger, the Sync Log and the last run. The continuation armed before
 * the writes goes first, then the note of any automatic run that came while this one held the
 * lock: a run that waited before the removal counted on that continuation, and its note is read
 * after it, so it gets a follow-up (one that waits later makes its own). Its edit may be newer
 * than what this run read.
 */
function finishRun(
  run: PreparedRun,
  written: Written,
  options: SyncOptions,
  lockedAt: number,
): SyncReport {
  const { services, store, ctx, calendar, imports, plan } = run;
  const { outcomes, stopped, stoppedRaw } = written;
  const report = buildReport(plan, outcomes, {
    preview: false,
    stoppedReason: stopped,
    oracle: ctx.oracle,
    zone: ctx.activity.planZone,
    locale: ctx.activity.locale ?? 'en_US',
    caps: CAPS,
  });
  const importWords = importSummary(imports);
  if (importWords) report.summary += ` ${importWords}`;
  // A share Google refused (one just after the calendar was made) is said, not dropped.
  const sharingProblems = run.sharingProblems;
  if (sharingProblems.length) report.summary += ` ${sharingProblems.join(' ')}`;
  const { waited, followUp, next } = scheduleNext(run, report, written, options, lockedAt);
  // Said in the Sync Log by the run that holds the lock (a waiting run writes nothing there).
  const waitedLines: SyncLogEntry[] = waited
    ? [
        runLine(
          new Date(waited.at),
          waited.run,
          'Waited',
          `Another sync was running, so this one changed nothing. ${next && followUp ? CALENDAR_TEXT.continues[next] : 'The sync that ran next did its work.'}`,
        ),
      ]
    : [];
  appendSyncLog(
    ctx.spreadsheet,
    [
      ...importLogEntries(imports, RUN_WORDS[options.run], calendar.name),
      ...logEntries(ctx, calendar, outcomes, report, options.run, stoppedRaw),
      ...waitedLines,
    ],
    ctx.activity.locale,
  );
  const eventful =
    outcomes.length > 0 || report.conflicts > 0 || !report.complete || report.heldBackDeletions > 0;
  if (importWords || sharingProblems.length > 0 || eventful)
    saveLastRun(
      store,
      `${localeDateTime(ctx.oracle(Date.now(), ctx.sheetZone), ctx.activity.locale ?? ctx.spreadsheet.getSpreadsheetLocale())}: ${report.summary}`,
    );
  rememberTab(ctx, store, report);
  if (report.complete) refreshDashboardAfterSync(services);
  return report;
}
