// When a Calendar-tab row is ready for automatic syncs: required cells filled and a status chosen.
import { ACTIVITY_STATUSES, CALENDAR_TAB } from '../schema/tabs';
import { asText } from '../table/cells';
import { type TableRecord, typedCells } from '../table/records';

/**
 * What the row still lacks for an automatic sync, in words ([] when ready). A row being typed cell
 * by cell must not become an event (and invitations) at every edit: it waits until its Title and
 * Start date are filled and its Status is set. Draft and Cancelled count as set: they are decisions
 * (their removals go through the hold-back guard). Manual syncs do not ask this.
 */
export function readinessGaps(record: TableRecord): string[] {
  const c = typedCells(CALENDAR_TAB, record);
  const lacks: string[] = [];
  if (!asText(c.title)) lacks.push('type the Title');
  if (!asText(c.startDate)) lacks.push('type the Start date');
  if (!asText(c.status))
    lacks.push(
      `choose a Status (${ACTIVITY_STATUSES.filter((s) => s !== 'Draft' && s !== 'Cancelled').join(', ')})`,
    );
  return lacks;
}
