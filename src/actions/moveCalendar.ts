// Switching the plan to another calendar moves its events there: copied, then removed from the old one, resumably.
import { listPlanEvents } from '../adapters/calendar/events';
import { readSeriesExceptions } from '../adapters/calendar/occurrenceBook';
import { carryExceptions } from '../adapters/calendar/occurrences';
import { advancedCalendar, httpStatus } from '../adapters/calendar/service';
import type { GoogleServices, PropertyStore } from '../adapters/google';
import { writeAddonColumns } from '../adapters/sheets/addonColumns';
import { readTab } from '../adapters/sheets/readTab';
import { appendSyncLog, runLine, withGoogleWords } from '../adapters/sheets/syncLog';
import { saveLastRun } from '../adapters/syncServices';
import { type EventJson, TAG, toExistingEvent } from '../domain/calendarSync/eventResource';
import { CALENDAR_TAB } from '../domain/schema/tabs';
import { asText } from '../domain/table/cells';
import { plainGoogleError } from '../shared/googleErrors';
import { CALENDAR_TEXT } from '../shared/messages';
import { plural } from '../shared/plural';
import { continueLater } from './continueLater';

type Ev = GoogleAppsScript.Calendar.Schema.Event;

/** The move under way, kept in document properties so an interrupted one is finished, never redone. */
export const MOVE_KEY = 'swp.calendarMove';

export interface PendingMove {
  from: string;
  fromName: string;
  to: string;
  toName: string;
  /** Plan events in the old calendar when the move began (for the report's "5 of 12"). */
  total: number;
}

export function loadPendingMove(store: PropertyStore): PendingMove | null {
  const text = store.getProperty(MOVE_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as PendingMove;
  } catch {
    return null;
  }
}

/** Everything of the plan's a calendar lists: events, series and their moved or cancelled occurrences. */
function listedPlanItems(services: GoogleServices, calendarId: string, planKey: string) {
  try {
    return listPlanEvents(services, calendarId, planKey);
  } catch (error) {
    // The old calendar is gone (deleted in Calendar, or no longer shared): nothing is left to move.
    const status = httpStatus(error);
    if (status === 404 || status === 410) return [];
    throw error;
  }
}

/** The plan's own events of a calendar (series parents and single events; never foreign ones). */
function planEvents(services: GoogleServices, calendarId: string, planKey: string): EventJson[] {
  return listedPlanItems(services, calendarId, planKey).filter(
    (e) => toExistingEvent(e, planKey) !== null,
  );
}

/** How many of the plan's events a switch from `from` would move (what the sidebar asks about). */
export function eventsToMove(services: GoogleServices, from: string | null, planKey: string) {
  return from ? planEvents(services, from, planKey).length : 0;
}

const activityOf = (e: EventJson) =>
  (e.extendedProperties?.private?.[TAG.activityId] ?? '').toUpperCase();

/**
 * The event as a new one in the other calendar: what people see, its guests with their answers,
 * and the plan's tags (so the copy is found by its activity ID if the run dies right after).
 */
function copyOf(e: EventJson): Ev {
  const body: Record<string, unknown> = {
    summary: e.summary,
    description: e.description,
    location: e.location,
    colorId: e.colorId,
    start: e.start,
    end: e.end,
    recurrence: e.recurrence,
    attendees: e.attendees,
    extendedProperties: e.extendedProperties,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body as Ev;
}

export interface MoveResult {
  complete: boolean;
  /** What happened, in words, for the sidebar's last run and the Sync Log. */
  summary: string;
}

/**
 * Moves what is left of the pending move (the caller holds the document lock). Each event is
 * copied into the new calendar unless a copy with its activity ID is already there, then removed
 * from the old one: a run stopped by a quota error between the two leaves a copy the next run
 * finds, so no event is ever in the new calendar twice. Rows get their new Event IDs; the Sync
 * Log gets a line. No invitation goes out (`sendUpdates: none`): the guests' event only moves.
 */
export function continueMove(
  services: GoogleServices,
  planKey: string,
  run: string,
): MoveResult | null {
  const store = services.documentProperties();
  const move = loadPendingMove(store);
  if (!move) return null;
  const left = listedPlanItems(services, move.from, planKey).filter(
    (e) => toExistingEvent(e, planKey) !== null,
  );
  const there = new Map<string, string>();
  for (const e of listPlanEvents(services, move.to, planKey))
    if (toExistingEvent(e, planKey) && e.id) there.set(activityOf(e), e.id);
  const { moved, occurrences, stopped, failed } = moveEach(services, move, left, there);
  rewriteEventIds(services, there);
  const done = move.total - (left.length - moved);
  const movedWords = `${plural(Math.max(0, done), 'event')} of ${move.total}`;
  let summary: string;
  if (stopped) {
    const next = continueLater(
      services,
      services.spreadsheet(),
      stopped.kind === 'dailyLimit' ? 'anHour' : 'aMinute',
    );
    summary = `Moving the plan’s events from “${move.fromName}” to “${move.toName}”: ${movedWords} moved so far. ${stopped.sentence} ${CALENDAR_TEXT.continues[next]}`;
  } else {
    store.deleteProperty(MOVE_KEY);
    const withOccurrences = occurrences
      ? ` and ${plural(occurrences, 'occurrence')} moved or cancelled in Calendar`
      : '';
    summary = `Moved ${move.total === done ? plural(done, 'event') : movedWords} from “${move.fromName}” to “${move.toName}” (copied with their guests and answers${withOccurrences}, then removed from “${move.fromName}”).`;
    if (failed.length)
      summary += ` ${plural(failed.length, 'event')} could not be moved and ${failed.length === 1 ? 'stays' : 'stay'} in “${move.fromName}”: ${failed.join('; ')}`;
  }
  appendSyncLog(services.spreadsheet(), [
    runLine(
      new Date(),
      run,
      stopped ? 'Calendar move paused' : 'Calendar moved',
      stopped ? withGoogleWords(summary, stopped.raw) : summary,
      move.toName,
    ),
  ]);
  saveLastRun(store, summary);
  return { complete: !stopped, summary };
}

/** What moving the events left did: how many moved, with how many occurrences, and what stopped it. */
interface MoveProgress {
  moved: number;
  occurrences: number;
  stopped: ReturnType<typeof plainGoogleError> | null;
  failed: string[];
}

/**
 * Copies each event left into the new calendar (unless `there` has a copy of its activity), sets
 * a series' moved and cancelled occurrences on the copy, then removes the old one; until a limit
 * stops the run. `there` gains the copies made.
 */
function moveEach(
  services: GoogleServices,
  move: PendingMove,
  left: readonly EventJson[],
  there: Map<string, string>,
): MoveProgress {
  const events = advancedCalendar(services).Events!;
  let stopped: MoveProgress['stopped'] = null;
  const failed: string[] = [];
  let moved = 0;
  let occurrences = 0;
  for (const e of left) {
    const activity = activityOf(e);
    try {
      if (!there.has(activity)) {
        const created = events.insert(copyOf(e), move.to, { sendUpdates: 'none' });
        there.set(activity, created.id ?? '');
      }
      // Before the old series goes, its moved and cancelled occurrences are set on the copy (an
      // interrupted run sets them again on the copy it finds: every step is safe to repeat). They
      // are read from the old series' instances, cancelled ones included: a cancelled occurrence
      // need not carry the plan's tag, so the plan's filtered list may not return it.
      const carried = e.recurrence?.length
        ? carryExceptions(
            events,
            move.to,
            there.get(activity) ?? '',
            e,
            readSeriesExceptions(services, move.from, e).items,
          )
        : 0;
      try {
        events.remove(move.from, e.id ?? '', { sendUpdates: 'none' });
      } catch (error) {
        const status = httpStatus(error);
        if (status !== 404 && status !== 410) throw error;
      }
      moved += 1;
      occurrences += carried;
    } catch (error) {
      const plain = plainGoogleError(error, 'write');
      if (plain.stopsRun) {
        stopped = plain;
        break;
      }
      failed.push(`${activity} “${e.summary ?? ''}”: ${plain.sentence}`);
    }
  }
  return { moved, occurrences, stopped, failed };
}

/** Rows whose activity now has its event in the new calendar get that event's ID. */
function rewriteEventIds(services: GoogleServices, idsByActivity: ReadonlyMap<string, string>) {
  const tab = readTab(services.spreadsheet(), CALENDAR_TAB, services.documentCache());
  if (!tab) return;
  const updates = new Map<number, Record<string, unknown>>();
  for (const record of tab.records) {
    const id = idsByActivity.get(asText(record.cells.id).toUpperCase());
    if (id && id !== asText(record.cells.eventId)) updates.set(record.row, { eventId: id });
  }
  if (updates.size)
    writeAddonColumns(tab.sheet, tab.raw, tab.location, ['eventId'], updates, ['eventId']);
}
