// Promises the plan keeps after any sequence of partner edits, runs and faults: each a named check that throws.
import { APPROVALS_KEY } from '../../src/adapters/approvals';
import { CALENDAR_WRITES, ownedEvents, tabRows, type World } from './world';

const idsOnTab = (w: World) =>
  tabRows(w)
    .map((r) => String(r.id ?? ''))
    .filter((id) => id !== '');

/** After the add-on ran: no two rows share an ID (a copied row gets its own). */
export function idsUnique(w: World): void {
  const ids = idsOnTab(w);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length) throw new Error(`IDs used by more than one row: ${dupes.join(', ')}`);
}

/** Remembers every address ever approved (an invitation sent then stays legitimate after an approval is taken back). */
export function rememberApproved(w: World): void {
  for (const e of approvedEmails(w)) w.approvedEver.add(e);
}

/** An ID that left the tab never comes back on another row. */
export function idsNeverReused(w: World): void {
  const ids = idsOnTab(w);
  for (const id of ids) {
    if (w.idsGone.has(id)) throw new Error(`ID ${id} was reused after its row was gone`);
  }
  for (const id of w.idsSeen) if (!ids.includes(id)) w.idsGone.add(id);
  for (const id of ids) w.idsSeen.add(id);
}

/** Events the plan does not own are exactly as they were planted. */
export function foreignEventsUntouched(w: World): void {
  const now = w.ws.calendar.liveEvents(w.calendarId);
  for (const before of w.foreign) {
    const after = now.find((e) => e.id === before.id);
    if (!after) throw new Error(`Foreign event “${before.title}” was deleted`);
    const keys = ['title', 'description', 'location', 'start', 'end', 'tags', 'guests'] as const;
    for (const k of keys) {
      if (JSON.stringify(after[k]) !== JSON.stringify(before[k]))
        throw new Error(`Foreign event “${before.title}” had its ${k} changed`);
    }
  }
}

/** After a complete sync: every row marked OK has exactly one live event, tagged with its ID. */
export function everySyncedRowHasOneEvent(w: World): void {
  const owned = ownedEvents(w);
  for (const r of tabRows(w)) {
    if (!String(r.syncStatus ?? '').startsWith('OK')) continue;
    const byId = owned.filter((e) => e.tags.swpActivityId === r.id);
    if (byId.length !== 1)
      throw new Error(`Row ${r.row} (${r.id}) says OK but has ${byId.length} events`);
    if (byId[0].id !== r.eventId)
      throw new Error(`Row ${r.row} (${r.id}) points at ${r.eventId}, its event is ${byId[0].id}`);
  }
}

/** After a complete sync: every event the plan owns belongs to exactly one row of the tab. */
export function everyOwnedEventHasOneRow(w: World): void {
  const rows = tabRows(w);
  for (const e of ownedEvents(w)) {
    const holders = rows.filter((r) => r.eventId === e.id);
    if (holders.length !== 1)
      throw new Error(
        `Event “${e.title}” (${e.tags.swpActivityId}) is held by ${holders.length} rows`,
      );
  }
}

/** After a complete sync: every row with anything typed in it says in words how its sync went. */
export function everyRowSaysWhy(w: World): void {
  for (const r of tabRows(w)) {
    const typed = String(r.title ?? '').trim() !== '' || String(r.startDate ?? '').trim() !== '';
    if (typed && String(r.syncStatus ?? '').trim() === '')
      throw new Error(`Row ${r.row} (${r.id}) has no sync status`);
  }
}

/** The addresses approved in the add-on's approval store now (its parts read without counted calls). */
function approvedEmails(w: World): Set<string> {
  const data = w.ws.properties.document.data;
  let text = '';
  for (let n = 0; ; n++) {
    const part = data.get(n === 0 ? APPROVALS_KEY : `${APPROVALS_KEY}.${n}`);
    if (part === undefined || part === null) break;
    text += String(part);
  }
  if (!text) return new Set();
  const book = JSON.parse(text) as { approved?: Record<string, unknown> };
  return new Set(Object.keys(book.approved ?? {}));
}

/**
 * After a complete sync: no guest on a plan event, and no invitation, is an address the coordinator
 * never approved in the approval store; and the calendar is shared (reader rules) only with
 * addresses approved now (taking an approval back removes the rule the add-on added).
 */
export function onlyApprovedGuests(w: World): void {
  // Ever approved, not approved now: a row that cannot sync keeps its event (and guests) as they were.
  for (const e of ownedEvents(w)) {
    for (const g of e.guests) {
      if (!w.approvedEver.has(g.email.toLowerCase()))
        throw new Error(`“${e.title}” has guest ${g.email}, never approved by the coordinator`);
    }
  }
  for (const inv of w.ws.calendar.invitationsSent()) {
    if (!w.approvedEver.has(inv.email.toLowerCase()))
      throw new Error(`An invitation went to ${inv.email}, never approved by the coordinator`);
  }
  const now = approvedEmails(w);
  const acl = w.ws.calendar.toJSON().calendars.find((c) => c.id === w.calendarId)?.acl ?? [];
  for (const rule of acl) {
    if (rule.role !== 'reader' || rule.scope.type !== 'user') continue;
    const email = String(rule.scope.value).toLowerCase();
    if (!now.has(email)) throw new Error(`The calendar is shared with ${email}, not approved now`);
  }
}

/** A second sync straight after a complete one writes nothing to Calendar. */
export function quietResyncWritesNothing(w: World): void {
  w.ws.runtime.resetCounts();
  w.addon.run('syncCalendar');
  const writes = w.ws.runtime.count(CALENDAR_WRITES);
  if (writes !== 0)
    throw new Error(
      `A quiet re-sync wrote ${writes} times: ${JSON.stringify(w.ws.runtime.counts_())}`,
    );
}

/** Checks that hold after every step. */
export const ALWAYS = [idsNeverReused, foreignEventsUntouched, rememberApproved];
/** Checks that hold once a sync has finished (no run stopped part-way). */
export const AFTER_COMPLETE_SYNC = [
  idsUnique,
  everySyncedRowHasOneEvent,
  everyOwnedEventHasOneRow,
  everyRowSaysWhy,
  onlyApprovedGuests,
  quietResyncWritesNothing,
];
