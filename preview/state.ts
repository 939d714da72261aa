// What the preview page shows: a JSON snapshot of the emulated spreadsheet, menu, sidebar and calendars.
import type { Addon } from '../emulator/addon';

export interface PreviewSheet {
  name: string;
  frozenRows: number;
  /** Display values, as a person sees them in the grid. */
  rows: string[][];
  /** Header notes (row 1), so the page can show what each column means. */
  headerNotes: string[];
}

export interface PreviewEvent {
  id: string;
  title: string;
  allDay: boolean;
  start: string;
  end: string;
  location: string;
  description: string;
  recurrence: string[];
  guests: string[];
  color: string;
}

export interface PreviewState {
  spreadsheet: { name: string; timeZone: string; sheets: PreviewSheet[] };
  menus: Array<{ title: string; items: Array<{ caption: string; functionName: string } | null> }>;
  sidebar: { index: number; title: string } | null;
  alerts: string[];
  calendars: Array<{ id: string; name: string; timeZone: string; events: PreviewEvent[] }>;
  logs: string[];
}

const iso = (value: unknown): string => {
  if (Object.prototype.toString.call(value) === '[object Date]')
    return (value as Date).toISOString();
  return String(value ?? '');
};

export function previewState(addon: Addon): PreviewState {
  const ws = addon.workspace;
  const spreadsheet = ws.sheets.spreadsheet;
  const sheets: PreviewSheet[] = spreadsheet.getSheets().map((sheet) => {
    const lastRow = Math.max(sheet.getLastRow(), 1);
    const lastCol = Math.max(sheet.getLastColumn(), 1);
    const range = sheet.getRange(1, 1, lastRow, lastCol);
    return {
      name: sheet.getName(),
      frozenRows: sheet.getFrozenRows(),
      rows: range.getDisplayValues(),
      headerNotes: sheet.getRange(1, 1, 1, lastCol).getNotes()[0],
    };
  });
  const ui = ws.sheets.ui;
  const open = ui.openSidebarIndex();
  return {
    spreadsheet: {
      name: spreadsheet.getName(),
      timeZone: spreadsheet.getSpreadsheetTimeZone(),
      sheets,
    },
    menus: ui.menus.map((m) => ({
      title: m.caption ?? ui.addonName,
      items: m.entries.map((e) =>
        e.kind === 'item' ? { caption: e.caption, functionName: e.functionName } : null,
      ),
    })),
    sidebar: open === null ? null : { index: open, title: ui.sidebars[open].title },
    alerts: ui.dialogs.slice(-5).map((d) => [d.title, d.prompt].filter(Boolean).join(': ')),
    calendars: ws.calendar.listCalendars().map((cal) => ({
      id: cal.id,
      name: cal.name,
      timeZone: cal.timeZone,
      events: ws.calendar.allEvents(cal.id).map((e) => ({
        id: e.id,
        title: e.title,
        allDay: e.allDay,
        start: iso(e.start),
        end: iso(e.end),
        location: e.location ?? '',
        description: e.description ?? '',
        recurrence: e.recurrence ?? [],
        guests: e.guests.map((g) => g.email),
        color: e.color ?? '',
      })),
    })),
    logs: ws.logs.slice(-20),
  };
}
