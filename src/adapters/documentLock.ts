// Runs a write under the document lock, so two people saving at once cannot take the same new row or ID.
import { UserError } from '../shared/errors';
import type { DocumentLock } from './google';

/** The lock was held by another execution for longer than this one would wait. */
export class BusyError extends UserError {}

export const BUSY_MESSAGE =
  'Someone else is saving to the work plan right now. Please try again in a moment.';

/**
 * (V) getDocumentLock is null outside a container document: the work then runs unguarded.
 * (I) An add-on uses the document lock, not the script lock, which would serialise every
 * spreadsheet the add-on is installed in.
 */
export function withDocumentLock<T>(
  lock: DocumentLock | null,
  work: () => T,
  timeoutMs = 10_000,
  busyMessage: string = BUSY_MESSAGE,
): T {
  if (!lock) return work();
  if (!lock.tryLock(timeoutMs)) throw new BusyError(busyMessage);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
