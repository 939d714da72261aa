// exportIcs: the Calendar tab's activities as an .ics file the sidebar offers for download.
import { listChanges } from '../adapters/calendar/changes';
import { listPlanEvents } from '../adapters/calendar/events';
import { knownOccurrences } from '../adapters/calendar/occurrenceBook';
import type { GoogleServices } from '../adapters/google';
import { parseActivity } from '../domain/calendarSync/activity';
import { toExistingEvent } from '../domain/calendarSync/eventResource';
import {
  type OccurrenceException,
  sameLayout,
  withExceptions,
} from '../domain/calendarSync/exceptions';
import { hash } from '../domain/calendarSync/fingerprint';
import { normaliseId } from '../domain/calendarSync/plan';
import { publishHold } from '../domain/calendarSync/ready';
import type { DesiredEvent, ExistingEvent } from '../domain/calendarSync/types';
import { type IcsEntry, icsFileName, icsUid, writeIcs } from '../domain/ics/writeIcs';
import { CALENDAR_TAB } from '../domain/schema/tabs';
import { asText, matchOption } from '../domain/table/cells';
import type { TableRecord } from '../domain/table/records';
import { formatWallDate } from '../domain/time/zones';
import { isValidDate } from '../domain/values';
import type { IcsFile } from '../shared/calendarWire';
import { googleErrorKind } from '../shared/googleErrors';
import { type CalendarTabContext, calendarTabContext, planBasics } from './calendarContext';

/**
 * The occurrences moved or cancelled in Google Calendar, by event ID: the plan's list, the book the
 * sync keeps, and what changed since the sync's last read (read here, not stored: the next sync
 * reads it again). Only a series whose start and rule still match its row's gets them (exceptionsFor).
 */
function calendarExceptions(ctx: CalendarTabContext) {
  const calendarId = ctx.settings.calendar.calendarId;
  if (ctx.settings.calendar.mode === 'none' || !calendarId) return new Map();
  let existing: ExistingEvent[];
  try {
    const store = ctx.services.documentProperties();
    const listed = listPlanEvents(ctx.services, calendarId, ctx.planKey);
    const changes = listChanges(ctx.services, store, calendarId);
    const known = knownOccurrences(ctx.services, store, calendarId, ctx.planKey, listed, {
      changes,
      save: false,
      readInstances: true,
    });
    existing = withExceptions(
      listed.map((e) => toExistingEvent(e, ctx.planKey)).filter((e) => e !== null),
      known,
      ctx.oracle,
      ctx.activity.planZone,
      ctx.activity.locale ?? 'en_US',
    );
  } catch (error) {
    // Calendar unreachable (or the calendar gone): the file is still the plan, without them.
    if (googleErrorKind(error) === null) throw error;
    return new Map();
  }
  return new Map(existing.filter((e) => e.exceptions).map((e) => [e.eventId, e]));
}

/** What a row without an ID says: a sort keeps it, so its UID stays (see icsUid). */
const contentOf = (record: TableRecord) =>
  ['title', 'startDate', 'startTime', 'endDate', 'timeZone']
    .map((key) => {
      const v = record.cells[key];
      return isValidDate(v) ? String(v.getTime()) : asText(v).toLowerCase();
    })
    .join('|');

/**
 * Every row that reads as an activity, cancelled ones included (as STATUS:CANCELLED, so a calendar
 * app that imported them before removes them); drafts and rows to fix are left out and counted.
 */
export function exportIcs(services: GoogleServices): IcsFile {
  const ctx = calendarTabContext(planBasics(services));
  const series = calendarExceptions(ctx);
  /** A row changed since its sync (new start or rule) no longer has the old layout's exceptions. */
  const exceptionsFor = (eventId: string, event: DesiredEvent): OccurrenceException[] => {
    const existing = series.get(eventId);
    return existing && sameLayout(event, existing) ? (existing.exceptions ?? []) : [];
  };
  const now = Date.now();
  const entries: IcsEntry[] = [];
  const seen = new Map<string, number>();
  let skippedRows = 0;
  for (const record of ctx.tab.records) {
    const activityId = normaliseId(asText(record.cells.id), CALENDAR_TAB.idPrefix ?? 'A');
    // Two rows saying the same thing get the same content key; their order tells them apart.
    const key = hash(contentOf(record));
    const copies = seen.get(key) ?? 0;
    seen.set(key, copies + 1);
    const uid = icsUid(
      {
        activityId,
        eventId: asText(record.cells.eventId),
        contentKey: copies ? `${key}-${copies + 1}` : key,
      },
      ctx.planKey,
    );
    const cancelled = matchOption(record.cells.status, ['Cancelled'] as const) === 'Cancelled';
    // The sync's publish rule: a row without a ready Status is not sent to anyone's calendar.
    if (!cancelled && publishHold(record, false)) {
      skippedRows += 1;
      continue;
    }
    // A cancelled row is read as the activity it was, to say which event is cancelled.
    const readable = cancelled
      ? { ...record, cells: { ...record.cells, status: 'Confirmed' } }
      : record;
    // The ID is quoted in the description; a row the sync has not numbered yet says so.
    const parsed = parseActivity(readable, activityId || 'not numbered yet', ctx.activity);
    if (parsed.kind !== 'event') {
      skippedRows += 1;
      continue;
    }
    const synced = record.cells.lastSynced;
    const unchangedSinceSync =
      isValidDate(synced) && asText(record.cells.syncFingerprint) === parsed.event.fingerprint;
    entries.push({
      event: parsed.event,
      uid,
      cancelled,
      lastModifiedMs: unchangedSinceSync ? synced.getTime() : now,
      exceptions: exceptionsFor(asText(record.cells.eventId), parsed.event),
    });
  }
  const today = formatWallDate(ctx.oracle(now, ctx.sheetZone));
  return {
    fileName: icsFileName(ctx.settings.name, today),
    content: writeIcs(entries, { calendarName: ctx.settings.name, nowMs: now, oracle: ctx.oracle }),
    events: entries.length,
    skippedRows,
  };
}
