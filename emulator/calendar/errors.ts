// Error messages and the advanced-service exception shape, each tagged with its source.

/**
 * CalendarApp write on a calendar the user may only read: the exception scripts report is
 * "Exception: Action not allowed" (S: davepar/gcalendarsync#82, a partner without "make changes to
 * events" permission). `Error.message` carries the part after "Exception: ".
 */
export const ACTION_NOT_ALLOWED = 'Action not allowed';

/** Burst limit on creates/deletes (S: gcalendarsync#20/#52, GAS-ICS-Sync#46, all verbatim). */
export const BURST_MESSAGE =
  'You have been creating or deleting too many calendars or calendar events in a short time. Please try again later.';

/** Daily quota of event creation (S: public sync scripts that test for this exact message). */
export const DAILY_QUOTA_MESSAGE = 'Service invoked too many times for one day: calendar.';

/** CalendarApp.createEvent with end before start: Google throws, wording unverified (I). */
export const START_AFTER_END = 'Event start time must be before event end time.';

/**
 * Using a CalendarEvent object after the event was deleted. Google does not document this (I):
 * the emulator throws so that the add-on never relies on a stale object.
 */
export const EVENT_DELETED = 'Emulator: this event was deleted; its CalendarEvent object is stale.';

/** Using a Calendar object after the calendar was deleted (I, same reasoning). */
export const CALENDAR_DELETED =
  'Emulator: this calendar was deleted; its Calendar object is stale.';

/** Things Google supports that this emulator does not: fail loudly instead of faking. */
export function notModelled(what: string): Error {
  return new Error(`Emulator: ${what} is not modelled.`);
}

/**
 * What an advanced-service call throws on an HTTP error. Apps Script surfaces it as
 * "GoogleJsonResponseException: API call to calendar.events.get failed with error: Not Found"
 * (S: GAS-ICS-Sync#131, #472; YA-GCal-Notion-Sync-Script#3), with `details.code` the HTTP status.
 */
export class GoogleJsonResponseException extends Error {
  readonly details: {
    code: number;
    message: string;
    errors: Array<{ domain: string; reason: string; message: string }>;
  };

  constructor(apiMethod: string, code: number, reason: string, message: string) {
    super(`API call to ${apiMethod} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message, errors: [{ domain: 'calendar', reason, message }] };
  }
}

/** REST error catalogue: [HTTP code, reason, message]. */
export const REST = {
  /** (S: google-api clients, 404 body `{"reason":"notFound","message":"Not Found"}`). */
  notFound: [404, 'notFound', 'Not Found'],
  /** Deleting an already-deleted event (S: GAS-ICS-Sync#472, OutlookGoogleCalendarSync#998). */
  deleted: [410, 'deleted', 'Resource has been deleted'],
  /** Expired/invalid sync token (S: verbatim in many sync clients; 410 GONE is (V)). */
  fullSyncRequired: [
    410,
    'fullSyncRequired',
    'Sync token is no longer valid, a full sync is required.',
  ],
  /** syncToken combined with a restriction (S: reason syncTokenWithRequestRestrictions). */
  syncTokenRestrictions: [
    400,
    'syncTokenWithRequestRestrictions',
    'Sync token cannot be used with other request restrictions.',
  ],
  /** Write on a read-only calendar (S: GAS-ICS-Sync#131, verbatim). */
  writerAccess: [403, 'requiredAccessLevel', 'You need to have writer access to this calendar.'],
  /** ACL change by a non-owner (I, by analogy with the writer message). */
  ownerAccess: [403, 'requiredAccessLevel', 'You need to have owner access to this calendar.'],
  /** Client-chosen id already taken (S: google-api-python-client#210). */
  duplicate: [409, 'duplicate', 'The requested identifier already exists.'],
  /** end before start (S). */
  emptyRange: [400, 'timeRangeEmpty', 'The specified time range is empty.'],
  /** Burst/daily limits through the REST API (S: GAS-ICS-Sync#167, verbatim). */
  usageLimits: [403, 'quotaExceeded', 'Calendar usage limits exceeded.'],
  /** Missing or unparseable start/end (I wording). */
  missingEnd: [400, 'required', 'Missing end time.'],
  missingTimeZone: [400, 'required', 'Missing time zone definition for start time.'],
  badRequest: [400, 'badRequest', 'Bad Request'],
  invalidOrdering: [
    400,
    'badRequest',
    'The requested ordering is not available for the particular query.',
  ],
} as const satisfies Record<string, readonly [number, string, string]>;

export function restError(
  apiMethod: string,
  which: keyof typeof REST,
  message?: string,
): GoogleJsonResponseException {
  const [code, reason, text] = REST[which];
  return new GoogleJsonResponseException(apiMethod, code, reason, message ?? text);
}
