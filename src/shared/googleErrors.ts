// Google's errors in plain words: what happened and what to do, for row statuses, reports and the Sync Log's summary.

/** What kind of trouble an error from Calendar or Sheets is, as far as the coordinator is concerned. */
export type GoogleErrorKind =
  | 'slowDown'
  | 'dailyLimit'
  | 'timeLimit'
  | 'noPermission'
  | 'notFound'
  | 'gone'
  | 'temporary'
  | 'timeZone'
  | 'badTimes'
  | 'refused'
  | 'unknown';

export interface PlainError {
  kind: GoogleErrorKind;
  /** The sentence people read. */
  sentence: string;
  /** Google's own words, for the Sync Log's Details column only. */
  raw: string;
  /** The run cannot go on (a limit): it stops and the next run continues. */
  stopsRun: boolean;
}

/** Where the error struck: a write fails one row; anywhere else (reading the calendar, say) it stops the run. */
export type ErrorWhen = 'run' | 'write';

const SENTENCES: Record<GoogleErrorKind, (when: ErrorWhen) => string> = {
  slowDown: (when) =>
    when === 'run'
      ? 'Google Calendar asked us to slow down, so the sync stopped. Run it again in a few minutes (the hourly sync, if on, does it by itself); it continues where it stopped, without duplicates.'
      : 'Google Calendar asked us to slow down; the rest will sync in the next run.',
  dailyLimit: () =>
    'Google Calendar’s daily limit for this account is used up; the rest syncs once Google resets it, within a day.',
  timeLimit: () => 'the 6-minute time limit was near',
  noPermission: () =>
    'Google refused the change: your account may only view this calendar. Ask its owner to share it with you with “Make changes to events”, or choose another calendar in Calendar sync…',
  notFound: (when) =>
    when === 'run'
      ? 'Google Calendar could not find the chosen calendar (deleted, or no longer shared with you). Open Calendar sync… and choose or create another calendar.'
      : 'Google Calendar could not find this event (deleted in Calendar?); the next sync creates it again.',
  gone: () => 'This event was deleted in Google Calendar; the next sync creates it again.',
  temporary: (when) =>
    when === 'run'
      ? 'Google had a temporary problem, so the sync stopped. Run it again in a few minutes; it continues where it stopped, without duplicates.'
      : 'Google Calendar had a temporary problem with this event; the next sync tries again.',
  timeZone: () =>
    'Google Calendar did not accept the time zone: type a region name such as Europe/Paris or America/New_York in the Time zone column (or clear it to use the plan’s zone).',
  badTimes: () =>
    'Google Calendar refused the event’s times: the end must come after the start. Check the row’s dates and times.',
  refused: () =>
    'Google Calendar refused the event as the row describes it; check the row (Google’s words are in the Sync Log).',
  unknown: (when) =>
    when === 'run'
      ? 'The sync stopped on an error from Google. Run it again in a few minutes; it continues where it stopped (Google’s words are in the Sync Log).'
      : 'Google Calendar could not save this change; the next sync tries again (Google’s words are in the Sync Log).',
};

/** Google's text of an error (Apps Script puts it in `message`). */
export function rawErrorText(error: unknown): string {
  const raw = (error as { message?: unknown } | null)?.message;
  return typeof raw === 'string' ? raw : String(error);
}

interface Details {
  code?: unknown;
  errors?: Array<{ reason?: unknown }>;
}

const detailsOf = (error: unknown): Details =>
  (error as { details?: Details } | null)?.details ?? {};

/**
 * The kind of a Calendar or Sheets error, from the HTTP status and reason of a
 * GoogleJsonResponseException (Advanced Calendar service) or the message of a CalendarApp /
 * SpreadsheetApp exception (the texts public sync scripts report; see emulator/calendar/errors.ts).
 * Null for errors that are not Google's (a bug in the add-on stays a bug).
 */
export function googleErrorKind(error: unknown): GoogleErrorKind | null {
  const text = rawErrorText(error);
  const details = detailsOf(error);
  const code = typeof details.code === 'number' ? details.code : null;
  const reason = String(details.errors?.[0]?.reason ?? '');
  if (/Exceeded maximum execution time/i.test(text)) return 'timeLimit';
  if (/for one day|daily|dailyLimitExceeded/i.test(`${text} ${reason}`)) return 'dailyLimit';
  if (
    code === 429 ||
    /rateLimitExceeded|userRateLimitExceeded|quotaExceeded/i.test(reason) ||
    /too many|rate ?limit|usage limit|quota|try again later|slow down/i.test(text)
  )
    return 'slowDown';
  if (/time ?zone/i.test(text) && (code === 400 || /invalid|unknown|missing/i.test(text)))
    return 'timeZone';
  if (/timeRangeEmpty/i.test(reason) || /time range is empty|start time must be before/i.test(text))
    return 'badTimes';
  if (
    code === 403 ||
    /requiredAccessLevel|forbidden/i.test(reason) ||
    /Action not allowed|writer access|owner access|permission|forbidden/i.test(text)
  )
    return 'noPermission';
  if (code === 404 || /Not Found/i.test(text)) return 'notFound';
  if (code === 410 || /has been deleted/i.test(text)) return 'gone';
  if (
    (code !== null && code >= 500) ||
    /backendError|internalError/i.test(reason) ||
    /Service (Unavailable|error)|Internal error|Backend Error|timed out|temporarily|Service Spreadsheets|Service Calendar/i.test(
      text,
    )
  )
    return 'temporary';
  if (code === 400) return 'refused';
  if (code !== null || /^(API call to|Exception:)|GoogleJsonResponseException/i.test(text))
    return 'unknown';
  return null;
}

/** An error from Google as people read it; an error that is not Google's reads as 'unknown'. */
export function plainGoogleError(error: unknown, when: ErrorWhen): PlainError {
  const kind = googleErrorKind(error) ?? 'unknown';
  return {
    kind,
    sentence: SENTENCES[kind](when),
    raw: rawErrorText(error),
    stopsRun: kind === 'slowDown' || kind === 'dailyLimit' || kind === 'timeLimit',
  };
}

/** A sentence's first letter in capitals ("set-up stopped" → "Set-up stopped"). */
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What a run that writes the plan (set-up, the check and repair, a build) says when Google fails
 * it, `what` being the run in words ("building the asset map"). Each of these runs is safe to run
 * again, and none loses what partners typed, so every sentence ends in what to do next.
 */
const RUN_SENTENCES: Record<GoogleErrorKind, (what: string) => string> = {
  slowDown: (what) =>
    `Google asked us to slow down, so ${what} stopped before it finished. Nothing typed was lost: run it again in a few minutes.`,
  dailyLimit: (what) =>
    `Google’s daily limit for this account is used up, so ${what} stopped before it finished. Nothing typed was lost: run it again tomorrow.`,
  timeLimit: (what) =>
    `${capitalised(what)} reached Google’s 6-minute limit and stopped before it finished. Nothing typed was lost: run it again and it carries on.`,
  noPermission: (what) =>
    `Google refused a change to the spreadsheet (your account may only view it, or a protected range blocks the change), so ${what} stopped. Ask the spreadsheet’s owner for edit access, then run it again.`,
  notFound: (what) =>
    `Google could not find part of the spreadsheet (a tab deleted while it ran?), so ${what} stopped before it finished. Nothing typed was lost: run it again.`,
  gone: (what) => RUN_SENTENCES.notFound(what),
  temporary: (what) =>
    `Google Sheets had a temporary problem, so ${what} stopped before it finished. Nothing typed was lost: run it again in a few minutes.`,
  timeZone: (what) => RUN_SENTENCES.unknown(what),
  badTimes: (what) => RUN_SENTENCES.unknown(what),
  refused: (what) => RUN_SENTENCES.unknown(what),
  unknown: (what) =>
    `${capitalised(what)} stopped on an error from Google before it finished. Nothing typed was lost: run it again in a few minutes.`,
};

/** A Google error that ended a run writing the plan, as people read it; Google's words kept for the log. */
export function plainRunError(error: unknown, what: string): PlainError {
  const kind = googleErrorKind(error) ?? 'unknown';
  return {
    kind,
    sentence: RUN_SENTENCES[kind](what),
    raw: rawErrorText(error),
    stopsRun: true,
  };
}
