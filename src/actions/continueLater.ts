// Schedules the rest of a sync; this user's weekly-email trigger lends it the one clock trigger when in the way.
import { type DigestSlotNote, saveSlotNote } from '../adapters/digestSlot';
import type { GoogleServices } from '../adapters/google';
import { type ContinueAfter, scheduleContinuation } from '../adapters/syncServices';
import { actingUser } from './authority';

/**
 * What one sync knows of the weekly email's slot: the note it read at its start (or wrote when it
 * lent the slot), and whether giving it back owes the weekly email its daily check.
 */
export interface SlotWatch {
  note: DigestSlotNote | null;
  owed: boolean;
}

export const noSlotWatch = (): SlotWatch => ({ note: null, owed: false });

/**
 * scheduleContinuation, with the weekly email's daily trigger giving way when it alone is in the
 * way (V: one time-driven trigger per user and document): the note says it is owed the slot back
 * (src/actions/digest.ts, giveSlotBack) and that a daily check may be missed meanwhile.
 */
export function continueLater(
  services: GoogleServices,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  after: ContinueAfter = 'aMinute',
  watch: SlotWatch = noSlotWatch(),
): ReturnType<typeof scheduleContinuation> {
  return scheduleContinuation(services.triggers(), spreadsheet, after, () => {
    const note: DigestSlotNote = {
      v: 1,
      by: actingUser(services),
      at: Date.now(),
      displaced: true,
    };
    saveSlotNote(services.documentProperties(), note);
    watch.note = note;
  });
}
