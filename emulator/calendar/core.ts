// The shared store behind CalendarApp and the advanced Calendar service: records, ids, limits, instances.
import type { Runtime } from '../runtime';
import { ACTION_NOT_ALLOWED, BURST_MESSAGE, DAILY_QUOTA_MESSAGE, restError } from './errors';
import { expand, type Occurrence } from './recurrence';
import {
  addDays,
  compactDate,
  compactUtc,
  dateOf,
  daysBetween,
  formatWallDate,
  midnightIn,
  parseWallDate,
  type WallDate,
  wallOf,
} from './time';

/** What the emulator's user may do with a calendar; 'none' = exists but is not shared with them. */
export type Access = 'owner' | 'writer' | 'reader' | 'none';

export interface AclRuleRecord {
  id: string;
  role: string;
  scope: { type: string; value?: string };
}

export interface CalendarRecord {
  id: string;
  name: string;
  description: string;
  timeZone: string;
  /** Hex colour, e.g. CalendarApp.Color.BLUE = '#2952A3' (V). */
  color: string;
  ownerEmail: string;
  access: Access;
  primary: boolean;
  hidden: boolean;
  selected: boolean;
  deleted: boolean;
  acl: AclRuleRecord[];
  /** Bumped to invalidate every sync token issued for this calendar (410 GONE). */
  syncEpoch: number;
  /** Made by the add-on's script (Calendars.insert): what calendar.app.created reaches. */
  createdByScript?: boolean;
  /** When Calendars.insert made it (virtual ms): the ACL may not accept rules just after (S). */
  createdAtMs?: number;
}

/** Google's mail to someone a calendar was just shared with (Acl.insert, sendNotifications). */
export interface SharingNotice {
  calendarId: string;
  email: string;
  role: string;
  at: number;
}

export interface Attendee {
  email: string;
  /** REST responseStatus: needsAction | declined | tentative | accepted (V). */
  responseStatus: string;
}

export interface EventRecord {
  /** REST id (base32hex); CalendarApp's getId() is the iCalUID (S). */
  id: string;
  calendarId: string;
  iCalUID: string;
  summary: string;
  description: string;
  location: string;
  allDay: boolean;
  /** Timed events: instants (ms). Unused (0) for all-day events. */
  startMs: number;
  endMs: number;
  /** All-day events: `yyyy-mm-dd`, end exclusive (V). Empty for timed events. */
  startDate: string;
  endDate: string;
  /** Zone a timed event (series) is anchored in: REST start.timeZone; recurrence expands in it. */
  timeZone: string;
  recurrence: string[];
  attendees: Attendee[];
  /** "1".."11", or '' for the calendar's colour (V). */
  colorId: string;
  privateProps: Record<string, string>;
  sharedProps: Record<string, string>;
  visibility: string;
  status: 'confirmed' | 'cancelled';
  creator: string;
  created: number;
  updated: number;
  sequence: number;
  /** Position in the calendar-wide change log: what sync tokens compare against. */
  changeSeq: number;
  /**
   * Set on an exception: one occurrence of the series `recurringEventId` changed (moved, edited)
   * or cancelled on its own (V: Events resource `recurringEventId`). Its id is the instance id.
   */
  recurringEventId?: string;
  /** The exception's start according to the series' rule (V: `originalStartTime`): an instant… */
  originalStartMs?: number;
  /** …or, for an all-day series, a `yyyy-mm-dd` date. */
  originalStartDate?: string;
}

/**
 * One mail Calendar sent a guest: a new invitation, an update of an event they are already invited
 * to, or a cancellation (deleted event, or the guest removed from it).
 */
export type InvitationKind = 'invitation' | 'update' | 'cancellation';

export interface Invitation {
  calendarId: string;
  eventId: string;
  email: string;
  at: number;
  /** Absent in states saved before kinds were modelled: read as 'invitation'. */
  kind?: InvitationKind;
}

export interface CalendarState {
  version: 1;
  userEmail: string;
  calendars: CalendarRecord[];
  events: EventRecord[];
  nextId: number;
  changeSeq: number;
  burst: { maxWritesPerWindow: number; windowMs: number } | null;
  /** Creates and deletes inside the burst window (virtual ms). */
  writeLog: number[];
  dailyCreateQuota: number;
  daily: { windowStart: number | null; created: number };
  invitations: Invitation[];
  /** Sharing mails sent (absent in states saved before they were modelled). */
  sharingNotices?: SharingNotice[];
  /**
   * Fault, off unless a test sets it: for this long after Calendars.insert, Acl.insert on the new
   * calendar answers 403 "You need to have owner access" (S: google-api-javascript-client#521).
   */
  aclSettleMs?: number | null;
  /**
   * People modelled as calendar accounts of their own (addAccount): when an execution runs as one
   * of them, they see only their primary calendar and the calendars whose ACL names them, with the
   * rule's role (V: Acl roles). Everyone else shares the first user's view, as before (absent in
   * states saved before accounts were modelled).
   */
  accounts?: string[];
}

/** Consumer accounts may create 5,000 calendar events a day (V: Apps Script quotas page). */
export const DEFAULT_DAILY_CREATE_QUOTA = 5000;
/** Quotas "reset 24 hours after the first request" (V: Apps Script quotas page): a window from the first use. */
const DAY_MS = 86_400_000;

/** One concrete occurrence of an event (the event itself when it does not recur). */
export interface Instance {
  ev: EventRecord;
  startMs: number;
  endMs: number;
  /** All-day occurrences: wall dates, end exclusive. */
  startDate?: WallDate;
  endDate?: WallDate;
  /** Set for occurrences of a series. */
  occ?: Occurrence;
}

export interface CoreOptions {
  userEmail: string;
  /** Whose authority the execution runs with (Session's effective user); default: the first user. */
  currentUser?: () => string;
  defaultCalendarTimeZone?: string;
  scriptTimeZone: () => string;
  /** Builds Dates handed to the add-on; pass one from the add-on's realm if it needs that. */
  makeDate?: (ms: number) => Date;
}

/** Writes the limits apply to: event creation also counts toward the daily quota. */
export type LimitedOp = 'createEvent' | 'burstOnly';

/** Where a limit error is reported: CalendarApp's plain messages or the REST service's. */
export type Surface = { kind: 'app' } | { kind: 'rest'; apiMethod: string };

export function emptyState(userEmail: string, timeZone: string): CalendarState {
  return {
    version: 1,
    userEmail,
    calendars: [
      {
        id: userEmail,
        name: userEmail,
        description: '',
        timeZone,
        color: '#2952A3',
        ownerEmail: userEmail,
        access: 'owner',
        primary: true,
        hidden: false,
        selected: true,
        deleted: false,
        acl: [
          { id: `user:${userEmail}`, role: 'owner', scope: { type: 'user', value: userEmail } },
        ],
        syncEpoch: 0,
      },
    ],
    events: [],
    nextId: 1,
    changeSeq: 0,
    burst: null,
    writeLog: [],
    dailyCreateQuota: DEFAULT_DAILY_CREATE_QUOTA,
    daily: { windowStart: null, created: 0 },
    invitations: [],
  };
}

export class CalendarCore {
  constructor(
    readonly runtime: Runtime,
    public state: CalendarState,
    readonly options: CoreOptions,
  ) {}

  /** The workspace's first user, whose view `CalendarRecord.access` holds. */
  get mainUser(): string {
    return this.state.userEmail;
  }

  /** Whose calendars this execution sees: a modelled account of its own, or the first user. */
  get userEmail(): string {
    const user = this.options.currentUser?.() ?? this.mainUser;
    return user !== this.mainUser && this.state.accounts?.includes(user) ? user : this.mainUser;
  }

  /**
   * What the running account may do with a calendar: the first user's stored access, or for
   * another account its ACL rule's role (the calendar's own maker is its owner) (V: Acl roles).
   */
  accessOf(c: CalendarRecord): Access {
    const me = this.userEmail;
    if (me === this.mainUser) return c.access;
    if (c.ownerEmail === me) return 'owner';
    const rule = c.acl.find((r) => r.scope.type === 'user' && r.scope.value === me);
    const role = rule?.role ?? 'none';
    return role === 'owner' || role === 'writer' || role === 'reader' ? role : 'none';
  }

  /** True for the running account's own primary calendar. */
  isPrimary(c: CalendarRecord): boolean {
    const me = this.userEmail;
    return me === this.mainUser ? c.primary : c.id === me && c.ownerEmail === me;
  }

  /** Another person with a calendar account of their own, and their primary calendar (emulator API). */
  addAccount(email: string, timeZone: string): void {
    if (email === this.mainUser || this.state.accounts?.includes(email)) return;
    this.state.accounts = [...(this.state.accounts ?? []), email];
    if (this.calendar(email)) return;
    this.state.calendars.push({
      ...emptyState(email, timeZone).calendars[0],
      // Their primary, seen by the first user only through a rule naming them (none yet).
      primary: false,
      access: 'none',
    });
  }

  /** After a rule for the first user changed on another account's calendar: their stored access follows it. */
  ruleChanged(c: CalendarRecord): void {
    if (c.ownerEmail === this.mainUser) return;
    const rule = c.acl.find((r) => r.scope.type === 'user' && r.scope.value === this.mainUser);
    const role = rule?.role ?? 'none';
    c.access = role === 'owner' || role === 'writer' || role === 'reader' ? role : 'none';
  }

  scriptZone(): string {
    return this.options.scriptTimeZone();
  }

  now(): number {
    return this.runtime.now();
  }

  date(ms: number): Date {
    return this.options.makeDate ? this.options.makeDate(ms) : new Date(ms);
  }

  /** Deterministic ids shaped like Google's: base32hex event ids (V: ids use a-v and 0-9). */
  newEventId(): string {
    const n = this.state.nextId++;
    return `ev${n.toString(32).padStart(10, '0')}`;
  }

  newCalendarId(): string {
    const n = this.state.nextId++;
    return `c${n.toString(32).padStart(12, '0')}@group.calendar.google.com`;
  }

  // ---- calendars ----

  calendar(id: string): CalendarRecord | undefined {
    return this.state.calendars.find((c) => c.id === id);
  }

  /** A calendar the user can see: exists, not deleted, shared with them. */
  visible(id: string): CalendarRecord | undefined {
    const c = this.calendar(id);
    return c && !c.deleted && this.accessOf(c) !== 'none' ? c : undefined;
  }

  primary(): CalendarRecord {
    return this.state.calendars.find((c) => this.isPrimary(c))!;
  }

  canWrite(c: CalendarRecord): boolean {
    const access = this.accessOf(c);
    return access === 'owner' || access === 'writer';
  }

  /** CalendarApp writes on a read-only calendar fail with "Action not allowed" (S). */
  requireWrite(c: CalendarRecord, surface: Surface): void {
    if (this.canWrite(c)) return;
    if (surface.kind === 'app') throw new Error(ACTION_NOT_ALLOWED);
    throw restError(surface.apiMethod, 'writerAccess');
  }

  addCalendar(opts: {
    name: string;
    timeZone: string;
    ownerEmail?: string;
    access?: Access;
    description?: string;
    color?: string;
    hidden?: boolean;
    selected?: boolean;
  }): CalendarRecord {
    const owner = opts.ownerEmail ?? this.userEmail;
    const main = this.mainUser;
    // `access` is the first user's: another account's new calendar is not shared with them.
    const access: Access =
      opts.access ?? (owner === main ? 'owner' : this.userEmail === main ? 'reader' : 'none');
    const id = this.newCalendarId();
    const acl: AclRuleRecord[] = [
      { id: `user:${owner}`, role: 'owner', scope: { type: 'user', value: owner } },
    ];
    if (owner !== main && access !== 'none') {
      acl.push({ id: `user:${main}`, role: access, scope: { type: 'user', value: main } });
    }
    const rec: CalendarRecord = {
      id,
      name: opts.name,
      description: opts.description ?? '',
      timeZone: opts.timeZone,
      color: opts.color ?? '#2952A3',
      ownerEmail: owner,
      access,
      primary: false,
      hidden: opts.hidden ?? false,
      selected: opts.selected ?? true,
      deleted: false,
      acl,
      syncEpoch: 0,
    };
    this.state.calendars.push(rec);
    return rec;
  }

  // ---- limits ----

  /**
   * Burst limit on creating/deleting calendars and events (S: the message names exactly those),
   * then, for `createEvent`, the daily quota of events created (V: 5,000/day consumer). A refused
   * call changes nothing (I). `burstOnly`: deleting events, creating or deleting calendars.
   */
  checkLimits(op: LimitedOp, surface: Surface): void {
    const now = this.now();
    const burst = this.state.burst;
    if (burst) {
      this.state.writeLog = this.state.writeLog.filter((t) => t > now - burst.windowMs);
      if (this.state.writeLog.length >= burst.maxWritesPerWindow) {
        if (surface.kind === 'app') throw new Error(BURST_MESSAGE);
        throw restError(surface.apiMethod, 'usageLimits');
      }
    }
    if (op === 'createEvent') {
      const d = this.state.daily;
      if (d.windowStart === null || now >= d.windowStart + DAY_MS) {
        d.windowStart = now;
        d.created = 0;
      }
      if (d.created >= this.state.dailyCreateQuota) {
        if (surface.kind === 'app') throw new Error(DAILY_QUOTA_MESSAGE);
        throw restError(surface.apiMethod, 'usageLimits');
      }
    }
  }

  /** Records a create/delete that succeeded. */
  countWrite(op: LimitedOp): void {
    if (this.state.burst) this.state.writeLog.push(this.now());
    if (op === 'createEvent') this.state.daily.created += 1;
  }

  // ---- events ----

  /** By REST id, or by iCalUID (CalendarApp ids) (S: both identify the same event). */
  findEvent(calendarId: string, id: string): EventRecord | undefined {
    const restId = id.endsWith('@google.com') ? id.slice(0, -'@google.com'.length) : id;
    return (
      this.state.events.find((e) => e.calendarId === calendarId && e.id === restId) ??
      this.state.events.find((e) => e.calendarId === calendarId && e.iCalUID === id)
    );
  }

  liveEvent(calendarId: string, id: string): EventRecord | undefined {
    const ev = this.findEvent(calendarId, id);
    return ev && ev.status !== 'cancelled' ? ev : undefined;
  }

  /** Marks a change: `updated` moves to now, the change log advances (sync tokens see it). */
  touch(ev: EventRecord, bumpSequence = true): void {
    ev.updated = this.now();
    ev.changeSeq = ++this.state.changeSeq;
    if (bumpSequence) ev.sequence += 1;
  }

  insertEvent(
    fields: Omit<
      EventRecord,
      'iCalUID' | 'created' | 'updated' | 'sequence' | 'changeSeq' | 'status' | 'id'
    > & { id?: string },
  ): EventRecord {
    const id = fields.id ?? this.newEventId();
    const now = this.now();
    const ev: EventRecord = {
      ...fields,
      id,
      iCalUID: `${id}@google.com`,
      status: 'confirmed',
      created: now,
      updated: now,
      sequence: 0,
      changeSeq: ++this.state.changeSeq,
    };
    this.state.events.push(ev);
    return ev;
  }

  /** Deleting a series deletes its exceptions with it (I: the API pages say only "Deletes an event"). */
  cancel(ev: EventRecord): void {
    ev.status = 'cancelled';
    this.touch(ev);
    if (ev.recurrence.length)
      for (const x of this.exceptionsOf(ev))
        if (x.status !== 'cancelled') {
          x.status = 'cancelled';
          this.touch(x);
        }
  }

  invite(ev: EventRecord, emails: string[], kind: InvitationKind = 'invitation'): void {
    for (const email of emails) {
      this.state.invitations.push({
        calendarId: ev.calendarId,
        eventId: ev.id,
        email,
        at: this.now(),
        kind,
      });
    }
  }

  // ---- time spans and instances ----

  zoneOf(ev: EventRecord): string {
    return this.calendar(ev.calendarId)?.timeZone ?? 'UTC';
  }

  /** The event's own span; all-day dates become midnights in the calendar's zone (V). */
  span(ev: EventRecord): { startMs: number; endMs: number } {
    if (!ev.allDay) return { startMs: ev.startMs, endMs: ev.endMs };
    const zone = this.zoneOf(ev);
    return {
      startMs: midnightIn(parseWallDate(ev.startDate), zone),
      endMs: midnightIn(parseWallDate(ev.endDate), zone),
    };
  }

  /**
   * Occurrences of an event that overlap [fromMs, toMs). A never-ending series is expanded up to
   * `toMs`; callers without an upper bound pass one (see unboundedHorizon).
   */
  private ruleInstances(ev: EventRecord, fromMs: number, toMs: number): Instance[] {
    const overlaps = (s: number, e: number) => s < toMs && (e > fromMs || (e === s && s >= fromMs));
    if (ev.recurrence.length === 0) {
      const { startMs, endMs } = this.span(ev);
      if (!overlaps(startMs, endMs)) return [];
      return [
        ev.allDay
          ? {
              ev,
              startMs,
              endMs,
              startDate: parseWallDate(ev.startDate),
              endDate: parseWallDate(ev.endDate),
            }
          : { ev, startMs, endMs },
      ];
    }
    const calZone = this.zoneOf(ev);
    if (ev.allDay) {
      const first = parseWallDate(ev.startDate);
      const days = daysBetween(first, parseWallDate(ev.endDate));
      return expand({
        recurrence: ev.recurrence,
        allDay: true,
        startDate: first,
        startTime: { hour: 0, minute: 0, second: 0 },
        zone: calZone,
        untilMs: toMs,
      })
        .map((occ) => {
          const endDate = addDays(occ.date, days);
          return {
            ev,
            occ,
            startMs: occ.startMs,
            endMs: midnightIn(endDate, calZone),
            startDate: occ.date,
            endDate,
          };
        })
        .filter((i) => overlaps(i.startMs, i.endMs));
    }
    const zone = ev.timeZone || calZone;
    const w = wallOf(ev.startMs, zone);
    const duration = ev.endMs - ev.startMs;
    return expand({
      recurrence: ev.recurrence,
      allDay: false,
      startDate: { year: w.year, month: w.month, day: w.day },
      startTime: { hour: w.hour, minute: w.minute, second: w.second },
      zone,
      untilMs: toMs,
    })
      .map((occ) => ({ ev, occ, startMs: occ.startMs, endMs: occ.startMs + duration }))
      .filter((i) => overlaps(i.startMs, i.endMs));
  }

  /**
   * A series' occurrences overlapping [fromMs, toMs) as Google shows them: a cancelled exception
   * removes its occurrence, a changed one takes its place with its own fields and times (V: Events
   * resource, `status` "Cancelled exceptions … should no longer be presented"; `originalStartTime`
   * "uniquely identifies the instance … even if the instance was moved").
   */
  instances(ev: EventRecord, fromMs: number, toMs: number): Instance[] {
    const exceptions = ev.recurrence.length ? this.exceptionsOf(ev) : [];
    if (exceptions.length === 0) return this.ruleInstances(ev, fromMs, toMs);
    const overlaps = (s: number, e: number) => s < toMs && (e > fromMs || (e === s && s >= fromMs));
    // An occurrence moved earlier may come from past the window: expand that much further.
    let reach = 0;
    for (const x of exceptions) {
      const s = this.span(x).startMs;
      reach = Math.max(reach, this.originalStartMs(x) - s);
    }
    const byOriginal = new Map(exceptions.map((x) => [this.originalKey(x), x]));
    const out: Instance[] = [];
    for (const i of this.ruleInstances(ev, Number.NEGATIVE_INFINITY, toMs + reach)) {
      const x = byOriginal.get(ev.allDay ? compactDate(i.occ!.date) : String(i.occ!.startMs));
      if (!x) {
        if (overlaps(i.startMs, i.endMs)) out.push(i);
        continue;
      }
      if (x.status === 'cancelled') continue;
      const span = this.span(x);
      if (!overlaps(span.startMs, span.endMs)) continue;
      out.push(
        x.allDay
          ? {
              ev: x,
              occ: i.occ,
              ...span,
              startDate: parseWallDate(x.startDate),
              endDate: parseWallDate(x.endDate),
            }
          : { ev: x, occ: i.occ, ...span },
      );
    }
    return out.sort((a, b) => a.startMs - b.startMs);
  }

  /** `${id}_20270301T140000Z` (timed, UTC) / `${id}_20270301` (all-day) (S: Google's instance ids). */
  instanceId(inst: Instance): string {
    if (!inst.occ || inst.ev.recurringEventId) return inst.ev.id;
    const occ = inst.occ;
    return `${inst.ev.id}_${inst.ev.allDay ? compactDate(occ.date) : compactUtc(occ.startMs)}`;
  }

  /** The exceptions stored for a series (moved, edited or cancelled occurrences). */
  exceptionsOf(series: EventRecord): EventRecord[] {
    return this.state.events.filter(
      (e) => e.calendarId === series.calendarId && e.recurringEventId === series.id,
    );
  }

  private originalKey(x: EventRecord): string {
    return x.originalStartDate
      ? x.originalStartDate.replaceAll('-', '')
      : String(x.originalStartMs);
  }

  /** Where the exception's occurrence starts by the series' rule, as an instant. */
  originalStartMs(x: EventRecord): number {
    if (x.originalStartDate) return midnightIn(parseWallDate(x.originalStartDate), this.zoneOf(x));
    return x.originalStartMs ?? 0;
  }

  /**
   * The exception for one occurrence, made on first change as Google does when one instance is
   * updated or deleted (V: "Recurring events" guide, modifying instances): a copy of the series'
   * fields (tags too, or not: ambiguities.exceptionTags (I)) under the instance id, with `recurringEventId`/`originalStartTime`.
   */
  materialize(series: EventRecord, inst: Instance): EventRecord {
    if (inst.ev.recurringEventId) return inst.ev;
    const id = this.instanceId(inst);
    const existing = this.findEvent(series.calendarId, id);
    if (existing) return existing;
    const now = this.now();
    const ex: EventRecord = {
      ...structuredClone(series),
      id,
      recurrence: [],
      allDay: series.allDay,
      startMs: series.allDay ? 0 : inst.startMs,
      endMs: series.allDay ? 0 : inst.endMs,
      startDate: series.allDay ? formatWallDate(inst.startDate!) : '',
      endDate: series.allDay ? formatWallDate(inst.endDate!) : '',
      recurringEventId: series.id,
      ...(series.allDay
        ? { originalStartDate: formatWallDate(inst.occ!.date) }
        : { originalStartMs: inst.occ!.startMs }),
      // Whether an exception keeps the series' tags is not documented (I): ambiguities.exceptionTags.
      ...(this.runtime.ambiguities.exceptionTags === 'dropped'
        ? { privateProps: {}, sharedProps: {} }
        : {}),
      status: 'confirmed',
      created: now,
      updated: now,
      changeSeq: ++this.state.changeSeq,
    };
    this.state.events.push(ex);
    return ex;
  }

  /**
   * A change to the series' own start, end or rule lays its occurrences out anew: the exceptions
   * made for the old layout are dropped (I: Google's API pages do not say what becomes of them;
   * the Calendar UI's "All events" edit of the time discards the changes to single events (S)).
   */
  relaid(series: EventRecord, before: string): void {
    if (this.layoutKey(series) === before) return;
    const gone = new Set(this.exceptionsOf(series));
    if (gone.size) this.state.events = this.state.events.filter((e) => !gone.has(e));
  }

  /** What decides where a series' occurrences fall (compared by relaid). */
  layoutKey(ev: EventRecord): string {
    return JSON.stringify([
      ev.allDay,
      ev.startMs,
      ev.endMs,
      ev.startDate,
      ev.endDate,
      ev.timeZone,
      ev.recurrence,
    ]);
  }

  /**
   * Upper bound used when a never-ending series must be expanded without one (Events.list with
   * singleEvents and no timeMax): two years past now or the series start, whichever is later (I).
   */
  unboundedHorizon(ev: EventRecord): number {
    return Math.max(this.now(), this.span(ev).startMs) + 2 * 366 * DAY_MS;
  }

  /** Live events of a calendar, expanded, overlapping [fromMs, toMs), sorted by start (I). */
  overlapping(calendarId: string, fromMs: number, toMs: number): Instance[] {
    const out: Instance[] = [];
    for (const ev of this.state.events) {
      if (ev.calendarId !== calendarId || ev.status === 'cancelled') continue;
      // Exceptions are shown in place of their series' occurrences (instances()).
      if (ev.recurringEventId) continue;
      out.push(...this.instances(ev, fromMs, toMs));
    }
    return out.sort((a, b) => a.startMs - b.startMs || a.ev.created - b.ev.created);
  }

  /** The wall date (script zone) an all-day Date argument stands for (S: the day-early trap). */
  scriptDate(d: Date): WallDate {
    return dateOf(d.getTime(), this.scriptZone());
  }
}
