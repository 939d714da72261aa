// Writes the time values of times partners typed another way ("4pm", "16h"), one call per run of adjacent rows.
import type { TimeRun } from '../../domain/time/typedTime';

/**
 * Only the cells to retype are written (never the whole column: a time cell written back from
 * its 1899 Date could drift with the zone's old offset, and a partner may be typing next to it).
 * The column's time format shows each value as the sheet shows every time.
 */
export function writeTimeRuns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  column: number,
  runs: readonly TimeRun[],
): number {
  for (const run of runs)
    sheet.getRange(run.row, column, run.values.length, 1).setValues(run.values);
  return runs.length;
}
