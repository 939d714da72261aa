// A title typed as "=Fun run" is a formula to Sheets and reads as an error: the text columns take the typed words back.
import type { TabDef } from '../schema/columns';
import type { ColumnLocation } from './locate';

/** The error values Sheets shows for a formula it cannot work out (V: Sheets' error codes). */
const FORMULA_ERRORS = new Set([
  '#ERROR!',
  '#NAME?',
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NUM!',
  '#NULL!',
]);

/** Where the words partners type go: text columns, where a formula is never meant. */
function textColumns(tab: TabDef, location: ColumnLocation): number[] {
  return tab.columns
    .filter((c) => c.owner !== 'addon' && (c.kind === 'text' || c.kind === 'longText'))
    .map((c) => location.index[c.key])
    .filter((at) => at !== undefined && at >= 0);
}

/**
 * True when some text cell holds a formula error: only then is it worth one more read (the
 * formulas), so a plan without one costs nothing more.
 */
export function hasFormulaErrors(
  tab: TabDef,
  location: ColumnLocation,
  rows: readonly (readonly unknown[])[],
): boolean {
  const columns = textColumns(tab, location);
  return rows.some((row) => columns.some((at) => FORMULA_ERRORS.has(String(row[at]))));
}

/**
 * The rows with each text cell that holds a formula error replaced by the formula as typed
 * ("=Fun run", "+1 day trip" typed into a cell that reads it as a sum): the words a partner
 * meant, shown as typed on the dashboard, in the briefs and in the events. A formula that works
 * (=A2&" club") keeps its value.
 */
export function typedTextRows(
  tab: TabDef,
  location: ColumnLocation,
  rows: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
): unknown[][] {
  const columns = textColumns(tab, location);
  return rows.map((row, r) => {
    const out = [...row];
    for (const at of columns)
      if (FORMULA_ERRORS.has(String(row[at])) && formulas[r]?.[at]) out[at] = formulas[r][at];
    return out;
  });
}
