// The simulator's world: one emulated workspace with a set-up plan, a calendar, foreign events, and what the model remembers.
import type { Addon } from '../../emulator/addon';
import type { EventSnapshot } from '../../emulator/calendar';
import type { Workspace } from '../../emulator/workspace';
import type { SyncReport } from '../../src/domain/calendarSync/report';
import { CALENDAR_TAB } from '../../src/domain/schema/tabs';
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
  ws.runtime.resetCounts();
  return {
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
  };
}

/** The Calendar tab as records by column key, read without counted calls. */
export function tabRows(w: World): Array<Record<string, unknown> & { row: number }> {
  const [headers, ...rows] = w.ws.sheets.table(CALENDAR_TAB.name);
  return rows.map((values, i) => {
    const out: Record<string, unknown> & { row: number } = { row: i + 2 };
    for (const c of CALENDAR_TAB.columns) {
      const at = headers.indexOf(c.header);
      out[c.key] = at >= 0 ? values[at] : '';
    }
    return out;
  });
}

/** 1-based column of a Calendar-tab key as the grid shows it now. */
export function columnOfKey(w: World, key: string): number {
  const header = CALENDAR_TAB.columns.find((c) => c.key === key)?.header;
  const at = w.ws.sheets.table(CALENDAR_TAB.name)[0].indexOf(header ?? '');
  if (at < 0) throw new Error(`No column for ${key}`);
  return at + 1;
}

/** Number of rows below the header on the Calendar tab. */
export function rowCount(w: World): number {
  return w.ws.sheets.table(CALENDAR_TAB.name).length - 1;
}

/** The plan's events: live events tagged with an activity ID. */
export function ownedEvents(w: World): EventSnapshot[] {
  return w.ws.calendar.liveEvents(w.calendarId).filter((e) => e.tags.swpActivityId);
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

function cellText(v: unknown): string {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]')
    return (v as Date).toISOString();
  return String(v ?? '');
}
