// The CalendarApp global: Calendar, CalendarEvent, CalendarEventSeries and EventGuest over the shared store.
import { isDate } from '../runtime';
import type { CalendarCore, CalendarRecord, EventRecord, Instance } from './core';
import { CALENDAR_DELETED, EVENT_DELETED, notModelled, START_AFTER_END } from './errors';
import { capEventProperties, mergeLimited, TOO_MANY_PROPERTIES } from './extendedProperties';
import {
  FakeEventRecurrence,
  type FakeRecurrenceRule,
  MONTH_ENUM,
  WEEKDAY_ENUM,
} from './recurrenceBuilder';
import {
  addDays,
  compareDates,
  formatWallDate,
  midnightIn,
  parseWallDate,
  type WallDate,
  wallOf,
} from './time';

/** Google's Date type in the typings (an interface, not the global Date). */
type GDate = GoogleAppsScript.Base.Date;
type Kind = 'calendarRead' | 'calendarWrite' | 'other';

/** Replaces Google's class types (in parameters and results) with this emulator's fakes. */
type Swap<R> = R extends GoogleAppsScript.Calendar.RecurrenceRule
  ? FakeRecurrenceRule
  : R extends GoogleAppsScript.Calendar.EventRecurrence
    ? FakeEventRecurrence
    : R extends GoogleAppsScript.Calendar.CalendarEvent
      ? FakeCalendarEvent
      : R extends GoogleAppsScript.Calendar.CalendarEventSeries
        ? FakeCalendarEventSeries
        : R extends GoogleAppsScript.Calendar.Calendar
          ? FakeCalendar
          : R extends GoogleAppsScript.Calendar.EventGuest
            ? FakeEventGuest
            : R extends Array<infer E>
              ? Array<Swap<E>>
              : R;

/**
 * Google's signature for each listed method, with the fakes in place of Google's classes. Typing
 * the fakes with it keeps parameter lists identical to @types/google-apps-script (for overloaded
 * methods TypeScript checks the last overload, the widest one).
 */
export type Faked<T, K extends keyof T> = {
  // `| null`: the typings omit the null that lookups (getEventById, getTag, ...) return (V).
  [P in K]: T[P] extends (...args: infer A) => infer R
    ? (...args: { [I in keyof A]: Swap<A[I]> }) => Swap<R> | null
    : T[P];
};

/** CalendarApp.EventColor: the REST colorId strings "1".."11" (V). */
export const EVENT_COLOR = {
  PALE_BLUE: '1',
  PALE_GREEN: '2',
  MAUVE: '3',
  PALE_RED: '4',
  YELLOW: '5',
  ORANGE: '6',
  CYAN: '7',
  GRAY: '8',
  BLUE: '9',
  GREEN: '10',
  RED: '11',
} as const;

/** CalendarApp.Color: hex strings as listed in the Color enum reference (V). */
export const COLOR = {
  BLUE: '#2952A3',
  BROWN: '#8D6F47',
  CHARCOAL: '#4E5D6C',
  CHESTNUT: '#865A5A',
  GRAY: '#5A6986',
  GREEN: '#0D7813',
  INDIGO: '#5229A3',
  LIME: '#528800',
  MUSTARD: '#88880E',
  OLIVE: '#6E6E41',
  ORANGE: '#BE6D00',
  PINK: '#B1365F',
  PLUM: '#705770',
  PURPLE: '#7A367A',
  RED: '#A32929',
  RED_ORANGE: '#B1440E',
  SEA_BLUE: '#29527A',
  SLATE: '#4A716C',
  TEAL: '#28754E',
  TURQOISE: '#1B887A',
  YELLOW: '#AB8B00',
} as const;

/** GuestStatus names and the REST responseStatus each stands for (V names; mapping (I)). */
export const GUEST_STATUS = {
  INVITED: 'INVITED',
  MAYBE: 'MAYBE',
  NO: 'NO',
  OWNER: 'OWNER',
  YES: 'YES',
} as const;
const STATUS_FROM_REST: Record<string, string> = {
  needsAction: 'INVITED',
  tentative: 'MAYBE',
  declined: 'NO',
  accepted: 'YES',
};
export const VISIBILITY = {
  CONFIDENTIAL: 'CONFIDENTIAL',
  DEFAULT: 'DEFAULT',
  PRIVATE: 'PRIVATE',
  PUBLIC: 'PUBLIC',
} as const;

/** Apps Script's wording for a call whose arguments do not fit any overload (S). */
function signatureError(method: string, args: unknown[]): Error {
  const names = args.map((a) => {
    if (a === null) return 'null';
    if (isDate(a)) return 'Date';
    if (typeof a === 'string') return 'String';
    if (typeof a === 'boolean') return 'Boolean';
    if (typeof a === 'object') return 'Object';
    return typeof a;
  });
  return new Error(
    `The parameters (${names.join(',')}) don't match the method signature for ${method}.`,
  );
}

type Options = Record<string, unknown>;

function guestsOption(options: Options | undefined): string[] {
  const g = options?.guests;
  if (g === undefined || g === null || g === '') return [];
  // `guests` is ONE comma-separated string (V).
  return String(g)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A guest of an event (values are read when the guest list was fetched). */
export class FakeEventGuest
  implements
    Faked<GoogleAppsScript.Calendar.EventGuest, 'getEmail' | 'getName' | 'getAdditionalGuests'>
{
  constructor(
    private readonly core: CalendarCore,
    private readonly email: string,
    private readonly status: string,
  ) {}
  private count(m: string): void {
    this.core.runtime.call(`CalendarApp.EventGuest.${m}`, 'other');
  }
  getEmail(): string {
    this.count('getEmail');
    return this.email;
  }
  getName(): string {
    this.count('getName');
    return this.email;
  }
  getAdditionalGuests(): number {
    this.count('getAdditionalGuests');
    return 0;
  }
  /** Returns a GuestStatus value (string names at run time, see GUEST_STATUS). */
  getGuestStatus(): GoogleAppsScript.Calendar.GuestStatus {
    this.count('getGuestStatus');
    // Apps Script enums are objects named like their keys; the typings call them numeric enums.
    return this.status as unknown as GoogleAppsScript.Calendar.GuestStatus;
  }
}

/** Shared by CalendarEvent and CalendarEventSeries: both read and write one stored event. */
abstract class EventViewBase {
  constructor(
    protected readonly core: CalendarCore,
    protected readonly calendarId: string,
    /** Changes once: an occurrence's first write turns it into its exception (FakeCalendarEvent). */
    protected eventId: string,
    private readonly className: 'CalendarEvent' | 'CalendarEventSeries',
  ) {}

  /**
   * Counts the call, then finds the live record. Every getter is one counted call (the real cost
   * model). A deleted event or calendar makes the object stale: it throws (I, see EVENT_DELETED).
   */
  protected read(method: string, kind: Kind = 'calendarRead'): EventRecord {
    this.core.runtime.call(`CalendarApp.${this.className}.${method}`, kind);
    const cal = this.core.visible(this.calendarId);
    const ev = cal && this.core.liveEvent(this.calendarId, this.eventId);
    if (!ev) throw new Error(EVENT_DELETED);
    return ev;
  }

  protected calendar(): CalendarRecord {
    return this.core.calendar(this.calendarId)!;
  }

  /** Writes the stored event; `updated` (getLastUpdated) moves on every change (V). */
  protected write(method: string, change: (ev: EventRecord) => void): this {
    const read = this.read(method, 'calendarWrite');
    this.core.requireWrite(this.calendar(), { kind: 'app' });
    const ev = this.writable(read);
    const layout = this.core.layoutKey(ev);
    change(ev);
    this.core.touch(ev);
    if (ev.recurrence.length) this.core.relaid(ev, layout);
    return this;
  }

  /** The record a write changes: the event itself (CalendarEvent narrows it to one occurrence). */
  protected writable(ev: EventRecord): EventRecord {
    return ev;
  }

  getId(): string {
    // getId() is the iCalUID, shared by every occurrence of a series (V).
    return this.read('getId').iCalUID;
  }
  getTitle(): string {
    return this.read('getTitle').summary;
  }
  setTitle(title: string): this {
    return this.write('setTitle', (ev) => {
      ev.summary = String(title);
    });
  }
  getDescription(): string {
    return this.read('getDescription').description;
  }
  setDescription(description: string): this {
    return this.write('setDescription', (ev) => {
      ev.description = String(description);
    });
  }
  getLocation(): string {
    return this.read('getLocation').location;
  }
  setLocation(location: string): this {
    return this.write('setLocation', (ev) => {
      ev.location = String(location);
    });
  }
  getGuestList(includeOwner?: boolean): FakeEventGuest[] {
    const ev = this.read('getGuestList');
    const guests = ev.attendees.map(
      (a) =>
        new FakeEventGuest(this.core, a.email, STATUS_FROM_REST[a.responseStatus] ?? 'INVITED'),
    );
    // The owner is left out unless asked for (V: getGuestList(includeOwner)).
    if (includeOwner && !ev.attendees.some((a) => a.email === ev.creator)) {
      guests.unshift(new FakeEventGuest(this.core, ev.creator, 'OWNER'));
    }
    return guests;
  }
  getGuestByEmail(email: string): FakeEventGuest | null {
    const a = this.read('getGuestByEmail').attendees.find((x) => x.email === email);
    return a
      ? new FakeEventGuest(this.core, a.email, STATUS_FROM_REST[a.responseStatus] ?? 'INVITED')
      : null;
  }
  addGuest(email: string): this {
    return this.write('addGuest', (ev) => {
      if (!ev.attendees.some((a) => a.email === email)) {
        ev.attendees.push({ email: String(email), responseStatus: 'needsAction' });
      }
    });
  }
  removeGuest(email: string): this {
    return this.write('removeGuest', (ev) => {
      ev.attendees = ev.attendees.filter((a) => a.email !== email);
    });
  }
  /** "1".."11", or '' when the event uses the calendar's colour (V). */
  getColor(): string {
    return this.read('getColor').colorId;
  }
  setColor(color: string | GoogleAppsScript.Calendar.EventColor): this {
    const id = String(color);
    if (!/^([1-9]|1[01])$/.test(id)) {
      this.read('setColor', 'calendarWrite');
      throw new Error(`Invalid argument: color`);
    }
    return this.write('setColor', (ev) => {
      ev.colorId = id;
    });
  }
  /**
   * Tags are the event's private extended properties (I: the REST view shows them there, which is
   * what lets Events.list filter on them with privateExtendedProperty).
   */
  setTag(key: string, value: string): this {
    // The same store as the REST properties (I), so the same limits: a key over 44 characters is
    // dropped and a value over 1,024 cut, without a word (V: "Extended properties", Limits).
    const k = String(key);
    if (k.length === 0) {
      this.read('setTag', 'calendarWrite');
      throw new Error('Invalid argument: key');
    }
    return this.write('setTag', (ev) => {
      const privateProps = mergeLimited(ev.privateProps, { [k]: String(value) });
      const mode = this.core.runtime.ambiguities.propertyOverflow;
      const capped = capEventProperties(privateProps, ev.sharedProps, mode);
      if (!capped) throw new Error(TOO_MANY_PROPERTIES);
      ev.privateProps = capped.privateProps;
      ev.sharedProps = capped.sharedProps;
    });
  }
  /** The tag's value, or null when the event has none with that key (V). */
  getTag(key: string): string | null {
    return this.read('getTag').privateProps[String(key)] ?? null;
  }
  deleteTag(key: string): this {
    return this.write('deleteTag', (ev) => {
      delete ev.privateProps[String(key)];
    });
  }
  getAllTagKeys(): string[] {
    return Object.keys(this.read('getAllTagKeys').privateProps);
  }
  getLastUpdated(): Date {
    return this.core.date(this.read('getLastUpdated').updated);
  }
  getDateCreated(): Date {
    return this.core.date(this.read('getDateCreated').created);
  }
  getOriginalCalendarId(): string {
    return this.read('getOriginalCalendarId').calendarId;
  }
  getCreators(): string[] {
    return [this.read('getCreators').creator];
  }
  /** Owned when the effective user created it (I). */
  isOwnedByMe(): boolean {
    return this.read('isOwnedByMe').creator === this.core.userEmail;
  }
  getVisibility(): GoogleAppsScript.Calendar.Visibility {
    // String names at run time; the typings declare a numeric enum.
    return this.read(
      'getVisibility',
    ).visibility.toUpperCase() as unknown as GoogleAppsScript.Calendar.Visibility;
  }
  setVisibility(visibility: GoogleAppsScript.Calendar.Visibility): this {
    const v = String(visibility).toLowerCase();
    if (!['confidential', 'default', 'private', 'public'].includes(v)) {
      this.read('setVisibility', 'calendarWrite');
      throw new Error('Invalid argument: visibility');
    }
    return this.write('setVisibility', (ev) => {
      ev.visibility = v;
    });
  }
  getMyStatus(): GoogleAppsScript.Calendar.GuestStatus {
    const ev = this.read('getMyStatus');
    const me = ev.attendees.find((a) => a.email === this.core.userEmail);
    const status =
      ev.creator === this.core.userEmail
        ? 'OWNER'
        : me
          ? STATUS_FROM_REST[me.responseStatus]
          : 'INVITED';
    return status as unknown as GoogleAppsScript.Calendar.GuestStatus;
  }
}

type EventMethods =
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'getLocation'
  | 'setLocation'
  | 'getStartTime'
  | 'getEndTime'
  | 'setTime'
  | 'getAllDayStartDate'
  | 'getAllDayEndDate'
  | 'setAllDayDate'
  | 'setAllDayDates'
  | 'isAllDayEvent'
  | 'isRecurringEvent'
  | 'getEventSeries'
  | 'getGuestList'
  | 'addGuest'
  | 'removeGuest'
  | 'getColor'
  | 'setColor'
  | 'setTag'
  | 'deleteTag'
  | 'getAllTagKeys'
  | 'getLastUpdated'
  | 'getDateCreated'
  | 'deleteEvent'
  | 'getOriginalCalendarId'
  | 'getCreators'
  | 'isOwnedByMe'
  | 'setVisibility'
  | 'getVisibility';

/** One event, or one occurrence of a series (then `occurrence` holds its times). */
export class FakeCalendarEvent
  extends EventViewBase
  implements Faked<GoogleAppsScript.Calendar.CalendarEvent, EventMethods>
{
  constructor(
    core: CalendarCore,
    calendarId: string,
    eventId: string,
    private occurrence?: Instance,
  ) {
    super(core, calendarId, eventId, 'CalendarEvent');
  }

  /**
   * A write to one occurrence (from getEvents) changes that occurrence only, as in the Calendar
   * UI's "This event": it becomes an exception of the series (V: Events resource
   * `recurringEventId`; the CalendarEvent reference calls it "a single calendar event"). A whole
   * series reached as a CalendarEvent (getEventById) is changed through CalendarEventSeries.
   */
  protected override writable(ev: EventRecord): EventRecord {
    if (ev.recurrence.length === 0) return ev;
    if (!this.occurrence?.occ)
      throw notModelled('changing a whole series through CalendarEvent (use CalendarEventSeries)');
    const x = this.core.materialize(ev, this.occurrence);
    this.eventId = x.id;
    this.occurrence = { ...this.occurrence, ev: x };
    return x;
  }

  private times(ev: EventRecord): Instance {
    // An exception's own times are current (a moved occurrence): the occurrence's are the rule's.
    if (this.occurrence && !ev.recurringEventId) return this.occurrence;
    const { startMs, endMs } = this.core.span(ev);
    return ev.allDay
      ? {
          ev,
          startMs,
          endMs,
          startDate: parseWallDate(ev.startDate),
          endDate: parseWallDate(ev.endDate),
        }
      : { ev, startMs, endMs };
  }

  /** Timed: the instant. All-day: midnight of the start date in the CALENDAR's zone (V). */
  getStartTime(): Date {
    const ev = this.read('getStartTime');
    return this.core.date(this.times(ev).startMs);
  }
  getEndTime(): Date {
    const ev = this.read('getEndTime');
    return this.core.date(this.times(ev).endMs);
  }
  /** Midnight of the start date in the SCRIPT's zone; throws for timed events (V). */
  getAllDayStartDate(): Date {
    const ev = this.read('getAllDayStartDate');
    if (!ev.allDay) throw new Error('Emulator: not an all-day event (Google throws here (V)).');
    return this.core.date(midnightIn(this.times(ev).startDate!, this.core.scriptZone()));
  }
  /** Midnight of the day AFTER the last day, in the script's zone: the end is exclusive (V). */
  getAllDayEndDate(): Date {
    const ev = this.read('getAllDayEndDate');
    if (!ev.allDay) throw new Error('Emulator: not an all-day event (Google throws here (V)).');
    return this.core.date(midnightIn(this.times(ev).endDate!, this.core.scriptZone()));
  }
  isAllDayEvent(): boolean {
    return this.read('isAllDayEvent').allDay;
  }
  isRecurringEvent(): boolean {
    const ev = this.read('isRecurringEvent');
    return ev.recurrence.length > 0 || ev.recurringEventId !== undefined;
  }
  /** Returned even for a single event, so recurrence can be added (V). */
  getEventSeries(): FakeCalendarEventSeries {
    const ev = this.read('getEventSeries');
    return new FakeCalendarEventSeries(this.core, this.calendarId, ev.recurringEventId ?? ev.id);
  }
  /** Sets start and end; an all-day event becomes timed (V). */
  setTime(startTime: GDate, endTime: GDate): this {
    if (!isDate(startTime) || !isDate(endTime)) {
      this.read('setTime', 'calendarWrite');
      throw signatureError('CalendarApp.CalendarEvent.setTime', [startTime, endTime]);
    }
    if (endTime.getTime() < startTime.getTime()) {
      this.read('setTime', 'calendarWrite');
      throw new Error(START_AFTER_END);
    }
    return this.write('setTime', (ev) => {
      ev.allDay = false;
      ev.startMs = startTime.getTime();
      ev.endMs = endTime.getTime();
      ev.startDate = '';
      ev.endDate = '';
      ev.timeZone = ev.timeZone || this.calendar().timeZone;
    });
  }
  /** One all-day date, read as a wall date in the script zone (S: the day-early trap). */
  setAllDayDate(date: GDate): this {
    if (!isDate(date)) {
      this.read('setAllDayDate', 'calendarWrite');
      throw signatureError('CalendarApp.CalendarEvent.setAllDayDate', [date]);
    }
    const d = this.core.scriptDate(date);
    return this.write('setAllDayDate', (ev) => setAllDay(ev, d, addDays(d, 1)));
  }
  /** End date exclusive, as for createAllDayEvent (I: by analogy with (V)). */
  setAllDayDates(startDate: GDate, endDate: GDate): this {
    if (!isDate(startDate) || !isDate(endDate)) {
      this.read('setAllDayDates', 'calendarWrite');
      throw signatureError('CalendarApp.CalendarEvent.setAllDayDates', [startDate, endDate]);
    }
    const s = this.core.scriptDate(startDate);
    const e = this.core.scriptDate(endDate);
    if (compareDates(e, s) <= 0) {
      this.read('setAllDayDates', 'calendarWrite');
      throw new Error(START_AFTER_END);
    }
    return this.write('setAllDayDates', (ev) => setAllDay(ev, s, e));
  }
  /**
   * Deletes the event. For one occurrence of a series, Google removes just that occurrence: a
   * cancelled exception of the series (V: Events resource, status). Counts toward the burst limit (S).
   */
  deleteEvent(): void {
    const ev = this.read('deleteEvent', 'calendarWrite');
    this.core.requireWrite(this.calendar(), { kind: 'app' });
    this.core.checkLimits('burstOnly', { kind: 'app' });
    if (ev.recurrence.length > 0 && this.occurrence?.occ) {
      const x = this.core.materialize(ev, this.occurrence);
      x.status = 'cancelled';
      this.core.touch(x);
    } else {
      this.core.cancel(ev);
    }
    this.core.countWrite('burstOnly');
  }
}

function setAllDay(ev: EventRecord, start: WallDate, endExclusive: WallDate): void {
  ev.allDay = true;
  ev.startDate = formatWallDate(start);
  ev.endDate = formatWallDate(endExclusive);
  ev.startMs = 0;
  ev.endMs = 0;
}

type SeriesMethods =
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'getLocation'
  | 'setLocation'
  | 'getGuestList'
  | 'addGuest'
  | 'removeGuest'
  | 'getColor'
  | 'setColor'
  | 'setTag'
  | 'deleteTag'
  | 'getAllTagKeys'
  | 'getLastUpdated'
  | 'getDateCreated'
  | 'deleteEventSeries'
  | 'getOriginalCalendarId'
  | 'getCreators'
  | 'isOwnedByMe'
  | 'setVisibility'
  | 'getVisibility';

/** A recurring event as a whole; writes apply to every occurrence. */
export class FakeCalendarEventSeries
  extends EventViewBase
  implements Faked<GoogleAppsScript.Calendar.CalendarEventSeries, SeriesMethods>
{
  constructor(core: CalendarCore, calendarId: string, eventId: string) {
    super(core, calendarId, eventId, 'CalendarEventSeries');
  }
  deleteEventSeries(): void {
    const ev = this.read('deleteEventSeries', 'calendarWrite');
    this.core.requireWrite(this.calendar(), { kind: 'app' });
    this.core.checkLimits('burstOnly', { kind: 'app' });
    this.core.cancel(ev);
    this.core.countWrite('burstOnly');
  }
  /** Replaces the recurrence: all-day from `startDate`, or timed from start/end (V). */
  setRecurrence(recurrence: FakeEventRecurrence, startDate: GDate, endTime?: GDate): this {
    if (!(recurrence instanceof FakeEventRecurrence) || !isDate(startDate)) {
      this.read('setRecurrence', 'calendarWrite');
      throw signatureError('CalendarApp.CalendarEventSeries.setRecurrence', [
        recurrence,
        startDate,
        endTime,
      ]);
    }
    return this.write('setRecurrence', (ev) => {
      const cal = this.calendar();
      if (endTime && isDate(endTime)) {
        const zone = recurrence.timeZone ?? cal.timeZone;
        const w = wallOf(startDate.getTime(), zone);
        ev.allDay = false;
        ev.startMs = startDate.getTime();
        ev.endMs = endTime.getTime();
        ev.startDate = '';
        ev.endDate = '';
        ev.timeZone = zone;
        ev.recurrence = recurrence.toLines(
          { allDay: false, zone, scriptZone: this.core.scriptZone() },
          { hour: w.hour, minute: w.minute, second: w.second },
        );
      } else {
        const d = this.core.scriptDate(startDate);
        setAllDay(ev, d, addDays(d, 1));
        ev.recurrence = recurrence.toLines(
          { allDay: true, zone: cal.timeZone, scriptZone: this.core.scriptZone() },
          { hour: 0, minute: 0, second: 0 },
        );
      }
    });
  }
}

type CalendarMethods =
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getDescription'
  | 'setDescription'
  | 'getTimeZone'
  | 'setTimeZone'
  | 'getColor'
  | 'setColor'
  | 'isHidden'
  | 'setHidden'
  | 'isSelected'
  | 'setSelected'
  | 'isMyPrimaryCalendar'
  | 'isOwnedByMe'
  | 'deleteCalendar'
  | 'createEvent'
  | 'createAllDayEvent'
  | 'createEventSeries'
  | 'createAllDayEventSeries'
  | 'getEvents'
  | 'getEventsForDay'
  | 'getEventById'
  | 'getEventSeriesById';

/**
 * A calendar the user owns or is subscribed to. `prefix` names the counted calls: a Calendar's
 * own methods count as `CalendarApp.Calendar.*`, CalendarApp's default-calendar shortcuts as
 * `CalendarApp.*`.
 */
export class FakeCalendar implements Faked<GoogleAppsScript.Calendar.Calendar, CalendarMethods> {
  constructor(
    private readonly core: CalendarCore,
    private readonly calendarId: string,
    private readonly prefix = 'CalendarApp.Calendar',
  ) {}

  private rec(method: string, kind: Kind = 'calendarRead'): CalendarRecord {
    this.core.runtime.call(`${this.prefix}.${method}`, kind);
    const c = this.core.visible(this.calendarId);
    if (!c) throw new Error(CALENDAR_DELETED);
    return c;
  }

  private setting(method: string, change: (c: CalendarRecord) => void): this {
    const c = this.rec(method, 'calendarWrite');
    // Calendar settings belong to its owner (I); hidden/selected are the user's own list (V).
    if (this.core.accessOf(c) !== 'owner' && method !== 'setHidden' && method !== 'setSelected') {
      this.core.requireWrite({ ...c, access: 'reader' }, { kind: 'app' });
    }
    change(c);
    return this;
  }

  /** The default calendar's id is the user's email (V). */
  getId(): string {
    return this.rec('getId').id;
  }
  getName(): string {
    return this.rec('getName').name;
  }
  setName(name: string): this {
    return this.setting('setName', (c) => {
      c.name = String(name);
    });
  }
  getDescription(): string {
    return this.rec('getDescription').description;
  }
  setDescription(description: string): this {
    return this.setting('setDescription', (c) => {
      c.description = String(description);
    });
  }
  /** An IANA name such as "America/New_York" (V). */
  getTimeZone(): string {
    return this.rec('getTimeZone').timeZone;
  }
  setTimeZone(timeZone: string): this {
    return this.setting('setTimeZone', (c) => {
      c.timeZone = String(timeZone);
    });
  }
  getColor(): string {
    return this.rec('getColor').color;
  }
  setColor(color: string): this {
    return this.setting('setColor', (c) => {
      c.color = String(color);
    });
  }
  isHidden(): boolean {
    return this.rec('isHidden').hidden;
  }
  setHidden(hidden: boolean): this {
    return this.setting('setHidden', (c) => {
      c.hidden = Boolean(hidden);
    });
  }
  isSelected(): boolean {
    return this.rec('isSelected').selected;
  }
  setSelected(selected: boolean): this {
    return this.setting('setSelected', (c) => {
      c.selected = Boolean(selected);
    });
  }
  isMyPrimaryCalendar(): boolean {
    return this.rec('isMyPrimaryCalendar').primary;
  }
  isOwnedByMe(): boolean {
    return this.core.accessOf(this.rec('isOwnedByMe')) === 'owner';
  }
  /** Only an owner may delete, and never the primary calendar (V: "can only delete a calendar they own"). */
  deleteCalendar(): void {
    const c = this.rec('deleteCalendar', 'calendarWrite');
    if (this.core.accessOf(c) !== 'owner' || this.core.isPrimary(c))
      throw new Error('Action not allowed');
    this.core.checkLimits('burstOnly', { kind: 'app' });
    c.deleted = true;
    c.syncEpoch += 1;
    this.core.countWrite('burstOnly');
  }

  private guardCreate(c: CalendarRecord): void {
    this.core.requireWrite(c, { kind: 'app' });
    this.core.checkLimits('createEvent', { kind: 'app' });
  }

  private finishCreate(ev: EventRecord, options: Options | undefined): void {
    // Invitations go out only with sendInvites: true; the default is false (V).
    if (options?.sendInvites === true)
      this.core.invite(
        ev,
        ev.attendees.map((a) => a.email),
      );
    this.core.countWrite('createEvent');
  }

  private baseFields(c: CalendarRecord, title: string, options: Options | undefined) {
    return {
      calendarId: c.id,
      summary: String(title),
      description: options?.description === undefined ? '' : String(options.description),
      location: options?.location === undefined ? '' : String(options.location),
      attendees: guestsOption(options).map((email) => ({ email, responseStatus: 'needsAction' })),
      colorId: '',
      privateProps: {},
      sharedProps: {},
      visibility: 'default',
      creator: this.core.userEmail,
    };
  }

  /** Date arguments are instants; times without a zone are the script's (V). */
  createEvent(
    title: string,
    startTime: GDate,
    endTime: GDate,
    options?: Options,
  ): FakeCalendarEvent {
    const method = `${this.prefix}.createEvent`;
    const c = this.rec('createEvent', 'calendarWrite');
    if (typeof title !== 'string' || !isDate(startTime) || !isDate(endTime)) {
      throw signatureError(method, [title, startTime, endTime]);
    }
    this.guardCreate(c);
    if (endTime.getTime() < startTime.getTime()) throw new Error(START_AFTER_END);
    const ev = this.core.insertEvent({
      ...this.baseFields(c, title, options),
      allDay: false,
      startMs: startTime.getTime(),
      endMs: endTime.getTime(),
      startDate: '',
      endDate: '',
      timeZone: c.timeZone,
      recurrence: [],
    });
    this.finishCreate(ev, options);
    return new FakeCalendarEvent(this.core, c.id, ev.id);
  }

  /**
   * Only the date part is used, read in the SCRIPT's time zone (V/S: the day-early trap when the
   * script and calendar zones differ). With an end date, it is exclusive: 15–17 Aug is created
   * with 15 and 18 Aug (V).
   */
  createAllDayEvent(
    title: string,
    date: GDate,
    endOrOptions?: GDate | Options,
    options?: Options,
  ): FakeCalendarEvent {
    const method = `${this.prefix}.createAllDayEvent`;
    const c = this.rec('createAllDayEvent', 'calendarWrite');
    const endDate = isDate(endOrOptions) ? endOrOptions : undefined;
    const opts = endDate ? options : (endOrOptions as Options | undefined);
    if (typeof title !== 'string' || !isDate(date))
      throw signatureError(method, [title, date, endOrOptions]);
    this.guardCreate(c);
    const start = this.core.scriptDate(date);
    const end = endDate ? this.core.scriptDate(endDate) : addDays(start, 1);
    if (compareDates(end, start) <= 0) throw new Error(START_AFTER_END);
    const ev = this.core.insertEvent({
      ...this.baseFields(c, title, opts),
      allDay: true,
      startMs: 0,
      endMs: 0,
      startDate: formatWallDate(start),
      endDate: formatWallDate(end),
      timeZone: '',
      recurrence: [],
    });
    this.finishCreate(ev, opts);
    return new FakeCalendarEvent(this.core, c.id, ev.id);
  }

  /** Recurs in recurrence.setTimeZone(), else the calendar's zone (V). */
  createEventSeries(
    title: string,
    startTime: GDate,
    endTime: GDate,
    recurrence: FakeEventRecurrence,
    options?: Options,
  ): FakeCalendarEventSeries {
    const method = `${this.prefix}.createEventSeries`;
    const c = this.rec('createEventSeries', 'calendarWrite');
    if (
      typeof title !== 'string' ||
      !isDate(startTime) ||
      !isDate(endTime) ||
      !(recurrence instanceof FakeEventRecurrence)
    ) {
      throw signatureError(method, [title, startTime, endTime, recurrence]);
    }
    this.guardCreate(c);
    if (endTime.getTime() < startTime.getTime()) throw new Error(START_AFTER_END);
    const zone = recurrence.timeZone ?? c.timeZone;
    const w = wallOf(startTime.getTime(), zone);
    const ev = this.core.insertEvent({
      ...this.baseFields(c, title, options),
      allDay: false,
      startMs: startTime.getTime(),
      endMs: endTime.getTime(),
      startDate: '',
      endDate: '',
      timeZone: zone,
      recurrence: recurrence.toLines(
        { allDay: false, zone, scriptZone: this.core.scriptZone() },
        { hour: w.hour, minute: w.minute, second: w.second },
      ),
    });
    this.finishCreate(ev, options);
    return new FakeCalendarEventSeries(this.core, c.id, ev.id);
  }

  createAllDayEventSeries(
    title: string,
    startDate: GDate,
    recurrence: FakeEventRecurrence,
    options?: Options,
  ): FakeCalendarEventSeries {
    const method = `${this.prefix}.createAllDayEventSeries`;
    const c = this.rec('createAllDayEventSeries', 'calendarWrite');
    if (
      typeof title !== 'string' ||
      !isDate(startDate) ||
      !(recurrence instanceof FakeEventRecurrence)
    ) {
      throw signatureError(method, [title, startDate, recurrence]);
    }
    this.guardCreate(c);
    const d = this.core.scriptDate(startDate);
    const ev = this.core.insertEvent({
      ...this.baseFields(c, title, options),
      allDay: true,
      startMs: 0,
      endMs: 0,
      startDate: formatWallDate(d),
      endDate: formatWallDate(addDays(d, 1)),
      timeZone: '',
      recurrence: recurrence.toLines(
        { allDay: true, zone: c.timeZone, scriptZone: this.core.scriptZone() },
        { hour: 0, minute: 0, second: 0 },
      ),
    });
    this.finishCreate(ev, options);
    return new FakeCalendarEventSeries(this.core, c.id, ev.id);
  }

  /**
   * Events (and occurrences of series) overlapping [startTime, endTime) (V). `start`/`max` are
   * applied first, THEN `author`/`search` (V: "filtering ... takes place after applying start and
   * max"). Search: every word must appear in title, description, location or a guest's email
   * (I: Google's full-text search is fuzzier).
   */
  getEvents(startTime: GDate, endTime: GDate, options?: Options): FakeCalendarEvent[] {
    const c = this.rec('getEvents');
    if (!isDate(startTime) || !isDate(endTime)) {
      throw signatureError(`${this.prefix}.getEvents`, [startTime, endTime]);
    }
    return this.collect(c, startTime.getTime(), endTime.getTime(), options);
  }

  /** The date (script zone) is read as midnight to midnight in the calendar's zone (V). */
  getEventsForDay(date: GDate, options?: Options): FakeCalendarEvent[] {
    const c = this.rec('getEventsForDay');
    if (!isDate(date)) throw signatureError(`${this.prefix}.getEventsForDay`, [date]);
    const d = this.core.scriptDate(date);
    return this.collect(
      c,
      midnightIn(d, c.timeZone),
      midnightIn(addDays(d, 1), c.timeZone),
      options,
    );
  }

  private collect(
    c: CalendarRecord,
    fromMs: number,
    toMs: number,
    options: Options | undefined,
  ): FakeCalendarEvent[] {
    if (options?.statusFilters !== undefined) throw notModelled('getEvents statusFilters');
    let list = this.core.overlapping(c.id, fromMs, toMs);
    const first = options?.start === undefined ? 0 : Number(options.start);
    const max = options?.max === undefined ? Infinity : Number(options.max);
    list = list.slice(first, first + max);
    if (options?.author !== undefined)
      list = list.filter((i) => i.ev.creator === String(options.author));
    if (options?.search !== undefined) {
      const words = String(options.search).toLowerCase().split(/\s+/).filter(Boolean);
      list = list.filter((i) => {
        const hay = [
          i.ev.summary,
          i.ev.description,
          i.ev.location,
          ...i.ev.attendees.map((a) => a.email),
        ]
          .join('\n')
          .toLowerCase();
        return words.every((w) => hay.includes(w));
      });
    }
    return list.map((i) => new FakeCalendarEvent(this.core, c.id, i.ev.id, i.occ ? i : undefined));
  }

  /**
   * By iCalUID (what getId() returns) or REST id; null when missing or deleted (V). For a series,
   * the first occurrence (V: "returns only the first event from that series").
   */
  getEventById(iCalId: string): FakeCalendarEvent | null {
    const c = this.rec('getEventById');
    const ev = this.core.liveEvent(c.id, String(iCalId));
    if (!ev) return null;
    if (ev.recurrence.length === 0) return new FakeCalendarEvent(this.core, c.id, ev.id);
    const first = this.core.instances(
      ev,
      this.core.span(ev).startMs,
      this.core.unboundedHorizon(ev),
    )[0];
    return first ? new FakeCalendarEvent(this.core, c.id, ev.id, first) : null;
  }

  /** A series view; for a single event, a series of that one event (V). */
  getEventSeriesById(iCalId: string): FakeCalendarEventSeries | null {
    const c = this.rec('getEventSeriesById');
    const ev = this.core.liveEvent(c.id, String(iCalId));
    return ev ? new FakeCalendarEventSeries(this.core, c.id, ev.id) : null;
  }

  unsubscribeFromCalendar(): void {
    throw notModelled('Calendar.unsubscribeFromCalendar');
  }
  createEventFromDescription(): FakeCalendarEvent {
    throw notModelled('Calendar.createEventFromDescription (Quick Add parsing)');
  }
}

type AppMethods =
  | 'getDefaultCalendar'
  | 'getCalendarById'
  | 'getCalendarsByName'
  | 'getAllCalendars'
  | 'getAllOwnedCalendars'
  | 'getOwnedCalendarById'
  | 'getOwnedCalendarsByName'
  | 'createCalendar'
  | 'newRecurrence'
  | 'getEventById'
  | 'getEventSeriesById'
  | 'createEvent'
  | 'createAllDayEvent'
  | 'createEventSeries'
  | 'createAllDayEventSeries'
  | 'getEvents'
  | 'getEventsForDay'
  | 'getId'
  | 'getName'
  | 'getTimeZone'
  | 'getColor'
  | 'getDescription'
  | 'isHidden'
  | 'isSelected'
  | 'isMyPrimaryCalendar'
  | 'isOwnedByMe';

/** The `CalendarApp` global. Default-calendar shortcuts act on the user's primary calendar (V). */
export class FakeCalendarApp implements Faked<GoogleAppsScript.Calendar.CalendarApp, AppMethods> {
  readonly Color = COLOR;
  readonly EventColor = EVENT_COLOR;
  readonly GuestStatus = GUEST_STATUS;
  readonly Visibility = VISIBILITY;
  readonly Month = MONTH_ENUM;
  readonly Weekday = WEEKDAY_ENUM;
  readonly EventType = { DEFAULT: 'DEFAULT' };

  constructor(private readonly core: CalendarCore) {}

  private count(method: string, kind: Kind = 'calendarRead'): void {
    this.core.runtime.call(`CalendarApp.${method}`, kind);
  }

  /** The default calendar, counted under `CalendarApp.*` (a shortcut is one call, not two). */
  private get primary(): FakeCalendar {
    return new FakeCalendar(this.core, this.core.primary().id, 'CalendarApp');
  }

  private wrap(c: CalendarRecord): FakeCalendar {
    return new FakeCalendar(this.core, c.id);
  }

  private visibleCalendars(): CalendarRecord[] {
    return this.core.state.calendars.filter((c) => !c.deleted && this.core.accessOf(c) !== 'none');
  }

  /** The user's primary calendar; its id is their email (V). */
  getDefaultCalendar(): FakeCalendar {
    this.count('getDefaultCalendar');
    return this.wrap(this.core.primary());
  }
  /** null when unknown or not accessible (V). */
  getCalendarById(id: string): FakeCalendar | null {
    this.count('getCalendarById');
    const c = this.core.visible(String(id));
    return c ? this.wrap(c) : null;
  }
  getCalendarsByName(name: string): FakeCalendar[] {
    this.count('getCalendarsByName');
    return this.visibleCalendars()
      .filter((c) => c.name === name)
      .map((c) => this.wrap(c));
  }
  getAllCalendars(): FakeCalendar[] {
    this.count('getAllCalendars');
    return this.visibleCalendars().map((c) => this.wrap(c));
  }
  getAllOwnedCalendars(): FakeCalendar[] {
    this.count('getAllOwnedCalendars');
    return this.visibleCalendars()
      .filter((c) => this.core.accessOf(c) === 'owner')
      .map((c) => this.wrap(c));
  }
  getOwnedCalendarById(id: string): FakeCalendar | null {
    this.count('getOwnedCalendarById');
    const c = this.core.visible(String(id));
    return c && this.core.accessOf(c) === 'owner' ? this.wrap(c) : null;
  }
  getOwnedCalendarsByName(name: string): FakeCalendar[] {
    this.count('getOwnedCalendarsByName');
    return this.visibleCalendars()
      .filter((c) => this.core.accessOf(c) === 'owner' && c.name === name)
      .map((c) => this.wrap(c));
  }
  /**
   * A new calendar owned by the user (V). Options: timeZone, color, summary (its description),
   * hidden, selected (V). Without timeZone it takes the primary calendar's (I). Calendar creation
   * counts toward the burst limit (S: the message names calendars).
   */
  createCalendar(name: string, options?: Options): FakeCalendar {
    this.count('createCalendar', 'calendarWrite');
    if (typeof name !== 'string') throw signatureError('CalendarApp.createCalendar', [name]);
    this.core.checkLimits('burstOnly', { kind: 'app' });
    const c = this.core.addCalendar({
      name,
      timeZone:
        options?.timeZone === undefined ? this.core.primary().timeZone : String(options.timeZone),
      description: options?.summary === undefined ? '' : String(options.summary),
      color: options?.color === undefined ? undefined : String(options.color),
      hidden: options?.hidden === undefined ? undefined : Boolean(options.hidden),
      selected: options?.selected === undefined ? undefined : Boolean(options.selected),
    });
    this.core.countWrite('burstOnly');
    return this.wrap(c);
  }
  newRecurrence(): FakeEventRecurrence {
    this.count('newRecurrence', 'other');
    return new FakeEventRecurrence(this.core.runtime);
  }
  /** Searches the DEFAULT calendar only (V). */
  getEventById(iCalId: string): FakeCalendarEvent | null {
    return this.primary.getEventById(iCalId);
  }
  getEventSeriesById(iCalId: string): FakeCalendarEventSeries | null {
    return this.primary.getEventSeriesById(iCalId);
  }
  createEvent(
    title: string,
    startTime: GDate,
    endTime: GDate,
    options?: Options,
  ): FakeCalendarEvent {
    return this.primary.createEvent(title, startTime, endTime, options);
  }
  createAllDayEvent(
    title: string,
    date: GDate,
    endOrOptions?: GDate | Options,
    options?: Options,
  ): FakeCalendarEvent {
    return this.primary.createAllDayEvent(title, date, endOrOptions, options);
  }
  createEventSeries(
    title: string,
    startTime: GDate,
    endTime: GDate,
    recurrence: FakeEventRecurrence,
    options?: Options,
  ): FakeCalendarEventSeries {
    return this.primary.createEventSeries(title, startTime, endTime, recurrence, options);
  }
  createAllDayEventSeries(
    title: string,
    startDate: GDate,
    recurrence: FakeEventRecurrence,
    options?: Options,
  ): FakeCalendarEventSeries {
    return this.primary.createAllDayEventSeries(title, startDate, recurrence, options);
  }
  getEvents(startTime: GDate, endTime: GDate, options?: Options): FakeCalendarEvent[] {
    return this.primary.getEvents(startTime, endTime, options);
  }
  getEventsForDay(date: GDate, options?: Options): FakeCalendarEvent[] {
    return this.primary.getEventsForDay(date, options);
  }
  getId(): string {
    return this.primary.getId();
  }
  getName(): string {
    return this.primary.getName();
  }
  getTimeZone(): string {
    return this.primary.getTimeZone();
  }
  getColor(): string {
    return this.primary.getColor();
  }
  getDescription(): string {
    return this.primary.getDescription();
  }
  isHidden(): boolean {
    return this.primary.isHidden();
  }
  isSelected(): boolean {
    return this.primary.isSelected();
  }
  isMyPrimaryCalendar(): boolean {
    return this.primary.isMyPrimaryCalendar();
  }
  isOwnedByMe(): boolean {
    return this.primary.isOwnedByMe();
  }
  subscribeToCalendar(): FakeCalendar {
    throw notModelled('CalendarApp.subscribeToCalendar');
  }
}
