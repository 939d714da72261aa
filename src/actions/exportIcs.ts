// exportIcs: the Calendar tab's activities as an .ics file the sidebar offers for download.
import type { GoogleServices } from '../adapters/google';
import { parseActivity } from '../domain/calendarSync/activity';
import { hash } from '../domain/calendarSync/fingerprint';
import { normaliseId } from '../domain/calendarSync/plan';
import { type IcsEntry, icsFileName, icsUid, writeIcs } from '../domain/ics/writeIcs';
import { CALENDAR_TAB } from '../domain/schema/tabs';
import { asText, matchOption } from '../domain/table/cells';
import type { TableRecord } from '../domain/table/records';
import { formatWallDate } from '../domain/time/zones';
import { isValidDate } from '../domain/values';
import type { IcsFile } from '../shared/calendarWire';
import { calendarTabContext, planBasics } from './calendarContext';

/** What a row without an ID says: a sort keeps it, so its UID stays (see icsUid). */
const contentOf = (record: TableRecord) =>
  ['title', 'startDate', 'startTime', 'endDate', 'timeZone']
    .map((key) => {
      const v = record.cells[key];
      return isValidDate(v) ? String(v.getTime()) : asText(v).toLowerCase();
    })
    .join('|');

/**
 * Every row that reads as an activity, cancelled ones included (as STATUS:CANCELLED, so a calendar
 * app that imported them before removes them); drafts and rows to fix are left out and counted.
 */
export function exportIcs(services: GoogleServices): IcsFile {
  const ctx = calendarTabContext(planBasics(services));
  const now = Date.now();
  const entries: IcsEntry[] = [];
  const seen = new Map<string, number>();
  let skippedRows = 0;
  for (const record of ctx.tab.records) {
    const activityId = normaliseId(asText(record.cells.id), CALENDAR_TAB.idPrefix ?? 'A');
    // Two rows saying the same thing get the same content key; their order tells them apart.
    const key = hash(contentOf(record));
    const copies = seen.get(key) ?? 0;
    seen.set(key, copies + 1);
    const uid = icsUid(
      {
        activityId,
        eventId: asText(record.cells.eventId),
        contentKey: copies ? `${key}-${copies + 1}` : key,
      },
      ctx.planKey,
    );
    const cancelled = matchOption(record.cells.status, ['Cancelled'] as const) === 'Cancelled';
    // A cancelled row is read as the activity it was, to say which event is cancelled.
    const readable = cancelled
      ? { ...record, cells: { ...record.cells, status: 'Confirmed' } }
      : record;
    // The ID is quoted in the description; a row the sync has not numbered yet says so.
    const parsed = parseActivity(readable, activityId || 'not numbered yet', ctx.activity);
    if (parsed.kind !== 'event') {
      skippedRows += 1;
      continue;
    }
    const synced = record.cells.lastSynced;
    const unchangedSinceSync =
      isValidDate(synced) && asText(record.cells.syncFingerprint) === parsed.event.fingerprint;
    entries.push({
      event: parsed.event,
      uid,
      cancelled,
      lastModifiedMs: unchangedSinceSync ? synced.getTime() : now,
    });
  }
  const today = formatWallDate(ctx.oracle(now, ctx.sheetZone));
  return {
    fileName: icsFileName(ctx.settings.name, today),
    content: writeIcs(entries, { calendarName: ctx.settings.name, nowMs: now, oracle: ctx.oracle }),
    events: entries.length,
    skippedRows,
  };
}
