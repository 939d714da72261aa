// The Advanced Calendar service (REST v3), reached lazily, with its errors turned into plain words.
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

export function errorMessage(error: unknown): string {
  const raw = (error as { message?: unknown } | null)?.message;
  return typeof raw === 'string' ? raw : String(error);
}

/**
 * Limits that end a run (the next run continues): the burst limit on event writes, the daily
 * quota, REST usage limits and rate limits (S: the messages public sync scripts report), and any
 * 403/429 whose reason is a quota. A run that hits one stops writing instead of failing every row.
 */
export function isLimitError(error: unknown): boolean {
  const message = errorMessage(error);
  if (
    /too many|usage limit|quota|rate ?limit|try again later|Service invoked too many times/i.test(
      message,
    )
  )
    return true;
  const status = httpStatus(error);
  return status === 429;
}

/** Apps Script's execution-time limit, should a single call run past it. */
export function isTimeLimitError(error: unknown): boolean {
  return /Exceeded maximum execution time/i.test(errorMessage(error));
}
