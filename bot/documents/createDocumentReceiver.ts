import type { AppConfig } from '../config.js';
import { clamdScanner } from '../clamdScanner.js';
import type { UploadStore } from '../directLine/uploadStore.js';
import type { Logger } from '../logger.js';
import { DocumentIntake } from '../../storage/documentIntake.js';
import type { DocumentStore } from '../../storage/documentStore.js';
import { AttachmentSources } from './attachmentSources.js';
import { DocumentReceiver, type DocumentReceiverParts } from './documentReceiver.js';

export interface DocumentReceiverSetup {
  config: Pick<AppConfig, 'documents' | 'auth'>;
  store: DocumentStore;
  uploads: UploadStore;
  required: readonly string[];
  logger: Logger;
  clock: () => Date;
  /** The programme's time zone (a Kbis' age is counted in days there). */
  timeZone: string;
  /** A document joined a submitted file (its history line, the advisors' alert). */
  onAddedToFile?: DocumentReceiverParts['onAddedToFile'];
}

/** The receiver of the server: its limits, the antivirus when CLAMD_ADDRESS is set, the trusted sources. */
export function createDocumentReceiver(setup: DocumentReceiverSetup): DocumentReceiver {
  const { limits, clamd, directLineHosts } = setup.config.documents;
  const intake = new DocumentIntake(setup.store, {
    limits,
    ...(clamd ? { scanner: clamdScanner(clamd) } : {}),
    now: setup.clock,
  });
  const sources = new AttachmentSources({
    uploads: setup.uploads,
    maxBytes: limits.maxBytes,
    authRequired: setup.config.auth.appId !== '',
    directLineHosts,
  });
  return new DocumentReceiver({
    intake,
    store: setup.store,
    sources,
    limits,
    required: setup.required,
    logger: setup.logger,
    clock: setup.clock,
    timeZone: setup.timeZone,
    ...(setup.onAddedToFile ? { onAddedToFile: setup.onAddedToFile } : {}),
  });
}
