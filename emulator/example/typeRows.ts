// Types the example's rows into tabs set-up made, finding each column by the key set-up left on it.
import type { FakeSheet } from '../spreadsheet/sheet';
import type { Workspace } from '../workspace';

/**
 * The developer-metadata key the add-on puts on each plan column (README "Plan tabs"). The example
 * reads it as sheet data, the way any script with access to the spreadsheet could, instead of
 * importing the add-on's schema: the emulator must not share code with what it checks.
 */
const COLUMN_KEY = 'swp.column';

/** A row of a plan tab, by column key (values as a partner would type them). */
export type ExampleRow = Record<string, string>;

function sheetNamed(ws: Workspace, name: string): FakeSheet {
  const sheet = ws.sheets.app.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`The example needs the ${name} tab: run set-up first`);
  return sheet;
}

/** Column number (1-based) of each column key on the tab. */
function columnsByKey(sheet: FakeSheet): Map<string, number> {
  const columns = new Map<string, number>();
  for (const md of sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).find()) {
    const column = md.getLocation().getColumn();
    if (column) columns.set(String(md.getValue()), column.getColumn());
  }
  return columns;
}

/**
 * The last row someone typed in: a cell counts unless it is blank or an unticked box under a
 * checkbox rule (whether Sheets reads an untouched box as '' or FALSE is undocumented, and as FALSE
 * a column of boxes would make getLastRow the grid's last row). The emulator's own rule, like a
 * partner's eye: it shares no code with the add-on.
 */
export function lastTypedRow(sheet: FakeSheet): number {
  const last = sheet.getLastRow();
  if (last < 1) return 0;
  const range = sheet.getRange(1, 1, last, Math.max(sheet.getLastColumn(), 1));
  const values = range.getValues();
  const rules = range.getDataValidations();
  for (let r = values.length - 1; r >= 0; r--) {
    const typed = values[r].some((v, c) => {
      if (v === '' || v === null) return false;
      const unticked = v === false && String(rules[r][c]?.getCriteriaType()) === 'CHECKBOX';
      return !unticked;
    });
    if (typed) return r + 1;
  }
  return 0;
}

/**
 * Appends `rows` under the last row of the tab, each cell in the column whose key it names, as a
 * partner would type them (the spreadsheet parses dates and times). Rows whose ID is already on
 * the tab are skipped, so seeding twice changes nothing.
 */
export function typeRowsByKey(ws: Workspace, tabName: string, rows: readonly ExampleRow[]): void {
  const sheet = sheetNamed(ws, tabName);
  const columns = columnsByKey(sheet);
  const width = sheet.getLastColumn();
  const last = lastTypedRow(sheet);
  const idColumn = columns.get('id');
  const present = new Set(
    idColumn && last > 1
      ? sheet
          .getRange(2, idColumn, last - 1, 1)
          .getValues()
          .map((r) => String(r[0]))
      : [],
  );
  const fresh = rows.filter((r) => !r.id || !present.has(r.id));
  if (fresh.length === 0) return;
  const block = fresh.map((row) => {
    const values: unknown[] = Array(width).fill('');
    for (const [key, text] of Object.entries(row)) {
      const column = columns.get(key);
      if (!column) throw new Error(`The example names a column ${tabName} lacks: ${key}`);
      values[column - 1] = text;
    }
    return values;
  });
  sheet.getRange(last + 1, 1, block.length, width).setValues(block);
}

/** The column number of a key on a tab, for typing into single cells. */
export function columnOfKey(ws: Workspace, tabName: string, key: string): number {
  const column = columnsByKey(sheetNamed(ws, tabName)).get(key);
  if (!column) throw new Error(`No column ${key} on ${tabName}`);
  return column;
}
