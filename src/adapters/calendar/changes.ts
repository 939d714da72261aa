// The whole calendar read incrementally with a sync token: what changed since the last run.
import type { ForeignEventJson } from '../../domain/calendarSync/importEvents';
import type { PropertyStore } from '../google';
import { advancedCalendar, type CalendarServices, httpStatus } from './service';

/** (V) events.list returns at most 2,500 items a page. */
const PAGE = 2500;
/** Sync tokens by calendar ID (one JSON value; a few calendars at most, ~200 characters each). */
const TOKENS_KEY = 'swp.calendarImport.syncTokens';
const KEEP_TOKENS = 5;

export interface CalendarChanges {
  items: ForeignEventJson[];
  /** True when this was a full read (no token yet, or Google said the token had expired: 410). */
  full: boolean;
  /** Google's next sync token: store it (saveSyncToken) once what was read is kept. */
  nextSyncToken: string | null;
}

function loadTokens(store: PropertyStore): Record<string, string> {
  try {
    const parsed = JSON.parse(store.getProperty(TOKENS_KEY) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {}; // A damaged value costs one full read.
  }
}

export function saveSyncToken(store: PropertyStore, calendarId: string, token: string): void {
  const tokens = loadTokens(store);
  if (tokens[calendarId] === token) return;
  delete tokens[calendarId];
  const kept = Object.entries(tokens).slice(-(KEEP_TOKENS - 1));
  store.setProperty(TOKENS_KEY, JSON.stringify(Object.fromEntries([...kept, [calendarId, token]])));
}

/** Forgets a calendar's token: the next read is a full one. */
export function dropSyncToken(store: PropertyStore, calendarId: string): void {
  const tokens = loadTokens(store);
  if (!(calendarId in tokens)) return;
  delete tokens[calendarId];
  store.setProperty(TOKENS_KEY, JSON.stringify(tokens));
}

/**
 * Every event of the calendar changed since the stored token (deleted ones as cancelled entries),
 * one Events.list call per 2,500; the first time, or after Google answers 410 GONE (the token
 * expired), every live event in a full read (V: "Synchronize resources efficiently"). A request
 * with a sync token may not restrict the listing (no privateExtendedProperty, timeMin, q,
 * orderBy…: 400), so this read is of the whole calendar. The caller stores the new token after
 * keeping what it read: an interrupted run reads the same changes again.
 */
export function listChanges(
  services: CalendarServices,
  store: PropertyStore,
  calendarId: string,
): CalendarChanges {
  const token = loadTokens(store)[calendarId];
  if (token) {
    try {
      return readAll(services, calendarId, token);
    } catch (error) {
      if (httpStatus(error) !== 410) throw error;
    }
  }
  return readAll(services, calendarId, undefined);
}

function readAll(
  services: CalendarServices,
  calendarId: string,
  syncToken: string | undefined,
): CalendarChanges {
  const events = advancedCalendar(services).Events!;
  const items: ForeignEventJson[] = [];
  let pageToken: string | undefined;
  let next: string | undefined;
  do {
    const page = events.list(calendarId, {
      maxResults: PAGE,
      ...(syncToken ? { syncToken } : {}),
      ...(pageToken ? { pageToken } : {}),
    });
    for (const item of page.items ?? []) items.push(item as ForeignEventJson);
    pageToken = page.nextPageToken ?? undefined;
    next = page.nextSyncToken ?? undefined;
  } while (pageToken);
  return { items, full: !syncToken, nextSyncToken: next ?? null };
}
