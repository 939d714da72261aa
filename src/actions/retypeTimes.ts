// Times typed as "4pm", "16h" or "16.00" in the Calendar tab become time values, shown the one way the sheet shows times.
import { writeTimeRuns } from '../adapters/sheets/typedTimes';
import type { ColumnLocation } from '../domain/table/locate';
import { retypedTimeRuns, type TimeRun } from '../domain/time/typedTime';
import type { CalendarTabContext } from './calendarContext';

/** The Start time and End time cells of these rows to write as time values, per column (1-based). */
export function retypedTimes(
  ctx: CalendarTabContext,
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  location: ColumnLocation,
): Array<{ column: number; runs: TimeRun[] }> {
  return (['startTime', 'endTime'] as const)
    .map((key) => ({
      column: location.index[key] + 1,
      runs: retypedTimeRuns(rows, firstRow, location.index[key], ctx.sheetZone, ctx.oracle),
    }))
    .filter((c) => c.runs.length > 0);
}

/** Writes them (one call per run of adjacent rows); returns how many cells changed. */
export function writeRetypedTimes(
  ctx: CalendarTabContext,
  columns: ReadonlyArray<{ column: number; runs: readonly TimeRun[] }>,
): number {
  let cells = 0;
  for (const { column, runs } of columns) {
    writeTimeRuns(ctx.tab.sheet, column, runs);
    for (const run of runs) cells += run.values.length;
  }
  return cells;
}
