// A plan ready to sync, for integration tests: Calendar and Partners tabs (schema headers, column
// metadata), plan settings and a target calendar. Stand-in until set-up's `setUpPlan` lands on main.

import type { Addon } from '../../emulator/addon';
import { lastTypedRow } from '../../emulator/example/typeRows';
import type { Workspace, WorkspaceOptions } from '../../emulator/workspace';
import { SETTINGS_KEY } from '../../src/adapters/settings';
import type { TabDef } from '../../src/domain/schema/columns';
import { CALENDAR_TAB, PARTNERS_TAB } from '../../src/domain/schema/tabs';
import { DEFAULT_CALENDAR_SETTINGS, type PlanSettings } from '../../src/shared/settings';
import { ensurePlanTab } from './planTabs';
import { loadAddon } from './workspace';

export type Cells = Record<string, unknown>;

/** Creates a plan tab as set-up would: header row, tab and column metadata. */
export function createTab(ws: Workspace, tab: TabDef): void {
  ensurePlanTab(ws, tab);
}

/**
 * Writes rows (by column key) below the last row of a tab, as a partner's paste would. A Calendar
 * row that names no Status is typed Planned (ready to publish, as most tests want); pass
 * `status: ''` for a row with none.
 */
export function appendRows(ws: Workspace, tab: TabDef, rows: readonly Cells[]): number {
  const sheet = ws.sheets.app.getActiveSpreadsheet().getSheetByName(tab.name);
  if (!sheet) throw new Error(`No ${tab.name} tab`);
  const start = lastTypedRow(sheet) + 1;
  const ready = (r: Cells): Cells =>
    tab.key === CALENDAR_TAB.key && !('status' in r) ? { ...r, status: 'Planned' } : r;
  const values = rows.map((r) => tab.columns.map((c) => ready(r)[c.key] ?? ''));
  ws.sheets.userPasteValues(tab.name, start, 1, values);
  return start;
}

/** The Calendar tab as records keyed by column key (no counted calls). */
export function calendarRows(ws: Workspace): Array<Cells & { row: number }> {
  const [headers, ...rows] = ws.sheets.table(CALENDAR_TAB.name);
  const at = (key: string) =>
    headers.indexOf(CALENDAR_TAB.columns.find((c) => c.key === key)!.header);
  return rows.map((values, i) => {
    const out: Cells & { row: number } = { row: i + 2 };
    for (const c of CALENDAR_TAB.columns) out[c.key] = at(c.key) >= 0 ? values[at(c.key)] : '';
    return out;
  });
}

/** The column number (1-based) of a Calendar-tab key, for userEdit. */
export function calendarColumn(key: string): number {
  return CALENDAR_TAB.columns.findIndex((c) => c.key === key) + 1;
}

export const EXAMPLE_PARTNERS: Cells[] = [
  {
    organisation: 'Riverside Elementary School',
    email: 'principal@riverside-elem.example.org',
    invite: 'TRUE',
  },
  {
    organisation: 'Riverside Public Library',
    email: 'outreach@riverside-library.example.org',
    invite: 'TRUE',
  },
  {
    organisation: 'Northside Food Bank',
    email: 'info@northside-food.example.org',
    invite: 'FALSE',
  },
];

export interface SyncFixtureOptions extends WorkspaceOptions {
  planTimeZone?: string;
  calendar?: Partial<PlanSettings['calendar']>;
  partners?: Cells[];
}

export interface SyncFixture {
  ws: Workspace;
  addon: Addon;
  calendarId: string;
}

/** A workspace whose spreadsheet has the tabs, settings and a calendar the user owns. */
export function syncFixture(options: SyncFixtureOptions = {}): SyncFixture {
  const { ws, addon } = loadAddon(options);
  createTab(ws, PARTNERS_TAB);
  createTab(ws, CALENDAR_TAB);
  appendRows(ws, PARTNERS_TAB, options.partners ?? EXAMPLE_PARTNERS);
  const zone = options.planTimeZone ?? ws.options.spreadsheetTimeZone;
  const calendarId =
    options.calendar?.calendarId ??
    ws.calendar.addCalendar({
      name: 'Riverside Partnership',
      timeZone: options.calendarTimeZone ?? zone,
    });
  const settings: PlanSettings = {
    name: 'Riverside Community Schools Partnership',
    purpose: '',
    coordinator: 'Maya Lopez',
    coordinatorEmail: ws.options.userEmail,
    timeZone: zone,
    calendar: { ...DEFAULT_CALENDAR_SETTINGS, mode: 'existing', calendarId, ...options.calendar },
    schemaVersion: 1,
  };
  ws.properties.document.data.set(SETTINGS_KEY, JSON.stringify(settings));
  ws.runtime.resetCounts();
  return { ws, addon, calendarId };
}
