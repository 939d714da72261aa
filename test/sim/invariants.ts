// Promises the plan keeps after any sequence of partner edits, runs and faults: each a named check that throws.
import { dateToSerial } from '../../emulator/spreadsheet/values';
import { APPROVALS_KEY } from '../../src/adapters/approvals';
import { archivedPlaces } from '../../src/adapters/newYearState';
import { USER_TABS } from '../../src/domain/schema/tabs';
import { readTimeText } from '../../src/domain/time/typedTime';
import { named } from './step';
import { wholePlanKept } from './wholePlanInvariants';
import {
  CALENDAR_WRITES,
  documentStore,
  hasTab,
  ownedEvents,
  planTables,
  tabRows,
  taggedEvents,
  typedCellsEverywhere,
  type World,
} from './world';

const idsOnTab = (w: World) =>
  tabRows(w)
    .map((r) => String(r.id ?? ''))
    .filter((id) => id !== '');

/** After the add-on ran: no two rows share an ID (a copied row gets its own). */
export function idsUnique(w: World): void {
  const ids = idsOnTab(w);
  // Rows carrying an archived activity's ID (a start of the next year stopped before it took
  // them off the tab, or a row copied back from the archive) are left alone by the sync by
  // design (docs/new-year.md): the resumed start takes them off, so their IDs are not re-dealt.
  const archived = archivedPlaces(documentStore(w));
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i && archived(id) === null);
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
  // A new coordinator may move the plan to a calendar of their own: foreign events stay where they were.
  const now = [...w.calendarsSeen].flatMap((c) => w.ws.calendar.liveEvents(c));
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
  // A row still in the tab keeps its event even when its activity is archived (a rollover not
  // finished yet leaves its rows in place, and the sync leaves them alone).
  const owned = taggedEvents(w);
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
export function approvedEmails(w: World): Set<string> {
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

/** Links a row makes to another tab's row (column kinds goalRef / outcomeRef), by the tab they point into. */
const LINK_KINDS: Record<string, string> = { goalRef: 'Goals', outcomeRef: 'Outcomes' };

/** The column that says what a linked row is, by tab. */
const MAIN_CELL: Record<string, string> = {
  Goals: 'goal',
  Outcomes: 'outcome',
  Assessments: 'description',
};

/** Each row of a plan tab by its ID: the row's cells, as text. */
function rowsById(tables: Map<string, unknown[][]>, tab: string): Map<string, string> {
  const def = USER_TABS.find((t) => t.name === tab);
  const out = new Map<string, string>();
  const table = tables.get(tab);
  if (!def || !table) return out;
  const [headers = [], ...rows] = table;
  const idAt = headers.indexOf(def.columns.find((c) => c.key === 'id')?.header ?? '');
  // The cell that says what the row is: a goal's Goal, an outcome's Outcome, a finding's Description.
  const mainKey = MAIN_CELL[tab] ?? 'outcome';
  const main = def.columns.find((c) => c.key === mainKey);
  const mainAt = headers.indexOf(main?.header ?? '');
  if (idAt < 0) return out;
  for (const r of rows)
    if (String(r[idAt]) !== '') out.set(String(r[idAt]), String(r[mainAt] ?? ''));
  return out;
}

/** How the add-on writes IDs: a letter prefix and a number (G3, O12, F7). */
const LOOKS_LIKE_ID = /^[A-Za-z]{1,3}\d+$/;

/**
 * Every link (outcome → goal, activity → outcome or goal, finding → goal, progress → outcome, gap
 * draft → finding) as
 * `tab row-ID column` → the linked row's main cell (or `missing`): a snapshot to compare around a run.
 */
export function linkSnapshot(w: World, tables = planTables(w)): Map<string, string> {
  const targets = new Map(Object.values(LINK_KINDS).map((t) => [t, rowsById(tables, t)]));
  const findings = rowsById(tables, 'Assessments');
  const out = new Map<string, string>();
  for (const tab of USER_TABS) {
    const table = tables.get(tab.name);
    if (!table) continue;
    const [headers = [], ...rows] = table;
    const idAt = headers.indexOf(tab.columns.find((c) => c.key === 'id')?.header ?? '');
    for (const c of tab.columns) {
      const into = LINK_KINDS[c.kind];
      const at = headers.indexOf(c.header);
      if (!into || at < 0) continue;
      rows.forEach((r, i) => {
        const ref = String(r[at] ?? '')
          .split(' · ')[0]
          .trim();
        // Only a link written as an ID counts: text a partner typed over an ID cell is not an ID,
        // and repair rightly gives that row a real one (the add-on owns the ID column).
        if (!LOOKS_LIKE_ID.test(ref)) return;
        const source = idAt >= 0 && String(r[idAt]) !== '' ? String(r[idAt]) : `row ${i + 2}`;
        out.set(
          `${tab.name} ${source} ${c.header} → ${ref}`,
          targets.get(into)?.get(ref) ?? 'missing',
        );
      });
    }
  }
  for (const [link, ref] of gapDraftLinks(w, tables.get('Calendar')))
    out.set(link, findings.get(ref) ?? 'missing');
  return out;
}

/** The Asset Map's gap drafts: a Calendar row whose Notes name the need it was added for (`need F3`). */
const GAP_MARKER = /\bAdded from the Asset Map for need ([A-Za-z]{1,3}\d+)\b/;

/** Gap draft → finding links on the Calendar tab: `Calendar row-ID Notes → F3` → the finding's ID. */
export function gapDraftLinks(w: World, calendar?: unknown[][]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of tabRows(w, calendar)) {
    const ref = GAP_MARKER.exec(String(r.notes ?? ''))?.[1];
    const source = String(r.id ?? '') !== '' ? String(r.id) : `row ${r.row}`;
    if (ref) out.set(`Calendar ${source} Notes → ${ref}`, ref);
  }
  return out;
}

/** Around an add-on run: every link still there points to the row it pointed to (same ID, same row). */
export function linksPointToSameRows(
  w: World,
  before: Map<string, string>,
  tables = planTables(w),
): void {
  const after = linkSnapshot(w, tables);
  for (const [link, target] of before) {
    if (!after.has(link)) continue; // the row was tidied away or its link retyped by nobody: typedCellsKept guards that
    if (after.get(link) !== target)
      throw new Error(`Link ${link} pointed to “${target}”, now to “${after.get(link)}”`);
  }
}

/** After a build: building again from the same data gives the same tab, cell for cell. */
export function generatedTabMatchesFreshBuild(tab: string, build: string): (w: World) => void {
  const check = (w: World) => {
    const first = withoutBuildTime(JSON.stringify(w.ws.sheets.table(tab)));
    w.addon.runFromSidebar(build);
    const second = withoutBuildTime(JSON.stringify(w.ws.sheets.table(tab)));
    if (first !== second)
      throw new Error(
        `${tab} differs from a fresh build of the same data: ${firstDiff(first, second)}`,
      );
  };
  // Named for the failure message (a bundler may rename an inner function that shadows its outer one).
  return Object.defineProperty(check, 'name', { value: 'generatedTabMatchesFreshBuild' });
}

/**
 * A build says when it was built, in the sheet's locale ("Built 3/1/2027 04:01.", "Built
 * 01.03.2027 04:01."): the second build may be a minute on.
 */
function withoutBuildTime(json: string): string {
  return json.replace(/Built .*?\d{1,2}:\d{2}/g, 'Built <time>');
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return `…${a.slice(Math.max(0, i - 40), i + 40)}… vs …${b.slice(Math.max(0, i - 40), i + 40)}…`;
}

/** Around an add-on run: no cell a person typed on any plan tab is lost or changed (`before` from typedCellsEverywhere). */
export function typedCellsKept(
  w: World,
  before: Record<string, string[]>,
  tables = planTables(w),
): void {
  const after = typedCellsEverywhere(w, tables);
  // A tab the run made (a partner had deleted it) holds only what the add-on seeds it with.
  for (const tab of Object.keys(before)) {
    const was = before[tab] ?? [];
    const now = after[tab] ?? [];
    // A time typed as text ("3pm") is retyped into the time value it says: the same cell, kept.
    const zone = w.ws.sheets.book.state.timeZone;
    const wasSaid = was.map((row) => rowAsSaid(row, zone));
    const nowSaid = now.map((row) => rowAsSaid(row, zone));
    const lost = was.filter((_, i) => !nowSaid.includes(wasSaid[i] ?? ''));
    const added = now.filter((_, i) => !wasSaid.includes(nowSaid[i] ?? ''));
    if (lost.length || added.length || was.length !== now.length)
      throw new Error(
        `${tab}: lost ${lost.slice(0, 2).join(' ')} / now ${added.slice(0, 2).join(' ')}`,
      );
  }
}

/**
 * A row of typed cells (JSON of sorted texts) with every time written as its clock time: text
 * a partner typed ("3pm", "16h") as the add-on reads it, a time value (a date on Sheets' day
 * zero) as the sheet's zone shows it.
 */
function rowAsSaid(row: string, zone: string): string {
  const cells = (JSON.parse(row) as string[]).map((text) => {
    if (text.startsWith('1899-12-30T')) {
      const minutes = Math.round((dateToSerial(Date.parse(text), zone) % 1) * 1440) % 1440;
      return clock(Math.floor(minutes / 60), minutes % 60);
    }
    const read = readTimeText(text, 'Time');
    return read.kind === 'time' ? clock(read.time.hour, read.time.minute) : text;
  });
  return JSON.stringify(cells.sort());
}

const clock = (hour: number, minute: number) =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** After repair: every plan tab a partner deleted is back, and the summary says it was lost, in words. */
export function repairSaysWhatWasLost(w: World, warnings: readonly string[]): void {
  for (const tab of w.deletedTabs) {
    if (!hasTab(w, tab)) throw new Error(`Repair did not make the ${tab} tab again`);
    if (!warnings.some((m) => m.includes(`The ${tab} tab was missing`)))
      throw new Error(`Repair made the ${tab} tab again without saying what was lost`);
  }
  w.deletedTabs.clear();
}

/** The plan's live events, by event ID (to compare around a run). */
export function liveOwnedIds(w: World): Set<string> {
  return new Set(ownedEvents(w).map((e) => e.id));
}

/** Around a run without the coordinator's confirmation: no event the plan had when its Calendar tab was deleted is removed. */
export function tabLossRemovesNothing(w: World, liveBefore: Set<string>): void {
  const live = liveOwnedIds(w);
  const gone = [...w.eventsAtTabLoss].filter((id) => liveBefore.has(id) && !live.has(id));
  if (gone.length)
    throw new Error(
      `${gone.length} of the plan's events went after its Calendar tab was deleted, unconfirmed`,
    );
}

/** Around a partner's attempt at a coordinator action: the approvals and calendar settings are as they were. */
export function onlyCoordinatorApproves(
  w: World,
  before: { approved: string; settings: string },
): void {
  if ([...approvedEmails(w)].sort().join(',') !== before.approved)
    throw new Error('someone other than the coordinator changed the approvals');
  if (JSON.stringify(w.addon.run('getCalendarSyncState')) !== before.settings)
    throw new Error('someone other than the coordinator changed the calendar settings');
}

/** What onlyCoordinatorApproves compares. */
export function coordinatorState(w: World): { approved: string; settings: string } {
  return {
    approved: [...approvedEmails(w)].sort().join(','),
    settings: JSON.stringify(w.addon.run('getCalendarSyncState')),
  };
}

/** Checks that hold after every step. */
export const ALWAYS = [idsNeverReused, foreignEventsUntouched, rememberApproved, wholePlanKept];
/** Checks that hold once a sync has finished (no run stopped part-way). */
export const AFTER_COMPLETE_SYNC = [
  idsUnique,
  everySyncedRowHasOneEvent,
  everyOwnedEventHasOneRow,
  everyRowSaysWhy,
  onlyApprovedGuests,
  quietResyncWritesNothing,
];

/** What typedCellsKept and linksPointToSameRows compare around a run, from one read of every tab. */
export function planBefore(w: World): {
  typed: Record<string, string[]>;
  links: Map<string, string>;
} {
  const tables = planTables(w);
  return { typed: typedCellsEverywhere(w, tables), links: linkSnapshot(w, tables) };
}

/** After a run: typedCellsKept and linksPointToSameRows against `before`, reading every tab once. */
export function planKept(w: World, before: ReturnType<typeof planBefore>): void {
  const tables = planTables(w);
  named(w, 'typedCellsKept', () => typedCellsKept(w, before.typed, tables));
  named(w, 'linksPointToSameRows', () => linksPointToSameRows(w, before.links, tables));
}
