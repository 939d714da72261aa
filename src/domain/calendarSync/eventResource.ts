// The Calendar REST (v3) shape of an event, both ways: what the sync writes and what it reads back.
import { type AttendeeJson, writtenGuestsTag } from './attendees';
import { coreHash } from './fingerprint';
import type { DesiredEvent, ExistingEvent, ExistingTiming } from './types';

/**
 * Private extended properties the add-on puts on every event it creates: CalendarApp shows them as
 * tags (I: the same store). Only events carrying TAG.plan with this plan's key are ever changed or
 * deleted, so two plans (or a person) sharing one calendar never touch each other's events.
 */
export const TAG = {
  plan: 'swpPlan',
  activityId: 'swpActivityId',
  fingerprint: 'swpFingerprint',
  core: 'swpCore',
  /** The guests the add-on wrote (writtenGuestsTag): only those are ever removed by a patch. */
  guests: 'swpGuests',
} as const;

/** Only the fields of the REST Event resource the sync uses (JSON-shaped, no Apps Script types). */
export interface EventDateTimeJson {
  date?: string;
  dateTime?: string;
  timeZone?: string;
}

export interface EventJson {
  id?: string;
  status?: string;
  summary?: string;
  description?: string;
  location?: string;
  colorId?: string;
  start?: EventDateTimeJson;
  end?: EventDateTimeJson;
  recurrence?: string[];
  recurringEventId?: string;
  /** An exception's place by its series' rule (exceptions.ts). */
  originalStartTime?: EventDateTimeJson;
  attendees?: AttendeeJson[];
  extendedProperties?: { private?: Record<string, string>; shared?: Record<string, string> };
  updated?: string;
  htmlLink?: string;
}

const utc = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * The resource to insert (or patch with) for a desired event. Timed events carry an explicit UTC
 * instant plus the zone the partner typed the time in: the instant is unambiguous (even in a DST
 * gap) and the zone keeps a weekly series at the same wall time across daylight-saving changes.
 */
export function toEventJson(desired: DesiredEvent, planKey: string): EventJson {
  const t = desired.timing;
  return {
    summary: desired.title,
    location: desired.location,
    description: desired.description,
    colorId: desired.colorId,
    start: t.allDay ? { date: t.startDate } : { dateTime: utc(t.startMs), timeZone: t.timeZone },
    end: t.allDay ? { date: t.endDate } : { dateTime: utc(t.endMs), timeZone: t.timeZone },
    recurrence: desired.recurrence,
    attendees: desired.guests.map((email) => ({ email })),
    extendedProperties: {
      private: {
        [TAG.plan]: planKey,
        [TAG.activityId]: desired.activityId,
        [TAG.fingerprint]: desired.fingerprint,
        [TAG.core]: desired.coreHash,
        [TAG.guests]: writtenGuestsTag(desired.guests),
      },
    },
  };
}

/** RFC 3339 date-time (with Z or an offset) → instant; null when it is not one. */
export function parseRfc3339(text: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})$/i.exec(
      text,
    );
  if (!m) return null;
  const base = Date.UTC(
    +m[1],
    +m[2] - 1,
    +m[3],
    +m[4],
    +m[5],
    +(m[6] ?? 0),
    +(m[7] ?? '0').padEnd(3, '0'),
  );
  if (m[8].toUpperCase() === 'Z') return base;
  const sign = m[8][0] === '-' ? -1 : 1;
  const digits = m[8].slice(1).replace(':', '');
  return base - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
}

const isExdate = (line: string) => /^EXDATE[;:]/i.test(line);

/** An event's start and end as read from the REST resource; null when they are not readable. */
export function timingOf(e: EventJson): ExistingTiming | null {
  if (e.start?.date && e.end?.date)
    return { allDay: true, startDate: e.start.date, endDate: e.end.date };
  const s = e.start?.dateTime ? parseRfc3339(e.start.dateTime) : null;
  const en = e.end?.dateTime ? parseRfc3339(e.end.dateTime) : null;
  if (s === null || en === null) return null;
  return { allDay: false, startMs: s, endMs: en, timeZone: e.start?.timeZone ?? '' };
}

/**
 * An event of this plan, or null for anything else: other people's events, other plans' events,
 * deleted ones, and modified occurrences of a series (they carry the series' tags but are not
 * events of their own: deleting one would punch a hole in the series).
 */
export function toExistingEvent(e: EventJson, planKey: string): ExistingEvent | null {
  const tags = e.extendedProperties?.private ?? {};
  if (tags[TAG.plan] !== planKey || !tags[TAG.activityId]) return null;
  if (e.status === 'cancelled' || e.recurringEventId || !e.id) return null;
  const timing = timingOf(e);
  if (!timing) return null;
  const title = e.summary ?? '';
  const location = e.location ?? '';
  return {
    eventId: e.id,
    activityId: tags[TAG.activityId].toUpperCase(),
    fingerprint: tags[TAG.fingerprint] ?? '',
    storedCoreHash: tags[TAG.core] ?? '',
    currentCoreHash: coreHash(title, location, timing),
    updatedMs: e.updated ? (parseRfc3339(e.updated) ?? 0) : 0,
    title,
    location,
    description: e.description ?? '',
    timing,
    // Dates a calendar excluded from the series (Google keeps deletions as exceptions, but a
    // calendar may write EXDATE instead): kept apart, so the rule compares with the row's and a
    // patch never sends them back without the exclusions (exceptions.ts reads them).
    recurrence: (e.recurrence ?? []).filter((line) => !isExdate(line)),
    excludedDates: (e.recurrence ?? []).filter(isExdate),
    guests: (e.attendees ?? []).map((a) => (a.email ?? '').toLowerCase()).filter(Boolean),
    attendees: e.attendees ?? [],
    writtenGuests: tags[TAG.guests] ?? null,
    htmlLink: e.htmlLink ?? '',
  };
}
