export * from './applicationQueue.js';
export * from '../dialogs/domain/applicationStatus.js';
export {
  applicationsToCsv,
  csvCell,
  CSV_BOM,
  CSV_LINE_END,
  CSV_SEPARATOR,
  type CsvPresentation,
} from './applicationCsv.js';
export {
  APPLICATION_COLUMNS,
  applicationColumns,
  APPLICATION_DATA_KEYS,
  APPLICATION_META_KEYS,
  applicationRecord,
  applicationToRecord,
  dataKeysOf,
  flagsOf,
  type ApplicationFlag,
} from './applicationView.js';
export { applicationVersion, documentsVersion, StaleVersionError } from './applicationVersion.js';
export { AtomicJsonFile, CorruptJsonFileError } from './atomicJsonFile.js';
export * from './contactRequests.js';
export { LockTimeoutError, type FileLockOptions } from './fileLock.js';
export { createLowdbApplicationQueue, type LowdbApplicationQueueOptions } from './lowdbApplicationQueue.js';
export { DEFAULT_STATE_CACHE_SIZE, LowdbStorage, type LowdbStorageOptions } from './lowdbStorage.js';
export { formatReference, parseReference, submissionYear } from './referenceSequence.js';
export { isStoreBusyError } from './storeBusy.js';
export { createStores, type Stores, type StoresOptions } from './createStores.js';
