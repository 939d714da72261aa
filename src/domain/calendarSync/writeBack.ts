// What the sync writes back into each row's add-on-owned cells after (part of) a run.
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
  /** An OK status that also says how the row was read ("OK: event created. Note: 02:30 does not exist…"). */
  noted: (status: string, notes: readonly string[]) =>
    notes.length ? `${status}. ${NOTE_LEAD} ${notes.join(' ')}` : status,
  conflict: (what: string) =>
    `Changed in Google Calendar (${what}): choose which version to keep in Calendar sync…`,
} as const;

/** The IDs the plan gives rows (written before any calendar write, so a crash cannot lose them). */
export function idUpdates(plan: SyncPlan): RowUpdate[] {
  return plan.newIds.map((n) =>
    n.copiedFrom
      ? { row: n.row, id: n.activityId, eventId: '', syncFingerprint: '' }
      : { row: n.row, id: n.activityId },
  );
}

function forOperation(
  op: Operation,
  outcome: WriteOutcome | undefined,
  currentStatus: (row: number) => string,
): RowUpdate | null {
  switch (op.kind) {
    case 'keep': {
      // An "OK: …" status stays as it is (a quiet sync writes nothing) unless its note is out of date.
      const current = currentStatus(op.row);
      const notes = op.desired.notes ?? [];
      const noteText = notes.join(' ');
      const ok =
        current.startsWith(STATUS.ok) &&
        (notes.length ? current.endsWith(noteText) : !current.includes(NOTE_LEAD));
      return {
        row: op.row,
        eventId: op.existing.eventId,
        syncFingerprint: op.desired.fingerprint,
        ...(ok ? {} : { syncStatus: STATUS.noted(STATUS.ok, notes) }),
      };
    }
    case 'invalid':
      return { row: op.row, syncStatus: STATUS.invalid(op.messages) };
    case 'skip':
      return { row: op.row, syncStatus: op.why === 'draft' ? STATUS.draft : STATUS.cancelled };
    case 'conflict':
      return { row: op.row, syncStatus: STATUS.conflict(op.changed.join(', ')) };
    default:
      break;
  }
  if (op.row === null) return null;
  if (!outcome) return { row: op.row, syncStatus: STATUS.waiting };
  if (!outcome.ok) return { row: op.row, syncStatus: STATUS.failed(outcome.message) };
  if (op.kind === 'delete') {
    if (op.reason === 'duplicate') return null;
    return {
      row: op.row,
      eventId: '',
      syncFingerprint: '',
      lastSyncedMs: outcome.updatedMs,
      syncStatus: op.reason === 'draft' ? STATUS.draftRemoved : STATUS.cancelledRemoved,
    };
  }
  return {
    row: op.row,
    eventId: outcome.eventId,
    lastSyncedMs: outcome.updatedMs,
    syncFingerprint: op.desired.fingerprint,
    syncStatus: STATUS.noted(
      op.kind === 'create' ? STATUS.created : STATUS.updated(op.changed.join(', ')),
      op.desired.notes ?? [],
    ),
  };
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
