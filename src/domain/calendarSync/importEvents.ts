// Events someone else put in the plan's calendar: which ones to propose, and the row each becomes.

import { ACTIVITY_TYPES } from '../schema/tabs';
import { matchOption } from '../table/cells';
import type { TableRecord } from '../table/records';
import { addDays, formatWallDate, pad, type ZoneOracle } from '../time/zones';
import type { PartnerContact } from './activity';
import { type EventJson, TAG, timingOf } from './eventResource';
import { describeRule, type Frequency, parseRecurrence } from './recurrence';
import type { ExistingTiming } from './types';

/** The fields of a listed event an import reads beyond the sync's own. */
export interface ForeignEventJson extends EventJson {
  creator?: { email?: string };
  organizer?: { email?: string };
}

/** One event waiting for the coordinator's answer (kept small: the list lives in document properties). */
export interface Proposal {
  eventId: string;
  title: string;
  timing: ExistingTiming;
  repeats: boolean;
  /** Who made it (the creator's email, else the organiser's), lower-case. */
  by: string;
  /** The event's `updated` stamp when last read. */
  updated: string;
  /**
   * The activity ID the accepted event's row takes, set before the row is written: a retry or the
   * next sync finds that row (never a second one) and finishes the import by tagging the event.
   */
  activityId?: string;
}

/** Proposals of one calendar, and the events the coordinator declined (never proposed again). */
export interface ProposalBook {
  calendarId: string;
  proposals: Proposal[];
  declined: string[];
}

/** At most this many proposals are kept (the oldest go first); the rest wait for the next full read. */
export const MAX_PROPOSALS = 300;
/** At most this many declined event IDs are remembered. */
export const MAX_DECLINED = 2000;

export const emptyBook = (calendarId: string): ProposalBook => ({
  calendarId,
  proposals: [],
  declined: [],
});

/** True for an event carrying any plan's tag: this plan's own, or another plan's sharing the calendar. */
export const isPlanTagged = (e: EventJson) => !!e.extendedProperties?.private?.[TAG.plan];

/**
 * The proposal an event makes, or null: events of a plan (ours or another's), deleted ones, and
 * single occurrences of a series (the series is proposed, not its pieces) are never proposed.
 */
export function toProposal(e: ForeignEventJson): Proposal | null {
  if (!e.id || e.status === 'cancelled' || e.recurringEventId || isPlanTagged(e)) return null;
  const timing = timingOf(e);
  if (!timing) return null;
  return {
    eventId: e.id,
    title: e.summary ?? '',
    timing,
    repeats: (e.recurrence ?? []).some((l) => /^RRULE:/i.test(l)),
    by: (e.creator?.email || e.organizer?.email || '').toLowerCase(),
    updated: e.updated ?? '',
  };
}

/**
 * The book after reading `items` from the calendar. A full read (`full`) lists every live event:
 * a proposal whose event is not among them is dropped. An incremental read lists what changed:
 * a cancelled entry drops its proposal (and its declined mark), a changed event updates its
 * proposal, an event tagged meanwhile (imported, or made by the plan) is no proposal any more.
 * Accepted proposals keep their activity ID. `added` counts events proposed for the first time.
 */
export function applyListing(
  book: ProposalBook,
  items: readonly ForeignEventJson[],
  full: boolean,
): { book: ProposalBook; added: number; changed: boolean } {
  const byId = new Map(book.proposals.map((p) => [p.eventId, p]));
  const declined = new Set(book.declined);
  const seen = new Set<string>();
  let added = 0;
  let changed = false;
  for (const e of items) {
    if (!e.id || e.recurringEventId) continue;
    seen.add(e.id);
    const next = toProposal(e);
    const before = byId.get(e.id);
    if (!next) {
      if (before) {
        byId.delete(e.id);
        changed = true;
      }
      if (e.status === 'cancelled' && declined.delete(e.id)) changed = true;
      continue;
    }
    if (declined.has(e.id)) continue;
    if (!before) added += 1;
    const merged = before?.activityId ? { ...next, activityId: before.activityId } : next;
    if (JSON.stringify(before) !== JSON.stringify(merged)) changed = true;
    byId.set(e.id, merged);
  }
  if (full) {
    for (const id of [...byId.keys()])
      if (!seen.has(id) && !byId.get(id)?.activityId) {
        byId.delete(id);
        changed = true;
      }
    for (const id of [...declined])
      if (!seen.has(id)) {
        declined.delete(id);
        changed = true;
      }
  }
  const proposals = [...byId.values()];
  return {
    book: {
      calendarId: book.calendarId,
      proposals: proposals.slice(Math.max(0, proposals.length - MAX_PROPOSALS)),
      declined: [...declined].slice(-MAX_DECLINED),
    },
    added,
    changed,
  };
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const PARTS_WORDS_SAY = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'WKST']);

/** A wall date from an RRULE UNTIL (a DATE, or a UTC date-time read in `zone`). */
function untilDate(value: string, zone: string, oracle: ZoneOracle) {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!m) return null;
  if (!m[4]) return { year: +m[1], month: +m[2], day: +m[3] };
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  const w = oracle(ms, zone);
  return { year: w.year, month: w.month, day: w.day };
}

/**
 * The Recurrence cell for an event's RRULE: the tab's words when they say the same ("Every 2
 * weeks, 10 times"; Google's BYDAY=TU on a Tuesday event adds nothing), else the RRULE itself,
 * which the cell holds as it is. `start` is the first day in the zone the row's times are in.
 */
export function recurrenceCell(
  lines: readonly string[],
  start: { year: number; month: number; day: number },
  zone: string,
  oracle: ZoneOracle,
  /** The sheet's locale: the words write an end date in its short date, which the column reads back. */
  locale = 'en_US',
): string {
  const rule = lines.find((l) => /^RRULE:/i.test(l));
  if (!rule) return '';
  const raw = rule.trim().toUpperCase();
  const fields = new Map(
    raw
      .slice(6)
      .split(';')
      .filter(Boolean)
      .map((p) => [p.split('=')[0], p.split('=')[1] ?? ''] as const),
  );
  const freq = fields.get('FREQ') as Frequency | undefined;
  const weekday = WEEKDAYS[new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay()];
  const redundant = (key: string, value: string) =>
    (key === 'BYDAY' && freq === 'WEEKLY' && value === weekday) ||
    (key === 'BYMONTHDAY' && (freq === 'MONTHLY' || freq === 'YEARLY') && +value === start.day) ||
    (key === 'BYMONTH' && freq === 'YEARLY' && +value === start.month);
  const sayable = [...fields].every(([k, v]) => PARTS_WORDS_SAY.has(k) || redundant(k, v));
  const interval = Number(fields.get('INTERVAL') ?? 1);
  const count = fields.has('COUNT') ? Number(fields.get('COUNT')) : undefined;
  const until = fields.has('UNTIL') ? untilDate(fields.get('UNTIL') ?? '', zone, oracle) : null;
  const wordsFit =
    sayable &&
    freq !== undefined &&
    ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq) &&
    Number.isInteger(interval) &&
    interval >= 1 &&
    interval <= 52 &&
    (count === undefined || (Number.isInteger(count) && count >= 1 && count <= 730)) &&
    !(fields.has('UNTIL') && !until) &&
    !(count !== undefined && until);
  if (wordsFit) {
    const words = describeRule(
      {
        freq,
        interval,
        ...(count !== undefined ? { count } : {}),
        ...(until ? { until } : {}),
      },
      locale,
    );
    // Only words the Recurrence column reads back as the same rule.
    const back = parseRecurrence(words, start, locale);
    if (back.ok && back.value && !back.value.rrule) return words;
  }
  return raw;
}

/**
 * The lead partner and activity type guessed from who made the event: the partner whose email is
 * the creator's (or organiser's), and the type that partner's activities have most often.
 */
export function guessLead(
  by: readonly string[],
  partners: readonly PartnerContact[],
  records: readonly TableRecord[],
): { lead: string; type: string } {
  const emails = by.map((e) => e.trim().toLowerCase()).filter(Boolean);
  const partner = partners.find((p) => p.name && emails.includes(p.email.trim().toLowerCase()));
  if (!partner) return { lead: '', type: '' };
  const counts = new Map<string, number>();
  for (const r of records) {
    if (String(r.cells.lead ?? '').trim() !== partner.name) continue;
    const type = matchOption(r.cells.type, ACTIVITY_TYPES);
    if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const type = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { lead: partner.name, type };
}

const NOTES_LIMIT = 49_000;

export interface ImportContext {
  /** The zone the row's wall times are read in when its Time zone cell is empty (the plan's). */
  planZone: string;
  oracle: ZoneOracle;
  partners: readonly PartnerContact[];
  records: readonly TableRecord[];
  /** The sheet's locale (default en_US). */
  locale?: string;
}

/**
 * The partner-typed cells of the row an event becomes, as text (ISO dates, 24-hour times, as a
 * pulled change is written). Times are the plan zone's wall times, so the row asks for the very
 * instants the event has; a repeating event in another zone keeps its own zone in the Time zone
 * cell (a series is anchored to its zone's clock across daylight-saving changes).
 */
export function importedCells(e: ForeignEventJson, context: ImportContext): Record<string, string> {
  const timing = timingOf(e);
  if (!timing) throw new Error(`Event ${e.id} has no start or end.`);
  const recurrence = e.recurrence ?? [];
  const repeats = recurrence.some((l) => /^RRULE:/i.test(l));
  const { lead, type } = guessLead(
    [e.creator?.email ?? '', e.organizer?.email ?? ''],
    context.partners,
    context.records,
  );
  const cells: Record<string, string> = {
    title: e.summary ?? '',
    type,
    location: e.location ?? '',
    lead,
    // A cell holds at most 50,000 characters (V): a longer description is cut, never refused.
    notes: (e.description ?? '').slice(0, NOTES_LIMIT),
    status: 'Planned',
    timeZone: '',
    allDay: '',
    startTime: '',
    endTime: '',
    endDate: '',
  };
  if (timing.allDay) {
    const [y, m, d] = timing.endDate.split('-').map(Number);
    const last = formatWallDate(addDays({ year: y, month: m, day: d }, -1));
    const [sy, sm, sd] = timing.startDate.split('-').map(Number);
    cells.startDate = timing.startDate;
    cells.endDate = last === timing.startDate ? '' : last;
    cells.recurrence = recurrenceCell(
      recurrence,
      { year: sy, month: sm, day: sd },
      context.planZone,
      context.oracle,
      context.locale,
    );
    return cells;
  }
  const own = timing.timeZone;
  const zone = repeats && own && own !== context.planZone ? own : context.planZone;
  if (zone !== context.planZone) cells.timeZone = zone;
  const s = context.oracle(timing.startMs, zone);
  const en = context.oracle(timing.endMs, zone);
  cells.startDate = formatWallDate(s);
  cells.startTime = `${pad(s.hour)}:${pad(s.minute)}`;
  const endDate = formatWallDate(en);
  cells.endDate = endDate === cells.startDate ? '' : endDate;
  cells.endTime = `${pad(en.hour)}:${pad(en.minute)}`;
  cells.recurrence = recurrenceCell(recurrence, s, zone, context.oracle, context.locale);
  return cells;
}
