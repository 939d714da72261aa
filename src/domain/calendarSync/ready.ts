// What a sync publishes: one rule for a click and a trigger (the Status column's note says it).
import { ACTIVITY_STATUSES, CALENDAR_TAB, PUBLISHED_STATUSES } from '../schema/tabs';
import { asText, matchOption, quoteCell } from '../table/cells';
import { type TableRecord, typedCells } from '../table/records';
import type { ActivityParse } from './types';

/** Why a row is not published this run; null when the row goes on to be read as an event. */
export type Hold = Extract<ActivityParse, { kind: 'notReady' }>;

const CHOOSE = `choose a Status (${PUBLISHED_STATUSES.join(', ')})`;

/** The row's Status: one of the list, '' when empty, or null for text outside the list. */
export function statusOf(record: TableRecord): (typeof ACTIVITY_STATUSES)[number] | '' | null {
  const c = typedCells(CALENDAR_TAB, record);
  if (asText(c.status) === '') return '';
  return matchOption(c.status, ACTIVITY_STATUSES);
}

/** A row with Title and Start date filled (the rest is read, and reported, by parseActivity). */
function hasTitleAndDate(record: TableRecord): boolean {
  const c = typedCells(CALENDAR_TAB, record);
  return asText(c.title) !== '' && asText(c.startDate) !== '';
}

/**
 * True for a row the coordinator may send as Planned by count: Status empty, Title and Start date
 * filled. Text outside the list ("Idea") is a partner's word and is never overwritten.
 */
export function awaitsStatus(record: TableRecord): boolean {
  return statusOf(record) === '' && hasTitleAndDate(record);
}

/**
 * The publish rule. A row is sent to the calendar only when its Status is Planned, Confirmed or
 * Done (Draft and Cancelled are decisions parseActivity turns into removals). A row being typed
 * cell by cell must not become an event (and invitations) at every edit, so an automatic run also
 * waits for Title and Start date; a click reports those as errors to fix instead (`typing`).
 */
export function publishHold(record: TableRecord, typing: boolean): Hold | null {
  const status = statusOf(record);
  const lacks: string[] = [];
  // A row held for its Status says everything it lacks; a ready one's gaps are errors on a click.
  const held = status === '' || status === null;
  if (typing || held) {
    const c = typedCells(CALENDAR_TAB, record);
    if (!asText(c.title)) lacks.push('type the Title');
    if (!asText(c.startDate)) lacks.push('type the Start date');
  }
  if (status === '') {
    return {
      kind: 'notReady',
      lacks: [...lacks, CHOOSE],
      noStatus: hasTitleAndDate(record),
    };
  }
  if (status === null) {
    const typed = quoteCell(asText(typedCells(CALENDAR_TAB, record).status));
    return {
      kind: 'notReady',
      lacks: [...lacks, `Status ${typed} is not one of ${ACTIVITY_STATUSES.join(', ')}: ${CHOOSE}`],
    };
  }
  if (status === 'Draft' || status === 'Cancelled') return null;
  return lacks.length ? { kind: 'notReady', lacks } : null;
}
