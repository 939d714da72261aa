// What a Calendar-tab row carrying an archived activity's ID says: the sync leaves it and its event alone, and tells partners why.
import { ADDON_NAME, MENU } from '../../shared/messages';
import type { RowUpdate } from './writeBack';

/** The archive an activity went to, and whether that year's "Start the next year" finished. */
export interface ArchivedPlace {
  tab: string;
  done: boolean;
}

/** A row of the Calendar tab as the sync read it: where it is, its activity ID and its status. */
export interface ArchivedRowCandidate {
  row: number;
  /** The row's activity ID, normalised ('' when none). */
  id: string;
  syncStatus: string;
}

/**
 * The status such a row shows. A rollover that stopped part-way leaves the closed year's rows in
 * the tab until it is run again; once it finished, a row with an archived ID is a copy (or an undo)
 * of last year's row, and a new ID would be a new event — the coordinator's choice, not the sync's.
 */
export function archivedRowStatus(place: ArchivedPlace): string {
  return place.done
    ? `Archived in “${place.tab}”: this row repeats a closed year’s activity, so syncs leave it and its event alone. To hold it again this year, clear its Activity ID and Event ID; otherwise delete the row.`
    : `Being archived to “${place.tab}”: Start the next year stopped before moving this row there. Its event stays in the calendar as it is; the coordinator finishes it with Extensions › ${ADDON_NAME} › ${MENU.newYear}`;
}

/** Status updates for the rows with an archived ID whose Sync status does not say so yet. */
export function archivedRowUpdates(
  rows: readonly ArchivedRowCandidate[],
  placeOf: (activityId: string) => ArchivedPlace | null,
): RowUpdate[] {
  const updates: RowUpdate[] = [];
  for (const { row, id, syncStatus } of rows) {
    const place = id ? placeOf(id) : null;
    if (!place) continue;
    const status = archivedRowStatus(place);
    if (syncStatus !== status) updates.push({ row, syncStatus: status });
  }
  return updates;
}
