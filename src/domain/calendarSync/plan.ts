// Desired events (the tab) vs existing events (the calendar) → the operations a sync performs.
import { ID_DIGITS_MAX, nextFreeNumber } from '../table/ids';
import { timingKey } from './fingerprint';
import type {
  ActivityParse,
  DesiredEvent,
  ExistingEvent,
  LostEvent,
  Operation,
  SyncPlan,
} from './types';

/** A Calendar-tab row before IDs are settled: the planner decides which ID each row keeps. */
export interface PlanRow {
  row: number;
  /** The Activity ID cell as read. */
  idCell: string;
  eventId: string;
  storedFingerprint: string;
  /** Parses the row as if it carried this activity ID (the ID appears in the description). */
  parseAs: (activityId: string) => ActivityParse;
}

export interface PlanOptions {
  /** The ID prefix of the Calendar tab ("A" → A1, A2, …). */
  idPrefix: string;
  /** Activity IDs whose Calendar-side change the coordinator chose to overwrite with the sheet. */
  keepSheet?: readonly string[];
  /** The Calendar tab's stored high-water mark: IDs below it were handed out and are never reused. */
  minNext?: number;
  /**
   * Removals (deleted, emptied, Cancelled or Draft rows) above this many are held back unless
   * `confirmedRemovals` equals their count (null: no limit).
   */
  maxDeletions?: number | null;
  /** The number of removals the coordinator confirmed ("This will remove 19 events. Continue?"). */
  confirmedRemovals?: number | null;
  /** True for an event ID an earlier sync removed (asked only for rows whose event is gone). */
  removedBySync?: (eventId: string) => boolean;
}

/** True when this many removals wait for the coordinator's confirmation instead of going now. */
export function isHeldBack(count: number, options: PlanOptions): boolean {
  const limit = options.maxDeletions;
  if (limit === null || limit === undefined || count <= limit) return false;
  return options.confirmedRemovals !== count;
}

/**
 * The activity ID in a cell, normalised ("a12" → "A12"), or '' when it is not one (an ID's number
 * has at most ID_DIGITS_MAX digits, so the tag that carries it is never cut by Google).
 */
export function normaliseId(cell: string, prefix: string): string {
  const m = new RegExp(`^\\s*(${prefix}\\d{1,${ID_DIGITS_MAX}})\\s*$`, 'i').exec(cell);
  return m ? m[1].toUpperCase() : '';
}

/** The fields that differ between what the row asks for and the event, named for people. */
export function changedFields(desired: DesiredEvent, existing: ExistingEvent): string[] {
  const out: string[] = [];
  if (desired.title !== existing.title) out.push('title');
  if (timingKey(desired.timing) !== timingKey(existing.timing)) out.push('time');
  if (desired.location !== existing.location) out.push('location');
  if (desired.description !== existing.description) out.push('description');
  if (desired.recurrence.join() !== existing.recurrence.join()) out.push('recurrence');
  if (out.length === 0) out.push('colour or guests');
  return out;
}

/** What changed in Calendar, compared with what the row asks for. */
function calendarChanges(desired: DesiredEvent, existing: ExistingEvent): string[] {
  const out: string[] = [];
  if (desired.title !== existing.title) out.push('title');
  if (timingKey(desired.timing) !== timingKey(existing.timing)) out.push('time');
  if (desired.location !== existing.location) out.push('location');
  return out.length ? out : ['details'];
}

/** A row with the activity ID it keeps and how it reads with it. */
interface ParsedRow {
  r: PlanRow;
  id: string;
  parse: ActivityParse;
  eventId: string;
}

/**
 * Step 1: each row's ID. Copies sharing an ID keep it on one row only; a row without an ID takes
 * back the ID of the event its Event ID names; the rest get new IDs after every ID in use.
 */
function settleIds(
  rows: readonly PlanRow[],
  existing: readonly ExistingEvent[],
  options: PlanOptions,
): { parsed: ParsedRow[]; newIds: SyncPlan['newIds']; carried: Set<string>; next: number } {
  const prefix = options.idPrefix;
  let next = nextFreeNumber(
    [...rows.map((r) => normaliseId(r.idCell, prefix)), ...existing.map((e) => e.activityId)],
    prefix,
    options.minNext,
  );
  // 1. Parse every row with the ID it carries; group rows by ID to find copies.
  const parsed: ParsedRow[] = rows.map((r) => {
    const id = normaliseId(r.idCell, prefix);
    return { r, id, parse: r.parseAs(id || `${prefix}?`), eventId: r.eventId };
  });
  const byId = new Map<string, typeof parsed>();
  for (const p of parsed) {
    if (!p.id) continue;
    byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  }
  const newIds: SyncPlan['newIds'] = [];
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    const matches = (p: (typeof group)[number]) =>
      p.parse.kind === 'event' && p.parse.event.fingerprint === p.r.storedFingerprint;
    const keeper = group.find(matches) ?? group[0];
    for (const p of group) {
      if (p === keeper) continue;
      p.id = '';
      p.eventId = '';
      newIds.push({ row: p.r.row, activityId: '', copiedFrom: id });
    }
  }
  // 1b. A row without an ID whose Event ID names an event of an activity no row carries takes
  // that activity's ID back (its ID was cleared or overtyped): its event stays.
  const eventsById = new Map(existing.map((e) => [e.eventId, e]));
  const carried = new Set(parsed.map((p) => p.id).filter(Boolean));
  for (const p of parsed) {
    if (p.id || !p.eventId) continue;
    const named = eventsById.get(p.eventId);
    if (!named || carried.has(named.activityId)) continue;
    carried.add(named.activityId);
    p.id = named.activityId;
    p.parse = p.r.parseAs(p.id);
    newIds.push({ row: p.r.row, activityId: p.id, copiedFrom: null });
  }
  for (const p of parsed) {
    if (p.id) continue;
    p.id = `${prefix}${next++}`;
    p.parse = p.r.parseAs(p.id);
    const copy = newIds.find((n) => n.row === p.r.row);
    if (copy) copy.activityId = p.id;
    else newIds.push({ row: p.r.row, activityId: p.id, copiedFrom: null });
  }
  newIds.sort((a, b) => a.row - b.row);

  return { parsed, newIds, carried, next };
}

/** What pairing one row with its event needs, and where its operations go. */
interface Pairing {
  events: Map<string, ExistingEvent[]>;
  eventsById: Map<string, ExistingEvent>;
  carried: Set<string>;
  claimed: Set<string>;
  keepSheet: ReadonlySet<string>;
  lostEvent: (eventId: string) => LostEvent;
  operations: Operation[];
  deletions: Operation[];
}

/** Step 2, one row: its event found (by Event ID, then tag), and what to do with both. */
/** Step 2, a row that reads as an event: create, update, keep, or a Calendar-side conflict. */
function eventOperation(
  p: ParsedRow,
  mine: ExistingEvent | undefined,
  desired: DesiredEvent,
  ctx: Pairing,
): void {
  const { keepSheet, lostEvent, operations } = ctx;
  const { row } = p.r;
  const activityId = p.id;
  if (!mine) {
    operations.push(
      p.eventId
        ? {
            kind: 'create',
            row,
            activityId,
            desired,
            recreated: true,
            lost: lostEvent(p.eventId),
          }
        : { kind: 'create', row, activityId, desired, recreated: false },
    );
    return;
  }
  const calendarEdited = mine.currentCoreHash !== mine.storedCoreHash;
  const rowEdited = desired.fingerprint !== mine.fingerprint;
  if (calendarEdited && !keepSheet.has(activityId)) {
    operations.push({
      kind: 'conflict',
      row,
      activityId,
      eventId: mine.eventId,
      desired,
      existing: mine,
      side: rowEdited ? 'both' : 'calendar',
      changed: calendarChanges(desired, mine),
    });
  } else if (rowEdited || calendarEdited) {
    operations.push({
      kind: 'update',
      row,
      activityId,
      eventId: mine.eventId,
      desired,
      changed: changedFields(desired, mine),
      existing: mine,
    });
  } else {
    operations.push({
      kind: 'keep',
      row,
      activityId,
      eventId: mine.eventId,
      desired,
      existing: mine,
    });
  }
}

function pairRow(p: ParsedRow, ctx: Pairing): void {
  const { events, eventsById, carried, claimed, operations, deletions } = ctx;
  const { row } = p.r;
  const activityId = p.id;
  claimed.add(activityId);
  // A row whose ID changed to one without an event keeps the event its Event ID names when no
  // row carries that event's ID (the event is retagged by the update).
  const named = eventsById.get(p.eventId);
  const orphan =
    !events.has(activityId) && named && !carried.has(named.activityId) ? named : undefined;
  if (orphan) {
    carried.add(orphan.activityId);
    claimed.add(orphan.activityId);
  }
  const candidates = orphan
    ? [orphan, ...(events.get(orphan.activityId) ?? []).filter((e) => e !== orphan)]
    : (events.get(activityId) ?? []);
  const mine = candidates.find((e) => e.eventId === p.eventId) ?? candidates[0];
  const extras = candidates.filter((e) => e !== mine);
  for (const e of extras)
    deletions.push({
      kind: 'delete',
      row,
      activityId,
      eventId: e.eventId,
      reason: 'duplicate',
      existing: e,
    });
  const parse = p.parse;
  if (parse.kind === 'invalid') {
    operations.push({ kind: 'invalid', row, activityId, messages: parse.messages });
    return;
  }
  // A row not ready to publish keeps its event (if any) as it is until it is ready.
  if (parse.kind === 'notReady') {
    operations.push({
      kind: 'notReady',
      row,
      activityId,
      lacks: parse.lacks,
      ...(parse.noStatus ? { noStatus: true } : {}),
      ...(mine ? { keptEvent: true } : {}),
    });
    return;
  }
  if (parse.kind === 'draft' || parse.kind === 'cancelled') {
    if (mine)
      deletions.push({
        kind: 'delete',
        row,
        activityId,
        eventId: mine.eventId,
        reason: parse.kind,
        existing: mine,
      });
    else operations.push({ kind: 'skip', row, activityId, why: parse.kind });
    return;
  }
  eventOperation(p, mine, parse.event, ctx);
}

/**
 * Settles IDs, then pairs rows with events:
 * - Copied rows: rows sharing an activity ID keep it on one row only — the one whose content still
 *   matches what was last synced, else the topmost; the others get new IDs (and so new events).
 * - A row finds its event by its Event ID when that event carries the row's activity tag, else by
 *   the tag alone (a row whose Event ID was lost — e.g. a sync stopped before writing it back —
 *   adopts its event instead of creating a second one).
 * - Either half of a row's identity is enough: a row whose Activity ID was cleared (or overtyped)
 *   keeps the event its Event ID names, as long as no row carries that event's activity ID.
 * - Only tagged events (ours) are ever paired, updated or deleted; events of rows that cannot be
 *   read are kept until the row is fixed.
 */
export function planSync(
  rows: readonly PlanRow[],
  existing: readonly ExistingEvent[],
  options: PlanOptions,
): SyncPlan {
  const lostEvent = (eventId: string): LostEvent => {
    if (existing.some((e) => e.eventId === eventId)) return 'otherRow';
    return options.removedBySync?.(eventId) ? 'removedBySync' : 'deletedInCalendar';
  };
  const { parsed, newIds, carried, next } = settleIds(rows, existing, options);
  const eventsById = new Map(existing.map((e) => [e.eventId, e]));

  // 2. Events by activity tag.
  const events = new Map<string, ExistingEvent[]>();
  for (const e of existing) events.set(e.activityId, [...(events.get(e.activityId) ?? []), e]);
  const operations: Operation[] = [];
  const deletions: Operation[] = [];
  const claimed = new Set<string>();
  const pairing: Pairing = {
    events,
    eventsById,
    carried,
    claimed,
    keepSheet: new Set(options.keepSheet ?? []),
    lostEvent,
    operations,
    deletions,
  };
  for (const p of parsed) pairRow(p, pairing);

  // 3. Events whose row is gone.
  for (const [activityId, list] of events) {
    if (claimed.has(activityId)) continue;
    for (const e of list)
      deletions.push({
        kind: 'delete',
        row: null,
        activityId,
        eventId: e.eventId,
        reason: 'removed',
        existing: e,
      });
  }

  // Duplicates are the add-on's own leftovers, never a partner's decision: they always go.
  const removals = deletions.filter((d) => d.kind === 'delete' && d.reason !== 'duplicate');
  const held = isHeldBack(removals.length, options);
  for (const d of deletions) {
    if (held && d.kind === 'delete' && d.reason !== 'duplicate')
      operations.push({ ...d, kind: 'held' });
    else operations.push(d);
  }
  const heldBackDeletions = held ? removals.length : 0;
  return { operations, newIds, heldBackDeletions, removals: removals.length, nextIdNumber: next };
}
