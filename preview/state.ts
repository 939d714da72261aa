// What the preview page shows: a JSON snapshot of the emulated spreadsheet, menu, sidebar and calendars.
import type { Addon } from '../emulator/addon';
import { eventColor } from './calendar/eventColors';
import { describeRecurrence } from './calendar/recurrenceText';
import type { PreviewGridDetails } from './gridShape';
import { gridDetails } from './gridState';

export interface PreviewSheet {
  name: string;
  /** Hidden sheets (such as a form's response tab the add-on hides) have no tab in Sheets' bar. */
  hidden: boolean;
  frozenRows: number;
  /** Display values, as a person sees them in the grid. */
  rows: string[][];
  /** Header notes (row 1), so the page can show what each column means. */
  headerNotes: string[];
  /**
   * Dropdowns, checkboxes, hidden and frozen parts, notes and colours, from the emulated sheet; only
   * for the tabs the page asked for and the active one (null for the others: they cost time).
   */
  grid: PreviewGridDetails | null;
}

export interface PreviewEvent {
  id: string;
  title: string;
  allDay: boolean;
  start: string;
  end: string;
  location: string;
  description: string;
  /** The rule in words ("Every 2 weeks until 17 Dec 2027"), '' for a single event. */
  repeats: string;
  guests: string[];
  /** Google Calendar's name and colour for the event's colorId. */
  colorName: string;
  colorHex: string;
}

/** Toasts and dialogs carry their position in the add-on's history, so the page shows each once. */
export interface PreviewToast {
  seq: number;
  title: string;
  message: string;
  timeoutSeconds: number;
}

export interface PreviewDialog {
  seq: number;
  title: string;
  message: string;
}

export interface PreviewState {
  spreadsheet: {
    name: string;
    timeZone: string;
    sheets: PreviewSheet[];
    /** The sheet the add-on last showed, and the rows it selected there (sidebar links). */
    activeSheet: string;
    selection: { sheet: string; row: number; numRows: number } | null;
  };
  menus: Array<{ title: string; items: Array<{ caption: string; functionName: string } | null> }>;
  sidebar: { index: number; title: string } | null;
  dialogs: PreviewDialog[];
  toasts: PreviewToast[];
  calendars: Array<{ id: string; name: string; timeZone: string; events: PreviewEvent[] }>;
  logs: string[];
}

const iso = (value: unknown): string => {
  if (Object.prototype.toString.call(value) === '[object Date]')
    return (value as Date).toISOString();
  return String(value ?? '');
};

/** The last few, numbered from the start of the history. */
function recent<T, R>(items: readonly T[], keep: number, map: (item: T, seq: number) => R): R[] {
  const from = Math.max(0, items.length - keep);
  return items.slice(from).map((item, i) => map(item, from + i));
}

export function previewState(addon: Addon, detailed: readonly string[] = []): PreviewState {
  const ws = addon.workspace;
  const spreadsheet = ws.sheets.spreadsheet;
  const withDetails = new Set([...detailed, spreadsheet.getActiveSheet().getName()]);
  const sheets: PreviewSheet[] = spreadsheet.getSheets().map((sheet) => {
    const lastRow = Math.max(sheet.getLastRow(), 1);
    const lastCol = Math.max(sheet.getLastColumn(), 1);
    const range = sheet.getRange(1, 1, lastRow, lastCol);
    return {
      name: sheet.getName(),
      hidden: sheet.isSheetHidden(),
      frozenRows: sheet.getFrozenRows(),
      rows: range.getDisplayValues(),
      headerNotes: sheet.getRange(1, 1, 1, lastCol).getNotes()[0],
      grid: withDetails.has(sheet.getName())
        ? gridDetails(ws.sheets.book, ws.sheets.book.requireSheet(sheet.getSheetId()))
        : null,
    };
  });
  const ui = ws.sheets.ui;
  const open = ui.openSidebarIndex();
  return {
    spreadsheet: {
      name: spreadsheet.getName(),
      timeZone: spreadsheet.getSpreadsheetTimeZone(),
      sheets,
      activeSheet: spreadsheet.getActiveSheet().getName(),
      selection: ws.sheets.activeSelection(),
    },
    menus: ui.menus.map((m) => ({
      title: m.caption ?? ui.addonName,
      items: m.entries.map((e) =>
        e.kind === 'item' ? { caption: e.caption, functionName: e.functionName } : null,
      ),
    })),
    sidebar: open === null ? null : { index: open, title: ui.sidebars[open].title },
    dialogs: recent(ui.dialogs, 5, (d, seq) => ({
      seq,
      title: d.title ?? '',
      message: d.prompt,
    })),
    toasts: recent(spreadsheet.toasts, 3, (t, seq) => ({
      seq,
      title: t.title,
      message: t.message,
      timeoutSeconds: t.timeoutSeconds,
    })),
    calendars: ws.calendar.listCalendars().map((cal) => ({
      id: cal.id,
      name: cal.name,
      timeZone: cal.timeZone,
      events: ws.calendar.liveEvents(cal.id).map((e) => {
        const color = eventColor(e.color ?? '', '');
        return {
          id: e.id,
          title: e.title,
          allDay: e.allDay,
          start: iso(e.start),
          end: iso(e.end),
          location: e.location ?? '',
          description: e.description ?? '',
          repeats: describeRecurrence(e.recurrence ?? [], cal.timeZone),
          guests: e.guests.map((g) => g.email),
          colorName: color.name,
          colorHex: color.hex,
        };
      }),
    })),
    logs: ws.logs.slice(-20),
  };
}
