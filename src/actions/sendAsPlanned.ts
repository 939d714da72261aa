// Rows with no Status sent as Planned: only when the coordinator confirms their number (issue 22).
import { writeBlock } from '../adapters/sheets/cells';
import { awaitsStatus } from '../domain/calendarSync/ready';
import { UserError } from '../shared/errors';
import { plural } from '../shared/plural';
import { isSettingsOwner } from './authority';
import type { CalendarTabContext } from './calendarContext';

/** The refusal a partner sees: who decides, and what they can do themselves. */
function notCoordinator(owner: string): string {
  return `Only ${owner} can send rows without a Status as Planned: they decide what reaches the partnership’s calendar. Ask them, or choose a Status (Planned, Confirmed or Done) in each row yourself. Nothing was changed.`;
}

/** Consecutive sheet rows grouped, so a pasted block is one write. */
function runsOf(rows: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === row - 1) last.push(row);
    else runs.push([row]);
  }
  return runs;
}

/**
 * Writes "Planned" into the Status cell of every row waiting for a Status, after checking that the
 * coordinator runs this and confirmed exactly that many. Runs under the document lock, on the tab
 * read just now, so each cell is written where its row is at write time; only empty Status cells
 * are written (a partner's word such as "Idea" is never overwritten). Returns how many were sent.
 */
export function sendRowsAsPlanned(ctx: CalendarTabContext, confirmed: number): number {
  const { settings } = ctx;
  if (!isSettingsOwner(ctx.services, settings))
    throw new UserError(notCoordinator(settings.calendar.owner ?? 'the coordinator'));
  const rows = ctx.tab.records.filter(awaitsStatus).map((r) => r.row);
  if (rows.length !== confirmed)
    throw new UserError(
      `The Calendar tab changed since you confirmed: ${plural(rows.length, 'row')} ${rows.length === 1 ? 'has' : 'have'} no Status now, not ${confirmed}. Nothing was changed: sync again and confirm the new number.`,
    );
  const column = ctx.tab.location.index.status + 1;
  for (const run of runsOf(rows))
    writeBlock(
      ctx.tab.sheet,
      run[0],
      column,
      run.map(() => ['Planned']),
    );
  return rows.length;
}
