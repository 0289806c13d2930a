import { LockTimeoutError } from './fileLock.js';
import { QueueContentionError } from './azureApplicationQueue.js';

/** The store is busy (a lock held too long, a counter fought over): the caller may simply try again later. */
export function isStoreBusyError(error: unknown): boolean {
  return error instanceof LockTimeoutError || error instanceof QueueContentionError;
}
