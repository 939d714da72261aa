// The partnership profile block shown beside the steps checklist on the Partnership tab.
import type { PlanSettings } from '../../shared/settings';
import { literalCell } from '../table/literal';
import { columnLetter, sheetRef } from './a1';

/**
 * Column metadata marking the block's label column, so a re-run finds and rewrites the block in
 * place even after columns were added before it. The block is add-on data (the profile's truth is
 * PlanSettings in the document properties): set-up rewrites it whole, and it is warning-protected.
 */
export const PROFILE_BLOCK_METADATA = 'swp.block';
export const PROFILE_BLOCK_VALUE = 'profile';

export const PROFILE_NOTE =
  'Kept up to date by the add-on from the set-up (Extensions › Shared Work Plan › Set up the work plan). Change it there: edits here are replaced on the next set-up.';

const CALENDAR_WORDS: Record<PlanSettings['calendar']['mode'], string> = {
  none: 'Not chosen yet',
  new: 'A new group calendar',
  existing: 'An existing calendar',
};

/** The profile's row (1-based, in the block) that names the calendar. */
export const PROFILE_CALENDAR_ROW = 7;

/** "A new group calendar" only until the first sync makes it; then the calendar it is. */
export function profileCalendarText(settings: PlanSettings): string {
  const { mode, calendarId } = settings.calendar;
  if (mode === 'existing' && calendarId) return `${CALENDAR_WORDS.existing} (${calendarId})`;
  if (mode === 'new' && calendarId) return `The partnership’s group calendar (${calendarId})`;
  return CALENDAR_WORDS[mode];
}

/** Where the in-kind values are, so the profile can total them live with a formula. */
export interface InKindColumn {
  sheetName: string;
  column: number;
}

/** The block's cells (2 columns): labels, then values; user text is kept literal. */
export function profileRows(settings: PlanSettings, inKind: InKindColumn | null): unknown[][] {
  const total = inKind
    ? `=SUM(${sheetRef(inKind.sheetName)}!${columnLetter(inKind.column)}2:${columnLetter(inKind.column)})`
    : '';
  return [
    ['Partnership profile', ''],
    ['Name', literalCell(settings.name)],
    ['Purpose', literalCell(settings.purpose)],
    ['Coordinator', literalCell(settings.coordinator)],
    ['Coordinator email', literalCell(settings.coordinatorEmail)],
    ['Time zone', settings.timeZone],
    ['Shared calendar', literalCell(profileCalendarText(settings))],
    ['Total in-kind value (match)', total],
  ];
}

/** The block's first column: where it already is, else two columns right of everything else. */
export function profileColumn(existing: number | null, usedWidth: number): number {
  return existing ?? usedWidth + 2;
}
