// Runs a change under the document lock, so two people pressing the same button do not interleave.
import { UserError } from '../shared/errors';

/** (V) tryLock waits up to the timeout; the document lock is null outside a bound document. */
export function withDocumentLock<T>(busyMessage: string, work: () => T, timeoutMs = 20_000): T {
  const lock = LockService.getDocumentLock();
  if (!lock) return work();
  if (!lock.tryLock(timeoutMs)) throw new UserError(busyMessage);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
