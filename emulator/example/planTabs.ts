// Creates a plan tab the way set-up does (headers, tab and column metadata): for seeds and tests until set-up lands.
import type { TabDef } from '../../src/domain/schema/columns';
import { COLUMN_KEY_METADATA, TAB_KEY_METADATA } from '../../src/domain/schema/metadata';
import type { Workspace } from '../workspace';

const letter = (n: number): string =>
  n <= 26
    ? String.fromCharCode(64 + n)
    : letter(Math.floor((n - 1) / 26)) + letter(((n - 1) % 26) + 1);

/** Creates the tab if it is missing; an existing tab (made by set-up) is left as it is. */
export function ensurePlanTab(ws: Workspace, tab: TabDef): void {
  const ss = ws.sheets.app.getActiveSpreadsheet();
  if (ss.getSheetByName(tab.name)) return;
  const sheet = ss.insertSheet(tab.name);
  sheet.getRange(1, 1, 1, tab.columns.length).setValues([tab.columns.map((c) => c.header)]);
  sheet.addDeveloperMetadata(TAB_KEY_METADATA, tab.key);
  tab.columns.forEach((c, i) => {
    const col = letter(i + 1);
    sheet.getRange(`${col}:${col}`).addDeveloperMetadata(COLUMN_KEY_METADATA, c.key);
  });
}

/** Pastes rows (by column key) below the tab's last row, as a partner would. */
export function pasteRows(
  ws: Workspace,
  tab: TabDef,
  rows: readonly Record<string, unknown>[],
): number {
  const sheet = ws.sheets.app.getActiveSpreadsheet().getSheetByName(tab.name);
  if (!sheet) throw new Error(`No ${tab.name} tab`);
  const start = sheet.getLastRow() + 1;
  ws.sheets.userPasteValues(
    tab.name,
    start,
    1,
    rows.map((r) => tab.columns.map((c) => r[c.key] ?? '')),
  );
  return start;
}
