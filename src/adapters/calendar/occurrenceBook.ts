// The plan's series' moved and cancelled occurrences: kept in document properties, brought up to date from the run's reads, Events.instances where there is no other evidence.
import { type EventJson, toExistingEvent } from '../../domain/calendarSync/eventResource';
import type { OccurrenceException } from '../../domain/calendarSync/exceptions';
import {
  applyListed,
  emptyOccurrenceBook,
  exceptionsAmongInstances,
  knownBySeries,
  layoutOf,
  type OccurrenceBook,
  withSeries,
} from '../../domain/calendarSync/occurrenceBook';
import { loadChunked, saveChunked } from '../chunkedProperty';
import type { PropertyStore } from '../google';
import type { CalendarChanges } from './changes';
import { advancedCalendar, type CalendarServices, httpStatus } from './service';

const KEY = 'swp.calendarSync.occurrences';

/** The book of `calendarId`; null when there is none for it (never read, another calendar, damaged). */
export function storedOccurrenceBook(
  store: PropertyStore,
  calendarId: string,
): OccurrenceBook | null {
  const text = loadChunked(store, KEY);
  if (!text) return null;
  try {
    const book = JSON.parse(text) as OccurrenceBook;
    if (book?.calendarId !== calendarId || !book.series || typeof book.series !== 'object')
      return null;
    return book;
  } catch {
    return null;
  }
}

export function saveOccurrenceBook(store: PropertyStore, book: OccurrenceBook): void {
  saveChunked(store, KEY, JSON.stringify(book));
}

/**
 * Every instance of a series, cancelled ones included (`showDeleted`: both readings of Google's
 * reference return them then, docs/google-facts.md), one call per 2,500. [] when the series is gone.
 */
export function seriesInstances(
  services: CalendarServices,
  calendarId: string,
  seriesId: string,
): EventJson[] {
  const events = advancedCalendar(services).Events!;
  const out: EventJson[] = [];
  let pageToken: string | undefined;
  try {
    do {
      const page = events.instances(calendarId, seriesId, {
        showDeleted: true,
        maxResults: 2500,
        ...(pageToken ? { pageToken } : {}),
      });
      for (const item of page.items ?? []) out.push(item as EventJson);
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 410) return [];
    throw error;
  }
  return out;
}

/** A series' moved, changed and cancelled occurrences as Calendar has them now (one read). */
export function readSeriesExceptions(
  services: CalendarServices,
  calendarId: string,
  series: EventJson,
): { items: EventJson[]; exceptions: OccurrenceException[] } {
  const instances = seriesInstances(services, calendarId, series.id ?? '');
  const exceptions = exceptionsAmongInstances(series, instances);
  const keys = new Set(exceptions.map((x) => x.eventId));
  return { items: instances.filter((i) => keys.has(i.id ?? '')), exceptions };
}

/** The plan's series among listed events, by id. */
function planSeries(listed: readonly EventJson[], planKey: string): Map<string, EventJson> {
  const out = new Map<string, EventJson>();
  for (const e of listed) {
    const existing = toExistingEvent(e, planKey);
    if (existing?.recurrence.length && e.id) out.set(e.id, e);
  }
  return out;
}

export interface OccurrenceRead {
  /** The calendar's changes this run read (null: none, as in a preview). */
  changes: CalendarChanges | null;
  /** Write the book back (a sync); a preview or an export only reads it. */
  save: boolean;
  /** Whether `Events.instances` may be called where evidence is missing (not in a preview). */
  readInstances: boolean;
}

/**
 * The moved and cancelled occurrences of the plan's series, by series id, from the book brought up
 * to date: with the run's incremental read and the plan's own list (`listed`), and with
 * `Events.instances` for each series whose layout changed — or for every series when there is no
 * continuous evidence (no book for this calendar yet, or a full read: the first read, a read after
 * a calendar switch, an expired token). A quiet run makes no call of its own.
 */
export function knownOccurrences(
  services: CalendarServices,
  store: PropertyStore,
  calendarId: string,
  planKey: string,
  listed: readonly EventJson[],
  read: OccurrenceRead,
): Map<string, OccurrenceException[]> {
  if (!calendarId) return new Map();
  const stored = storedOccurrenceBook(store, calendarId);
  const series = planSeries(listed, planKey);
  const noEvidence = !stored || !read.changes || read.changes.full;
  let { book, relaid } = applyListed(
    stored ?? emptyOccurrenceBook(calendarId),
    [...(read.changes?.items ?? []), ...listed],
    series,
  );
  const toRead = noEvidence ? [...series.keys()] : [...relaid];
  if (read.readInstances)
    for (const id of toRead) {
      const e = series.get(id);
      if (!e) continue;
      book = withSeries(
        book,
        id,
        layoutOf(e),
        readSeriesExceptions(services, calendarId, e).exceptions,
      );
    }
  if (read.save && (!stored || JSON.stringify(book) !== JSON.stringify(stored)))
    saveOccurrenceBook(store, book);
  return knownBySeries(book);
}

/**
 * Records an imported series' existing exceptions (made before the plan took it in, so no read of
 * the plan's ever tied them to it). Only into a book that exists: without one, the next sync
 * reads every series anyway.
 */
export function recordImportedSeries(
  services: CalendarServices,
  store: PropertyStore,
  calendarId: string,
  series: EventJson,
): void {
  if (!series.recurrence?.length || !series.id) return;
  const stored = storedOccurrenceBook(store, calendarId);
  if (!stored) return;
  const { exceptions } = readSeriesExceptions(services, calendarId, series);
  saveOccurrenceBook(store, withSeries(stored, series.id, layoutOf(series), exceptions));
}
