// The simulator's world: one emulated workspace with a set-up plan, a calendar, foreign events, and what the model remembers.
import type { Addon } from '../../emulator/addon';
import type { EventSnapshot } from '../../emulator/calendar';
import type { Workspace } from '../../emulator/workspace';
import type { PropertyStore } from '../../src/adapters/google';
import { archivedPlaces } from '../../src/adapters/newYearState';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB, USER_TABS } from '../../src/domain/schema/tabs';
import { PROFILE_BLOCK_METADATA, PROFILE_BLOCK_VALUE } from '../../src/domain/workbook/profile';
import { setUp } from '../harness/workbook';
import { loadAddon } from '../harness/workspace';

/** Calendar writes the sync can make, through either Calendar service. */
export const CALENDAR_WRITES =
  /^Calendar\.Events\.(insert|patch|update|remove|move)$|^CalendarApp\..*\.(create|set|delete|add|remove)/;

/** Keys of the Calendar-tab columns a person types in (the add-on's own and the ID it assigns are excluded). */
export const USER_KEYS = CALENDAR_TAB.columns
  .filter((c) => c.owner !== 'addon' && c.key !== 'id')
  .map((c) => c.key);

export interface World {
  ws: Workspace;
  addon: Addon;
  calendarId: string;
  /** Events nobody in the plan made, as they were planted (the plan must never change them). */
  foreign: EventSnapshot[];
  /** Every activity ID ever seen on the tab, and whether it was gone at some check. */
  idsSeen: Set<string>;
  idsGone: Set<string>;
  /** Partner emails the coordinator approved (Invite ticked) at any check so far. */
  approvedEver: Set<string>;
  /** Set when a fault is armed and the next run may stop part-way. */
  faultArmed: boolean;
  /** The last sync report (for the invariants that read it). */
  lastReport: SyncReport | null;
  /** Readable steps so far, for a failing sequence's report. */
  log: string[];
  /** Each plan tab's name now, by its name at set-up (partners rename tabs). */
  names: Map<string, string>;
  /** Set when a partner moved, deleted or renamed columns or tabs: a sync may refuse until repair. */
  structureChanged: boolean;
  /** Another execution holds the document lock during the next sync's first run. */
  lockHeldBy: string | null;
  /** Calendar methods made slow for the next sync's first run (it reaches the 6-minute limit). */
  slowMethods: string[];
  /** Links as first seen, `tab:id` → the ID it linked to (outcome → goal, activity → outcome). */
  links: Map<string, string>;
  /** The plan's events when a partner deleted the Calendar tab: none goes without the coordinator's confirmation. */
  eventsAtTabLoss: Set<string>;
  /** Plan tabs (set-up's) a partner deleted since the last repair: repair must make them again and say so. */
  deletedTabs: Set<string>;
  /** Who coordinates the plan (owns its settings) as the sequence has it: the account the coordinator's steps run as. */
  coordinator: string;
  /** The person a waiting hand-over names, or null. */
  offerTo: string | null;
  /** Calendars the plan has synced to (a new coordinator may switch): foreign events are looked for in each. */
  calendarsSeen: Set<string>;
  /** Writes a trigger made with an account that did not coordinate the plan then (`account: method`). */
  writesByOthers: string[];
  /** Events of archived activities as the rollover left them (event ID → snapshot JSON). */
  archivedEvents: Map<string, string>;
}

/** The first coordinator: the spreadsheet's owner, who set the plan up. */
export const FIRST_COORDINATOR = 'coordinator@example.org';
/** The next coordinator: an editor of the spreadsheet with a Google account (and calendars) of her own. */
export const NEXT_COORDINATOR = 'ben@school.example.org';
/** A partner with no say over the plan's settings (the simulator's other steps act as them too). */
export const PARTNER_EDITOR = 'lee@univ.example.edu';

/** A write of any kind: mail, an event or calendar change, a cell, a tab, a property (trigger removal apart). */
export const ANY_WRITE =
  /sendEmail|^Calendar\..*\.(insert|patch|update|remove|move)|CalendarApp\..*(create|set|delete|remove|add)|SpreadsheetApp\..*\.(set|append|insert|delete|clear|add|remove|sort|protect|create|copy|move|hide|show|activate|merge|auto)|setPropert|deleteProperty|newTrigger/;

/**
 * Records every write a trigger makes with an account that does not coordinate the plan at that
 * moment (a trigger runs as its creator, the effective user): after a hand-over, the former
 * coordinator's triggers must remove themselves and do nothing else.
 */
function watchTriggerAuthority(w: World): void {
  const { runtime, session } = w.ws;
  const call = runtime.call.bind(runtime);
  runtime.call = (method, kind) => {
    const runAs = session.effectiveUserEmail;
    if (runAs && runtime.depth > 0 && runAs !== w.coordinator && ANY_WRITE.test(method))
      w.writesByOthers.push(`${runAs}: ${method}`);
    return call(method, kind);
  };
}

export function newWorld(): World {
  const { ws, addon } = loadAddon();
  // The add-on's own group calendar: the only kind it may share (docs/security.md).
  setUp(addon, { calendar: { mode: 'none' } });
  const { calendarId } = addon.runFromSidebar('saveCalendarChoice', {
    mode: 'new',
    calendarId: null,
    shareWithPartners: false,
    invitePartners: false,
    sendInvites: false,
  }) as { calendarId: string };
  // Foreign events: one a person made in the same calendar, one made by another tool with tags.
  const cal = ws.calendar.calendarApp.getCalendarById(calendarId);
  if (!cal) throw new Error('The target calendar is missing');
  cal.createEvent(
    'Dentist (private)',
    new Date(Date.UTC(2027, 2, 3, 14)),
    new Date(Date.UTC(2027, 2, 3, 15)),
  );
  const other = cal.createEvent(
    'Board meeting',
    new Date(Date.UTC(2027, 2, 4, 14)),
    new Date(Date.UTC(2027, 2, 4, 15)),
  );
  other.setTag('source', 'another-tool');
  const foreign = ws.calendar.liveEvents(calendarId);
  // The next coordinator can edit the spreadsheet and has calendars of her own.
  ws.sheets.book.state.editors.push(NEXT_COORDINATOR);
  ws.calendar.addAccount(NEXT_COORDINATOR, 'America/New_York');
  ws.runtime.resetCounts();
  const w: World = {
    ws,
    addon,
    calendarId,
    foreign,
    idsSeen: new Set(),
    idsGone: new Set(),
    approvedEver: new Set(),
    faultArmed: false,
    lastReport: null,
    log: [],
    names: new Map(USER_TABS.map((t) => [t.name, t.name])),
    structureChanged: false,
    lockHeldBy: null,
    slowMethods: [],
    links: new Map(),
    eventsAtTabLoss: new Set(),
    deletedTabs: new Set(),
    coordinator: FIRST_COORDINATOR,
    offerTo: null,
    calendarsSeen: new Set([calendarId]),
    writesByOthers: [],
    archivedEvents: new Map(),
  };
  watchTriggerAuthority(w);
  return w;
}

/** The name a plan tab has now (partners may have renamed it). */
export function tabName(w: World, original: string): string {
  return w.names.get(original) ?? original;
}

/** The Calendar tab's name now. */
export const calTab = (w: World): string => tabName(w, CALENDAR_TAB.name);

/** Whether the workbook still has a tab of that name. */
export function hasTab(w: World, name: string): boolean {
  return w.ws.sheets.app.getActiveSpreadsheet().getSheetByName(name) !== null;
}

/** The Calendar tab as records by column key, read without counted calls. */
export function tabRows(
  w: World,
  /** The Calendar tab's grid when the caller has read it already. */
  table?: unknown[][],
): Array<Record<string, unknown> & { row: number }> {
  const grid = table ?? (hasTab(w, calTab(w)) ? w.ws.sheets.table(calTab(w)) : null);
  if (!grid) return [];
  const [headers, ...rows] = grid;
  return rows.map((values, i) => {
    const out: Record<string, unknown> & { row: number } = { row: i + 2 };
    for (const c of CALENDAR_TAB.columns) {
      const at = headers.indexOf(c.header);
      out[c.key] = at >= 0 ? values[at] : '';
    }
    return out;
  });
}

/** 1-based column of a Calendar-tab key as the grid shows it now, or null once a partner renamed or deleted it. */
export function columnOfKey(w: World, key: string): number | null {
  if (!hasTab(w, calTab(w))) return null;
  const header = CALENDAR_TAB.columns.find((c) => c.key === key)?.header;
  const at = w.ws.sheets.table(calTab(w))[0].indexOf(header ?? '');
  return at < 0 ? null : at + 1;
}

/** Number of rows below the header on the Calendar tab. */
export function rowCount(w: World): number {
  return hasTab(w, calTab(w)) ? w.ws.sheets.table(calTab(w)).length - 1 : 0;
}

/** Every live event tagged with an activity ID, archived activities' included. */
export function taggedEvents(w: World): EventSnapshot[] {
  return w.ws.calendar.liveEvents(w.calendarId).filter((e) => e.tags.swpActivityId);
}

/** The plan's events: live events tagged with an activity ID. */
export function ownedEvents(w: World): EventSnapshot[] {
  // An archived activity's event is history: the plan no longer syncs it (archivedEventsUntouched guards it).
  const archived = archivedPlaces(documentStore(w));
  return w.ws.calendar
    .liveEvents(w.calendarId)
    .filter((e) => e.tags.swpActivityId && archived(String(e.tags.swpActivityId)) === null);
}

/** The plan's document properties as the add-on's stores read them (uncounted). */
export function documentStore(w: World): PropertyStore {
  const data = w.ws.properties.document.data;
  return {
    getProperty: (k: string) => data.get(k) ?? null,
    getProperties: () => Object.fromEntries(data),
  } as unknown as PropertyStore;
}

/**
 * Cells people typed, one string per row with anything typed (user columns only), sorted: a multiset
 * to compare. Rows with nothing typed are left out: the sync may tidy an emptied row away.
 */
export function typedCells(w: World): string[] {
  return tabRows(w)
    .map((r) => USER_KEYS.map((k) => cellText(r[k])))
    .filter((cells) => cells.some((c) => c.trim() !== ''))
    .map((cells) => JSON.stringify(cells))
    .sort();
}

export function cellText(v: unknown): string {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]')
    return (v as Date).toISOString();
  return String(v ?? '');
}

/**
 * Cells people typed on every plan tab, by tab: per row, the non-empty cells of the columns the
 * add-on does not own (found by header, so moved or renamed columns still count), as a sorted
 * multiset. Rows with nothing typed are left out (an emptied row may be tidied away).
 */
export function typedCellsEverywhere(w: World, tables = planTables(w)): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const tab of USER_TABS) {
    const name = tabName(w, tab.name);
    const table = tables.get(tab.name);
    if (!table) continue;
    // A tab the add-on has just inserted mid-run (a repair making a deleted tab again) has no row yet.
    const [headers = [], ...rows] = table;
    const addonHeaders = new Set(
      tab.columns.filter((c) => c.owner === 'addon' || c.key === 'id').map((c) => c.header),
    );
    const profile = profileBlockColumns(w, name);
    const kept = headers.map((h, i) => !addonHeaders.has(String(h)) && !profile.has(i));
    out[tab.name] = rows
      .map((values) =>
        values
          // An unticked box is nothing typed: where Google shows a fresh checkbox as FALSE (the
          // flipped checkboxBlank ambiguity), repair's new checkboxes read FALSE, not ''.
          .filter((v, i) => kept[i] && v !== false)
          .map(cellText)
          .filter((t) => t.trim() !== '')
          .sort(),
      )
      .filter((cells) => cells.length > 0)
      .map((cells) => JSON.stringify(cells))
      .sort();
  }
  return out;
}

/** Each plan tab's grid (header first) by its set-up name, read once for a snapshot; absent tabs left out. */
export function planTables(w: World): Map<string, unknown[][]> {
  const out = new Map<string, unknown[][]>();
  for (const tab of USER_TABS) {
    const name = tabName(w, tab.name);
    if (hasTab(w, name)) out.set(tab.name, w.ws.sheets.table(name));
  }
  return out;
}

/**
 * 0-based columns of the Partnership tab's profile block (label and value), found by the column
 * metadata set-up tags it with: the block mirrors the settings and set-up rewrites it whole
 * (src/domain/workbook/profile.ts), so it is the add-on's, not typed cells.
 */
export function profileBlockColumns(w: World, name: string): Set<number> {
  const sheet = w.ws.sheets.app.getActiveSpreadsheet().getSheetByName(name);
  const out = new Set<number>();
  if (!sheet) return out;
  for (const m of sheet.createDeveloperMetadataFinder().withKey(PROFILE_BLOCK_METADATA).find()) {
    const column = m.getLocation().getColumn();
    if (column && m.getValue() === PROFILE_BLOCK_VALUE) {
      out.add(column.getColumn() - 1);
      out.add(column.getColumn());
    }
  }
  return out;
}

/** A tab's cells as JSON, or null when the tab is gone (to compare around a run that must write nothing). */
export function tabJson(w: World, name: string): string | null {
  return hasTab(w, name) ? JSON.stringify(w.ws.sheets.table(name)) : null;
}
