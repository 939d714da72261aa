// The Advanced Calendar service (REST v3), reached lazily; its errors read in plain words via src/shared/googleErrors.ts.
import { UserError } from '../../shared/errors';
import { CALENDAR_TEXT } from '../../shared/messages';
import type { GoogleServices } from '../google';

/** The `Calendar` global exists only when the manifest enables the advanced service (V). */
export type CalendarServices = Pick<GoogleServices, 'advancedCalendar'>;

export function advancedCalendar(services: CalendarServices): GoogleAppsScript.Calendar {
  const calendar = services.advancedCalendar();
  if (!calendar) throw new UserError(CALENDAR_TEXT.noService);
  return calendar;
}

/** The HTTP status of a GoogleJsonResponseException (details.code), or null for other errors. */
export function httpStatus(error: unknown): number | null {
  const details = (error as { details?: { code?: unknown } } | null)?.details;
  return typeof details?.code === 'number' ? details.code : null;
}

/** Google's text of an error (one definition, shared with the plain-words module). */
export { rawErrorText as errorMessage } from '../../shared/googleErrors';
