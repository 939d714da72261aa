// The sync's report: counts, per-row errors and the list of changes, in words a coordinator reads.
import { plural } from '../../shared/plural';
import { localeClock, localeDate, localeDateTime } from '../time/localeDate';
import { addDays, formatWallDate, type ZoneOracle } from '../time/zones';
import type { AttendeeJson } from './attendees';
import type {
  ExistingTiming,
  LostEvent,
  Operation,
  SyncPlan,
  Timing,
  WriteOperation,
} from './types';

export interface SyncError {
  row: number | null;
  activityId: string;
  message: string;
}

export type ChangeKind = 'create' | 'update' | 'delete' | 'conflict';

export interface SyncChange {
  kind: ChangeKind;
  row: number | null;
  activityId: string;
  title: string;
  /** What happens, e.g. "time, location" or "removed from the tab". */
  detail: string;
}

export interface ConflictInfo {
  row: number;
  activityId: string;
  eventId: string;
  /** 'calendar': only changed in Google Calendar; 'both': the row was edited too. */
  side: 'calendar' | 'both';
  changed: string[];
  sheet: { title: string; when: string; location: string };
  calendar: { title: string; when: string; location: string };
  calendarLink: string;
}

export interface SyncReport {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  failed: number;
  conflicts: number;
  errors: SyncError[];
  /** Rows read with a note (a time moved by a clock change, a year assumed): synced, but worth a look. */
  notes: SyncError[];
  changes: SyncChange[];
  conflictList: ConflictInfo[];
  /** False when the run stopped early (time limit, quota): the next run continues. */
  complete: boolean;
  stoppedReason: string | null;
  /** Calendar writes still to do when the run stopped. */
  remaining: number;
  /** Removals held back (too many at once): a manual sync confirmed with this count applies them. */
  heldBackDeletions: number;
  /** Rows not published: still being typed (automatic runs) or a Status outside the list. */
  notReady: number;
  /**
   * Rows not published because their Status is empty (Title and Start date filled): the coordinator
   * may send them as Planned by confirming this count ("20 rows have no Status. Send them as Planned?").
   */
  noStatus: number;
  /** Writes left for the next run because they would pass the cap on invitations per run. */
  deferredForInvitations: number;
  /** Guests per event and invitations per run (shown in the sidebar and the summary). */
  caps: { guestsPerEvent: number; invitationsPerRun: number } | null;
  /** True for previewSync: nothing was written. */
  preview: boolean;
  summary: string;
}

export type WriteOutcome =
  | {
      op: WriteOperation;
      ok: true;
      eventId: string;
      updatedMs: number;
      /** The guests as Google returned them from the write (answers included). */
      attendees?: AttendeeJson[];
    }
  | {
      op: WriteOperation;
      ok: false;
      message: string;
      /** Google's own words, for the Sync Log. */
      raw?: string;
      /** Not tried this run (the invitation cap); the next run sends it. */
      deferred?: boolean;
    };

/** Why a row that named an event gets a new one, in words. */
const LOST_WORDS: Record<LostEvent, string> = {
  removedBySync: 'an earlier sync removed its event',
  deletedInCalendar: 'its event was deleted in Google Calendar',
  otherRow: 'its event belongs to another row',
};

const DELETE_WORDS = {
  removed: 'removed from the tab',
  cancelled: 'set to Cancelled',
  draft: 'set back to Draft',
  duplicate: 'a duplicate event of this activity',
} as const;

/**
 * How a timing reads, its dates in the spreadsheet locale's short date (as the Calendar tab shows
 * them): "3/4/2027 09:30 → 11:00 (America/New_York)" or "3/4/2027 (all day)" in en_US.
 */
export function describeTiming(
  timing: Timing | ExistingTiming,
  oracle: ZoneOracle,
  fallbackZone: string,
  locale: string,
): string {
  if (timing.allDay) {
    const [y, m, d] = timing.endDate.split('-').map(Number);
    const lastDay = addDays({ year: y, month: m, day: d }, -1);
    const [sy, sm, sd] = timing.startDate.split('-').map(Number);
    const first = localeDate({ year: sy, month: sm, day: sd }, locale);
    const last = localeDate(lastDay, locale);
    return formatWallDate(lastDay) === timing.startDate
      ? `${first} (all day)`
      : `${first} → ${last} (all day)`;
  }
  const zone = timing.timeZone || fallbackZone;
  const s = oracle(timing.startMs, zone);
  const e = oracle(timing.endMs, zone);
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  return `${localeDateTime(s, locale)} → ${sameDay ? localeClock(e) : localeDateTime(e, locale)} (${zone})`;
}

function changeOf(op: Operation): SyncChange | null {
  switch (op.kind) {
    case 'create':
      return {
        kind: 'create',
        row: op.row,
        activityId: op.activityId,
        title: op.desired.title,
        detail: op.lost ? `new event (${LOST_WORDS[op.lost]})` : 'new event',
      };
    case 'update':
      return {
        kind: 'update',
        row: op.row,
        activityId: op.activityId,
        title: op.desired.title,
        detail: op.changed.join(', '),
      };
    case 'delete':
      return {
        kind: 'delete',
        row: op.row,
        activityId: op.activityId,
        title: op.existing.title,
        detail: DELETE_WORDS[op.reason],
      };
    case 'conflict':
      return {
        kind: 'conflict',
        row: op.row,
        activityId: op.activityId,
        title: op.desired.title,
        detail: `${op.changed.join(', ')} changed in Google Calendar${op.side === 'both' ? ' and in the sheet' : ''}`,
      };
    default:
      return null;
  }
}

export interface ReportOptions {
  preview: boolean;
  stoppedReason: string | null;
  oracle: ZoneOracle;
  zone: string;
  /** The spreadsheet's locale: dates in the report are written as its cells show them. */
  locale: string;
  caps?: { guestsPerEvent: number; invitationsPerRun: number };
}

/** Counts what was done (or, for a preview, what would be done). */
export function buildReport(
  plan: SyncPlan,
  outcomes: readonly WriteOutcome[],
  options: ReportOptions,
): SyncReport {
  const done = new Map(outcomes.map((o) => [o.op, o]));
  const r: SyncReport = {
    created: 0,
    updated: 0,
    deleted: 0,
    unchanged: 0,
    failed: 0,
    conflicts: 0,
    errors: [],
    notes: [],
    changes: [],
    conflictList: [],
    complete: options.stoppedReason === null,
    stoppedReason: options.stoppedReason,
    remaining: 0,
    heldBackDeletions: plan.heldBackDeletions,
    notReady: 0,
    noStatus: 0,
    deferredForInvitations: 0,
    caps: options.caps ?? null,
    preview: options.preview,
    summary: '',
  };
  for (const op of plan.operations) {
    const change = changeOf(op);
    if ('desired' in op && op.desired.notes?.length)
      r.notes.push({ row: op.row, activityId: op.activityId, message: op.desired.notes.join(' ') });
    if (op.kind === 'keep') r.unchanged += 1;
    else if (op.kind === 'skip' || op.kind === 'held') continue;
    else if (op.kind === 'notReady') {
      if (op.noStatus) r.noStatus += 1;
      else r.notReady += 1;
    } else if (op.kind === 'invalid') {
      r.failed += 1;
      r.errors.push({ row: op.row, activityId: op.activityId, message: op.messages.join(' ') });
    } else if (op.kind === 'conflict') {
      r.conflicts += 1;
      r.conflictList.push({
        row: op.row,
        activityId: op.activityId,
        eventId: op.eventId,
        side: op.side,
        changed: op.changed,
        sheet: {
          title: op.desired.title,
          when: describeTiming(op.desired.timing, options.oracle, options.zone, options.locale),
          location: op.desired.location,
        },
        calendar: {
          title: op.existing.title,
          when: describeTiming(op.existing.timing, options.oracle, options.zone, options.locale),
          location: op.existing.location,
        },
        calendarLink: op.existing.htmlLink,
      });
      if (change) r.changes.push(change);
    } else {
      const outcome = done.get(op);
      if (options.preview || outcome?.ok) {
        if (op.kind === 'create') r.created += 1;
        else if (op.kind === 'update') r.updated += 1;
        else r.deleted += 1;
        if (change) r.changes.push(change);
      } else if (outcome && !outcome.ok && outcome.deferred) {
        r.deferredForInvitations += 1;
      } else if (outcome && !outcome.ok) {
        r.failed += 1;
        r.errors.push({ row: op.row, activityId: op.activityId, message: outcome.message });
      } else r.remaining += 1;
    }
  }
  r.summary = summarise(r);
  return r;
}

/**
 * The report in words, what needs someone first: a stop, rows to fix, Calendar-side changes,
 * removals and rows waiting for a decision, then the counts, then rows read with a note.
 */
export function summarise(r: SyncReport): string {
  const verb = r.preview ? 'would be ' : '';
  const first: string[] = [];
  if (!r.complete)
    first.push(
      `Stopped early (${r.stoppedReason}); ${plural(r.remaining, 'change')} left for the next run.`,
    );
  // A preview writes no Sync status cell: its rows to fix are listed with the report instead.
  if (r.failed)
    first.push(
      r.preview
        ? `${plural(r.failed, 'row')} would not sync as typed: fix the rows listed below.`
        : `${plural(r.failed, 'row')} could not be synced: see Sync status.`,
    );
  if (r.conflicts)
    first.push(
      `${plural(r.conflicts, 'event')} changed in Google Calendar: choose which version to keep.`,
    );
  if (r.heldBackDeletions)
    first.push(
      `${plural(r.heldBackDeletions, 'event')} to remove held back (more than a sync removes unasked, or the Calendar tab was deleted and made again): Sync now in the Calendar sync sidebar asks the coordinator to confirm.`,
    );
  if (r.noStatus)
    first.push(
      `${plural(r.noStatus, 'row')} ${r.noStatus === 1 ? 'has' : 'have'} no Status, so ${r.noStatus === 1 ? 'it was' : 'they were'} not sent: Sync now in the Calendar sync sidebar asks the coordinator whether to send ${r.noStatus === 1 ? 'it' : 'them'} as Planned.`,
    );
  if (r.notReady)
    first.push(
      `${plural(r.notReady, 'row')} not sent yet (still being typed, or a Status not in the list): see Sync status.`,
    );
  if (r.deferredForInvitations)
    first.push(
      `${plural(r.deferredForInvitations, 'change')} left for the next run: ${r.caps ? `at most ${plural(r.caps.invitationsPerRun, 'invitation')} go out per run` : 'the cap on invitations per run was reached'}.`,
    );
  const counts = `${plural(r.created, 'event')} ${verb}created, ${r.updated} ${verb}updated, ${r.deleted} ${verb}deleted, ${r.unchanged} unchanged.`;
  const notes = r.notes.length
    ? `${plural(r.notes.length, 'row')} ${r.notes.length === 1 ? 'was' : 'were'} read with a note (a time moved by a clock change, or a year assumed): see ${r.preview ? 'below' : 'Sync status'}.`
    : '';
  return [...first, counts, notes].filter(Boolean).join(' ');
}
