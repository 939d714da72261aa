// Check and repair reads the Calendar tab as the sync would and names each row it could not read.
import type { GoogleServices } from '../../adapters/google';
import { parseActivity } from '../../domain/calendarSync/activity';
import { CALENDAR_TAB } from '../../domain/schema/tabs';
import { asText } from '../../domain/table/cells';
import { UserError } from '../../shared/errors';
import { plural } from '../../shared/plural';
import type { SetupSummary, SetupTabReport } from '../../shared/setupWire';
import { calendarTabContext, planBasics } from '../calendarContext';
import { retypedTimes, writeRetypedTimes } from '../retypeTimes';

/**
 * The repair's summary with the Calendar rows that cannot be read ("next Tuesday" in a date), each
 * with the sync's own words; a tab with such rows is no longer "Already in order". Reading costs
 * what a sync's read does (the tab and the partners, one call each). The only writes are times
 * typed another way ("4pm", "16h"), given their time value as the sync gives them, and said.
 */
export function withRowsToFix(services: GoogleServices, summary: SetupSummary): SetupSummary {
  let ctx: ReturnType<typeof calendarTabContext>;
  try {
    ctx = calendarTabContext(planBasics(services));
  } catch (error) {
    // No Calendar tab or settings (a plan without one): nothing to read.
    if (error instanceof UserError) return summary;
    throw error;
  }
  const rowsToFix = ctx.tab.records.flatMap((record) => {
    const id = asText(record.cells.id);
    const parse = parseActivity(record, id || 'not numbered yet', ctx.activity);
    return parse.kind === 'invalid'
      ? [{ tab: ctx.tab.sheet.getName(), row: record.row, id, message: parse.messages.join(' ') }]
      : [];
  });
  const retyped = writeRetypedTimes(
    ctx,
    retypedTimes(ctx, ctx.tab.raw.rows, ctx.tab.raw.headerRow + 1, ctx.tab.location),
  );
  const told = retyped ? withRetypedTimes(summary, retyped) : summary;
  if (!rowsToFix.length) return told;
  const broken = new Set(rowsToFix.map((r) => r.tab));
  return {
    ...told,
    kept: told.kept.filter((t) => !broken.has(t.name) && t.key !== CALENDAR_TAB.key),
    rowsToFix,
  };
}

/** The Calendar tab moves from "Already in order" to "Updated", saying which times it retyped. */
function withRetypedTimes(summary: SetupSummary, count: number): SetupSummary {
  const detail = `Times typed another way (such as “4pm” or “16h”) now show as the sheet shows times (${plural(count, 'cell')}).`;
  const isCalendar = (t: SetupTabReport) => t.key === CALENDAR_TAB.key;
  const calendar = [...summary.kept, ...summary.updated].find(isCalendar);
  if (!calendar) return summary;
  return {
    ...summary,
    kept: summary.kept.filter((t) => !isCalendar(t)),
    updated: [
      ...summary.updated.filter((t) => !isCalendar(t)),
      { ...calendar, details: [...calendar.details, detail] },
    ],
  };
}
