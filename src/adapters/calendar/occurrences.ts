// Sets a series' moved and cancelled occurrences on another copy of it (the calendar switch), by instance id.
import { type EventJson, parseRfc3339 } from '../../domain/calendarSync/eventResource';
import { httpStatus } from './service';

type Ev = GoogleAppsScript.Calendar.Schema.Event;

/** The calls this needs of Events (a narrow view, so a test can stand in for Google). */
export type OccurrenceWrites = Pick<
  GoogleAppsScript.Calendar.Collection.EventsCollection,
  'patch' | 'remove' | 'instances'
>;

/**
 * The part of an instance id Google adds to its series' id for one occurrence, from where the rule
 * put it: `_20270301` for an all-day series, `_20270301T140000Z` (UTC) for a timed one
 * (docs/google-facts.md). The copy's occurrences are named the same way after the copy's id.
 */
export function instanceSuffix(original: EventJson['originalStartTime']): string | null {
  if (original?.date && /^\d{4}-\d{2}-\d{2}$/.test(original.date))
    return original.date.replace(/-/g, '');
  const ms = original?.dateTime ? parseRfc3339(original.dateTime) : null;
  if (ms === null) return null;
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** The exception items a calendar lists, by the id of their series. */
export function exceptionItemsBySeries(items: readonly EventJson[]): Map<string, EventJson[]> {
  const out = new Map<string, EventJson[]>();
  for (const e of items) {
    if (!e.recurringEventId || !e.originalStartTime) continue;
    out.set(e.recurringEventId, [...(out.get(e.recurringEventId) ?? []), e]);
  }
  return out;
}

/**
 * What makes the copy's occurrence like the old one: its times, and the title, place and
 * description where the occurrence had its own. The other form of time is cleared (patch merges).
 */
function occurrencePatch(x: EventJson, series: EventJson): Ev {
  const when = (t: EventJson['start']) =>
    (t?.date
      ? { date: t.date, dateTime: null, timeZone: null }
      : { ...t, date: null }) as unknown as Ev['start'];
  const body: Ev = { start: when(x.start), end: when(x.end) };
  if ((x.summary ?? '') !== (series.summary ?? '')) body.summary = x.summary ?? '';
  if ((x.location ?? '') !== (series.location ?? '')) body.location = x.location ?? '';
  if ((x.description ?? '') !== (series.description ?? '')) body.description = x.description ?? '';
  return body;
}

const isNotFound = (error: unknown) => httpStatus(error) === 404;

/**
 * Gives the copy of a series the occurrences moved or cancelled in the old calendar: a cancelled
 * one is deleted from the copy, a changed one patched, each by the instance id Google forms. Should
 * that id be unknown (404), the copy's occurrences are listed once and matched on their original
 * start. Safe to repeat after an interruption: a delete of an occurrence already gone (410, or
 * not listed any more) is done, a second patch writes the same. No mail goes out. Returns how
 * many occurrences it set.
 */
export function carryExceptions(
  events: OccurrenceWrites,
  calendarId: string,
  copyId: string,
  series: EventJson,
  exceptions: readonly EventJson[],
): number {
  let listed: Map<string, string> | null = null;
  /** The copy's occurrences by original start (one list, only when a formed id was not found). */
  const idBySuffix = (suffix: string): string | undefined => {
    if (!listed) {
      listed = new Map();
      let pageToken: string | undefined;
      do {
        const page = events.instances(calendarId, copyId, {
          maxResults: 2500,
          ...(pageToken ? { pageToken } : {}),
        });
        for (const item of (page.items ?? []) as EventJson[]) {
          const s = instanceSuffix(item.originalStartTime ?? item.start);
          if (s && item.id) listed.set(s, item.id);
        }
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
    }
    return listed.get(suffix);
  };
  let done = 0;
  for (const x of exceptions) {
    const suffix = instanceSuffix(x.originalStartTime);
    if (!suffix || !copyId) continue;
    const write = (id: string) => {
      if (x.status !== 'cancelled') {
        events.patch(occurrencePatch(x, series), calendarId, id, { sendUpdates: 'none' });
        return;
      }
      try {
        events.remove(calendarId, id, { sendUpdates: 'none' });
      } catch (error) {
        if (httpStatus(error) !== 410) throw error;
      }
    };
    if (x.status !== 'cancelled' && !(x.start && x.end)) continue;
    try {
      write(`${copyId}_${suffix}`);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      const id = idBySuffix(suffix);
      // Not among the copy's occurrences: a cancelled one is already gone; a changed one has no
      // occurrence to take its place (the copy's rule does not reach it), so it is left.
      if (!id) {
        if (x.status === 'cancelled') done += 1;
        continue;
      }
      write(id);
    }
    done += 1;
  }
  return done;
}
