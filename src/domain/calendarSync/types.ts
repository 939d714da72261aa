// The sync's vocabulary: the event a row asks for, the event the calendar holds, and the operations between them.
import type { WallTime } from '../time/zones';
import type { AttendeeJson } from './attendees';
import type { OccurrenceException } from './exceptions';
import type { RepeatRule } from './recurrence';

/**
 * When an event happens. All-day events are wall dates (`yyyy-mm-dd`, end exclusive as in Google
 * Calendar) and never pass through an instant; timed events are instants plus the zone their wall
 * times were typed in (which also anchors a series across daylight-saving changes).
 */
export type Timing =
  | { allDay: true; startDate: string; endDate: string }
  | {
      allDay: false;
      startMs: number;
      endMs: number;
      timeZone: string;
      startWall: WallTime;
      endWall: WallTime;
    };

/** The event one valid Calendar-tab row asks for. */
export interface DesiredEvent {
  activityId: string;
  row: number;
  title: string;
  location: string;
  description: string;
  /** Google Calendar event colour "1".."11" for the activity type. */
  colorId: string;
  type: string;
  status: string;
  timing: Timing;
  repeat: RepeatRule | null;
  /** RRULE lines ([] when the activity does not repeat). */
  recurrence: string[];
  /** Guest emails, lower-case, sorted, unique: only approved addresses, at most the cap. */
  guests: string[];
  /** Addresses typed for this event that wait for the coordinator's approval. */
  unapprovedGuests?: string[];
  /** Approved addresses past the cap on guests per event. */
  overCapGuests?: string[];
  /** Hash of every field the sync writes: equal fingerprints mean "nothing to write". */
  fingerprint: string;
  /** Hash of the fields a partner can change in Google Calendar (title, place, time). */
  coreHash: string;
  /**
   * How the row was read when the cells alone do not say it (a time moved by a clock change, a
   * year assumed): shown in the row's Sync status and the report, never an error.
   */
  notes?: string[];
}

/** What a row is, for the sync. */
export type ActivityParse =
  | { kind: 'event'; event: DesiredEvent }
  | { kind: 'draft' }
  | { kind: 'cancelled' }
  | { kind: 'invalid'; messages: string[] }
  /**
   * Not published this run (ready.ts): what the row lacks, in words. `noStatus`: only its Status is
   * empty, so the coordinator may send it as Planned by count.
   */
  | { kind: 'notReady'; lacks: string[]; noStatus?: boolean };

/** An event the add-on created earlier (tagged with its activity ID), as read from the calendar. */
export interface ExistingEvent {
  eventId: string;
  activityId: string;
  /** The fingerprint the add-on stored on the event when it last wrote it. */
  fingerprint: string;
  /** The core hash the add-on stored when it last wrote it. */
  storedCoreHash: string;
  /** The core hash of the event as it is now: differs from storedCoreHash after an edit in Calendar. */
  currentCoreHash: string;
  updatedMs: number;
  title: string;
  location: string;
  description: string;
  timing: ExistingTiming;
  recurrence: string[];
  /** Guest emails, lower-case (their answers stay on the event: the sync never resends them). */
  guests: string[];
  /** The attendee entries as Google holds them (answers included), sent back as they are on a patch. */
  attendees: AttendeeJson[];
  /** The add-on's tag of the guests it wrote (null on events written before it kept one). */
  writtenGuests: string | null;
  htmlLink: string;
  /** `EXDATE` lines of a series' recurrence (left out of `recurrence`): cancelled occurrences. */
  excludedDates?: string[];
  /** A series' occurrences moved or cancelled in Google Calendar (exceptions.ts). */
  exceptions?: OccurrenceException[];
  /** The same in words for the row's Exceptions column. */
  exceptionsText?: string;
}

export type ExistingTiming =
  | { allDay: true; startDate: string; endDate: string }
  | { allDay: false; startMs: number; endMs: number; timeZone: string };

/** A Calendar-tab row as the planner sees it: its bookkeeping cells and what it asks for. */
export interface RowState {
  row: number;
  /** The Activity ID cell ('' when empty or not an ID the add-on wrote). */
  activityId: string;
  eventId: string;
  storedFingerprint: string;
  parse: ActivityParse;
}

/**
 * Why a row that named an event gets a new one: its event was removed by an earlier sync, is gone
 * from the calendar (deleted there), or belongs to another row (the row is a copy).
 */
export type LostEvent = 'removedBySync' | 'deletedInCalendar' | 'otherRow';

export type DeleteReason = 'removed' | 'cancelled' | 'draft' | 'duplicate';

export type Operation =
  | {
      kind: 'create';
      row: number;
      activityId: string;
      desired: DesiredEvent;
      /** True when the row named an event it no longer has. */
      recreated: boolean;
      /** What became of that event, for the report (absent when `recreated` is false). */
      lost?: LostEvent;
    }
  | {
      kind: 'update';
      row: number;
      activityId: string;
      eventId: string;
      desired: DesiredEvent;
      changed: string[];
      existing: ExistingEvent;
    }
  | {
      kind: 'delete';
      row: number | null;
      activityId: string;
      eventId: string;
      reason: DeleteReason;
      existing: ExistingEvent;
    }
  | {
      kind: 'keep';
      row: number;
      activityId: string;
      eventId: string;
      desired: DesiredEvent;
      existing: ExistingEvent;
    }
  | {
      kind: 'conflict';
      row: number;
      activityId: string;
      eventId: string;
      desired: DesiredEvent;
      existing: ExistingEvent;
      /** 'calendar': only Calendar changed; 'both': the row changed too. */
      side: 'calendar' | 'both';
      changed: string[];
    }
  | { kind: 'invalid'; row: number; activityId: string; messages: string[] }
  | { kind: 'skip'; row: number; activityId: string; why: 'draft' | 'cancelled' }
  | {
      kind: 'notReady';
      row: number;
      activityId: string;
      lacks: string[];
      noStatus?: boolean;
      /** The row's event, already in the calendar, stays as last synced. */
      keptEvent?: boolean;
    }
  /** A removal an automatic sync (or an unconfirmed manual one) holds back: too many at once. */
  | {
      kind: 'held';
      row: number | null;
      activityId: string;
      eventId: string;
      reason: DeleteReason;
      existing: ExistingEvent;
    };

export type WriteOperation = Extract<Operation, { kind: 'create' | 'update' | 'delete' }>;

export interface SyncPlan {
  operations: Operation[];
  /** Rows that get a (new) activity ID: rows without one, and copies of another row. */
  newIds: Array<{ row: number; activityId: string; copiedFrom: string | null }>;
  /** Removals held back by the safety limit (the `held` operations): a confirmed manual sync applies them. */
  heldBackDeletions: number;
  /** Removals the plan asks for (held back or not; duplicates left out): what a confirmation counts. */
  removals: number;
  /** The high-water mark after the new IDs: stored so none of them is handed out again. */
  nextIdNumber: number;
}

export const isWrite = (op: Operation): op is WriteOperation =>
  op.kind === 'create' || op.kind === 'update' || op.kind === 'delete';
