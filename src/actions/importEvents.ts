// Events someone else added to the plan's calendar: proposed to the coordinator, or brought in as rows.
import { loadApprovals } from '../adapters/approvals';
import {
  type CalendarChanges,
  dropSyncToken,
  listChanges,
  saveSyncToken,
} from '../adapters/calendar/changes';
import { getEvent } from '../adapters/calendar/events';
import { recordImportedSeries } from '../adapters/calendar/occurrenceBook';
import { loadProposals, saveProposals, storedProposals } from '../adapters/calendar/proposals';
import { httpStatus } from '../adapters/calendar/service';
import type { CalendarInfo } from '../adapters/calendar/target';
import { withDocumentLock } from '../adapters/documentLock';
import type { GoogleServices } from '../adapters/google';
import { takeIds } from '../adapters/idCounters';
import { saveSettings } from '../adapters/settings';
import { appendRows } from '../adapters/sheets/appendRows';
import {
  appendSyncLog,
  runLine,
  type SyncLogEntry,
  withGoogleWords,
} from '../adapters/sheets/syncLog';
import { parseActivity } from '../domain/calendarSync/activity';
import {
  type AttendeeJson,
  mergeAttendees,
  writtenGuestsTag,
} from '../domain/calendarSync/attendees';
import { CAPS } from '../domain/calendarSync/caps';
import { type EventJson, TAG, toEventJson } from '../domain/calendarSync/eventResource';
import { coreHash } from '../domain/calendarSync/fingerprint';
import {
  applyListing,
  type ForeignEventJson,
  importedCells,
  type Proposal,
  type ProposalBook,
  toProposal,
} from '../domain/calendarSync/importEvents';
import { normaliseId } from '../domain/calendarSync/plan';
import { describeTiming } from '../domain/calendarSync/report';
import { isApproved } from '../domain/people/approvals';
import { CALENDAR_TAB } from '../domain/schema/tabs';
import { asText } from '../domain/table/cells';
import { literalCell } from '../domain/table/literal';
import { UserError } from '../shared/errors';
import { googleErrorKind, plainGoogleError } from '../shared/googleErrors';
import type { ImportResult, ImportState } from '../shared/importWire';
import { CALENDAR_TEXT } from '../shared/messages';
import { plural } from '../shared/plural';
import type { ImportMode } from '../shared/settings';
import { claimSettings, isSettingsOwner, requireSettingsOwner } from './authority';
import {
  type CalendarTabContext,
  calendarTabContext,
  type PlanBasics,
  planBasics,
  targetCalendar,
} from './calendarContext';

type Ev = GoogleAppsScript.Calendar.Schema.Event;

const PREFIX = CALENDAR_TAB.idPrefix ?? 'A';
/** The Sync status of an imported row until the sync next writes it. */
const IMPORTED_STATUS = 'OK: imported from Google Calendar';

/** One event brought into the plan. */
export interface ImportedRow {
  title: string;
  row: number;
  activityId: string;
  eventId: string;
  when: string;
  location: string;
}

/** What one batch of imports did. */
interface ImportOutcome {
  imported: ImportedRow[];
  /** Proposals whose event was gone (deleted in Calendar): dropped. */
  dropped: number;
  /** Proposals whose event is already the plan's (an import finished earlier): dropped. */
  already: number;
  /** Google's refusal that stopped the batch, in words ('' when none); the rest stays proposed. */
  stopped: string;
}

export const importModeOf = (basics: PlanBasics): ImportMode =>
  basics.settings.calendar.importMode ?? 'propose';

/** "Imported “Parents evening” as row 14 (A31)." */
export const importedSentence = (r: ImportedRow) =>
  `Imported “${r.title}” as row ${r.row} (${r.activityId}).`;

/** Activity IDs of accepted proposals whose event is not tagged yet: the sync leaves their rows alone. */
export function pendingImportIds(book: ProposalBook): Set<string> {
  return new Set(book.proposals.flatMap((p) => (p.activityId ? [p.activityId] : [])));
}

/**
 * The Calendar-tab row of an accepted proposal: the one whose Event ID names the event, else the
 * one carrying the activity ID reserved for it (a retry after the row was written finds it).
 */
function rowOf(ctx: CalendarTabContext, p: Proposal) {
  return (
    ctx.tab.records.find((r) => asText(r.cells.eventId) === p.eventId) ??
    (p.activityId
      ? ctx.tab.records.find((r) => normaliseId(asText(r.cells.id), PREFIX) === p.activityId)
      : undefined)
  );
}

/** The event as it is now; null when it was deleted (404, 410, or a cancelled entry). */
function currentEvent(services: GoogleServices, calendarId: string, eventId: string) {
  try {
    const e = getEvent(services, calendarId, eventId) as ForeignEventJson;
    return e.status === 'cancelled' ? null : e;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 410) return null;
    throw error;
  }
}

/**
 * Brings the chosen proposals in, under the document lock the caller holds. Order, so that no
 * interruption ever makes two rows or two events: (1) the activity IDs are taken and stored in
 * the proposals, (2) the rows are written (Activity ID and Event ID with them), (3) each event is
 * tagged as the plan's (with everything the row asks for, in one patch, `sendUpdates: none`),
 * (4) the proposal goes. A run stopped after (2) leaves proposals with an ID whose rows the next
 * sync or a retry finds (rowOf) and whose events it tags; until then the sync leaves those rows
 * alone (pendingImportIds), so it never makes them an event of their own.
 */
function importProposals(
  ctx: CalendarTabContext,
  calendar: CalendarInfo,
  book: ProposalBook,
  eventIds: readonly string[],
): { book: ProposalBook; outcome: ImportOutcome } {
  const { services } = ctx;
  const store = services.documentProperties();
  const outcome: ImportOutcome = { imported: [], dropped: 0, already: 0, stopped: '' };
  const wanted = new Set(eventIds);
  let proposals = [...book.proposals];
  const save = () => {
    book = { ...book, proposals };
    saveProposals(store, book);
  };
  const drop = (id: string) => {
    proposals = proposals.filter((p) => p.eventId !== id);
  };
  // 1. Each event as it is now: gone, already the plan's, or to import.
  const todo = eventsToImport(ctx, calendar.id, book.proposals, wanted, (id, already) => {
    drop(id);
    if (already) outcome.already += 1;
    else outcome.dropped += 1;
  });
  // 2. IDs for the events without a row yet, stored before any row is written.
  const fresh = todo.filter(({ p }) => !rowOf(ctx, p));
  const ids = takeIds(
    store,
    CALENDAR_TAB,
    [
      ...ctx.tab.records.map((r) => r.cells.id),
      ...proposals.flatMap((p) => (p.activityId ? [p.activityId] : [])),
    ],
    fresh.filter(({ p }) => !p.activityId).length,
  );
  for (const item of fresh) {
    if (item.p.activityId) continue;
    const activityId = ids.shift() as string;
    item.p = { ...item.p, activityId };
    proposals = proposals.map((p) => (p.eventId === item.p.eventId ? item.p : p));
  }
  if (todo.length) save();
  // 3. The rows, in one write, with the event's ID and the fingerprint the tagging writes.
  const activity = tabActivity(ctx);
  const { rowNumbers, typed } = writeImportedRows(ctx, activity, fresh);
  // 4. Each event tagged as the plan's; its proposal goes.
  try {
    for (const { p, e } of todo) {
      const existing = rowOf(ctx, p);
      const row = rowNumbers.get(p.eventId) ?? existing?.row ?? 0;
      const activityId = p.activityId ?? normaliseId(asText(existing?.cells.id), PREFIX);
      const cells = typed.get(p.eventId) ?? existing?.cells ?? {};
      // A row found by its Event ID whose ID cell was cleared meanwhile: the sync settles it first.
      if (!activityId) continue;
      try {
        const tagged = tagEvent(ctx, calendar.id, e, { row, cells }, activityId, activity);
        // A series may come with occurrences already moved or cancelled: the plan records them,
        // whether or not Google gave them the series' tags (docs/calendar-sync.md, Import).
        recordImportedSeries(services, store, calendar.id, { ...e, ...tagged });
      } catch (error) {
        const plain = plainGoogleError(error, 'write');
        outcome.stopped = plain.sentence;
        if (plain.stopsRun) break;
        continue;
      }
      drop(p.eventId);
      outcome.imported.push({
        title: e.summary ?? '',
        row,
        activityId,
        eventId: e.id as string,
        when: describeTiming(p.timing, ctx.oracle, ctx.sheetZone, ctx.activity.locale ?? 'en_US'),
        location: e.location ?? '',
      });
    }
  } finally {
    save();
  }
  return { book, outcome };
}

/**
 * The chosen proposals whose event is still someone else's, as it is now (one read each); each
 * other one is passed to `gone`, saying whether it is already the plan's (an import finished earlier).
 */
function eventsToImport(
  ctx: CalendarTabContext,
  calendarId: string,
  proposals: readonly Proposal[],
  wanted: ReadonlySet<string>,
  gone: (eventId: string, alreadyThePlans: boolean) => void,
): Array<{ p: Proposal; e: ForeignEventJson }> {
  const todo: Array<{ p: Proposal; e: ForeignEventJson }> = [];
  for (const p of proposals) {
    if (!wanted.has(p.eventId)) continue;
    const e = currentEvent(ctx.services, calendarId, p.eventId);
    if (!e || !toProposal(e)) {
      gone(p.eventId, e?.extendedProperties?.private?.[TAG.plan] === ctx.planKey);
      continue;
    }
    todo.push({ p, e });
  }
  return todo;
}

/** How the sync reads a row of this plan: only approved guests, at most the per-event cap. */
function tabActivity(ctx: CalendarTabContext): CalendarTabContext['activity'] {
  const approvals = loadApprovals(ctx.services.documentProperties());
  return {
    ...ctx.activity,
    approved: (email: string) => isApproved(approvals, email),
    maxGuests: CAPS.guestsPerEvent,
  };
}

/**
 * The rows of the events to import, appended in one write, each with its activity ID, its event's
 * ID and the fingerprint the tagging will write. Returns each event's row and typed cells.
 */
function writeImportedRows(
  ctx: CalendarTabContext,
  activity: CalendarTabContext['activity'],
  fresh: ReadonlyArray<{ p: Proposal; e: ForeignEventJson }>,
) {
  const context = {
    planZone: ctx.activity.planZone,
    oracle: ctx.oracle,
    partners: ctx.activity.partners,
    records: ctx.tab.records,
    locale: ctx.activity.locale,
  };
  const rows: Array<Record<string, unknown>> = [];
  const typed = new Map<string, Record<string, unknown>>();
  for (const { p, e } of fresh) {
    const cells: Record<string, unknown> = { ...importedCells(e, context) };
    typed.set(p.eventId, cells);
    const parse = parseActivity({ row: 0, cells }, p.activityId as string, activity);
    rows.push(
      Object.fromEntries(
        Object.entries({
          ...cells,
          id: p.activityId,
          eventId: e.id,
          syncFingerprint: parse.kind === 'event' ? parse.event.fingerprint : '',
          syncStatus: parse.kind === 'event' ? IMPORTED_STATUS : '',
          lastSynced: parse.kind === 'event' ? new Date() : '',
        }).map(([k, v]) => [k, literalCell(v)]),
      ),
    );
  }
  const first = rows.length
    ? appendRows(ctx.tab, rows, {
        tab: CALENDAR_TAB,
        builders: ctx.services.sheetBuilders(),
      })
    : 0;
  const rowNumbers = new Map(fresh.map(({ p }, i) => [p.eventId, first + i]));
  return { rowNumbers, typed };
}

/**
 * One patch makes the event the plan's: the tags, and everything the row asks for (title, times,
 * description with the plan's link, colour), so the next sync finds nothing to write. Guests
 * already on the event stay with their answers (none of them counts as written by the plan), and
 * nobody is mailed. A row the sync cannot read yet only tags the event; the row says what to fix.
 * Returns the event as tagged.
 */
function tagEvent(
  ctx: CalendarTabContext,
  calendarId: string,
  e: ForeignEventJson,
  record: { row: number; cells: Record<string, unknown> },
  activityId: string,
  activity: CalendarTabContext['activity'],
): EventJson {
  const events = ctx.services.advancedCalendar()?.Events;
  if (!events) throw new UserError(CALENDAR_TEXT.noService);
  const parse = parseActivity(record, activityId, activity);
  let body: EventJson;
  if (parse.kind === 'event') {
    body = toEventJson(parse.event, ctx.planKey);
    // The row's rule was read from the event's: its own lines stay as they are, with their
    // exceptions (EXDATE) and moved occurrences (Google may drop those on a rewritten rule).
    delete body.recurrence;
    const attendees = (e.attendees ?? []) as AttendeeJson[];
    const guests = mergeAttendees(parse.event.guests, attendees, '');
    if (guests.changed) body.attendees = guests.attendees;
    else delete body.attendees;
    // Guests already on the event count as added in Calendar: a later patch never removes them.
    const there = new Set(attendees.map((a) => (a.email ?? '').toLowerCase()));
    (body.extendedProperties as { private: Record<string, string> }).private[TAG.guests] =
      writtenGuestsTag(parse.event.guests.filter((g) => !there.has(g)));
  } else {
    const timing = toTiming(e);
    body = {
      extendedProperties: {
        private: {
          [TAG.plan]: ctx.planKey,
          [TAG.activityId]: activityId,
          [TAG.core]: timing ? coreHash(e.summary ?? '', e.location ?? '', timing) : '',
          [TAG.fingerprint]: '',
          [TAG.guests]: '',
        },
      },
    };
  }
  return events.patch(body as Ev, calendarId, e.id as string, {
    sendUpdates: 'none',
  }) as EventJson;
}

function toTiming(e: ForeignEventJson) {
  const p = toProposal(e);
  return p ? p.timing : null;
}

/** What the sync's run did about foreign events, for its report and the Sync Log. */
export interface ImportStep {
  /** Events proposed for the first time in this run. */
  proposed: number;
  imported: ImportedRow[];
  /** Activity IDs whose import is still to be finished: the sync leaves their rows alone. */
  pending: Set<string>;
  stopped: string;
}

/**
 * The sync's one incremental read of the whole calendar (with the stored sync token), under its
 * lock, before it plans: it feeds the proposals and the plan's moved and cancelled occurrences
 * (adapters/calendar/occurrenceBook.ts), so it is made even when imports are off. The caller
 * stores the token once both kept what they read (`keepChanges`).
 */
export function readChanges(basics: PlanBasics, calendar: CalendarInfo): CalendarChanges {
  const store = basics.services.documentProperties();
  // No proposals for this calendar (first read, a switch, a damaged value): read it all.
  if (importModeOf(basics) !== 'off' && !storedProposals(store, calendar.id))
    dropSyncToken(store, calendar.id);
  return listChanges(basics.services, store, calendar.id);
}

/** Stores the read's token: the next read starts where this one ended. */
export function keepChanges(basics: PlanBasics, calendar: CalendarInfo, changes: CalendarChanges) {
  if (changes.nextSyncToken)
    saveSyncToken(basics.services.documentProperties(), calendar.id, changes.nextSyncToken);
}

/**
 * The sync's part, under its lock, before it plans: the run's read of the calendar updates the
 * proposals; accepted imports left unfinished by a fault are finished; in automatic mode every
 * proposal is imported. Null when imports are off.
 */
export function importStep(
  basics: PlanBasics,
  calendar: CalendarInfo,
  changes: CalendarChanges,
  tabContext: () => CalendarTabContext,
): ImportStep | null {
  const mode = importModeOf(basics);
  if (mode === 'off') return null;
  const { services } = basics;
  const store = services.documentProperties();
  const stored = storedProposals(store, calendar.id);
  const listed = applyListing(
    stored ?? loadProposals(store, calendar.id),
    changes.items,
    changes.full,
  );
  let book = listed.book;
  if (listed.changed || !stored) saveProposals(store, book);
  const chosen = book.proposals
    .filter((p) => mode === 'automatic' || p.activityId)
    .map((p) => p.eventId);
  let outcome: ImportOutcome = { imported: [], dropped: 0, already: 0, stopped: '' };
  if (chosen.length) ({ book, outcome } = importProposals(tabContext(), calendar, book, chosen));
  return {
    proposed: mode === 'automatic' ? 0 : listed.added,
    imported: outcome.imported,
    pending: pendingImportIds(book),
    stopped: outcome.stopped,
  };
}

/** The words a sync adds to its summary about foreign events ('' when there is nothing to say). */
export function importSummary(step: ImportStep | null): string {
  if (!step) return '';
  const parts: string[] = [];
  if (step.proposed > 0)
    parts.push(
      `${plural(step.proposed, 'event')} in the calendar ${step.proposed === 1 ? 'was' : 'were'} not made by the plan: see Proposals in the Calendar sidebar.`,
    );
  const shown = step.imported.slice(0, 3).map(importedSentence);
  if (step.imported.length > 3) shown.push(`Imported ${step.imported.length - 3} more.`);
  parts.push(...shown);
  if (step.stopped)
    parts.push(`An import was not finished (${step.stopped}); the next sync finishes it.`);
  return parts.join(' ');
}

/** Sync Log lines: one per imported event, one for new proposals. */
export function importLogEntries(
  step: ImportStep | null,
  run: string,
  calendarName: string,
): SyncLogEntry[] {
  if (!step) return [];
  const now = new Date();
  const out: SyncLogEntry[] = step.imported.map((r) => [
    now,
    run,
    'Imported event',
    r.activityId,
    r.row,
    r.title,
    r.when,
    r.location,
    r.eventId,
    importedSentence(r),
  ]);
  if (step.proposed > 0)
    out.push([
      now,
      run,
      'Proposals',
      '',
      '',
      calendarName,
      '',
      '',
      '',
      importSummary({ ...step, imported: [], stopped: '' }),
    ]);
  return out;
}

// ---- The sidebar's Proposals section ----

export function importState(services: GoogleServices, message = ''): ImportState {
  const basics = planBasics(services);
  const calendarId = basics.settings.calendar.calendarId;
  const book = calendarId ? loadProposals(services.documentProperties(), calendarId) : null;
  // Read once, and only when there is a proposal to date.
  const locale = book?.proposals.length ? basics.spreadsheet.getSpreadsheetLocale() : '';
  return {
    mode: importModeOf(basics),
    canChange: isSettingsOwner(services, basics.settings),
    owner: basics.settings.calendar.owner,
    proposals: (book?.proposals ?? []).map((p) => ({
      eventId: p.eventId,
      title: p.title || '(no title)',
      // Times as the sheet shows them: the zone people read the Calendar tab in.
      when: describeTiming(
        p.timing.allDay ? p.timing : { ...p.timing, timeZone: basics.sheetZone },
        basics.oracle,
        basics.sheetZone,
        locale,
      ),
      by: p.by,
      repeats: p.repeats,
      accepted: !!p.activityId,
    })),
    message,
  };
}

function underLock<T>(services: GoogleServices, fn: () => T): T {
  return withDocumentLock(services.documentLock(), fn, 10_000, CALENDAR_TEXT.busy);
}

/**
 * The coordinator accepts proposals (the settings' owner only: a row in the plan and a changed
 * event act with their authority). Accepting twice, or two people at once, makes one row: the
 * second finds the proposal gone and the row there.
 */
export function acceptProposals(
  services: GoogleServices,
  eventIds: readonly string[],
): ImportResult {
  const message = underLock(services, () => {
    const basics = planBasics(services);
    requireSettingsOwner(services, basics.settings, 'import');
    const calendar = targetCalendar(basics);
    const store = services.documentProperties();
    const book = loadProposals(store, calendar.id);
    const known = new Set(book.proposals.map((p) => p.eventId));
    const ctx = calendarTabContext(basics);
    const inPlan = eventIds.filter(
      (id) => !known.has(id) && ctx.tab.records.some((r) => asText(r.cells.eventId) === id),
    );
    const missing = eventIds.filter((id) => !known.has(id) && !inPlan.includes(id));
    const { outcome } = inPlainWords(services, () =>
      importProposals(
        ctx,
        calendar,
        book,
        eventIds.filter((id) => known.has(id)),
      ),
    );
    const words = outcome.imported.map(importedSentence);
    appendSyncLog(
      ctx.spreadsheet,
      importLogEntries(
        { proposed: 0, imported: outcome.imported, pending: new Set(), stopped: '' },
        'manual',
        calendar.name,
      ),
    );
    const already = inPlan.length + outcome.already;
    if (already)
      words.push(
        `${plural(already, 'event')} ${already === 1 ? 'was' : 'were'} already in the plan.`,
      );
    if (missing.length || outcome.dropped)
      words.push(
        `${plural(missing.length + outcome.dropped, 'event')} ${missing.length + outcome.dropped === 1 ? 'is' : 'are'} no longer in the calendar or no longer proposed.`,
      );
    if (outcome.stopped)
      words.push(
        `Not finished: ${outcome.stopped} The next sync finishes it; nothing is imported twice.`,
      );
    return words.join(' ');
  });
  return { state: importState(services, message), message };
}

/**
 * An error from Google that ends an acceptance (reading an event, say: a temporary failure)
 * reaches the coordinator as a sentence saying what to do, not in Google's words.
 */
function inPlainWords<T>(services: GoogleServices, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UserError || googleErrorKind(error) === null) throw error;
    const plain = plainGoogleError(error, 'run');
    try {
      // Google's own words are kept for whoever looks into it later: the Sync Log's Details.
      appendSyncLog(services.spreadsheet(), [
        runLine(new Date(), 'manual', 'Import failed', withGoogleWords(plain.sentence, plain.raw)),
      ]);
    } catch {
      // Sheets is down too: the sentence still reaches the coordinator.
    }
    throw new UserError(plain.sentence);
  }
}

/** Declined proposals are remembered: the event is never proposed again (until it is deleted). */
export function declineProposals(
  services: GoogleServices,
  eventIds: readonly string[],
): ImportResult {
  const message = underLock(services, () => {
    const basics = planBasics(services);
    requireSettingsOwner(services, basics.settings, 'import');
    const calendarId = basics.settings.calendar.calendarId;
    if (!calendarId) throw new UserError(CALENDAR_TEXT.noCalendarChosen);
    const store = services.documentProperties();
    const book = loadProposals(store, calendarId);
    const wanted = new Set(eventIds);
    // An accepted proposal whose row is written is finished by the sync, not declined.
    const declined = book.proposals.filter((p) => wanted.has(p.eventId) && !p.activityId);
    const gone = new Set(declined.map((p) => p.eventId));
    saveProposals(store, {
      ...book,
      proposals: book.proposals.filter((p) => !gone.has(p.eventId)),
      declined: [...book.declined, ...gone],
    });
    return declined.length
      ? `${plural(declined.length, 'event')} declined: ${declined.length === 1 ? 'it stays' : 'they stay'} in Google Calendar and ${declined.length === 1 ? 'is' : 'are'} not proposed again.`
      : 'Nothing to decline.';
  });
  return { state: importState(services, message), message };
}

/** The owner's choice: off, propose (default) or automatic. */
export function setImportMode(services: GoogleServices, mode: ImportMode): ImportState {
  return underLock(services, () => {
    const basics = planBasics(services);
    requireSettingsOwner(services, basics.settings, 'import');
    const claimed = claimSettings(services, basics.settings);
    // While off, the sync's reads went on (for occurrences) without looking for new events:
    // turned on again, the calendar is read in full once, so nothing added meanwhile is missed.
    const calendarId = basics.settings.calendar.calendarId;
    if (importModeOf(basics) === 'off' && mode !== 'off' && calendarId)
      dropSyncToken(services.documentProperties(), calendarId);
    saveSettings(services.documentProperties(), {
      ...claimed,
      calendar: { ...claimed.calendar, importMode: mode },
    });
    return importState(services, IMPORT_MODE_WORDS[mode]);
  });
}

const IMPORT_MODE_WORDS: Record<ImportMode, string> = {
  off: 'Events others add to the calendar are no longer looked at.',
  propose: 'Events others add to the calendar are proposed here; you accept or decline each.',
  automatic:
    'Events others add to the calendar become rows of the Calendar tab at each sync (nobody is emailed).',
};
