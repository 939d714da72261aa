// The `Calendar` advanced service (REST v3 shape): Events, Calendars, CalendarList and Acl over the shared store.
import type { Access, CalendarCore, CalendarRecord, EventRecord, Instance } from './core';
import { restError } from './errors';
import { capEventProperties, mergeLimited, TOO_MANY_PROPERTIES } from './extendedProperties';
import { parseRRule } from './recurrence';
import {
  compareDates,
  formatWallDate,
  parseRfc3339,
  parseWallDate,
  rfc3339InZone,
  rfc3339Utc,
  type WallDate,
} from './time';

type Ev = GoogleAppsScript.Calendar.Schema.Event;
type Args = Record<string, unknown>;

/**
 * Whether a write mails its guests: `sendUpdates` 'all' or 'externalOnly' (every guest counts as
 * external here: the emulator has no directory of Google Calendar users), or the deprecated
 * `sendNotifications: true`; the default is none (V: Events insert/patch/update/delete references).
 */
function sendsMail(optionalArgs: object): boolean {
  const { sendUpdates, sendNotifications } = optionalArgs as Args;
  if (sendUpdates !== undefined) return sendUpdates === 'all' || sendUpdates === 'externalOnly';
  return sendNotifications === true;
}

const ROLE_OF: Record<Access, string> = {
  owner: 'owner',
  writer: 'writer',
  reader: 'reader',
  none: 'none',
};

/** Base64url of JSON: opaque tokens the add-on must store and pass back verbatim. */
function encodeToken(prefix: string, payload: object): string {
  return prefix + Buffer.from(JSON.stringify(payload)).toString('base64url');
}
function decodeToken<T>(prefix: string, token: unknown): T | null {
  if (typeof token !== 'string' || !token.startsWith(prefix)) return null;
  try {
    return JSON.parse(Buffer.from(token.slice(prefix.length), 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

/** Query parameters that cannot be combined with syncToken (V: events.list reference). */
const SYNC_INCOMPATIBLE = [
  'iCalUID',
  'orderBy',
  'privateExtendedProperty',
  'q',
  'sharedExtendedProperty',
  'timeMin',
  'timeMax',
  'updatedMin',
];

/** Shared helpers of the collections. */
class Rest {
  constructor(readonly core: CalendarCore) {}

  call(method: string, kind: 'calendarRead' | 'calendarWrite' | 'advancedList'): void {
    this.core.runtime.call(`Calendar.${method}`, kind);
  }

  /** 'primary' names the user's primary calendar (V). Unknown or unshared → 404 (V/S). */
  calendar(apiMethod: string, calendarId: unknown): CalendarRecord {
    const id = calendarId === 'primary' ? this.core.primary().id : String(calendarId);
    const c = this.core.visible(id);
    if (!c) throw restError(apiMethod, 'notFound');
    // Some scopes reach only calendars the script made or the user owns (emulator/scopes.ts).
    this.core.runtime.authorize(apiMethod, {
      appCreated: c.createdByScript === true,
      owned: this.core.accessOf(c) === 'owner',
    });
    return c;
  }

  /**
   * An event's properties after a write, within the per-event cap: past it the write is refused
   * with a 400 or the extra properties are left out, by the workspace's `propertyOverflow` (I).
   */
  properties(
    apiMethod: string,
    privateProps: Record<string, string>,
    sharedProps: Record<string, string>,
  ): { privateProps: Record<string, string>; sharedProps: Record<string, string> } {
    const mode = this.core.runtime.ambiguities.propertyOverflow;
    const capped = capEventProperties(privateProps, sharedProps, mode);
    if (!capped) throw restError(apiMethod, 'badRequest', TOO_MANY_PROPERTIES);
    return capped;
  }

  requireOwner(apiMethod: string, c: CalendarRecord): void {
    if (this.core.accessOf(c) !== 'owner') throw restError(apiMethod, 'ownerAccess');
  }

  /**
   * Sharing is for the calendar's owners (V: the "owner" role may see and change the ACL). Whether
   * `calendar.acls` ("calendars you own") reaches an account given that role on a calendar another
   * account's add-on made is not documented (I, `managerAcl`): 'manages' lets it through,
   * 'dataOwnerOnly' refuses everyone but the account that made it, as Google refuses a scope.
   */
  requireAclOwner(apiMethod: string, c: CalendarRecord): void {
    this.requireOwner(apiMethod, c);
    const maker = c.ownerEmail === this.core.userEmail;
    if (!maker && c.createdByScript && this.core.runtime.ambiguities.managerAcl === 'dataOwnerOnly')
      throw restError(apiMethod, 'ownerAccess');
  }

  instanceId(inst: Instance): string {
    return this.core.instanceId(inst);
  }

  /** Finds an event or one instance of a series by REST id. */
  resolve(c: CalendarRecord, eventId: unknown): { ev: EventRecord; inst?: Instance } | undefined {
    const id = String(eventId);
    const direct = this.core.findEvent(c.id, id);
    if (direct) return { ev: direct };
    const m = /^(.+)_(\d{8}(?:T\d{6}Z)?)$/.exec(id);
    if (!m) return undefined;
    const ev = this.core.findEvent(c.id, m[1]);
    if (!ev || ev.recurrence.length === 0) return undefined;
    const from = this.core.span(ev).startMs;
    const inst = this.core
      .instances(ev, from, Math.max(this.core.unboundedHorizon(ev), from + 1))
      .find((i) => this.instanceId(i) === id);
    return inst ? { ev, inst } : undefined;
  }

  dateTime(ev: EventRecord, ms: number, date: string | undefined, zone: string) {
    if (ev.allDay) return { date };
    return ev.timeZone
      ? { dateTime: rfc3339InZone(ms, zone), timeZone: ev.timeZone }
      : { dateTime: rfc3339InZone(ms, zone) };
  }

  /**
   * The REST resource. Empty fields are omitted as the API omits them (V). Tags set through
   * CalendarApp appear as extendedProperties.private (I).
   */
  resource(ev: EventRecord, inst?: Instance, zone?: string): Ev {
    const cal = this.core.calendar(ev.calendarId)!;
    const z = zone ?? cal.timeZone;
    const id = inst ? this.instanceId(inst) : ev.id;
    const etag = `"${ev.changeSeq}${String(ev.updated).slice(-6)}"`;
    const span = inst ?? (ev.allDay ? undefined : { startMs: ev.startMs, endMs: ev.endMs });
    const out: Ev = {
      kind: 'calendar#event',
      etag,
      id,
      status: ev.status,
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${ev.calendarId}`).toString('base64url')}`,
      created: rfc3339Utc(ev.created),
      updated: rfc3339Utc(ev.updated),
      creator: { email: ev.creator, ...(ev.creator === this.core.userEmail ? { self: true } : {}) },
      organizer: {
        email: ev.calendarId,
        displayName: cal.name,
        ...(this.core.accessOf(cal) === 'owner' && this.core.isPrimary(cal) ? { self: true } : {}),
      },
      start: this.dateTime(
        ev,
        span?.startMs ?? 0,
        inst?.startDate ? formatWallDate(inst.startDate) : ev.startDate,
        z,
      ),
      end: this.dateTime(
        ev,
        span?.endMs ?? 0,
        inst?.endDate ? formatWallDate(inst.endDate) : ev.endDate,
        z,
      ),
      iCalUID: ev.iCalUID,
      sequence: ev.sequence,
      reminders: { useDefault: true },
      eventType: 'default',
    };
    if (ev.summary) out.summary = ev.summary;
    if (ev.description) out.description = ev.description;
    if (ev.location) out.location = ev.location;
    if (ev.colorId) out.colorId = ev.colorId;
    if (ev.visibility !== 'default') out.visibility = ev.visibility;
    if (ev.attendees.length) out.attendees = ev.attendees.map((a) => ({ ...a }));
    if (Object.keys(ev.privateProps).length || Object.keys(ev.sharedProps).length) {
      out.extendedProperties = {};
      if (Object.keys(ev.privateProps).length)
        out.extendedProperties.private = { ...ev.privateProps };
      if (Object.keys(ev.sharedProps).length) out.extendedProperties.shared = { ...ev.sharedProps };
    }
    if (ev.recurringEventId) {
      out.recurringEventId = ev.recurringEventId;
      out.originalStartTime = this.originalStart(ev, z);
    } else if (inst?.occ) {
      out.recurringEventId = ev.id;
      out.originalStartTime = out.start;
    } else if (ev.recurrence.length) out.recurrence = [...ev.recurrence];
    return out;
  }

  /** An exception's `originalStartTime`: the start its series' rule gave it (V), in the series' form. */
  originalStart(x: EventRecord, zone: string): GoogleAppsScript.Calendar.Schema.EventDateTime {
    if (x.originalStartDate) return { date: x.originalStartDate };
    const ms = x.originalStartMs ?? 0;
    return x.timeZone
      ? { dateTime: rfc3339InZone(ms, zone), timeZone: x.timeZone }
      : { dateTime: rfc3339InZone(ms, zone) };
  }

  /** A deleted event in a list: only the id (and status) are guaranteed (V), so that is all. */
  cancelledStub(ev: EventRecord, inst?: Instance): Ev {
    const out: Ev = {
      kind: 'calendar#event',
      etag: `"${ev.changeSeq}"`,
      id: inst ? this.instanceId(inst) : ev.id,
      status: 'cancelled',
    };
    // "Cancelled exceptions are only guaranteed to have values for the id, recurringEventId and
    // originalStartTime fields populated" (V: Events resource, status).
    if (ev.recurringEventId) {
      out.recurringEventId = ev.recurringEventId;
      out.originalStartTime = this.originalStart(ev, this.core.calendar(ev.calendarId)!.timeZone);
      // Other fields "might be empty" (V): the stub keeps the tags only under the 'tagged' option.
      if (!this.bareStub(ev)) {
        const props: Ev['extendedProperties'] = {};
        if (Object.keys(ev.privateProps).length) props.private = { ...ev.privateProps };
        if (Object.keys(ev.sharedProps).length) props.shared = { ...ev.sharedProps };
        if (props.private || props.shared) out.extendedProperties = props;
      }
    }
    return out;
  }

  /**
   * A cancelled exception listed as the Events resource guarantees it: id, recurringEventId and
   * originalStartTime only, nothing a property filter could match (V; ambiguities.cancelledStubs).
   */
  bareStub(ev: EventRecord): boolean {
    return (
      ev.status === 'cancelled' &&
      !!ev.recurringEventId &&
      this.core.runtime.ambiguities.cancelledStubs === 'bare'
    );
  }

  /**
   * Reads start/end of a resource. All-day: `date` (end exclusive (V)). Timed: `dateTime` with an
   * offset, or without one plus `timeZone` (V). Recurring timed events need a timeZone (V/S).
   */
  times(
    apiMethod: string,
    r: Ev,
    calZone: string,
  ): Pick<EventRecord, 'allDay' | 'startMs' | 'endMs' | 'startDate' | 'endDate' | 'timeZone'> {
    const s = r.start;
    const e = r.end;
    if (!s || !e) throw restError(apiMethod, 'missingEnd');
    if (s.date !== undefined || e.date !== undefined) {
      if (s.date === undefined || e.date === undefined) throw restError(apiMethod, 'badRequest');
      let sd: WallDate;
      let ed: WallDate;
      try {
        sd = parseWallDate(String(s.date));
        ed = parseWallDate(String(e.date));
      } catch {
        throw restError(apiMethod, 'badRequest');
      }
      if (compareDates(ed, sd) <= 0) throw restError(apiMethod, 'emptyRange');
      return {
        allDay: true,
        startMs: 0,
        endMs: 0,
        startDate: formatWallDate(sd),
        endDate: formatWallDate(ed),
        timeZone: '',
      };
    }
    if (!s.dateTime || !e.dateTime) throw restError(apiMethod, 'missingEnd');
    const zone = s.timeZone || undefined;
    const startMs = parseRfc3339(String(s.dateTime), zone);
    const endMs = parseRfc3339(String(e.dateTime), e.timeZone || zone);
    if (startMs === null) throw restError(apiMethod, 'missingTimeZone');
    if (endMs === null)
      throw restError(apiMethod, 'missingTimeZone', 'Missing time zone definition for end time.');
    if (endMs < startMs) throw restError(apiMethod, 'emptyRange');
    if (r.recurrence?.length && !s.timeZone) {
      throw restError(apiMethod, 'missingTimeZone', 'Missing time zone definition for start time.');
    }
    void calZone;
    return {
      allDay: false,
      startMs,
      endMs,
      startDate: '',
      endDate: '',
      timeZone: s.timeZone ?? '',
    };
  }

  validateRecurrence(apiMethod: string, lines: unknown): string[] {
    if (lines === undefined || lines === null) return [];
    if (!Array.isArray(lines)) throw restError(apiMethod, 'badRequest');
    for (const l of lines) {
      if (typeof l !== 'string') throw restError(apiMethod, 'badRequest');
      if (/^RRULE:/i.test(l)) {
        try {
          parseRRule(l);
        } catch {
          throw restError(apiMethod, 'badRequest', 'Invalid recurrence rule.');
        }
      }
    }
    return lines.map(String);
  }
}

function attendeesOf(list: unknown): EventRecord['attendees'] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(
      (a): a is GoogleAppsScript.Calendar.Schema.EventAttendee => !!a && typeof a === 'object',
    )
    .map((a) => ({
      email: String(a.email ?? ''),
      responseStatus: String(a.responseStatus ?? 'needsAction'),
    }));
}

/** A property write: long keys dropped and long values cut without a word (V: see extendedProperties.ts). */
function mergeProps(current: Record<string, string>, patch: unknown): Record<string, string> {
  return mergeLimited(current, patch);
}

function propsOf(value: unknown): Record<string, string> {
  return mergeProps({}, value);
}

function matchesProps(props: Record<string, string>, constraint: unknown): boolean {
  if (constraint === undefined) return true;
  const list = Array.isArray(constraint) ? constraint : [constraint];
  return list.every((c) => {
    const text = String(c);
    const i = text.indexOf('=');
    if (i < 0) return false;
    return props[text.slice(0, i)] === text.slice(i + 1);
  });
}

type EventsPick = 'list' | 'get' | 'insert' | 'patch' | 'update' | 'remove' | 'instances';

/** Calendar.Events. */
export class FakeEvents
  implements Pick<GoogleAppsScript.Calendar.Collection.EventsCollection, EventsPick>
{
  constructor(private readonly rest: Rest) {}

  private get core(): CalendarCore {
    return this.rest.core;
  }

  /**
   * Lists events. Cancelled events only with showDeleted, with updatedMin, or in incremental sync
   * (V). maxResults defaults to 250 and is capped at 2500 (V). nextSyncToken only on the last
   * page (V). syncToken + a restricting parameter → 400; an old/invalid token → 410 (V/S).
   */
  list(
    calendarId: string,
    optionalArgs: object = {},
    _headers?: object,
  ): GoogleAppsScript.Calendar.Schema.Events {
    const api = 'calendar.events.list';
    this.rest.call('Events.list', 'advancedList');
    const cal = this.rest.calendar(api, calendarId);
    const a = optionalArgs as Args;
    const zone = a.timeZone === undefined ? cal.timeZone : String(a.timeZone);
    const page =
      a.pageToken === undefined ? null : decodeToken<{ o: number; s: number }>('P', a.pageToken);
    if (a.pageToken !== undefined && !page)
      throw restError(api, 'badRequest', 'Invalid page token.');
    const snapshot = page ? page.s : this.core.state.changeSeq;

    let sinceSeq: number | null = null;
    if (a.syncToken !== undefined) {
      if (SYNC_INCOMPATIBLE.some((k) => a[k] !== undefined) || a.showDeleted === false) {
        throw restError(api, 'syncTokenRestrictions');
      }
      const t = decodeToken<{ c: string; e: number; s: number }>('S', a.syncToken);
      if (!t || t.c !== cal.id || t.e !== cal.syncEpoch || t.s > this.core.state.changeSeq) {
        throw restError(api, 'fullSyncRequired');
      }
      sinceSeq = t.s;
    }
    const single = a.singleEvents === true;
    if (a.orderBy !== undefined && a.orderBy !== 'startTime' && a.orderBy !== 'updated')
      throw restError(api, 'badRequest');
    if (a.orderBy === 'startTime' && !single) throw restError(api, 'invalidOrdering');
    const bound = (k: string): number | undefined => {
      if (a[k] === undefined) return undefined;
      // RFC 3339 with a mandatory offset (V); a Date object is not accepted (I).
      const ms = typeof a[k] === 'string' ? parseRfc3339(a[k] as string, undefined) : null;
      if (ms === null) throw restError(api, 'badRequest');
      return ms;
    };
    const timeMin = bound('timeMin');
    const timeMax = bound('timeMax');
    const updatedMin = bound('updatedMin');
    const max = Math.min(Math.max(Number(a.maxResults ?? 250), 1), 2500);
    const words = a.q === undefined ? [] : String(a.q).toLowerCase().split(/\s+/).filter(Boolean);

    const items: Array<{ res: Ev; start: number; updated: number; created: number }> = [];
    for (const ev of this.core.state.events) {
      if (ev.calendarId !== cal.id) continue;
      if (sinceSeq !== null) {
        if (ev.changeSeq <= sinceSeq || ev.changeSeq > snapshot) continue;
      } else {
        if (ev.changeSeq > snapshot) continue;
        // "Cancelled instances of recurring events (but not the underlying recurring event) will
        // still be included if showDeleted and singleEvents are both False" (V: events.list).
        const deletedOk =
          a.showDeleted === true ||
          (updatedMin !== undefined && ev.updated >= updatedMin) ||
          (ev.recurringEventId !== undefined && !single);
        if (ev.status === 'cancelled' && !deletedOk) continue;
        if (updatedMin !== undefined && ev.updated < updatedMin) continue;
        if (a.iCalUID !== undefined && ev.iCalUID !== a.iCalUID) continue;
        // A bare cancelled stub has no properties to match (ambiguities.cancelledStubs).
        const bare = this.rest.bareStub(ev);
        if (!matchesProps(bare ? {} : ev.privateProps, a.privateExtendedProperty)) continue;
        if (!matchesProps(bare ? {} : ev.sharedProps, a.sharedExtendedProperty)) continue;
        if (words.length) {
          // Free text over summary, description, location and attendees (V fields; matching (I)).
          const hay = [ev.summary, ev.description, ev.location, ...ev.attendees.map((x) => x.email)]
            .join('\n')
            .toLowerCase();
          if (!words.every((w) => hay.includes(w))) continue;
        }
      }
      const from = timeMin ?? Number.NEGATIVE_INFINITY;
      const push = (res: Ev, start: number) =>
        items.push({ res, start, updated: ev.updated, created: ev.created });
      if (ev.recurringEventId) {
        const listed = this.exceptionListed(ev, single, a.showDeleted === true, sinceSeq !== null);
        if (listed === 'stub' || listed === 'item') {
          const span = this.core.span(ev);
          const start = listed === 'stub' ? this.core.originalStartMs(ev) : span.startMs;
          const end = listed === 'stub' ? start : span.endMs;
          const inWindow = start < (timeMax ?? Number.POSITIVE_INFINITY) && end >= from;
          if (inWindow)
            push(
              listed === 'stub'
                ? this.rest.cancelledStub(ev)
                : this.rest.resource(ev, undefined, zone),
              start,
            );
        }
        continue;
      }
      const to =
        timeMax ??
        (ev.recurrence.length ? this.core.unboundedHorizon(ev) : Number.POSITIVE_INFINITY);
      const insts = this.core.instances(ev, from, to);
      if (ev.status === 'cancelled') {
        // Without a window a deleted event is always reported; with one, only if it overlapped (I).
        if (timeMin === undefined && timeMax === undefined)
          push(this.rest.cancelledStub(ev), this.core.span(ev).startMs);
        else if (insts.length) push(this.rest.cancelledStub(ev), insts[0].startMs);
        continue;
      }
      if (single && ev.recurrence.length) {
        for (const i of insts) push(this.rest.resource(i.ev, i, zone), i.startMs);
      } else if (insts.length || (timeMin === undefined && timeMax === undefined)) {
        push(this.rest.resource(ev, undefined, zone), this.core.span(ev).startMs);
      }
    }
    if (a.orderBy === 'startTime') items.sort((x, y) => x.start - y.start || x.created - y.created);
    else if (a.orderBy === 'updated') items.sort((x, y) => x.updated - y.updated);
    const offset = page ? page.o : 0;
    const slice = items.slice(offset, offset + max).map((x) => x.res);
    const more = offset + max < items.length;
    const out: GoogleAppsScript.Calendar.Schema.Events = {
      kind: 'calendar#events',
      etag: `"${snapshot}"`,
      summary: cal.name,
      updated: rfc3339Utc(this.core.now()),
      timeZone: zone,
      accessRole: ROLE_OF[this.core.accessOf(cal)],
      defaultReminders: [],
      items: slice,
    };
    if (cal.description) out.description = cal.description;
    if (more) out.nextPageToken = encodeToken('P', { o: offset + max, s: snapshot });
    else out.nextSyncToken = encodeToken('S', { c: cal.id, e: cal.syncEpoch, s: snapshot });
    return out;
  }

  /**
   * How an exception appears in a list. Without singleEvents it is an item of its own next to its
   * series (cancelled ones as stubs, V: showDeleted — or not, under deletedOccurrences 'syncOnly',
   * the `status` field's reading); with singleEvents the series' expansion
   * already shows a changed one in place, and a cancelled one appears only with showDeleted (V).
   * Changes read through a sync token are reported either way. Nothing once its series is deleted.
   */
  private exceptionListed(
    x: EventRecord,
    single: boolean,
    showDeleted: boolean,
    incremental: boolean,
  ): 'item' | 'stub' | 'none' {
    const series = this.core.findEvent(x.calendarId, x.recurringEventId!);
    const seriesLive = !!series && series.status !== 'cancelled';
    if (x.status === 'cancelled') {
      if (incremental || showDeleted) return 'stub';
      // The two texts of Google's reference disagree here (ambiguities.deletedOccurrences).
      if (this.core.runtime.ambiguities.deletedOccurrences === 'syncOnly') return 'none';
      return !single && seriesLive ? 'stub' : 'none';
    }
    if (!seriesLive) return 'none';
    return single && !incremental ? 'none' : 'item';
  }

  /**
   * The occurrences of a series as Google shows them: changed ones in place, cancelled ones left
   * out unless showDeleted (then as stubs) (V: events.instances reference). timeMin/timeMax bound
   * them; without timeMax a never-ending series stops at the emulator's horizon (I). One page.
   */
  instances(
    calendarId: string,
    eventId: string,
    optionalArgs: object = {},
    _headers?: object,
  ): GoogleAppsScript.Calendar.Schema.Events {
    const api = 'calendar.events.instances';
    this.rest.call('Events.instances', 'advancedList');
    const cal = this.rest.calendar(api, calendarId);
    const series = this.core.findEvent(cal.id, String(eventId));
    if (!series || series.recurringEventId) throw restError(api, 'notFound');
    const a = optionalArgs as Args;
    const zone = a.timeZone === undefined ? cal.timeZone : String(a.timeZone);
    const bound = (k: string, fallback: number): number => {
      if (a[k] === undefined) return fallback;
      const ms = typeof a[k] === 'string' ? parseRfc3339(a[k] as string, undefined) : null;
      if (ms === null) throw restError(api, 'badRequest');
      return ms;
    };
    const from = bound('timeMin', Number.NEGATIVE_INFINITY);
    const to = bound('timeMax', this.core.unboundedHorizon(series));
    const items: Array<{ res: Ev; start: number }> = [];
    if (series.status !== 'cancelled') {
      for (const i of this.core.instances(series, from, to))
        items.push({ res: this.rest.resource(i.ev, i, zone), start: i.startMs });
    }
    if (a.showDeleted === true) {
      for (const x of this.core.exceptionsOf(series)) {
        const start = this.core.originalStartMs(x);
        if (x.status === 'cancelled' && start >= from && start < to)
          items.push({ res: this.rest.cancelledStub(x), start });
      }
    }
    items.sort((p, q) => p.start - q.start);
    return {
      kind: 'calendar#events',
      etag: `"${this.core.state.changeSeq}"`,
      summary: cal.name,
      updated: rfc3339Utc(this.core.now()),
      timeZone: zone,
      accessRole: ROLE_OF[this.core.accessOf(cal)],
      defaultReminders: [],
      items: items.map((x) => x.res),
    };
  }

  /** One event or instance; a deleted event still comes back, with status 'cancelled' (S). */
  get(calendarId: string, eventId: string, optionalArgs: object = {}, _headers?: object): Ev {
    const api = 'calendar.events.get';
    this.rest.call('Events.get', 'calendarRead');
    const cal = this.rest.calendar(api, calendarId);
    const found = this.rest.resolve(cal, eventId);
    if (!found) throw restError(api, 'notFound');
    const zone = (optionalArgs as Args).timeZone;
    return this.rest.resource(found.ev, found.inst, zone === undefined ? undefined : String(zone));
  }

  /** Creates an event; `sendUpdates` defaults to none (V). A client id must be new (409) (S). */
  insert(resource: Ev, calendarId: string, optionalArgs: object = {}, _headers?: object): Ev {
    const api = 'calendar.events.insert';
    this.rest.call('Events.insert', 'calendarWrite');
    const cal = this.rest.calendar(api, calendarId);
    this.core.requireWrite(cal, { kind: 'rest', apiMethod: api });
    const times = this.rest.times(api, resource, cal.timeZone);
    const recurrence = this.rest.validateRecurrence(api, resource.recurrence);
    if (resource.id !== undefined) {
      // Client ids: base32hex, 5..1024 characters (V).
      if (!/^[a-v0-9]{5,1024}$/.test(String(resource.id)))
        throw restError(api, 'badRequest', 'Invalid resource id value.');
      if (this.core.findEvent(cal.id, String(resource.id))) throw restError(api, 'duplicate');
    }
    const props = this.rest.properties(
      api,
      propsOf(resource.extendedProperties?.private),
      propsOf(resource.extendedProperties?.shared),
    );
    this.core.checkLimits('createEvent', { kind: 'rest', apiMethod: api });
    const ev = this.core.insertEvent({
      id: resource.id === undefined ? undefined : String(resource.id),
      calendarId: cal.id,
      summary: resource.summary ?? '',
      description: resource.description ?? '',
      location: resource.location ?? '',
      ...times,
      recurrence,
      attendees: attendeesOf(resource.attendees),
      colorId: resource.colorId ?? '',
      ...props,
      visibility: resource.visibility ?? 'default',
      creator: this.core.userEmail,
    });
    if (sendsMail(optionalArgs))
      this.core.invite(
        ev,
        ev.attendees.map((x) => x.email),
      );
    this.core.countWrite('createEvent');
    this.core.runtime.settled('Calendar.Events.insert');
    return this.rest.resource(ev);
  }

  private modify(
    api: string,
    method: string,
    resource: Ev,
    calendarId: string,
    eventId: string,
    optionalArgs: object,
    apply: (ev: EventRecord, cal: CalendarRecord) => void,
  ): Ev {
    this.rest.call(method, 'calendarWrite');
    const cal = this.rest.calendar(api, calendarId);
    const found = this.rest.resolve(cal, eventId);
    if (!found) throw restError(api, 'notFound');
    this.core.requireWrite(cal, { kind: 'rest', apiMethod: api });
    void resource;
    // Writing one instance makes (or changes) its exception (V: "Recurring events" guide).
    const target = found.inst ? this.core.materialize(found.ev, found.inst) : found.ev;
    const layout = this.core.layoutKey(target);
    const guestsBefore = target.attendees.map((a) => a.email);
    apply(target, cal);
    this.core.touch(target);
    if (target.recurrence.length || layout !== this.core.layoutKey(target))
      this.core.relaid(target, layout);
    if (sendsMail(optionalArgs)) this.mailGuests(target, guestsBefore);
    this.core.runtime.settled(`Calendar.${method}`);
    return this.rest.resource(target);
  }

  /**
   * A patch or update with notifications mails every guest, not only the new ones (V: "sendUpdates
   * ... all: Notifications are sent to all guests"): guests just added get an invitation, guests
   * already there an update; guests the write removed are told it is cancelled for them (I).
   */
  private mailGuests(ev: EventRecord, before: string[]): void {
    const after = ev.attendees.map((a) => a.email);
    const had = new Set(before.map((e) => e.toLowerCase()));
    const has = new Set(after.map((e) => e.toLowerCase()));
    this.core.invite(
      ev,
      after.filter((e) => !had.has(e.toLowerCase())),
      'invitation',
    );
    this.core.invite(
      ev,
      after.filter((e) => had.has(e.toLowerCase())),
      'update',
    );
    this.core.invite(
      ev,
      before.filter((e) => !has.has(e.toLowerCase())),
      'cancellation',
    );
  }

  /**
   * Patch semantics: only the given fields change; nested objects (start, end, extendedProperties
   * .private/.shared) merge key by key, `null` removes a key; arrays are replaced (V: API patch).
   */
  patch(
    resource: Ev,
    calendarId: string,
    eventId: string,
    optionalArgs: object = {},
    _headers?: object,
  ): Ev {
    const api = 'calendar.events.patch';
    return this.modify(
      api,
      'Events.patch',
      resource,
      calendarId,
      eventId,
      optionalArgs,
      (ev, cal) => {
        const r = resource as Ev & Record<string, unknown>;
        // Checked first: a write refused for its properties changes nothing.
        const x = r.extendedProperties;
        const props = x
          ? this.rest.properties(
              api,
              'private' in x ? mergeProps(ev.privateProps, x.private) : ev.privateProps,
              'shared' in x ? mergeProps(ev.sharedProps, x.shared) : ev.sharedProps,
            )
          : null;
        if ('summary' in r) ev.summary = r.summary ?? '';
        if ('description' in r) ev.description = r.description ?? '';
        if ('location' in r) ev.location = r.location ?? '';
        if ('colorId' in r) ev.colorId = r.colorId ?? '';
        if ('visibility' in r) ev.visibility = r.visibility ?? 'default';
        if ('status' in r && (r.status === 'confirmed' || r.status === 'cancelled'))
          ev.status = r.status;
        if ('attendees' in r) ev.attendees = attendeesOf(r.attendees);
        if ('recurrence' in r) ev.recurrence = this.rest.validateRecurrence(api, r.recurrence);
        if (props) Object.assign(ev, props);
        if (r.start || r.end) {
          const current = this.rest.resource(ev);
          const merged: Ev = {
            start: { ...current.start, ...r.start },
            end: { ...current.end, ...r.end },
            recurrence: ev.recurrence,
          };
          // Switching between date and dateTime replaces the other form.
          if (r.start?.date) delete merged.start!.dateTime;
          if (r.start?.dateTime) delete merged.start!.date;
          if (r.end?.date) delete merged.end!.dateTime;
          if (r.end?.dateTime) delete merged.end!.date;
          Object.assign(ev, this.rest.times(api, merged, cal.timeZone));
        }
      },
    );
  }

  /** Full replacement: fields left out are cleared (V: update semantics). */
  update(
    resource: Ev,
    calendarId: string,
    eventId: string,
    optionalArgs: object = {},
    _headers?: object,
  ): Ev {
    const api = 'calendar.events.update';
    return this.modify(
      api,
      'Events.update',
      resource,
      calendarId,
      eventId,
      optionalArgs,
      (ev, cal) => {
        const times = this.rest.times(api, resource, cal.timeZone);
        const props = this.rest.properties(
          api,
          propsOf(resource.extendedProperties?.private),
          propsOf(resource.extendedProperties?.shared),
        );
        Object.assign(ev, times, props, {
          summary: resource.summary ?? '',
          description: resource.description ?? '',
          location: resource.location ?? '',
          colorId: resource.colorId ?? '',
          visibility: resource.visibility ?? 'default',
          attendees: attendeesOf(resource.attendees),
          recurrence: this.rest.validateRecurrence(api, resource.recurrence),
        });
        if (resource.status === 'confirmed' || resource.status === 'cancelled')
          ev.status = resource.status;
      },
    );
  }

  /**
   * Deletes an event (404 if unknown, 410 "Resource has been deleted" if already deleted (S)).
   * An instance id cancels that occurrence: a cancelled exception, the series left as it is (V).
   */
  remove(calendarId: string, eventId: string, optionalArgs: object = {}, _headers?: object): void {
    const api = 'calendar.events.delete';
    this.rest.call('Events.remove', 'calendarWrite');
    const cal = this.rest.calendar(api, calendarId);
    const found = this.rest.resolve(cal, eventId);
    if (!found) throw restError(api, 'notFound');
    if (found.ev.status === 'cancelled') throw restError(api, 'deleted');
    this.core.requireWrite(cal, { kind: 'rest', apiMethod: api });
    this.core.checkLimits('burstOnly', { kind: 'rest', apiMethod: api });
    if (found.inst?.occ) {
      // One occurrence: a cancelled exception (V: Events resource, status "cancelled").
      const x = this.core.materialize(found.ev, found.inst);
      x.status = 'cancelled';
      this.core.touch(x);
    } else {
      this.core.cancel(found.ev);
      // (V) Events: delete takes sendUpdates too: the guests are told the event is cancelled.
      if (sendsMail(optionalArgs))
        this.core.invite(
          found.ev,
          found.ev.attendees.map((a) => a.email),
          'cancellation',
        );
    }
    this.core.countWrite('burstOnly');
    this.core.runtime.settled('Calendar.Events.remove');
  }
}

function calendarResource(c: CalendarRecord): GoogleAppsScript.Calendar.Schema.Calendar {
  const out: GoogleAppsScript.Calendar.Schema.Calendar = {
    kind: 'calendar#calendar',
    etag: `"${c.syncEpoch}"`,
    id: c.id,
    summary: c.name,
    timeZone: c.timeZone,
  };
  if (c.description) out.description = c.description;
  return out;
}

/** Calendar.Calendars. */
export class FakeCalendars
  implements
    Pick<
      GoogleAppsScript.Calendar.Collection.CalendarsCollection,
      'get' | 'insert' | 'patch' | 'remove'
    >
{
  constructor(private readonly rest: Rest) {}

  get(
    calendarId: string,
    _optionalArgs: object = {},
    _headers?: object,
  ): GoogleAppsScript.Calendar.Schema.Calendar {
    this.rest.call('Calendars.get', 'calendarRead');
    return calendarResource(this.rest.calendar('calendar.calendars.get', calendarId));
  }

  /** A secondary calendar owned by the user; summary (its title) is required (V). */
  insert(
    resource: GoogleAppsScript.Calendar.Schema.Calendar,
    _optionalArgs: object = {},
    _headers?: object,
  ): GoogleAppsScript.Calendar.Schema.Calendar {
    const api = 'calendar.calendars.insert';
    this.rest.call('Calendars.insert', 'calendarWrite');
    if (!resource?.summary) throw restError(api, 'badRequest', 'Missing title.');
    this.rest.core.checkLimits('burstOnly', { kind: 'rest', apiMethod: api });
    const c = this.rest.core.addCalendar({
      name: resource.summary,
      timeZone: resource.timeZone ?? this.rest.core.primary().timeZone,
      description: resource.description,
    });
    // What calendar.app.created reaches: calendars this script made (V: Calendar API scopes).
    c.createdByScript = true;
    c.createdAtMs = this.rest.core.now();
    this.rest.core.countWrite('burstOnly');
    return calendarResource(c);
  }

  patch(
    resource: GoogleAppsScript.Calendar.Schema.Calendar,
    calendarId: string,
    _optionalArgs: object = {},
    _headers?: object,
  ): GoogleAppsScript.Calendar.Schema.Calendar {
    const api = 'calendar.calendars.patch';
    this.rest.call('Calendars.patch', 'calendarWrite');
    const c = this.rest.calendar(api, calendarId);
    this.rest.requireOwner(api, c);
    if (resource.summary !== undefined) c.name = resource.summary;
    if (resource.description !== undefined) c.description = resource.description;
    if (resource.timeZone !== undefined) c.timeZone = resource.timeZone;
    return calendarResource(c);
  }

  /** Deletes a secondary calendar; the primary one cannot be deleted (V: use calendars.clear). */
  remove(calendarId: string, _optionalArgs: object = {}, _headers?: object): void {
    const api = 'calendar.calendars.delete';
    this.rest.call('Calendars.remove', 'calendarWrite');
    const c = this.rest.calendar(api, calendarId);
    this.rest.requireOwner(api, c);
    if (this.rest.core.isPrimary(c))
      throw restError(api, 'badRequest', 'Cannot remove primary calendar.');
    c.deleted = true;
    c.syncEpoch += 1;
  }
}

/** Calendar.CalendarList: the calendars on the user's list. */
export class FakeCalendarList
  implements Pick<GoogleAppsScript.Calendar.Collection.CalendarListCollection, 'get' | 'list'>
{
  constructor(private readonly rest: Rest) {}

  private entry(c: CalendarRecord): GoogleAppsScript.Calendar.Schema.CalendarListEntry {
    const out: GoogleAppsScript.Calendar.Schema.CalendarListEntry = {
      kind: 'calendar#calendarListEntry',
      etag: `"${c.syncEpoch}"`,
      id: c.id,
      summary: c.name,
      timeZone: c.timeZone,
      backgroundColor: c.color,
      accessRole: ROLE_OF[this.rest.core.accessOf(c)],
      selected: c.selected,
    };
    if (this.rest.core.isPrimary(c)) out.primary = true;
    if (c.hidden) out.hidden = true;
    if (c.description) out.description = c.description;
    return out;
  }

  list(
    optionalArgs: object = {},
    _headers?: object,
  ): GoogleAppsScript.Calendar.Schema.CalendarList {
    this.rest.call('CalendarList.list', 'advancedList');
    const showHidden = (optionalArgs as Args).showHidden === true;
    const items = this.rest.core.state.calendars
      .filter(
        (c) => !c.deleted && this.rest.core.accessOf(c) !== 'none' && (showHidden || !c.hidden),
      )
      .map((c) => this.entry(c));
    return {
      kind: 'calendar#calendarList',
      etag: '"0"',
      items,
      nextSyncToken: encodeToken('L', {}),
    };
  }

  get(
    calendarId: string,
    _optionalArgs: object = {},
    _headers?: object,
  ): GoogleAppsScript.Calendar.Schema.CalendarListEntry {
    this.rest.call('CalendarList.get', 'calendarRead');
    return this.entry(this.rest.calendar('calendar.calendarList.get', calendarId));
  }
}

const ROLES = ['none', 'freeBusyReader', 'reader', 'writer', 'owner'];
const SCOPES = ['default', 'user', 'group', 'domain'];

/** Calendar.Acl: sharing a calendar needs this service (I/S). Owners only (V: "owner" role manages ACLs). */
export class FakeAcl
  implements
    Pick<GoogleAppsScript.Calendar.Collection.AclCollection, 'get' | 'insert' | 'list' | 'remove'>
{
  constructor(private readonly rest: Rest) {}

  private rule(r: CalendarRecord['acl'][number]): GoogleAppsScript.Calendar.Schema.AclRule {
    return {
      kind: 'calendar#aclRule',
      etag: `"${r.id}"`,
      id: r.id,
      role: r.role,
      scope: { ...r.scope },
    };
  }

  /**
   * Adds (or replaces) the rule for a scope; id is `type:value` (V). Google mails the person or
   * group unless `sendNotifications` is false — "Whether to send notifications about the calendar
   * sharing change … The default is True" (V: Acl: insert reference) — recorded as a sharing notice.
   */
  insert(
    resource: GoogleAppsScript.Calendar.Schema.AclRule,
    calendarId: string,
    optionalArgs: object = {},
    _headers?: object,
  ): GoogleAppsScript.Calendar.Schema.AclRule {
    const api = 'calendar.acl.insert';
    this.rest.call('Acl.insert', 'calendarWrite');
    const c = this.rest.calendar(api, calendarId);
    this.rest.requireAclOwner(api, c);
    // Just after Calendars.insert the owner may be refused (S: the fault a test turns on).
    const settle = this.rest.core.state.aclSettleMs;
    if (settle && c.createdAtMs !== undefined && this.rest.core.now() < c.createdAtMs + settle)
      throw restError(api, 'ownerAccess');
    const type = resource?.scope?.type;
    if (!resource?.role || !ROLES.includes(resource.role) || !type || !SCOPES.includes(type)) {
      throw restError(api, 'badRequest', 'Invalid scope or role.');
    }
    if (type !== 'default' && !resource.scope?.value)
      throw restError(api, 'badRequest', 'Invalid scope value.');
    const id = type === 'default' ? 'default' : `${type}:${resource.scope!.value}`;
    const rec = {
      id,
      role: resource.role,
      scope: type === 'default' ? { type } : { type, value: String(resource.scope!.value) },
    };
    c.acl = [...c.acl.filter((r) => r.id !== id), rec];
    this.rest.core.ruleChanged(c);
    const notify = (optionalArgs as Args).sendNotifications !== false;
    if (notify && (type === 'user' || type === 'group'))
      this.rest.core.state.sharingNotices = [
        ...(this.rest.core.state.sharingNotices ?? []),
        {
          calendarId: c.id,
          email: rec.scope.value ?? '',
          role: rec.role,
          at: this.rest.core.now(),
        },
      ];
    return this.rule(rec);
  }

  list(
    calendarId: string,
    _optionalArgs: object = {},
    _headers?: object,
  ): GoogleAppsScript.Calendar.Schema.Acl {
    const api = 'calendar.acl.list';
    this.rest.call('Acl.list', 'advancedList');
    const c = this.rest.calendar(api, calendarId);
    this.rest.requireAclOwner(api, c);
    return {
      kind: 'calendar#acl',
      etag: `"${c.acl.length}"`,
      items: c.acl.map((r) => this.rule(r)),
      nextSyncToken: encodeToken('A', {}),
    };
  }

  get(
    calendarId: string,
    ruleId: string,
    _optionalArgs: object = {},
    _headers?: object,
  ): GoogleAppsScript.Calendar.Schema.AclRule {
    const api = 'calendar.acl.get';
    this.rest.call('Acl.get', 'calendarRead');
    const c = this.rest.calendar(api, calendarId);
    this.rest.requireAclOwner(api, c);
    const r = c.acl.find((x) => x.id === ruleId);
    if (!r) throw restError(api, 'notFound');
    return this.rule(r);
  }

  remove(calendarId: string, ruleId: string, _optionalArgs: object = {}, _headers?: object): void {
    const api = 'calendar.acl.delete';
    this.rest.call('Acl.remove', 'calendarWrite');
    const c = this.rest.calendar(api, calendarId);
    this.rest.requireAclOwner(api, c);
    if (!c.acl.some((x) => x.id === ruleId)) throw restError(api, 'notFound');
    c.acl = c.acl.filter((x) => x.id !== ruleId);
    this.rest.core.ruleChanged(c);
  }
}

/** The `Calendar` advanced-service global (only the collections the add-on needs). */
export class FakeAdvancedCalendar {
  readonly Events: FakeEvents;
  readonly Calendars: FakeCalendars;
  readonly CalendarList: FakeCalendarList;
  readonly Acl: FakeAcl;

  constructor(core: CalendarCore) {
    const rest = new Rest(core);
    this.Events = new FakeEvents(rest);
    this.Calendars = new FakeCalendars(rest);
    this.CalendarList = new FakeCalendarList(rest);
    this.Acl = new FakeAcl(rest);
  }

  // The new*() factories only build plain objects (V: they create empty resource instances).
  newEvent(): Ev {
    return {};
  }
  newEventDateTime(): GoogleAppsScript.Calendar.Schema.EventDateTime {
    return {};
  }
  newEventAttendee(): GoogleAppsScript.Calendar.Schema.EventAttendee {
    return {};
  }
  newEventExtendedProperties(): GoogleAppsScript.Calendar.Schema.EventExtendedProperties {
    return {};
  }
  newAclRule(): GoogleAppsScript.Calendar.Schema.AclRule {
    return {};
  }
  newAclRuleScope(): GoogleAppsScript.Calendar.Schema.AclRuleScope {
    return {};
  }
  newCalendar(): GoogleAppsScript.Calendar.Schema.Calendar {
    return {};
  }
}
