// Runs work under the document lock, so two coordinators pressing the same button cannot interleave.
import { UserError } from '../shared/errors';

/**
 * (V) getDocumentLock() is null outside a container-bound or add-on context; nothing is held
 * before tryLock. (I) An add-on uses the document lock, not the script lock: the script lock
 * would serialise every spreadsheet that has the add-on installed.
 */
export function withDocumentLock<T>(busyMessage: string, work: () => T, waitMs = 20_000): T {
  const lock = LockService.getDocumentLock();
  if (!lock) return work();
  if (!lock.tryLock(waitMs)) throw new UserError(busyMessage);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
