import path from 'node:path';
import type { Storage } from 'botbuilder';
import { StorageQueueNotifier } from './applicationNotifier.js';
import type { ApplicationQueue } from './applicationQueue.js';
import { azureAccountOf, blobsStorageOf } from './azureAccount.js';
import { AzureApplicationQueue } from './azureApplicationQueue.js';
import { AzureContactRequestStore } from './azureContactRequests.js';
import { AzureDocumentStore } from './azureDocumentStore.js';
import { createLowdbContactRequestStore, type ContactRequestStore } from './contactRequests.js';
import type { DocumentStore } from './documentStore.js';
import { createLowdbApplicationQueue } from './lowdbApplicationQueue.js';
import { LowdbDocumentStore } from './lowdbDocumentStore.js';
import { AzureFunnelStore } from './azureFunnelStore.js';
import type { FunnelStore } from './funnelStore.js';
import { LowdbFunnelStore } from './lowdbFunnelStore.js';
import { LowdbStorage } from './lowdbStorage.js';
import { SnapshotStorage } from './snapshotStorage.js';
import { ApplicantOutbox } from './applicantOutbox.js';
import { StatusOutbox } from './statusOutbox.js';
import { MailOutbox } from './mailOutbox.js';
import { withFileLock } from './fileLock.js';
import { azureStateKeys } from './stateKeys.js';
import { AZURE_DEFAULTS, type AzureBackendConfig, type StorageBackendConfig } from './storageBackend.js';

export interface StoresOptions {
  /** DATA_DIR: where the lowdb back end keeps its files. */
  dataDir: string;
  backend: StorageBackendConfig;
  /** A new file is stored but advisors could not be notified (Azure Storage Queue); never personal data. */
  onNotifyError?: (error: unknown, reference: string) => void;
  /** An application file the list could not read and left out (lowdb back end). */
  onSkippedFile?: (reference: string, error: unknown) => void;
  /** The state journal could not write its changes behind to the per-key files (lowdb back end; retried). */
  onStateCompactionError?: (error: unknown) => void;
}

/** Everything the bot and the committee tools store, whatever the back end. */
export interface Stores {
  /** Bot state (conversation and user state). */
  storage: Storage;
  queue: ApplicationQueue;
  contactRequests: ContactRequestStore;
  /** Supporting documents, by draft or reference (DATA_DIR/documents/ or a private Blob container). */
  documents: DocumentStore;
  /** Status notices an older committee CLI left (read once, moved to the applicant outbox). */
  statusOutbox: StatusOutbox;
  /** Every message to an applicant outside their turns, kept until a channel accepted it. */
  applicantOutbox: ApplicantOutbox;
  /** The anonymous funnel counts (DATA_DIR/funnel.json or an Azure table); written in batches (FunnelBatch). */
  funnel: FunnelStore;
  /** E-mails to applicants (receipts, status changes), kept until the SMTP server accepted them. */
  mailOutbox: MailOutbox;
  /** Every bot-state key, for maintenance (the purge of idle drafts). */
  stateKeys(): AsyncIterable<string>;
  /** Waits for pending writes; call before exiting. */
  close(): Promise<void>;
}

/** The only place that looks at which back end is configured. Nothing is contacted before the first use. */
export function createStores(options: StoresOptions): Stores {
  return options.backend.kind === 'azure'
    ? createAzureStores(options.backend, options.onNotifyError)
    : createLowdbStores(options.dataDir, options.onSkippedFile, options.onStateCompactionError);
}

function createLowdbStores(
  dataDir: string,
  onSkipped: StoresOptions['onSkippedFile'],
  onCompactionError: StoresOptions['onStateCompactionError'],
): Stores {
  const storage = new LowdbStorage({
    dir: path.join(dataDir, 'state'),
    ...(onCompactionError ? { onBackgroundError: onCompactionError } : {}),
  });
  return {
    storage,
    queue: createLowdbApplicationQueue(dataDir, onSkipped ? { onSkipped } : {}),
    contactRequests: createLowdbContactRequestStore(dataDir),
    documents: new LowdbDocumentStore(path.join(dataDir, 'documents')),
    funnel: new LowdbFunnelStore(dataDir),
    // The CLI and the server both change the outbox: a lock file makes each read-then-write whole.
    statusOutbox: new StatusOutbox(storage, (task) => withFileLock(path.join(dataDir, 'outbox.lock'), task)),
    applicantOutbox: new ApplicantOutbox(storage, (task) =>
      withFileLock(path.join(dataDir, 'outbox.lock'), task),
    ),
    mailOutbox: new MailOutbox(storage, (task) => withFileLock(path.join(dataDir, 'outbox.lock'), task)),
    stateKeys: () => storage.keys(),
    close: () => storage.close(),
  };
}

function createAzureStores(
  config: AzureBackendConfig,
  onNotifyError: StoresOptions['onNotifyError'],
): Stores {
  // One credential for every client, so a managed identity's token is fetched once and shared.
  const account = azureAccountOf(config);
  // BlobsStorage sends each write with If-Match, so an eTag conflict between instances is detected.
  const storage = new SnapshotStorage(blobsStorageOf(account, config.stateContainer));
  return {
    storage,
    statusOutbox: new StatusOutbox(storage),
    applicantOutbox: new ApplicantOutbox(storage),
    mailOutbox: new MailOutbox(storage),
    queue: new AzureApplicationQueue({
      account,
      tableName: config.applicationsTable,
      ...(config.notifyQueue ? { notifier: new StorageQueueNotifier(account, config.notifyQueue) } : {}),
      ...(onNotifyError ? { onNotifyError } : {}),
    }),
    contactRequests: new AzureContactRequestStore(account, config.requestsTable),
    documents: new AzureDocumentStore(
      account,
      config.documentsContainer ?? AZURE_DEFAULTS.documentsContainer,
    ),
    funnel: new AzureFunnelStore(account, config.funnelTable ?? AZURE_DEFAULTS.funnelTable),
    stateKeys: () => azureStateKeys(account, config.stateContainer),
    // Every write is awaited by its caller and the SDK clients hold no buffered data: nothing to flush.
    close: async () => undefined,
  };
}
