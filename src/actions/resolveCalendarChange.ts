// The coordinator's choice after an event was changed in Google Calendar: keep the sheet, or pull the change in.
import { acceptCalendarVersion, listPlanEvents } from '../adapters/calendar/events';
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { writeCell } from '../adapters/sheets/cells';
import { toExistingEvent } from '../domain/calendarSync/eventResource';
import { normaliseId } from '../domain/calendarSync/plan';
import { pulledCells } from '../domain/calendarSync/pull';
import { CALENDAR_TAB } from '../domain/schema/tabs';
import { asText } from '../domain/table/cells';
import { literalCell } from '../domain/table/literal';
import type { ConflictChoice, SyncReport } from '../shared/calendarWire';
import { UserError } from '../shared/errors';
import { CALENDAR_TEXT } from '../shared/messages';
import { calendarTabContext, planBasics, targetCalendar } from './calendarContext';
import { runCalendarSync } from './syncCalendar';

/**
 * 'sheet': the next write overwrites the event with the row. 'calendar': the event's title,
 * place and time are written into the row (the coordinator's explicit choice — the only time the
 * add-on writes partner cells), the event is marked as accepted, and a sync brings the rest
 * (description, fingerprint) in line. Either way the answer is the sync's report.
 */
export function resolveCalendarChange(
  services: GoogleServices,
  activityId: string,
  choice: ConflictChoice,
): SyncReport {
  const id = normaliseId(activityId, CALENDAR_TAB.idPrefix ?? 'A');
  if (choice === 'sheet')
    return runCalendarSync(services, { preview: false, run: 'manual', keepSheet: [id] });
  withDocumentLock(
    services.documentLock(),
    () => {
      const basics = planBasics(services);
      const calendar = targetCalendar(basics);
      const ctx = calendarTabContext(basics);
      const record = ctx.tab.records.find(
        (r) => normaliseId(asText(r.cells.id), CALENDAR_TAB.idPrefix ?? 'A') === id,
      );
      if (!record) throw new UserError(CALENDAR_TEXT.noSuchActivity(id));
      const event = listPlanEvents(services, calendar.id, ctx.planKey)
        .map((e) => toExistingEvent(e, ctx.planKey))
        .find((e) => e?.activityId === id);
      if (!event || event.currentCoreHash === event.storedCoreHash)
        throw new UserError(CALENDAR_TEXT.noSuchConflict(id));
      const zone = asText(record.cells.timeZone) || ctx.activity.planZone;
      const cells = pulledCells(event, record.cells, zone, ctx.oracle);
      for (const [key, value] of Object.entries(cells)) {
        const at = ctx.tab.location.index[key];
        if (at < 0) continue;
        writeCell(ctx.tab.sheet, record.row, at + 1, literalCell(value));
      }
      acceptCalendarVersion(services, calendar.id, event.eventId, event.currentCoreHash);
    },
    10_000,
    CALENDAR_TEXT.busy,
  );
  return runCalendarSync(services, { preview: false, run: 'manual' });
}
