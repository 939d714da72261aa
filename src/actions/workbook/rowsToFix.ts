// Check and repair reads the Calendar tab as the sync would and names each row it could not read.
import type { GoogleServices } from '../../adapters/google';
import { parseActivity } from '../../domain/calendarSync/activity';
import { CALENDAR_TAB } from '../../domain/schema/tabs';
import { asText } from '../../domain/table/cells';
import { UserError } from '../../shared/errors';
import type { SetupSummary } from '../../shared/setupWire';
import { calendarTabContext, planBasics } from '../calendarContext';

/**
 * The repair's summary with the Calendar rows that cannot be read ("next Tuesday" in a date), each
 * with the sync's own words; a tab with such rows is no longer "Already in order". Reading costs
 * what a sync's read does (the tab and the partners, one call each), and writes nothing.
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
  if (!rowsToFix.length) return summary;
  const broken = new Set(rowsToFix.map((r) => r.tab));
  return {
    ...summary,
    kept: summary.kept.filter((t) => !broken.has(t.name) && t.key !== CALENDAR_TAB.key),
    rowsToFix,
  };
}
