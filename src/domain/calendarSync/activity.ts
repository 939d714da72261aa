// Turns one Calendar-tab row into the event it asks for, or into messages a partner can act on.

import type { TypedCells } from '../schema/columns';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, CALENDAR_TAB } from '../schema/tabs';
import {
  asBoolean,
  asText,
  asTimeOfDay,
  asWallDate,
  isEmail,
  matchOption,
  quoteCell,
  splitList,
  type TimeOfDay,
  type WallDate,
} from '../table/cells';
import { type TableRecord, typedCells } from '../table/records';
import { localeClock, localeDate, localeDateTime } from '../time/localeDate';
import { parseTypedDate, type TypedDate } from '../time/typedDate';
import { checkZoneName } from '../time/zoneNames';
import {
  addDays,
  formatWallDate,
  resolveWallTime,
  type WallAdjustment,
  type WallTime,
  wallToInstant,
  type ZoneOracle,
} from '../time/zones';
import { isValidDate, ok, type Parsed } from '../values';
import { coreHash, fingerprint } from './fingerprint';
import { parseRecurrence, toRRule } from './recurrence';
import { DEFAULT_COLOR, describeActivity, TYPE_COLORS } from './style';
import type { ActivityParse, Timing } from './types';

export interface PartnerContact {
  /** The Partners-tab row it was read from (where a waiting address came from). */
  row?: number;
  name: string;
  email: string;
  invite: boolean;
}

export interface ActivityContext {
  /** The spreadsheet's zone: a date or time cell holds a Date that shows its wall value in this zone. */
  sheetZone: string;
  /** The plan's zone: the zone wall times are typed in unless the row names another. */
  planZone: string;
  oracle: ZoneOracle;
  partners: PartnerContact[];
  /** Add partners ticked "Calendar invite" as guests of every event. */
  invitePartners: boolean;
  planName: string;
  /** A link to the Calendar tab, for the event description. */
  sheetUrl: string;
  /** True for addresses the coordinator approved; absent: every address counts as approved. */
  approved?: (email: string) => boolean;
  /** Guests per event; the rest wait (absent: no cap). */
  maxGuests?: number;
  /** The spreadsheet's locale: d/m/y or m/d/y for dates typed as text (default en_US). */
  locale?: string;
  /** Today in the spreadsheet's zone: a date typed without a year is the next one from it. */
  today?: WallDate;
}

const HOUR = 3_600_000;

/** The locale a row's sentences write dates in: the spreadsheet's (en_US when a test gives none). */
const sentenceLocale = (context: ActivityContext) => context.locale ?? 'en_US';

function wallOf(date: WallDate, time: TimeOfDay): WallTime {
  return { ...date, hour: time.hour, minute: time.minute, second: 0 };
}

/**
 * Tells the partner what the clock-change rule did to a typed time:
 * "02:30 does not exist on 28.03.2027 in Europe/Berlin (the clocks go forward); the event starts at
 * 03:30." (the day in the spreadsheet locale's short date, as the Start date cell shows it).
 */
function clockChangeNote(
  adjustment: WallAdjustment,
  wall: WallTime,
  zone: string,
  verb: 'starts' | 'ends',
  locale: string,
): string | null {
  if (!adjustment) return null;
  const typed = localeClock(wall);
  const day = localeDate(wall, locale);
  if (adjustment.kind === 'gap')
    return `${typed} does not exist on ${day} in ${zone} (the clocks go forward); the event ${verb} at ${localeClock(adjustment.shown)}.`;
  return `${typed} happens twice on ${day} in ${zone} (the clocks go back); the event ${verb} at the first ${typed}, before the change.`;
}

const sameClock = (a: TimeOfDay, b: TimeOfDay) => a.hour === b.hour && a.minute === b.minute;

/**
 * A Start/End date cell: a Date value is the wall date (and, when not midnight, the time) it shows
 * in the spreadsheet's zone; text is read as partners type it (typedDate.ts: the sheet's locale
 * decides day or month first, a missing year is the next one, a time may follow the date).
 */
function readDateCell(value: unknown, column: string, context: ActivityContext): Parsed<TypedDate> {
  if (isValidDate(value)) {
    const w = context.oracle(value.getTime(), context.sheetZone);
    const time = w.hour === 0 && w.minute === 0 ? null : { hour: w.hour, minute: w.minute };
    return ok({ date: { year: w.year, month: w.month, day: w.day }, time, notes: [] });
  }
  if (typeof value === 'string') {
    const typing = { locale: context.locale ?? 'en_US', today: context.today ?? null };
    const typed = parseTypedDate(value, typing, column);
    if (typed) return typed;
  }
  const plain = asWallDate(
    value,
    context.sheetZone,
    context.oracle,
    column,
    context.locale ?? 'en_US',
  );
  return plain.ok ? ok({ date: plain.value, time: null, notes: [] }) : plain;
}

const dateOrder = (a: WallDate, b: WallDate) =>
  formatWallDate(a) < formatWallDate(b) ? -1 : formatWallDate(a) > formatWallDate(b) ? 1 : 0;

/** Guests of this event, and the addresses held back: not approved yet, or over the cap. */
export interface GuestList {
  guests: string[];
  /** Typed or ticked but not approved by the coordinator: neither invited nor mailed. */
  unapproved: string[];
  /** Approved, but past the cap on guests per event. */
  overCap: string[];
}

/** Guests of this event: emails typed among the participants, plus partners ticked for invites. */
function guestsOf(participants: string[], context: ActivityContext, messages: string[]): GuestList {
  const wanted = new Set<string>();
  for (const item of participants) {
    if (!item.includes('@')) continue;
    if (isEmail(item)) wanted.add(item.toLowerCase());
    else
      messages.push(
        `Participants: ${quoteCell(item)} is not a valid email address. Fix it or write the partner’s name.`,
      );
  }
  if (context.invitePartners) {
    for (const p of context.partners) {
      if (p.invite && isEmail(p.email)) wanted.add(p.email.trim().toLowerCase());
    }
  }
  const sorted = [...wanted].sort();
  const approved = context.approved;
  const ok = approved ? sorted.filter((e) => approved(e)) : sorted;
  const okSet = new Set(ok);
  const cap = context.maxGuests ?? ok.length;
  return {
    guests: ok.slice(0, cap),
    unapproved: sorted.filter((e) => !okSet.has(e)),
    overCap: ok.slice(cap),
  };
}

/** Where the messages and notes of one row's reading go. */
interface Reading {
  messages: string[];
  notes: string[];
}

/** A parse result, or null with its message kept for the row. */
function reader(out: Reading) {
  return <T>(p: { ok: true; value: T } | { ok: false; message: string }): T | null => {
    if (p.ok) return p.value;
    out.messages.push(p.message);
    return null;
  };
}

/** The row's days and clock times as typed, before any zone is applied. */
interface When {
  startDate: WallDate | null;
  endDate: WallDate | null;
  allDay: boolean;
  startTime: TimeOfDay | null;
  endTime: TimeOfDay | null;
}

/**
 * Start and end dates and times, and whether the activity is all day. A date-time in Start date
 * ("3/15/2027 2:00 PM") gives the start time when Start time is empty: never a silent all-day
 * event. A typed Start time wins, and the row says so.
 */
function readWhen(
  c: TypedCells<typeof CALENDAR_TAB>,
  context: ActivityContext,
  out: Reading,
): When {
  const { messages, notes } = out;
  const read = reader(out);
  const empty = (v: unknown) => asText(v) === '';
  const startRead = read(readDateCell(c.startDate, 'Start date', context));
  const endRead = empty(c.endDate) ? null : read(readDateCell(c.endDate, 'End date', context));
  const startDate = startRead?.date ?? null;
  const endDate = empty(c.endDate) ? startDate : (endRead?.date ?? null);
  notes.push(...(startRead?.notes ?? []), ...(endRead?.notes ?? []));
  const allDayTick = read(asBoolean(c.allDay, 'All day'));
  // A checkbox holds TRUE or FALSE; "yes" typed over it is read as meant, and the row says so.
  const allDayText = typeof c.allDay === 'string' ? asText(c.allDay) : '';
  if (allDayTick !== null && allDayText && !/^(true|false)$/i.test(allDayText))
    notes.push(
      `All day holds the text ${quoteCell(allDayText)}, which its checkbox cannot hold: read as ${allDayTick ? 'ticked' : 'not ticked'}. ${allDayTick ? 'Tick the box' : 'Clear the cell'} so everyone sees the same.`,
    );
  const startTimeInDate = startRead?.time ?? null;
  const allDay = allDayTick === true || (empty(c.startTime) && !startTimeInDate);
  const startTime = allDay
    ? null
    : empty(c.startTime)
      ? startTimeInDate
      : read(asTimeOfDay(c.startTime, context.sheetZone, context.oracle, 'Start time'));
  const endTimeInDate = endRead?.time ?? null;
  const endTime = allDay
    ? null
    : empty(c.endTime)
      ? endTimeInDate
      : read(asTimeOfDay(c.endTime, context.sheetZone, context.oracle, 'End time'));
  if (!allDay) {
    if (
      startTimeInDate &&
      startTime &&
      !empty(c.startTime) &&
      !sameClock(startTimeInDate, startTime)
    )
      notes.push(
        `Start date also holds a time (${localeClock(startTimeInDate)}); the Start time ${localeClock(startTime)} was used.`,
      );
    if (endTimeInDate && endTime && !empty(c.endTime) && !sameClock(endTimeInDate, endTime))
      notes.push(
        `End date also holds a time (${localeClock(endTimeInDate)}); the End time ${localeClock(endTime)} was used.`,
      );
  }
  if (allDayTick === false && empty(c.startTime) && !startTimeInDate && !empty(c.endTime))
    messages.push(
      'End time is set but Start time is empty: add a start time, or clear the end time for an all-day activity.',
    );
  return { startDate, endDate, allDay, startTime, endTime };
}

/**
 * The event's timing: all-day wall dates, or instants of wall times in `zone` (the clock-change
 * rule said in the row). Never a zero-length event: an end at or before the start is an error.
 */
function timingOf(when: When, context: ActivityContext, zone: string, out: Reading): Timing | null {
  const { startDate, endDate, allDay, startTime, endTime } = when;
  const { messages, notes } = out;
  const locale = sentenceLocale(context);
  if (!startDate || !endDate) return null;
  if (dateOrder(endDate, startDate) < 0) {
    messages.push(
      `End date ${localeDate(endDate, locale)} is before Start date ${localeDate(startDate, locale)}.`,
    );
    return null;
  }
  if (allDay)
    return {
      allDay: true,
      startDate: formatWallDate(startDate),
      endDate: formatWallDate(addDays(endDate, 1)),
    };
  if (!startTime) return null;
  const startWall = wallOf(startDate, startTime);
  const start = resolveWallTime(context.oracle, startWall, zone);
  const startMs = start.instantMs;
  const startNote = clockChangeNote(start.adjustment, startWall, zone, 'starts', locale);
  let endMs: number;
  let endWall: WallTime;
  let endNote: string | null = null;
  if (endTime) {
    endWall = wallOf(endDate, endTime);
    const end = resolveWallTime(context.oracle, endWall, zone);
    endMs = end.instantMs;
    endNote = clockChangeNote(end.adjustment, endWall, zone, 'ends', locale);
  } else {
    endMs = wallToInstant(context.oracle, wallOf(endDate, startTime), zone) + HOUR;
    const w = context.oracle(endMs, zone);
    endWall = { ...w, second: 0 };
  }
  const adjusted = [startNote, endNote].filter((n): n is string => n !== null);
  const typedEnd = localeDateTime({ ...endWall, ...endDate }, locale);
  const typedStart = localeDateTime(wallOf(startDate, startTime), locale);
  if (endMs < startMs) {
    messages.push(`The activity ends (${typedEnd}) before it starts (${typedStart}).`);
    return null;
  }
  if (endMs === startMs) {
    messages.push(
      adjusted.length
        ? `${adjusted.join(' ')} So the activity would last no time at all: change its start or end time.`
        : `The activity ends (${typedEnd}) when it starts: give it an end time after its start time.`,
    );
    return null;
  }
  notes.push(...adjusted);
  return { allDay: false, startMs, endMs, timeZone: zone, startWall, endWall };
}

/** The row's Time zone when it names a known one, else the plan's (an unknown name is an error). */
function rowZone(
  c: TypedCells<typeof CALENDAR_TAB>,
  context: ActivityContext,
  messages: string[],
): string {
  const zoneText = asText(c.timeZone);
  if (!zoneText) return context.planZone;
  const checked = checkZoneName(zoneText);
  if (checked.ok) return checked.value;
  messages.push(checked.message);
  return context.planZone;
}

/**
 * The time rule (docs/time-zones.md): a date cell is the wall date the sheet shows (read in the
 * spreadsheet's zone); a wall time is read in the row's Time zone, else the plan's zone; all-day
 * activities stay wall dates. The script's zone and the calendar's zone play no part.
 */
export function parseActivity(
  record: TableRecord,
  activityId: string,
  context: ActivityContext,
): ActivityParse {
  // Typed by the Calendar tab's column keys: a misspelt key is a compile error.
  const c = typedCells(CALENDAR_TAB, record);
  const statusText = asText(c.status);
  const status = statusText === '' ? 'Planned' : matchOption(c.status, ACTIVITY_STATUSES);
  if (status === 'Draft') return { kind: 'draft' };
  if (status === 'Cancelled') return { kind: 'cancelled' };
  const messages: string[] = [];
  /** How the row was read when that is not plain from the cells (a clock change, an assumed year). */
  const notes: string[] = [];
  if (status === null)
    messages.push(`Status ${quoteCell(statusText)} is not one of ${ACTIVITY_STATUSES.join(', ')}.`);

  const title = asText(c.title);
  if (!title) messages.push('Title is empty: type the event’s title.');

  const zone = rowZone(c, context, messages);
  const out: Reading = { messages, notes };
  const read = reader(out);
  const when = readWhen(c, context, out);
  const { startDate } = when;
  const timing = timingOf(when, context, zone, out);

  const repeat = read(
    parseRecurrence(c.recurrence, startDate ?? undefined, context.locale ?? 'en_US'),
  );
  if (repeat?.until && startDate && dateOrder(repeat.until, startDate) < 0)
    messages.push(
      `Recurrence ends on ${localeDate(repeat.until, sentenceLocale(context))}, before the Start date ${localeDate(startDate, sentenceLocale(context))}.`,
    );

  const participants = splitList(c.participants);
  const { guests, unapproved, overCap } = guestsOf(participants, context, messages);

  if (messages.length > 0 || !timing || !title) return { kind: 'invalid', messages };

  const type = matchOption(c.type, ACTIVITY_TYPES) ?? asText(c.type);
  const colorId = TYPE_COLORS[type as keyof typeof TYPE_COLORS] ?? DEFAULT_COLOR;
  const location = asText(c.location);
  const description = describeActivity({
    activityId,
    type,
    lead: asText(c.lead),
    participants: participants.filter((p) => !p.includes('@')),
    goal: asText(c.goal),
    outcome: asText(c.outcome),
    output: asText(c.output),
    notes: asText(c.notes),
    planName: context.planName,
    sheetUrl: context.sheetUrl,
  });
  const recurrence = repeat
    ? [toRRule(repeat, timing.allDay ? { allDay: true } : timing, context.oracle)]
    : [];
  const fields = { title, location, description, colorId, timing, recurrence, guests };
  return {
    kind: 'event',
    event: {
      activityId,
      row: record.row,
      ...fields,
      type,
      status: status ?? 'Planned',
      repeat,
      fingerprint: fingerprint(fields),
      coreHash: coreHash(title, location, timing),
      ...(unapproved.length ? { unapprovedGuests: unapproved } : {}),
      ...(overCap.length ? { overCapGuests: overCap } : {}),
      notes,
    },
  };
}
