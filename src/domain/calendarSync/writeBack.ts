// What the sync writes back into each row's add-on-owned cells after (part of) a run.
import { plural } from '../../shared/plural';
import { PUBLISHED_STATUSES } from '../schema/tabs';
import { attendanceText } from './attendance';
import { GUESTS_PER_EVENT } from './caps';
import type { WriteOutcome } from './report';
import type { Operation, SyncPlan } from './types';

/** New values for a row's add-on cells; a key left out keeps the cell as it is. */
export interface RowUpdate {
  row: number;
  id?: string;
  eventId?: string;
  /** Instant of the last write to the calendar (the event's `updated` stamp). */
  lastSyncedMs?: number;
  syncStatus?: string;
  syncFingerprint?: string;
  /** The guests' answers in words (attendanceText); '' once the row has no event. */
  attendance?: string;
  /** Occurrences moved or cancelled in Google Calendar, in words (exceptions.ts); '' when none. */
  exceptions?: string;
}

const NOTE_LEAD = 'Note:';

export const STATUS = {
  ok: 'OK',
  created: 'OK: event created',
  updated: (what: string) => `OK: event updated (${what})`,
  adopted: 'OK: reconnected to its event',
  waiting: 'Waiting: the sync stopped before this row; the next run continues.',
  failed: (message: string) => `Not synced: ${message}`,
  invalid: (messages: string[]) => `Fix this row: ${messages.join(' ')}`,
  draft: 'Draft: not in the calendar until its status changes.',
  draftRemoved: 'Draft: its event was removed from the calendar.',
  cancelled: 'Cancelled: not in the calendar.',
  cancelledRemoved: 'Cancelled: its event was removed from the calendar.',
  /** An OK status that also says how the row was read ("OK: event created. Note: 02:30 …"). */
  noted: (status: string, notes: readonly string[]) => withNotes(status, '', notes),
  conflict: (what: string) =>
    `Changed in Google Calendar (${what}): choose which version to keep in Calendar sync…`,
  /** The publish rule's words (ready.ts); a row already in the calendar says its event stays. */
  notReady: (lacks: string[], keptEvent = false) =>
    `${keptEvent ? 'Not updated' : 'Not synced yet'}: ${lacks.join(', ')}. ${keptEvent ? 'Its event stays in the calendar as last synced. ' : ''}A sync sends a row once its Title and Start date are filled and its Status is ${PUBLISHED_STATUSES.join(', ').replace(/, ([^,]*)$/, ' or $1')}.`,
  held: (reason: string) =>
    `${reason === 'draft' ? 'Draft' : 'Cancelled'}: its event stays until the coordinator confirms the removals (Calendar sync › Sync now).`,
  deferred: (message: string) => `Waiting: ${message}`,
} as const;

/** Guests left out of the event, in words (appended to the row's status); '' when none. */
export function guestNote(desired: {
  unapprovedGuests?: string[];
  overCapGuests?: string[];
}): string {
  const notes: string[] = [];
  const waiting = desired.unapprovedGuests ?? [];
  if (waiting.length)
    notes.push(
      `${plural(waiting.length, 'guest')} ${waiting.length === 1 ? 'waits' : 'wait'} for the coordinator’s approval: ${waiting.join(', ')}.`,
    );
  const over = desired.overCapGuests ?? [];
  if (over.length)
    notes.push(
      `${plural(over.length, 'guest')} left out: an event takes at most ${GUESTS_PER_EVENT} guests (${over.join(', ')}).`,
    );
  return notes.join(' ');
}

/**
 * A status with what else the row should know: guests left out, then how its times were read
 * ("OK: event created. 1 guest waits for the coordinator’s approval: a@b.org. Note: 02:30 …").
 */
function withNotes(status: string, guests: string, notes: readonly string[]): string {
  const told = notes.length ? `${NOTE_LEAD} ${notes.join(' ')}` : '';
  if (!guests && !told) return status;
  return [`${status}.`, guests, told].filter(Boolean).join(' ');
}

/** The IDs the plan gives rows (written before any calendar write, so a crash cannot lose them). */
export function idUpdates(plan: SyncPlan): RowUpdate[] {
  return plan.newIds.map((n) =>
    n.copiedFrom
      ? { row: n.row, id: n.activityId, eventId: '', syncFingerprint: '' }
      : { row: n.row, id: n.activityId },
  );
}

/**
 * A row waiting for the coordinator's choice names its event: a first write whose answer was lost
 * left the Event ID empty, and the pairing found the event by its tag (the choice, the Event ID
 * column and the simulator's invariants all go by it).
 */
function conflictUpdate(op: Extract<Operation, { kind: 'conflict' }>): RowUpdate {
  return {
    row: op.row,
    eventId: op.eventId,
    syncStatus: STATUS.conflict(op.changed.join(', ')),
    attendance: attendanceText(op.existing.attendees),
    exceptions: op.existing.exceptionsText ?? '',
  };
}

function forOperation(
  op: Operation,
  outcome: WriteOutcome | undefined,
  currentStatus: (row: number) => string,
): RowUpdate | null {
  switch (op.kind) {
    case 'keep': {
      // An "OK: …" status stays as it is (a quiet sync writes nothing) unless its notes changed.
      const note = guestNote(op.desired);
      const notes = op.desired.notes ?? [];
      const current = currentStatus(op.row);
      const fine =
        current.startsWith(STATUS.ok) &&
        (note ? current.includes(note) : !current.includes(' guest')) &&
        (notes.length ? current.endsWith(notes.join(' ')) : !current.includes(NOTE_LEAD));
      return {
        row: op.row,
        eventId: op.existing.eventId,
        syncFingerprint: op.desired.fingerprint,
        attendance: attendanceText(op.existing.attendees),
        exceptions: op.existing.exceptionsText ?? '',
        ...(fine ? {} : { syncStatus: withNotes(STATUS.ok, note, notes) }),
      };
    }
    case 'notReady':
      return { row: op.row, syncStatus: STATUS.notReady(op.lacks, op.keptEvent) };
    case 'held':
      if (op.row === null || op.reason === 'duplicate' || op.reason === 'removed') return null;
      return { row: op.row, syncStatus: STATUS.held(op.reason) };
    case 'invalid':
      return { row: op.row, syncStatus: STATUS.invalid(op.messages) };
    case 'skip':
      return { row: op.row, syncStatus: op.why === 'draft' ? STATUS.draft : STATUS.cancelled };
    case 'conflict':
      return conflictUpdate(op);
    default:
      break;
  }
  if (op.row === null) return null;
  if (!outcome) return { row: op.row, syncStatus: STATUS.waiting };
  if (!outcome.ok)
    return {
      row: op.row,
      syncStatus: outcome.deferred
        ? STATUS.deferred(outcome.message)
        : STATUS.failed(outcome.message),
    };
  if (op.kind === 'delete') {
    if (op.reason === 'duplicate') return null;
    return {
      row: op.row,
      eventId: '',
      syncFingerprint: '',
      attendance: '',
      exceptions: '',
      lastSyncedMs: outcome.updatedMs,
      syncStatus: op.reason === 'draft' ? STATUS.draftRemoved : STATUS.cancelledRemoved,
    };
  }
  const relaid = op.kind === 'update' ? relaidNote(op.changed, op.existing.exceptionsText) : '';
  return {
    row: op.row,
    eventId: outcome.eventId,
    lastSyncedMs: outcome.updatedMs,
    syncFingerprint: op.desired.fingerprint,
    ...(outcome.attendees ? { attendance: attendanceText(outcome.attendees) } : {}),
    exceptions: op.kind === 'update' && !relaid ? (op.existing.exceptionsText ?? '') : '',
    syncStatus: withNotes(
      op.kind === 'create' ? STATUS.created : STATUS.updated(op.changed.join(', ')),
      guestNote(op.desired),
      [...(op.desired.notes ?? []), ...(relaid ? [relaid] : [])],
    ),
  };
}

/**
 * A new time or repeat for a series whose single occurrences were changed in Google Calendar: the
 * series is laid out anew, and the row says which changes that concerned ('' otherwise). The next
 * sync's Exceptions column shows whatever Calendar still holds.
 */
export function relaidNote(changed: readonly string[], exceptions: string | undefined): string {
  if (!exceptions) return '';
  const what = [
    changed.includes('time') ? 'time' : '',
    changed.includes('recurrence') ? 'repeat' : '',
  ].filter(Boolean);
  if (what.length === 0) return '';
  return `the new ${what.join(' and ')} ${what.length > 1 ? 'replace' : 'replaces'} the occurrences changed in Google Calendar (${exceptions}).`;
}

/** Every row's new add-on cells after the run (IDs included). */
export function rowUpdates(
  plan: SyncPlan,
  outcomes: readonly WriteOutcome[],
  currentStatus: (row: number) => string = () => '',
): RowUpdate[] {
  const byOp = new Map(outcomes.map((o) => [o.op as Operation, o]));
  const merged = new Map<number, RowUpdate>();
  for (const u of idUpdates(plan)) merged.set(u.row, u);
  for (const op of plan.operations) {
    const u = forOperation(op, byOp.get(op), currentStatus);
    if (u) merged.set(u.row, { ...merged.get(u.row), ...u });
  }
  return [...merged.values()].sort((a, b) => a.row - b.row);
}
