// Runs a write under the document lock, so two people saving at once cannot take the same new row or ID.
import { UserError } from '../shared/errors';

export const BUSY_MESSAGE =
  'Someone else is saving to the work plan right now. Please try again in a moment.';

/** (V) getDocumentLock is null outside a container document: the work then runs unguarded. */
export function withDocumentLock<T>(work: () => T, timeoutMs = 10_000): T {
  const lock = LockService.getDocumentLock();
  if (!lock) return work();
  if (!lock.tryLock(timeoutMs)) throw new UserError(BUSY_MESSAGE);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
