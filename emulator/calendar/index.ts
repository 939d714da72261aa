// CalendarEmulator: CalendarApp and the advanced Calendar service over one store, plus test/preview helpers.
import type { Runtime } from '../runtime';
import { isDate } from '../runtime';
import { FakeAdvancedCalendar } from './advanced';
import { FakeCalendarApp } from './calendarApp';
import {
  type Access,
  CalendarCore,
  type CalendarState,
  type CoreOptions,
  emptyState,
  type Invitation,
  type SharingNotice,
} from './core';
import { addDays, formatWallDate, midnightIn, parseWallDate } from './time';

export * as CalendarMessages from './errors';
export { GoogleJsonResponseException } from './errors';
export type { Access, CalendarState, Invitation, SharingNotice };

export interface CalendarEmulatorOptions {
  userEmail: string;
  /** Time zone of the user's primary calendar (default 'UTC'). */
  defaultCalendarTimeZone?: string;
  /** The script's time zone (appsscript.json); all-day Date arguments are read in it. */
  scriptTimeZone: () => string;
  /** Builds Dates handed to the add-on (e.g. in the add-on's vm realm); default: host Dates. */
  makeDate?: (ms: number) => Date;
  /** Whose authority the execution runs with (the workspace's effective user). */
  currentUser?: () => string;
}

/** Plain copy of one stored event, for assertions and the preview. */
export interface EventSnapshot {
  id: string;
  iCalUID: string;
  calendarId: string;
  title: string;
  description: string;
  location: string;
  /** Timed: Date instants. All-day: `yyyy-mm-dd`, end exclusive. */
  start: Date | string;
  end: Date | string;
  allDay: boolean;
  recurrence: string[];
  guests: Array<{ email: string; status: string }>;
  color: string;
  /** CalendarApp tags = REST private extended properties. */
  tags: Record<string, string>;
  sharedProperties: Record<string, string>;
  visibility: string;
  creator: string;
  created: Date;
  updated: Date;
  status: 'confirmed' | 'cancelled';
  sequence: number;
}

/** One occurrence of a series as Google Calendar shows it (instancesOf). */
export interface OccurrenceSnapshot {
  /** The instance id (`<series>_<UTC start>` / `<series>_<date>`). */
  id: string;
  /** Timed: instants. All-day: `yyyy-mm-dd`, end exclusive. */
  start: Date | string;
  end: Date | string;
  /** Where the series' rule puts it (differs from start once moved). */
  originalStart: Date | string;
  title: string;
  location: string;
  /** Changed on its own in Calendar (moved or edited). */
  exception: boolean;
}

export interface EventChanges {
  title?: string;
  /** Dates move a timed event; `yyyy-mm-dd` strings move an all-day one (end exclusive). */
  start?: Date | string;
  end?: Date | string;
  location?: string;
  description?: string;
  /**
   * The whole guest list after someone adds a guest in the Calendar UI, or a guest answers
   * (REST `attendees[].responseStatus`: needsAction, declined, tentative, accepted — docs/google-facts.md).
   */
  guests?: Array<{ email: string; responseStatus: string }>;
}

export class CalendarEmulator {
  readonly calendarApp: FakeCalendarApp;
  readonly advanced: FakeAdvancedCalendar;
  private readonly core: CalendarCore;

  constructor(runtime: Runtime, options: CalendarEmulatorOptions, state?: CalendarState) {
    const coreOptions: CoreOptions = options;
    this.core = new CalendarCore(
      runtime,
      state
        ? structuredClone(state)
        : emptyState(options.userEmail, options.defaultCalendarTimeZone ?? 'UTC'),
      coreOptions,
    );
    this.calendarApp = new FakeCalendarApp(this.core);
    this.advanced = new FakeAdvancedCalendar(this.core);
  }

  // ---- emulator-only helpers: not counted, no faults ----

  /** The user's primary calendar id (their email (V)). */
  get primaryCalendarId(): string {
    return this.core.primary().id;
  }

  /** Adds a calendar; owned by the user unless `ownerEmail` names someone else (then read-only by default). */
  addCalendar(opts: {
    name: string;
    timeZone: string;
    ownerEmail?: string;
    access?: Access;
  }): string {
    return this.core.addCalendar(opts).id;
  }

  /**
   * Makes `email` a calendar account of its own: executions running as them see their own primary
   * calendar and only the calendars whose ACL names them, with that rule's role.
   */
  addAccount(email: string, timeZone = 'UTC'): void {
    this.core.addAccount(email, timeZone);
  }

  /** The ACL rules of a calendar, as stored (emulator API, uncounted). */
  aclOf(calendarId: string): Array<{ role: string; scope: string }> {
    return this.mustCalendar(calendarId).acl.map((r) => ({
      role: r.role,
      scope: r.scope.value ?? r.scope.type,
    }));
  }

  /** Changes what the user may do with a calendar (e.g. a partner revokes sharing: 'none'). */
  setAccess(calendarId: string, access: Access): void {
    this.mustCalendar(calendarId).access = access;
  }

  /** The calendars the user can see (not deleted, not 'none' access): for the preview and tests. */
  listCalendars(): Array<{
    id: string;
    name: string;
    timeZone: string;
    access: Access;
    primary: boolean;
  }> {
    return this.core.state.calendars
      .filter((c) => !c.deleted && c.access !== 'none')
      .map((c) => ({
        id: c.id,
        name: c.name,
        timeZone: c.timeZone,
        access: c.access,
        primary: c.primary,
      }));
  }

  /** Every stored event of a calendar, deleted ones included (status 'cancelled'). */
  allEvents(calendarId: string): EventSnapshot[] {
    this.mustCalendar(calendarId);
    // Exceptions are occurrences of their series, not events of their own (see instancesOf).
    return this.core.state.events
      .filter((e) => e.calendarId === calendarId && e.recurringEventId === undefined)
      .map((e) => ({
        id: e.id,
        iCalUID: e.iCalUID,
        calendarId: e.calendarId,
        title: e.summary,
        description: e.description,
        location: e.location,
        start: e.allDay ? e.startDate : new Date(e.startMs),
        end: e.allDay ? e.endDate : new Date(e.endMs),
        allDay: e.allDay,
        recurrence: [...e.recurrence],
        guests: e.attendees.map((a) => ({ email: a.email, status: a.responseStatus })),
        color: e.colorId,
        tags: { ...e.privateProps },
        sharedProperties: { ...e.sharedProps },
        visibility: e.visibility,
        creator: e.creator,
        created: new Date(e.created),
        updated: new Date(e.updated),
        status: e.status,
        sequence: e.sequence,
      }));
  }

  /** Live (not deleted) events only. */
  liveEvents(calendarId: string): EventSnapshot[] {
    return this.allEvents(calendarId).filter((e) => e.status === 'confirmed');
  }

  /**
   * A partner edits the event in the Google Calendar UI: fields change, `updated` moves to now,
   * the change shows up in incremental sync. `eventId` may be the REST id or the iCalUID.
   */
  userEditsEvent(calendarId: string, eventId: string, changes: EventChanges): void {
    const ev = this.core.liveEvent(calendarId, eventId);
    if (!ev) throw new Error(`Emulator: no live event ${eventId} in ${calendarId}`);
    const layout = this.core.layoutKey(ev);
    if (changes.title !== undefined) ev.summary = changes.title;
    if (changes.description !== undefined) ev.description = changes.description;
    if (changes.location !== undefined) ev.location = changes.location;
    if (changes.guests !== undefined) ev.attendees = changes.guests.map((g) => ({ ...g }));
    const { start, end } = changes;
    if (start !== undefined || end !== undefined) {
      if ((start !== undefined && isDate(start)) || (end !== undefined && isDate(end))) {
        const s =
          start !== undefined && isDate(start)
            ? start.getTime()
            : ev.allDay
              ? this.core.span(ev).startMs
              : ev.startMs;
        const e =
          end !== undefined && isDate(end)
            ? end.getTime()
            : s + (ev.allDay ? 3_600_000 : ev.endMs - ev.startMs);
        if (ev.allDay) ev.timeZone = this.core.calendar(calendarId)!.timeZone;
        Object.assign(ev, { allDay: false, startMs: s, endMs: e, startDate: '', endDate: '' });
      } else {
        const s = typeof start === 'string' ? start : ev.startDate;
        const e = typeof end === 'string' ? end : formatWallDate(nextDay(s));
        Object.assign(ev, { allDay: true, startDate: s, endDate: e, startMs: 0, endMs: 0 });
      }
    }
    this.core.touch(ev);
    // "All events": a new time for the whole series drops its single changes (core.relaid).
    if (ev.recurrence.length) this.core.relaid(ev, layout);
  }

  /**
   * A guest answers an invitation (Yes / No / Maybe in their calendar): their attendee entry's
   * `responseStatus` changes and `updated` moves, as any change to the event does (docs/google-facts.md).
   */
  guestAnswers(
    calendarId: string,
    eventId: string,
    email: string,
    responseStatus: 'accepted' | 'declined' | 'tentative' | 'needsAction',
  ): void {
    const ev = this.core.liveEvent(calendarId, eventId);
    if (!ev) throw new Error(`Emulator: no live event ${eventId} in ${calendarId}`);
    const guest = ev.attendees.find((a) => a.email.toLowerCase() === email.toLowerCase());
    if (!guest) throw new Error(`Emulator: ${email} is not a guest of ${eventId}`);
    guest.responseStatus = responseStatus;
    // An answer is not an edit by the organiser: the sequence (iCalendar SEQUENCE) stays (I).
    this.core.touch(ev, false);
  }

  /**
   * A partner moves ONE occurrence of a series in the Calendar UI ("This event"): it becomes an
   * exception with its own times (V: Events resource `recurringEventId`, `originalStartTime`).
   * `original` names the occurrence as the rule places it: its start instant (timed) or its
   * `yyyy-mm-dd` date (all-day); `start`/`end` are its new times in the same form (end defaults
   * to the same length). Returns the exception's (instance) id.
   */
  moveOccurrence(
    calendarId: string,
    seriesId: string,
    original: Date | string,
    start: Date | string,
    end?: Date | string,
  ): string {
    const { series, inst } = this.occurrence(calendarId, seriesId, original);
    const x = this.core.materialize(series, inst);
    if (series.allDay) {
      if (typeof start !== 'string')
        throw new Error('Emulator: an all-day occurrence moves to a date');
      const days = Math.round((this.core.span(x).endMs - this.core.span(x).startMs) / 86_400_000);
      const e = typeof end === 'string' ? end : formatWallDate(addDays(parseWallDate(start), days));
      Object.assign(x, { startDate: start, endDate: e });
    } else {
      if (!isDate(start)) throw new Error('Emulator: a timed occurrence moves to a Date');
      const length = x.endMs - x.startMs;
      const e = end !== undefined && isDate(end) ? end.getTime() : start.getTime() + length;
      Object.assign(x, { startMs: start.getTime(), endMs: e });
    }
    this.core.touch(x);
    return x.id;
  }

  /** A partner deletes ONE occurrence ("This event"): a cancelled exception (V: Events resource, status). */
  cancelOccurrence(calendarId: string, seriesId: string, original: Date | string): string {
    const { series, inst } = this.occurrence(calendarId, seriesId, original);
    const x = this.core.materialize(series, inst);
    x.status = 'cancelled';
    this.core.touch(x);
    return x.id;
  }

  /**
   * The occurrences of a series as Google Calendar shows them (moved ones at their new times,
   * cancelled ones left out), up to `until` (default: the emulator's horizon for open series).
   */
  instancesOf(calendarId: string, seriesId: string, until?: Date): OccurrenceSnapshot[] {
    const series = this.core.liveEvent(calendarId, seriesId);
    if (!series) throw new Error(`Emulator: no live event ${seriesId} in ${calendarId}`);
    const to = until ? until.getTime() : this.core.unboundedHorizon(series);
    return this.core.instances(series, Number.NEGATIVE_INFINITY, to).map((i) => ({
      id: this.core.instanceId(i),
      start: i.startDate ? formatWallDate(i.startDate) : new Date(i.startMs),
      end: i.endDate ? formatWallDate(i.endDate) : new Date(i.endMs),
      originalStart: i.occ
        ? series.allDay
          ? formatWallDate(i.occ.date)
          : new Date(i.occ.startMs)
        : i.startDate
          ? formatWallDate(i.startDate)
          : new Date(i.startMs),
      title: i.ev.summary,
      location: i.ev.location,
      exception: i.ev.recurringEventId !== undefined,
    }));
  }

  private occurrence(calendarId: string, seriesId: string, original: Date | string) {
    const series = this.core.liveEvent(calendarId, seriesId);
    if (!series || series.recurrence.length === 0)
      throw new Error(`Emulator: no live series ${seriesId} in ${calendarId}`);
    const zone = this.core.zoneOf(series);
    const at =
      typeof original === 'string' ? midnightIn(parseWallDate(original), zone) : original.getTime();
    const inst = this.core
      .instances(series, Number.NEGATIVE_INFINITY, at + 2 * 86_400_000)
      .find((i) =>
        typeof original === 'string'
          ? i.occ && formatWallDate(i.occ.date) === original
          : i.occ?.startMs === at,
      );
    if (!inst) throw new Error(`Emulator: ${seriesId} has no occurrence at ${String(original)}`);
    return { series, inst };
  }

  /**
   * Someone with write access adds an event of their own in the Google Calendar UI (not through
   * the add-on): `creator` is their email (V: Events resource, "creator" — the person who made the
   * event), it carries no private properties, and it shows up in list and incremental sync like
   * any change. Timed events give instants and the zone they were made in; all-day ones give
   * `yyyy-mm-dd` dates (end exclusive). Returns the REST event id.
   */
  someoneAddsEvent(
    calendarId: string,
    event: {
      creator: string;
      title: string;
      start: Date | string;
      end: Date | string;
      timeZone?: string;
      description?: string;
      location?: string;
      recurrence?: string[];
      guests?: Array<{ email: string; responseStatus?: string }>;
    },
  ): string {
    const cal = this.mustCalendar(calendarId);
    const allDay = typeof event.start === 'string';
    const ev = this.core.insertEvent({
      calendarId,
      summary: event.title,
      description: event.description ?? '',
      location: event.location ?? '',
      allDay,
      startMs: allDay ? 0 : (event.start as Date).getTime(),
      endMs: allDay ? 0 : (event.end as Date).getTime(),
      startDate: allDay ? (event.start as string) : '',
      endDate: allDay ? (event.end as string) : '',
      timeZone: event.timeZone ?? cal.timeZone,
      recurrence: [...(event.recurrence ?? [])],
      attendees: (event.guests ?? []).map((g) => ({
        email: g.email,
        responseStatus: g.responseStatus ?? 'needsAction',
      })),
      colorId: '',
      privateProps: {},
      sharedProps: {},
      visibility: 'default',
      creator: event.creator,
    });
    return ev.id;
  }

  /** A partner deletes the event in the UI. */
  userDeletesEvent(calendarId: string, eventId: string): void {
    const ev = this.core.liveEvent(calendarId, eventId);
    if (!ev) throw new Error(`Emulator: no live event ${eventId} in ${calendarId}`);
    this.core.cancel(ev);
  }

  /** A partner deletes a whole calendar (CalendarApp then returns null for it). */
  userDeletesCalendar(calendarId: string): void {
    const c = this.mustCalendar(calendarId);
    c.deleted = true;
    c.syncEpoch += 1;
  }

  /** Makes every sync token of the calendar (or all calendars) answer 410 GONE. */
  expireSyncTokens(calendarId?: string): void {
    for (const c of this.core.state.calendars)
      if (!calendarId || c.id === calendarId) c.syncEpoch += 1;
  }

  /** Burst limit on creates/deletes of events and calendars; `null` turns it off (the default). */
  setRateLimit(limit: { maxWritesPerWindow: number; windowMs: number } | null): void {
    this.core.state.burst = limit ? { ...limit } : null;
    this.core.state.writeLog = [];
  }

  /** Events the user may create per rolling day (default 5,000: consumer accounts (V)). */
  setDailyCreateQuota(n: number): void {
    this.core.state.dailyCreateQuota = n;
  }

  /** Sharing mails Acl.insert sent (every rule for a person or group unless sendNotifications is false (V)). */
  sharingNoticesSent(): SharingNotice[] {
    return (this.core.state.sharingNotices ?? []).map((n) => ({ ...n }));
  }

  /**
   * Fault (S): for `ms` after Calendars.insert, Acl.insert on the new calendar answers 403 "You
   * need to have owner access to this calendar."; null (the default) turns it off.
   */
  setAclSettleTime(ms: number | null): void {
    this.core.state.aclSettleMs = ms;
  }

  /** Invitations that went out (createEvent with sendInvites, Events.insert with sendUpdates). */
  invitationsSent(): Invitation[] {
    return this.core.state.invitations.map((i) => ({ ...i }));
  }

  toJSON(): CalendarState {
    return structuredClone(this.core.state);
  }

  static fromJSON(
    runtime: Runtime,
    state: CalendarState,
    options: CalendarEmulatorOptions,
  ): CalendarEmulator {
    if (state?.version !== 1) throw new Error('Emulator: unknown calendar state version');
    return new CalendarEmulator(runtime, options, state);
  }

  private mustCalendar(calendarId: string) {
    const c = this.core.calendar(calendarId);
    if (!c) throw new Error(`Emulator: no calendar ${calendarId}`);
    return c;
  }
}

function nextDay(date: string): { year: number; month: number; day: number } {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
