// Refuses a whole save when any value would not fit in its cell, before a single cell is written.

import { CELL_TEXT_LIMIT, overlongCells } from '../domain/table/literal';
import { UserError } from '../shared/errors';
import { word } from '../shared/plural';

/** `header` names the fields as the tab does ("Problem statement"). */
export function refuseOverlong(
  values: Record<string, unknown>,
  header: (field: string) => string,
): void {
  const tooLong = overlongCells(values);
  if (tooLong.length)
    throw new UserError(
      `${tooLong.map(header).join(', ')}: too long for one cell (Google Sheets keeps at most ${CELL_TEXT_LIMIT.toLocaleString('en-US')} characters). Shorten ${word(tooLong.length, 'it', 'them')} and try again; nothing was saved.`,
    );
}
