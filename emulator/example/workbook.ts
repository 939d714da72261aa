// The example's workbook: set up through the sidebar, then what the coordinator and partners type.

import type { Addon } from '../addon';
import {
  EXAMPLE_GOALS as MODEL_GOALS,
  EXAMPLE_OUTCOMES as MODEL_OUTCOMES,
  EXAMPLE_PARTNERS as MODEL_PARTNERS,
} from './logicModel';
import {
  EXAMPLE_AGREEMENTS,
  EXAMPLE_CONTACTS,
  EXAMPLE_DISTRICT,
  EXAMPLE_EXTRA_GOAL,
  EXAMPLE_EXTRA_OUTCOMES,
  EXAMPLE_PARTNERSHIP,
  EXAMPLE_STEPS,
} from './partnership';
import { columnOfKey } from './typeRows';

/**
 * Types into the rows of a tab the way a partner would (parsed like typing), by header text:
 * `cellsOf(values)` gives the cells of a row, or null to leave it alone.
 */
function typeByHeader(
  addon: Addon,
  sheetName: string,
  cellsOf: (values: unknown[]) => Record<string, string> | null,
): void {
  const sheets = addon.workspace.sheets;
  const [headers, ...rows] = sheets.table(sheetName);
  rows.forEach((values, i) => {
    for (const [header, text] of Object.entries(cellsOf(values) ?? {})) {
      const column = headers.indexOf(header) + 1;
      if (column === 0) throw new Error(`The example names a column ${sheetName} lacks: ${header}`);
      sheets.userEdit(sheetName, i + 2, column, text);
    }
  });
}

/** Types new rows (cells by column key, IDs left to set-up's repair) below a tab's last row. */
function typeRows(addon: Addon, tabName: string, rows: readonly Record<string, string>[]): void {
  const sheets = addon.workspace.sheets;
  const table = sheets.table(tabName);
  rows.forEach((cells, i) => {
    for (const [key, text] of Object.entries(cells)) {
      if (key === 'id' || text === '') continue;
      const column = columnOfKey(addon.workspace, tabName, key);
      sheets.userEdit(tabName, table.length + 1 + i, column, text);
    }
  });
}

/**
 * Set-up from the sidebar with the partners (P1–P8 as the logic-model example numbers them, then
 * the district), the agreements and steps typed on the tabs, the goals and outcomes typed and
 * given IDs by "Check and repair the plan" (G1–G3, O1–O8), exactly as a coordinator would.
 */
export function seedWorkbook(addon: Addon): void {
  addon.runFromSidebar('setUpPlan', {
    ...EXAMPLE_PARTNERSHIP,
    partners: [
      ...MODEL_PARTNERS.map((p) => ({
        organisation: p.organisation,
        type: p.type,
        role: p.role,
        ...EXAMPLE_CONTACTS[p.organisation],
      })),
      { ...EXAMPLE_DISTRICT },
    ],
    calendar: { mode: 'new' },
    // The school the partnership starts from: the coordinator names it at set-up.
    leadOrganisation: MODEL_PARTNERS[0].organisation,
  });
  const organisation = (values: unknown[]) => String(values[1] ?? '');
  typeByHeader(addon, 'Partners', (values) => EXAMPLE_AGREEMENTS[organisation(values)] ?? null);
  typeByHeader(addon, 'Partnership', (values) => EXAMPLE_STEPS[organisation(values)] ?? null);
  typeRows(addon, 'Goals', [...MODEL_GOALS, EXAMPLE_EXTRA_GOAL]);
  addon.runFromSidebar('repairPlan');
  const third = `G3 · ${EXAMPLE_EXTRA_GOAL.goal}`;
  typeRows(addon, 'Outcomes', [
    ...MODEL_OUTCOMES,
    ...EXAMPLE_EXTRA_OUTCOMES.map((o) => ({ goal: third, ...o })),
  ]);
  addon.runFromSidebar('repairPlan');
}
