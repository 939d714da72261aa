// Warning-only protections on what partners must not change: header rows and add-on columns.
import { columnLetter } from '../../domain/workbook/a1';
import type { SheetBuilders } from '../google';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every protection the add-on makes starts with this, so set-up only ever changes its own. */
export const PROTECTION_PREFIX = 'Shared Work Plan: ';

export interface ProtectionSpec {
  description: string;
  /**
   * What to protect, in A1: whole rows ('1:1') and whole columns ('C:C') are open-ended, so rows
   * added later are covered and the protection does not change when the grid grows.
   */
  a1: string;
}

export const wholeColumnA1 = (column: number) => `${columnLetter(column)}:${columnLetter(column)}`;
export const HEADER_ROW_A1 = '1:1';

/**
 * Why warning-only, not editor-restricted (Google's Protection reference, (V)):
 * - `Range.protect()` alone protects nothing: its editors mirror the spreadsheet's until a script
 *   removes editors. Removing them would lock partners out, and scripts run as the person who
 *   runs them, so the add-on itself could no longer write IDs and sync columns when a partner
 *   (not the coordinator) runs set-up or the sync: only the owner and the listed editors could.
 *   A script cannot remove the spreadsheet's owner either, so restriction protects nothing from
 *   the owner anyway.
 * - `setWarningOnly(true)`: "every user can edit data in the area, except editing prompts a
 *   warning asking the user to confirm the edit". The warning is a prompt in the editor UI; a
 *   script's writes are not prompted. So a partner who types into an ID or a header gets a
 *   "shouldn't be changed accidentally" prompt, and their own rows (every other cell) stay free.
 * Protections cover only the header row and the add-on's columns, never partners' data cells.
 */
export function applyProtections(
  builders: SheetBuilders,
  sheet: Sheet,
  wanted: readonly ProtectionSpec[],
): void {
  const want = new Map(wanted.map((w) => [`${PROTECTION_PREFIX}${w.description}|${w.a1}`, w]));
  for (const protection of sheet.getProtections(builders.rangeProtection())) {
    const description = protection.getDescription();
    if (!description.startsWith(PROTECTION_PREFIX)) continue;
    const key = `${description}|${protection.getRange().getA1Notation()}`;
    if (want.has(key) && protection.isWarningOnly()) want.delete(key);
    else protection.remove();
  }
  for (const w of want.values()) {
    sheet
      .getRange(w.a1)
      .protect()
      .setDescription(`${PROTECTION_PREFIX}${w.description}`)
      .setWarningOnly(true);
  }
}
