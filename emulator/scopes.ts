// Which OAuth scopes let each emulated Google call through; a call outside the manifest's fails as on Google.
import { GoogleJsonResponseException } from './calendar/errors';
import type { Runtime, ScopeTarget } from './runtime';

const AUTH = 'https://www.googleapis.com/auth/';
const s = (name: string) => `${AUTH}${name}`;

/**
 * One family of calls and the scopes that allow it (docs/google-facts.md, "OAuth scopes"; each
 * service's reference page lists "Authorization: scripts that use this method require
 * authorization with one or more of the following scopes"). `appCreated` and `owned` allow the
 * call only on a calendar the script created / the user owns (checked once the calendar is known).
 */
interface ScopeRule {
  /** A counted call name prefix (`Session.getActiveUser`) or a REST method prefix (`calendar.events.`). */
  match: string;
  anyOf: readonly string[];
  appCreated?: readonly string[];
  owned?: readonly string[];
  /** Checked when the calendar is resolved (by its REST method name), not at the counted call. */
  perCalendar?: true;
}

const CALENDAR_READ = [s('calendar'), s('calendar.readonly')];

export const SCOPE_RULES: readonly ScopeRule[] = [
  // Built-in services (V: each method's reference page).
  { match: 'SpreadsheetApp.getUi', anyOf: [s('script.container.ui')] },
  { match: 'SpreadsheetApp.Ui.', anyOf: [s('script.container.ui')] },
  { match: 'SpreadsheetApp.Menu.', anyOf: [s('script.container.ui')] },
  { match: 'SpreadsheetApp.', anyOf: [s('spreadsheets.currentonly'), s('spreadsheets')] },
  { match: 'ScriptApp.', anyOf: [s('script.scriptapp')] },
  { match: 'Session.getActiveUser', anyOf: [s('userinfo.email')] },
  { match: 'Session.getEffectiveUser', anyOf: [s('userinfo.email')] },
  // MailApp: both methods name script.send_mail only (V: MailApp reference, "Authorization").
  { match: 'MailApp.', anyOf: [s('script.send_mail')] },
  // FormApp: every method names the `forms` scope (V: Forms reference, "Authorization").
  { match: 'FormApp.', anyOf: [s('forms')] },
  // CalendarApp: the full calendar scope (read-only methods also calendar.readonly) (V).
  { match: 'CalendarApp.', anyOf: [s('calendar')] },
  // Advanced Calendar service (V: Calendar API reference, each method's "Authorization" list).
  {
    match: 'Calendar.CalendarList.',
    anyOf: [...CALENDAR_READ, s('calendar.calendarlist'), s('calendar.calendarlist.readonly')],
  },
  {
    match: 'Calendar.Calendars.insert',
    anyOf: [s('calendar'), s('calendar.calendars'), s('calendar.app.created')],
  },
  { match: 'Calendar.Calendars.', anyOf: [], perCalendar: true },
  {
    match: 'calendar.calendars.get',
    anyOf: [...CALENDAR_READ, s('calendar.calendars'), s('calendar.calendars.readonly')],
    appCreated: [s('calendar.app.created')],
  },
  {
    match: 'calendar.calendars.',
    anyOf: [s('calendar'), s('calendar.calendars')],
    appCreated: [s('calendar.app.created')],
  },
  { match: 'Calendar.Acl.', anyOf: [s('calendar'), s('calendar.acls')] },
  { match: 'Calendar.Events.', anyOf: [], perCalendar: true },
  {
    match: 'calendar.events.list',
    anyOf: [...CALENDAR_READ, s('calendar.events'), s('calendar.events.readonly')],
    appCreated: [s('calendar.app.created')],
    owned: [s('calendar.events.owned'), s('calendar.events.owned.readonly')],
  },
  {
    match: 'calendar.events.get',
    anyOf: [...CALENDAR_READ, s('calendar.events'), s('calendar.events.readonly')],
    appCreated: [s('calendar.app.created')],
    owned: [s('calendar.events.owned'), s('calendar.events.owned.readonly')],
  },
  {
    match: 'calendar.events.',
    anyOf: [s('calendar'), s('calendar.events')],
    appCreated: [s('calendar.app.created')],
    owned: [s('calendar.events.owned')],
  },
];

function ruleFor(method: string): ScopeRule | undefined {
  // (I) Finding out what is missing must work while it is missing: no scope of its own.
  if (method === 'ScriptApp.getAuthorizationInfo') return undefined;
  return SCOPE_RULES.find((r) => method.startsWith(r.match));
}

/** The scopes that allow `method` (on `target`, for per-calendar rules); null: none needed. */
export function allowingScopes(method: string, target?: ScopeTarget): string[] | null {
  const rule = ruleFor(method);
  if (!rule) return null;
  return [
    ...rule.anyOf,
    ...(target?.appCreated ? (rule.appCreated ?? []) : []),
    ...(target?.owned ? (rule.owned ?? []) : []),
  ];
}

/** `Calendar.Acl.list` → `calendar.acl.list`: how Google names the REST call in its error (V). */
function restName(method: string): string {
  const [, resource, verb] = method.split('.');
  if (!method.startsWith('Calendar.') || !verb) return method;
  return `calendar.${resource[0].toLowerCase()}${resource.slice(1)}.${verb}`;
}

/**
 * Makes `runtime` refuse, during add-on executions, every call the granted scopes do not allow:
 * a built-in service throws Apps Script's "Specified permissions are not sufficient" exception, the
 * advanced service a 403 "insufficient authentication scopes" (S: the messages scripts report).
 * Records in `runtime.scopesNeeded` each scope that was the only granted one allowing some call:
 * a manifest scope never needed by any test is one the add-on could do without.
 */
export function enforceScopes(runtime: Runtime, granted: readonly string[]): void {
  const have = new Set(granted);
  runtime.authorizer = (method, target) => {
    const rule = ruleFor(method);
    if (!rule || (rule.perCalendar && target === undefined)) return;
    const allowing = (allowingScopes(method, target) ?? []).filter((x) => have.has(x));
    if (allowing.length === 1) runtime.scopesNeeded.add(allowing[0]);
    if (allowing.length > 0) return;
    runtime.scopeRefusals.push(method);
    if (method.startsWith('calendar.') || method.startsWith('Calendar.'))
      throw new GoogleJsonResponseException(
        restName(method),
        403,
        'insufficientPermissions',
        'Request had insufficient authentication scopes.',
      );
    const wanted = allowingScopes(method, target) ?? [];
    throw new Error(
      `Specified permissions are not sufficient to call ${method}. Required permissions: ${wanted.length > 1 ? `(${wanted.join(' || ')})` : wanted[0]}`,
    );
  };
}
