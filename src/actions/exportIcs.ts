// exportIcs: the Calendar tab's activities as an .ics file the sidebar offers for download.
import type { GoogleServices } from '../adapters/google';
import { parseActivity } from '../domain/calendarSync/activity';
import { normaliseId } from '../domain/calendarSync/plan';
import type { DesiredEvent } from '../domain/calendarSync/types';
import { icsFileName, writeIcs } from '../domain/ics/writeIcs';
import { CALENDAR_TAB } from '../domain/schema/tabs';
import { asText } from '../domain/table/cells';
import type { IcsFile } from '../shared/calendarWire';
import { calendarTabContext, planBasics } from './calendarContext';

/** Valid, not draft, not cancelled rows; rows without an ID yet use their row number in the UID. */
export function exportIcs(services: GoogleServices): IcsFile {
  const ctx = calendarTabContext(planBasics(services));
  const events: DesiredEvent[] = [];
  let skippedRows = 0;
  for (const record of ctx.tab.records) {
    const id =
      normaliseId(asText(record.cells.id), CALENDAR_TAB.idPrefix ?? 'A') || `R${record.row}`;
    const parsed = parseActivity(record, id, ctx.activity);
    if (parsed.kind === 'event') events.push(parsed.event);
    else skippedRows += 1;
  }
  const now = Date.now();
  return {
    fileName: icsFileName(ctx.settings.name, now),
    content: writeIcs(events, {
      calendarName: ctx.settings.name,
      planKey: ctx.planKey,
      nowMs: now,
      oracle: ctx.oracle,
    }),
    events: events.length,
    skippedRows,
  };
}
