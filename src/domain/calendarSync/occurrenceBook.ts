// What the plan knows of each series' moved and cancelled occurrences, kept between runs: Google's lists cannot be trusted to return them every time.
import { type EventJson, timingOf } from './eventResource';
import { exceptionOf, keyOf, type OccurrenceException, sortedByOriginal } from './exceptions';

/**
 * Why a book at all: a cancelled occurrence is "only guaranteed" to carry its id, its series' id
 * and its original start (so a list filtered by the plan's private tag may leave it out), a
 * moved one may or may not carry the series' tags, and a full list may leave cancelled ones out
 * (docs/google-facts.md). Google's advice is to store cancelled exceptions "for the lifetime of
 * the parent recurring event"; the book does, for the plan's series, from the evidence each run
 * has: the incremental read, the plan's own list, and `Events.instances` where there is none.
 */
export interface SeriesOccurrences {
  /** The series' layout (start, end, zone, rule) when its exceptions were read: a new one may drop them. */
  layout: string;
  exceptions: OccurrenceException[];
}

export interface OccurrenceBook {
  calendarId: string;
  /** Only series with at least one exception (a series without an entry has none). */
  series: Record<string, SeriesOccurrences>;
}

export const emptyOccurrenceBook = (calendarId: string): OccurrenceBook => ({
  calendarId,
  series: {},
});

/** What decides where a series' occurrences fall: its times, zone and rule (EXDATE lines too). */
export function layoutOf(e: EventJson): string {
  return JSON.stringify([timingOf(e), e.recurrence ?? []]);
}

/**
 * The exceptions of one series among its instances (`Events.instances` with showDeleted): the
 * cancelled ones (stubs), and those whose time or title, place or description is not the
 * series' own. The others are plain occurrences of the rule.
 */
export function exceptionsAmongInstances(
  series: EventJson,
  instances: readonly EventJson[],
): OccurrenceException[] {
  const own = timingOf(series);
  const out: OccurrenceException[] = [];
  for (const item of instances) {
    const x = exceptionOf(item.recurringEventId ? item : { ...item, recurringEventId: series.id });
    if (!x) continue;
    if (x.now && own && !changedOccurrence(item, x, series, own)) continue;
    out.push(x);
  }
  return sortedByOriginal(out);
}

function changedOccurrence(
  item: EventJson,
  x: OccurrenceException,
  series: EventJson,
  own: NonNullable<ReturnType<typeof timingOf>>,
): boolean {
  const now = x.now;
  if (!now) return true;
  if ((item.summary ?? '') !== (series.summary ?? '')) return true;
  if ((item.location ?? '') !== (series.location ?? '')) return true;
  if ((item.description ?? '') !== (series.description ?? '')) return true;
  if (now.allDay || own.allDay || x.original.allDay) {
    if (!(now.allDay && own.allDay && x.original.allDay)) return true;
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    return (
      now.startDate !== x.original.date ||
      days(now.startDate, now.endDate) !== days(own.startDate, own.endDate)
    );
  }
  return now.startMs !== x.original.ms || now.endMs - now.startMs !== own.endMs - own.startMs;
}

/** The book with one series' exceptions replaced (an entry only while it has some). */
export function withSeries(
  book: OccurrenceBook,
  seriesId: string,
  layout: string,
  exceptions: readonly OccurrenceException[],
): OccurrenceBook {
  const series = { ...book.series };
  if (exceptions.length) series[seriesId] = { layout, exceptions: [...exceptions] };
  else delete series[seriesId];
  return { ...book, series };
}

/**
 * The book after what a list returned. Each item that is an occurrence of one of the plan's
 * `series` sets that occurrence (cancelled, moved or changed): the item is at least as new as what
 * the book holds. A series item whose layout is no longer the one its entry was read with is
 * named in `relaid` (its exceptions may be gone: read them again); a cancelled one leaves the
 * book. Entries of series the plan no longer has are dropped.
 */
export function applyListed(
  book: OccurrenceBook,
  items: readonly EventJson[],
  series: ReadonlyMap<string, EventJson>,
): { book: OccurrenceBook; relaid: Set<string> } {
  const entries = new Map(Object.entries(book.series).filter(([id]) => series.has(id)));
  const relaid = new Set<string>();
  for (const item of items) {
    const parent = item.recurringEventId ? series.get(item.recurringEventId) : undefined;
    if (parent && item.recurringEventId) {
      const x = exceptionOf(item);
      if (!x) continue;
      const entry = entries.get(item.recurringEventId) ?? {
        layout: layoutOf(parent),
        exceptions: [],
      };
      const kept = entry.exceptions.filter((y) => keyOf(y.original) !== keyOf(x.original));
      entries.set(item.recurringEventId, { ...entry, exceptions: sortedByOriginal([...kept, x]) });
      continue;
    }
    const entry = item.id ? entries.get(item.id) : undefined;
    if (!entry || !item.id) continue;
    if (item.status === 'cancelled') entries.delete(item.id);
    else if (layoutOf(item) !== entry.layout) relaid.add(item.id);
  }
  return { book: { ...book, series: Object.fromEntries(entries) }, relaid };
}

/** The exceptions the book holds, by series id. */
export function knownBySeries(book: OccurrenceBook): Map<string, OccurrenceException[]> {
  return new Map(Object.entries(book.series).map(([id, entry]) => [id, entry.exceptions]));
}
