// The coordinator's approved people: who may be shared with and invited, and what waits for approval.
import { APPROVALS_KEY, loadApprovals, saveApprovals } from '../adapters/approvals';
import { removeReaderRules, shareWithPartners } from '../adapters/calendar/target';
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { loadSettings } from '../adapters/settings';
import type { PartnerContact } from '../domain/calendarSync/activity';
import { CAPS } from '../domain/calendarSync/caps';
import {
  type ApprovalBook,
  approve,
  type FoundEmail,
  isApproved,
  normaliseEmail,
  unapprove,
} from '../domain/people/approvals';
import { CALENDAR_TAB, PARTNERS_TAB } from '../domain/schema/tabs';
import { asText, isEmail, splitList } from '../domain/table/cells';
import type { TableRecord } from '../domain/table/records';
import { localeDate } from '../domain/time/localeDate';
import type { ApprovalsState } from '../shared/approvalsWire';
import { UserError } from '../shared/errors';
import { DEFAULT_CALENDAR_SETTINGS, type PlanSettings } from '../shared/settings';
import { requireSettingsOwner, settingsOwner } from './authority';
import { planBasics } from './calendarContext';

export { APPROVALS_KEY };

/** Every email typed in the Partners tab or among an activity's Participants, with where (tab key, row). */
export function foundEmails(
  partners: readonly PartnerContact[],
  activities: readonly TableRecord[],
): FoundEmail[] {
  const found: FoundEmail[] = [];
  for (const p of partners) {
    if (isEmail(p.email))
      found.push({
        email: p.email,
        source: { tab: PARTNERS_TAB.key, row: p.row ?? 0, activityId: '' },
      });
  }
  for (const r of activities) {
    for (const item of splitList(r.cells.participants)) {
      if (isEmail(item))
        found.push({
          email: item,
          source: { tab: CALENDAR_TAB.key, row: r.row, activityId: asText(r.cells.id) },
        });
    }
  }
  return found;
}

/**
 * Brings the calendar's reader rules in step with the approved partners: shares with each approved
 * partner email (when sharing is on) and removes the rules the add-on added for anyone no longer
 * approved, no longer a partner, or for everyone once sharing is off. Rules others made stay.
 */
export function keepSharingInStep(
  services: GoogleServices,
  calendarId: string,
  book: ApprovalBook,
  partnerEmails: readonly string[],
  share: boolean,
): { book: ApprovalBook; problems: string[] } {
  const wanted = share ? partnerEmails.map(normaliseEmail).filter((e) => isApproved(book, e)) : [];
  const ours = book.shared.filter((s) => s.calendar === calendarId).map((s) => s.email);
  const stale = ours.filter((e) => !wanted.includes(e));
  const gone = stale.length
    ? removeReaderRules(services, calendarId, stale)
    : { removed: [], problems: [] };
  const added = wanted.length
    ? shareWithPartners(services, calendarId, wanted)
    : { shared: [], problems: [] };
  if (!gone.removed.length && !added.shared.length)
    return { book, problems: gone.problems.concat(added.problems) };
  const removed = new Set(gone.removed);
  const shared = [
    ...book.shared.filter((s) => s.calendar !== calendarId || !removed.has(s.email)),
    ...added.shared.map((email) => ({ calendar: calendarId, email })),
  ];
  return { book: { ...book, shared }, problems: [...gone.problems, ...added.problems] };
}

function settingsOf(services: GoogleServices): PlanSettings | null {
  return loadSettings(services.documentProperties());
}

/** A moment as the spreadsheet's day in its locale's short date (the zone and locale read once). */
function sheetDay(services: GoogleServices): (ms: number) => string {
  const { spreadsheet, oracle, sheetZone } = planBasics(services);
  const locale = spreadsheet.getSpreadsheetLocale();
  return (ms) => localeDate(oracle(ms, sheetZone), locale);
}

function stateOf(
  services: GoogleServices,
  book: ApprovalBook,
  problems: string[] = [],
): ApprovalsState {
  const settings = settingsOf(services);
  const owner = settings ? settingsOwner(settings) : null;
  const entries = Object.entries(book.approved);
  const day = entries.length ? sheetDay(services) : () => '';
  return {
    approved: entries
      .map(([email, a]) => ({ email, by: a.by, at: a.at, on: day(a.at) }))
      .sort((a, b) => a.email.localeCompare(b.email)),
    waiting: Object.entries(book.waiting)
      .map(([email, w]) => ({ email, sources: w.sources, firstSeen: w.firstSeen }))
      .sort((a, b) => a.firstSeen - b.firstSeen || a.email.localeCompare(b.email)),
    caps: CAPS,
    owner,
    canChange: owner === null || owner === normaliseEmail(services.userEmail()),
    problems,
  };
}

/** Sidebar: the approved people and those waiting for approval. */
export function approvalsState(services: GoogleServices): ApprovalsState {
  return stateOf(services, loadApprovals(services.documentProperties()));
}

function checkedEmails(emails: readonly string[]): string[] {
  const bad = emails.filter((e) => !isEmail(e.trim()));
  if (bad.length) throw new UserError(`Not an email address: ${bad.join(', ')}.`);
  return [...new Set(emails.map(normaliseEmail))];
}

/** An authority change: only the settings owner, under the document lock (one change at a time). */
function change(
  services: GoogleServices,
  edit: (book: ApprovalBook, settings: PlanSettings) => { book: ApprovalBook; problems: string[] },
): ApprovalsState {
  const settings = settingsOf(services) ?? {
    name: '',
    purpose: '',
    coordinator: '',
    coordinatorEmail: '',
    timeZone: '',
    calendar: { ...DEFAULT_CALENDAR_SETTINGS },
    schemaVersion: 0,
  };
  requireSettingsOwner(services, settings, 'approvals');
  return withDocumentLock(
    services.documentLock(),
    () => {
      const store = services.documentProperties();
      const { book, problems } = edit(loadApprovals(store), settings);
      saveApprovals(store, book);
      return stateOf(services, book, problems);
    },
    10_000,
    'Someone else is changing approvals or syncing the calendar right now. Try again in a minute.',
  );
}

/** Sidebar: approves addresses; the next sync shares with and invites them. */
export function approvePeople(services: GoogleServices, emails: readonly string[]): ApprovalsState {
  const list = checkedEmails(emails);
  return change(services, (book) => ({
    book: approve(book, list, normaliseEmail(services.userEmail()), Date.now()),
    problems: [],
  }));
}

/**
 * Sidebar: takes approvals back. The reader rules the add-on added for them go at once (the
 * owner is the one asking, with access to the calendar); they stop being guests at the next sync.
 */
export function unapprovePeople(
  services: GoogleServices,
  emails: readonly string[],
): ApprovalsState {
  const list = checkedEmails(emails);
  return change(services, (book, settings) => {
    const next = unapprove(book, list);
    const calendarId = settings.calendar.calendarId;
    const ours = next.shared.filter((s) => s.calendar === calendarId && list.includes(s.email));
    if (!calendarId || !ours.length) return { book: next, problems: [] };
    const { removed, problems } = removeReaderRules(
      services,
      calendarId,
      ours.map((s) => s.email),
    );
    const gone = new Set(removed);
    return {
      book: {
        ...next,
        shared: next.shared.filter((s) => s.calendar !== calendarId || !gone.has(s.email)),
      },
      problems,
    };
  });
}

/**
 * Partners the owner adds through a sidebar (Add partner, set-up's list): their addresses are
 * approved at once, since the coordinator typed them; addresses typed into a tab wait.
 */
export function approveIfOwner(services: GoogleServices, emails: readonly string[]): void {
  const valid = emails.map((e) => e.trim()).filter(isEmail);
  if (!valid.length) return;
  const settings = settingsOf(services);
  const owner = settings ? settingsOwner(settings) : null;
  const me = normaliseEmail(services.userEmail());
  if (owner !== null && owner !== me) return;
  const store = services.documentProperties();
  saveApprovals(store, approve(loadApprovals(store), valid, me, Date.now()));
}
