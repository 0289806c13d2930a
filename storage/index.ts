export * from './applicationQueue.js';
export * from './applicationStatus.js';
export { AtomicJsonFile, CorruptJsonFileError } from './atomicJsonFile.js';
export { LockTimeoutError, type FileLockOptions } from './fileLock.js';
export { createLowdbApplicationQueue, type LowdbApplicationQueueOptions } from './lowdbApplicationQueue.js';
export { DEFAULT_STATE_CACHE_SIZE, LowdbStorage, type LowdbStorageOptions } from './lowdbStorage.js';
export { formatReference, parseReference, submissionYear } from './referenceSequence.js';
