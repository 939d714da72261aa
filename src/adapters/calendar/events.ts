// Reads the plan's events in one call per page and applies create/update/delete operations.

import { type AttendeeJson, mergeAttendees } from '../../domain/calendarSync/attendees';
import { mailedBy } from '../../domain/calendarSync/caps';
import {
  type EventJson,
  parseRfc3339,
  TAG,
  toEventJson,
} from '../../domain/calendarSync/eventResource';
import { followingExceptions, sameLayout } from '../../domain/calendarSync/exceptions';
import type { WriteOperation } from '../../domain/calendarSync/types';
import { advancedCalendar, type CalendarServices, httpStatus } from './service';

type Ev = GoogleAppsScript.Calendar.Schema.Event;

/** (V) events.list returns at most 2,500 items a page. */
const PAGE = 2500;

/**
 * Every event of this plan in the calendar: one Events.list call per 2,500 events, filtered by the
 * plan's private tag (so other people's events are never even read), with every field, the
 * `updated` stamp and the tags included. No time window: an old event of a removed row must be found.
 */
export function listPlanEvents(
  services: CalendarServices,
  calendarId: string,
  planKey: string,
): EventJson[] {
  // A calendar still to be created (a preview before the first sync) has no events yet.
  if (!calendarId) return [];
  const events = advancedCalendar(services).Events!;
  const out: EventJson[] = [];
  let pageToken: string | undefined;
  do {
    const page = events.list(calendarId, {
      privateExtendedProperty: `${TAG.plan}=${planKey}`,
      maxResults: PAGE,
      showDeleted: false,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const item of page.items ?? []) out.push(item as EventJson);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

export function getEvent(
  services: CalendarServices,
  calendarId: string,
  eventId: string,
): EventJson {
  return advancedCalendar(services).Events!.get(calendarId, eventId) as EventJson;
}

export interface AppliedWrite {
  eventId: string;
  updatedMs: number;
  /** The guests in the write's response: the row's attendance needs no extra read. */
  attendees?: AttendeeJson[];
}

const updatedOf = (e: Ev) => (e.updated ? (parseRfc3339(e.updated) ?? Date.now()) : Date.now());

/**
 * One calendar write. Invitations go out only when the coordinator turned them on, and then only
 * when an event is created with guests, gains guests or is removed — never on every update
 * (mailedBy counts them against the per-run cap). A patch merges the guests (mergeAttendees):
 * answers and guests added in Google Calendar are kept, and the list is sent only when it changes.
 */
export function applyWrite(
  services: CalendarServices,
  calendarId: string,
  op: WriteOperation,
  planKey: string,
  sendInvites: boolean,
): AppliedWrite {
  const events = advancedCalendar(services).Events!;
  const sendUpdates = mailedBy(op, sendInvites) > 0 ? 'all' : 'none';
  if (op.kind === 'delete') {
    try {
      events.remove(calendarId, op.eventId, { sendUpdates });
    } catch (error) {
      // Already gone (deleted in Calendar meanwhile): the goal is reached.
      const status = httpStatus(error);
      if (status !== 404 && status !== 410) throw error;
    }
    return { eventId: '', updatedMs: Date.now() };
  }
  const body = toEventJson(op.desired, planKey) as Ev;
  if (op.kind === 'create') {
    const created = events.insert(body, calendarId, { sendUpdates });
    return {
      eventId: created.id ?? '',
      updatedMs: updatedOf(created),
      attendees: (created.attendees ?? []) as AttendeeJson[],
    };
  }
  // Guests merge: Calendar-side guests and everyone's answers survive; sent only when the list changes.
  const guests = mergeAttendees(
    op.desired.guests,
    op.existing.attendees,
    op.existing.writtenGuests,
  );
  if (guests.changed) body.attendees = guests.attendees as Ev['attendees'];
  else delete body.attendees;
  if (sameLayout(op.desired, op.existing)) {
    // A series keeps the occurrences moved or cancelled in Calendar only if its start and rule are
    // left alone: a patch that does not need them does not send them (docs/calendar-sync.md).
    delete body.start;
    delete body.end;
    delete body.recurrence;
    const applied = patchWith(events, body, calendarId, op.eventId, sendUpdates);
    // Moved occurrences keep the fields they were made with: they follow the row's new title and
    // place unless a partner changed that field on the occurrence itself.
    for (const { eventId, fields } of followingExceptions(op.desired, op.existing))
      events.patch(fields as Ev, calendarId, eventId, { sendUpdates: 'none' });
    return applied;
  }
  // Switching between all-day and timed: clear the other form explicitly (patch merges objects).
  if (op.desired.timing.allDay) {
    body.start = { ...body.start, dateTime: null, timeZone: null } as unknown as Ev['start'];
    body.end = { ...body.end, dateTime: null, timeZone: null } as unknown as Ev['end'];
  } else {
    body.start = { ...body.start, date: null } as unknown as Ev['start'];
    body.end = { ...body.end, date: null } as unknown as Ev['end'];
  }
  return patchWith(events, body, calendarId, op.eventId, sendUpdates);
}

function patchWith(
  events: GoogleAppsScript.Calendar.Collection.EventsCollection,
  body: Ev,
  calendarId: string,
  eventId: string,
  sendUpdates: string,
): AppliedWrite {
  const patched = events.patch(body, calendarId, eventId, { sendUpdates });
  return {
    eventId: patched.id ?? eventId,
    updatedMs: updatedOf(patched),
    attendees: (patched.attendees ?? []) as AttendeeJson[],
  };
}

/** Marks an event's Calendar-side change as accepted (after it was pulled into the sheet). */
export function acceptCalendarVersion(
  services: CalendarServices,
  calendarId: string,
  eventId: string,
  coreHash: string,
): void {
  advancedCalendar(services).Events!.patch(
    { extendedProperties: { private: { [TAG.core]: coreHash } } },
    calendarId,
    eventId,
    { sendUpdates: 'none' },
  );
}
