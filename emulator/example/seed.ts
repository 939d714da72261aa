// Builds the preview's starting point: the example partnership, set up through the add-on itself.
import { Addon } from '../addon';
import { Workspace } from '../workspace';
import {
  EXAMPLE_AGREEMENTS,
  EXAMPLE_GOALS,
  EXAMPLE_OUTCOMES,
  EXAMPLE_PARTNERS,
  EXAMPLE_PARTNERSHIP,
  EXAMPLE_STEPS,
} from './partnership';

export interface ExampleOptions {
  codeDir?: string;
  /** Tests pin the clock; the live preview follows real time. */
  virtualClock?: boolean;
  startTime?: Date | number;
}

/**
 * Types cells the way a partner would (parsed like typing, dropdowns checked), by header text:
 * `cellsOf(row)` gives the cells of a sheet row (2-based), or null to leave the row alone.
 */
function typeByHeader(
  addon: Addon,
  sheetName: string,
  cellsOf: (row: number, values: unknown[]) => Record<string, string> | null,
): void {
  const sheets = addon.workspace.sheets;
  const [headers, ...rows] = sheets.table(sheetName);
  rows.forEach((values, i) => {
    const cells = cellsOf(i + 2, values);
    if (!cells) return;
    for (const [header, text] of Object.entries(cells)) {
      const column = headers.indexOf(header) + 1;
      if (column === 0) throw new Error(`The example names a column ${sheetName} lacks: ${header}`);
      sheets.userEdit(sheetName, i + 2, column, text);
    }
  });
}

/** Appends typed rows below a tab's last row (by header text), as partners do. */
function typeRows(addon: Addon, sheetName: string, rows: readonly Record<string, string>[]): void {
  const sheets = addon.workspace.sheets;
  const headers = sheets.table(sheetName)[0];
  const first = sheets.table(sheetName).length + 1;
  rows.forEach((cells, i) => {
    for (const [header, text] of Object.entries(cells))
      sheets.userEdit(sheetName, first + i, headers.indexOf(header) + 1, text);
  });
}

/**
 * The workbook part of the example: set-up from the sidebar with the partners, then what the
 * coordinator and partners type (agreements, steps, goals), then "Check and repair the plan",
 * which gives the typed goals and outcomes their IDs (and the dropdowns their labels).
 */
function seedWorkbook(addon: Addon): void {
  addon.runFromSidebar('setUpPlan', {
    ...EXAMPLE_PARTNERSHIP,
    partners: EXAMPLE_PARTNERS.map((p) => ({ ...p })),
    calendar: { mode: 'new' },
  });
  const org = (values: unknown[]) => String(values[1] ?? '');
  typeByHeader(addon, 'Partners', (_row, values) => EXAMPLE_AGREEMENTS[org(values)] ?? null);
  typeByHeader(addon, 'Partnership', (_row, values) => EXAMPLE_STEPS[org(values)] ?? null);
  typeRows(addon, 'Goals', EXAMPLE_GOALS);
  addon.runFromSidebar('repairPlan');
  const goals = addon.workspace.sheets.table('Goals').slice(1);
  typeRows(
    addon,
    'Outcomes',
    EXAMPLE_OUTCOMES.map((o) => ({
      Goal: `${goals[o.goal][0]} · ${goals[o.goal][1]}`,
      ...o.cells,
    })),
  );
  addon.runFromSidebar('repairPlan');
}

/**
 * A fresh workspace with the example partnership's spreadsheet, opened with the add-on installed.
 * Every later feature seeds its part here through the add-on's own public functions, so the
 * preview starts on what a coordinator would really have after using the add-on.
 */
export function createExampleWorkspace(options: ExampleOptions = {}): Addon {
  const workspace = new Workspace({
    spreadsheetName: EXAMPLE_PARTNERSHIP.name,
    spreadsheetTimeZone: EXAMPLE_PARTNERSHIP.timeZone,
    calendarTimeZone: EXAMPLE_PARTNERSHIP.timeZone,
    userEmail: EXAMPLE_PARTNERSHIP.coordinatorEmail,
    virtualClock: options.virtualClock ?? false,
    startTime: options.startTime,
  });
  const addon = new Addon(workspace, options.codeDir);
  addon.open('FULL');
  seedWorkbook(addon);
  return addon;
}
