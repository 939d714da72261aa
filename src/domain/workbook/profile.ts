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
  const calendar =
    settings.calendar.mode === 'existing' && settings.calendar.calendarId
      ? `${CALENDAR_WORDS.existing} (${settings.calendar.calendarId})`
      : CALENDAR_WORDS[settings.calendar.mode];
  return [
    ['Partnership profile', ''],
    ['Name', literalCell(settings.name)],
    ['Purpose', literalCell(settings.purpose)],
    ['Coordinator', literalCell(settings.coordinator)],
    ['Coordinator email', literalCell(settings.coordinatorEmail)],
    ['Time zone', settings.timeZone],
    ['Shared calendar', literalCell(calendar)],
    ['Total in-kind value (match)', total],
  ];
}

/** The block's first column: where it already is, else two columns right of everything else. */
export function profileColumn(existing: number | null, usedWidth: number): number {
  return existing ?? usedWidth + 2;
}
