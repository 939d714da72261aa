// Promises of a plan that outlives a coordinator and a school year: who acts for it, and what a rollover keeps.
import { HANDOVER_KEY } from '../../src/adapters/handoverStore';
import { archivedPlaces, loadArchivedYears } from '../../src/adapters/newYearState';
import { SETTINGS_KEY } from '../../src/adapters/settings';
import { readArchive } from '../../src/domain/newYear/archive';
import { TAB_KEY_METADATA } from '../../src/domain/schema/metadata';
import { CALENDAR_TAB, PROGRESS_TAB } from '../../src/domain/schema/tabs';
import { approvedEmails } from './invariants';
import { cellText, documentStore, hasTab, type World } from './world';

/** The plan's document properties, read without counted calls. */
const props = (w: World) => w.ws.properties.document.data;

/** The stored settings, parsed (null before set-up). */
function settingsOf(w: World): { calendar: { owner: string | null } } & Record<string, unknown> {
  return JSON.parse(props(w).get(SETTINGS_KEY) ?? 'null');
}

/** What a refused hand-over step must leave exactly as it was. */
export function handoverSnapshot(w: World) {
  return {
    settings: props(w).get(SETTINGS_KEY) ?? null,
    offer: props(w).get(HANDOVER_KEY) ?? null,
    approved: [...approvedEmails(w)].sort().join(','),
    triggers: JSON.stringify(w.ws.script.toJSON()),
  };
}

/** Around a refused offer, acceptance, cancel or take-over: settings, offer, approvals and triggers unchanged. */
export function nothingChangedHands(w: World, before: ReturnType<typeof handoverSnapshot>): void {
  const after = handoverSnapshot(w);
  for (const k of Object.keys(before) as Array<keyof typeof before>)
    if (after[k] !== before[k]) throw new Error(`the plan's ${k} changed: ${after[k]}`);
}

/** Settings without what a hand-over changes by design (who owns them, what runs with their account). */
function settingsKept(settings: ReturnType<typeof settingsOf>): string {
  const {
    coordinatorEmail: _who,
    calendar,
    ...rest
  } = settings as Record<string, unknown> & {
    calendar: Record<string, unknown>;
  };
  const { owner: _o, releasedBy: _r, autoSync: _a, ...kept } = calendar;
  return JSON.stringify({ ...rest, calendar: kept });
}

/** Around an acceptance or take-over: the approvals and the plan's settings (beyond who runs it) are as they were. */
export function approvalsAndSettingsSurvive(
  w: World,
  before: ReturnType<typeof handoverSnapshot>,
): void {
  if ([...approvedEmails(w)].sort().join(',') !== before.approved)
    throw new Error('the approvals changed with the hand-over');
  const was = settingsKept(JSON.parse(before.settings ?? 'null'));
  const now = settingsKept(settingsOf(w));
  if (was !== now) throw new Error(`the settings changed with the hand-over: ${was} → ${now}`);
}

/** At most one coordinator, the one the sequence made: the settings' owner, and the offer waiting. */
export function oneCoordinator(w: World): void {
  const owner = settingsOf(w)?.calendar.owner ?? null;
  if (owner !== w.coordinator)
    throw new Error(`the settings belong to ${owner}, the coordinator is ${w.coordinator}`);
  const offer = JSON.parse(props(w).get(HANDOVER_KEY) ?? 'null') as { to?: string } | null;
  if ((offer?.to ?? null) !== w.offerTo)
    throw new Error(`a hand-over to ${offer?.to ?? 'nobody'} waits; expected ${w.offerTo}`);
}

/** No trigger wrote (mail, calendar, sheet, property) with an account that did not coordinate the plan then. */
export function nothingActsAsFormerCoordinator(w: World): void {
  if (w.writesByOthers.length)
    throw new Error(`written by a trigger of another account: ${w.writesByOthers.slice(0, 3)}`);
}

/** The calendar the plan syncs to gives the coordinator owner rights (make changes and manage sharing). */
export function coordinatorOwnsCalendar(w: World): void {
  const rules = w.ws.calendar.aclOf(w.calendarId);
  if (!rules.some((r) => r.role === 'owner' && r.scope.toLowerCase() === w.coordinator))
    throw new Error(
      `${w.coordinator} has no owner rights on the plan's calendar: ${JSON.stringify(rules)}`,
    );
}

/** Checked after every hand-over step. */
export const HANDOVER_CHECKS = [
  oneCoordinator,
  nothingActsAsFormerCoordinator,
  coordinatorOwnsCalendar,
];

const store = documentStore;

/** Whether an activity ID is in an archive (finished or under way). */
export function archivedIdsOf(w: World): (id: string) => boolean {
  const place = archivedPlaces(store(w));
  return (id) => place(id) !== null;
}

/** Whether a rollover stopped part-way waits to be resumed. */
export const rolloverPending = (w: World) => props(w).get('swp.newYear.journal') !== undefined;

/** Archive tabs by year key, found by the tag each carries (renaming one keeps it). */
export function archiveTabs(w: World): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const found = w.ws.sheets.app
    .getActiveSpreadsheet()
    .createDeveloperMetadataFinder()
    .withKey(TAB_KEY_METADATA)
    .find();
  for (const m of found) {
    const key = String(m.getValue());
    const sheet = m.getLocation().getSheet();
    if (!key.startsWith('archive-') || !sheet) continue;
    out.set(key, [...new Set([...(out.get(key) ?? []), sheet.getName()])]);
  }
  return out;
}

/** Never two archives of one school year. */
export function oneArchivePerYear(w: World): void {
  for (const [key, tabs] of archiveTabs(w))
    if (tabs.length > 1) throw new Error(`${key} is archived twice: ${tabs.join(', ')}`);
}

/** Snapshot of an event as people see it (to compare an archived event with itself later). */
const eventText = (e: ReturnType<World['ws']['calendar']['liveEvents']>[number]) =>
  JSON.stringify([
    e.title,
    e.description,
    e.location,
    e.start,
    e.end,
    e.recurrence,
    e.guests,
    e.tags,
  ]);

/** Records the events of activities archived so far (once): later steps compare them with archivedEventsUntouched. */
export function rememberArchivedEvents(w: World): void {
  const archived = archivedIdsOf(w);
  for (const calendar of w.calendarsSeen)
    for (const e of w.ws.calendar.liveEvents(calendar))
      if (archived(String(e.tags.swpActivityId ?? '')) && !w.archivedEvents.has(e.id))
        w.archivedEvents.set(e.id, eventText(e));
}

/**
 * After the coordinator confirmed a move to a calendar of their own: the plan's events, archived
 * ones included, are made again there (the old calendar goes with its account). Each archived
 * event is followed to its copy, which must be the same in every respect people see.
 */
export function followMovedArchive(w: World, to: string): void {
  const live = new Set(
    [...w.calendarsSeen].flatMap((c) => w.ws.calendar.liveEvents(c).map((e) => e.id)),
  );
  const copies = w.ws.calendar.liveEvents(to).filter((e) => !w.archivedEvents.has(e.id));
  for (const [id, was] of [...w.archivedEvents]) {
    if (live.has(id)) continue;
    const copy = copies.find((e) => eventText(e) === was);
    if (!copy) continue;
    w.archivedEvents.delete(id);
    w.archivedEvents.set(copy.id, was);
    copies.splice(copies.indexOf(copy), 1);
  }
}

/** Archived activities' events stay exactly as the rollover found them, and no event is made again for one. */
export function archivedEventsUntouched(w: World): void {
  const archived = archivedIdsOf(w);
  const live = new Map(
    [...w.calendarsSeen].flatMap((c) => w.ws.calendar.liveEvents(c)).map((e) => [e.id, e]),
  );
  for (const [id, was] of w.archivedEvents) {
    const now = live.get(id);
    if (!now) throw new Error(`the event of an archived activity (${id}) was deleted`);
    if (eventText(now) !== was)
      throw new Error(`the event of an archived activity was changed: ${eventText(now)}`);
  }
  for (const e of live.values())
    if (archived(String(e.tags.swpActivityId ?? '')) && !w.archivedEvents.has(e.id))
      throw new Error(`an event was made for archived activity ${e.tags.swpActivityId}`);
}

/** Checked after every step once a year is archived. */
export const ROLLOVER_CHECKS = [oneArchivePerYear, archivedEventsUntouched];

/** Every check of this file, run after every step (ALWAYS): named by the check that failed. */
export function wholePlanKept(w: World): void {
  for (const c of [...HANDOVER_CHECKS, ...ROLLOVER_CHECKS]) {
    try {
      c(w);
    } catch (e) {
      throw new Error(`${c.name}: ${(e as Error).message}`);
    }
  }
}

/**
 * The typed cells of archived rows, as typedCellsEverywhere shows a live tab's rows (by tab):
 * what typedCellsKept adds to the live tabs once a rollover moved rows into its archive.
 */
export function typedCellsArchived(w: World): Record<string, string[]> {
  const out: Record<string, string[]> = { Calendar: [], Progress: [] };
  for (const tabs of archiveTabs(w).values()) {
    const name = tabs[0];
    if (!hasTab(w, name)) continue;
    const sections = readArchive(w.ws.sheets.table(name));
    for (const [tab, section] of [
      [CALENDAR_TAB, sections.activities],
      [PROGRESS_TAB, sections.measurements],
    ] as const) {
      const addon = new Set(
        tab.columns.filter((c) => c.owner === 'addon' || c.key === 'id').map((c) => c.header),
      );
      for (const r of section.rows) {
        const cells = r.values
          .filter((v, i) => !addon.has(section.headers[i] ?? '') && v !== false)
          .map(cellText)
          .filter((t) => t.trim() !== '')
          .sort();
        if (cells.length) out[tab.name].push(JSON.stringify(cells));
      }
    }
  }
  return out;
}

/** Years the plan has archived, and whether each finished (for a step's log line). */
export const archivedYears = (w: World) => loadArchivedYears(store(w));
