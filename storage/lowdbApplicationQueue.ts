import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { applyAmendment } from './applicationAmendment.js';
import { applicationCopy, withStatusChange } from './applicationFile.js';
import type {
  ApplicationAmendment,
  ApplicationFilter,
  ApplicationQueue,
  FileAmendment,
  ListReport,
  NewApplication,
  StoredApplication,
  SubmitResult,
} from './applicationQueue.js';
import {
  isApplicationStatus,
  UnknownReferenceError,
  type ApplicationStatus,
} from '../dialogs/domain/applicationStatus.js';
import { assertVersion } from './applicationVersion.js';
import {
  AtomicJsonFile,
  CorruptJsonFileError,
  isErrnoException,
  writeFilesAtomically,
  type FileToWrite,
} from './atomicJsonFile.js';
import { DEFAULT_STALE_MS, withFileLock, type FileLockOptions } from './fileLock.js';
import { IdempotencyIndex } from './idempotencyIndex.js';
import {
  compareReferences,
  parseReference,
  ReferenceSequence,
  type PendingSubmission,
} from './referenceSequence.js';
import { SubmissionBatches } from './submissionBatch.js';

export interface LowdbApplicationQueueOptions {
  lock?: FileLockOptions;
  /** A file `list` could not read and skipped; the error is the reader's, never to be logged as such. */
  onSkipped?: (reference: string, error: unknown) => void;
}

/**
 * The committee queue in `<dataDir>/applications/`: one JSON file per application (`ALZ-2026-0007.json`),
 * `sequence.json` (the counters, and the intents of the batch of submissions being written),
 * `idempotency/<sha256>.json` and the `.lock` taken around every write.
 */
export function createLowdbApplicationQueue(
  dataDir: string,
  options: LowdbApplicationQueueOptions = {},
): ApplicationQueue {
  return new LowdbApplicationQueue(path.join(path.resolve(dataDir), 'applications'), options);
}

const APPLICATION_FILE = /^ALZ-\d{4}-\d{4,}\.json$/;

export class LowdbApplicationQueue implements ApplicationQueue {
  private readonly sequence: ReferenceSequence;
  private readonly idempotency: IdempotencyIndex;
  private readonly submissions: SubmissionBatches;
  private foldersReady: Promise<void> | undefined;
  /** What `list` parsed, by reference, with the stamp of the file it came from. */
  private readonly listed = new Map<string, { stamp: string; application: StoredApplication }>();

  constructor(
    readonly folder: string,
    private readonly options: LowdbApplicationQueueOptions = {},
  ) {
    this.sequence = new ReferenceSequence(path.join(folder, 'sequence.json'));
    this.idempotency = new IdempotencyIndex(path.join(folder, 'idempotency'));
    this.submissions = new SubmissionBatches({
      sequence: this.sequence,
      idempotency: this.idempotency,
      exclusive: (task) => this.exclusive(task),
      readApplication: (reference) => this.readApplication(reference),
      filePathFor: (reference) => this.filePathFor(reference),
    });
  }

  /** Group-committed with the other submissions of the moment (storage/submissionBatch.ts). */
  submit(input: NewApplication, idempotencyKey: string): Promise<SubmitResult> {
    if (idempotencyKey.trim() === '') return Promise.reject(new TypeError('An idempotency key is required'));
    return this.submissions.submit(input, idempotencyKey);
  }

  async get(reference: string): Promise<StoredApplication | undefined> {
    if (!parseReference(reference)) return undefined;
    const application = await this.readApplication(reference);
    if (application) return application;
    // Numbered in a batch whose files are being written (or were, when a crash stopped it): already sent.
    const intent = (await this.pendingSubmissions()).find((pending) => pending.reference === reference);
    return intent && applicationCopy(intent.application);
  }

  async list(filter: ApplicationFilter = {}, report?: ListReport): Promise<StoredApplication[]> {
    // Read before the folder: an intent cleared meanwhile has its file there by then.
    const pending = await this.pendingSubmissions(true);
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return [];
      throw error;
    }
    const references = names.filter((name) => APPLICATION_FILE.test(name)).map((name) => name.slice(0, -5));
    const present = new Set(references);
    const numbered = pending
      .filter((intent) => !present.has(intent.reference))
      .map((intent) => applicationCopy(intent.application));
    const applications = await Promise.all(
      references.map((reference) =>
        this.readListed(reference).catch((error: unknown) => {
          report?.skipped.push(reference);
          this.options.onSkipped?.(reference, error);
          return undefined;
        }),
      ),
    );
    report?.skipped.sort(compareReferences);
    return [...applications, ...numbered]
      .filter((application): application is StoredApplication => application !== undefined)
      .filter((application) => filter.status === undefined || application.status === filter.status)
      .filter((application) => filter.userId === undefined || application.userId === filter.userId)
      .filter((application) => filter.channel === undefined || application.channel === filter.channel)
      .sort((a, b) => compareReferences(a.reference, b.reference));
  }

  /**
   * The folder's modification time: every write (a temporary file renamed into the folder, the lock file) changes
   * it, whichever process writes. The kernel stamps it with a coarse clock, so two writes a few milliseconds
   * apart may share a stamp: a stamp younger than a second is not trusted (undefined: read again).
   */
  async listVersion(): Promise<string | undefined> {
    try {
      const { mtimeNs } = await stat(this.folder, { bigint: true });
      const ageMs = Date.now() - Number(mtimeNs / 1_000_000n);
      return ageMs > 1000 ? String(mtimeNs) : undefined;
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return 'none';
      throw error;
    }
  }

  changeStatus(
    reference: string,
    to: ApplicationStatus,
    by: string,
    comment?: string,
    now: Date = new Date(),
    expectedVersions?: readonly string[],
  ): Promise<StoredApplication> {
    return this.exclusive(async () => {
      await this.submissions.recoverAndClear();
      // Re-read inside the lock: the other process may have changed it since our caller looked.
      const application = parseReference(reference) ? await this.readApplication(reference) : undefined;
      if (!application) throw new UnknownReferenceError(reference);
      assertVersion(application, expectedVersions);
      const updated = withStatusChange(application, to, by, comment, now);
      return this.writeApplication(updated);
    });
  }

  amend(reference: string, amendment: ApplicationAmendment): Promise<StoredApplication> {
    return this.exclusive(async () => {
      await this.submissions.recoverAndClear();
      const application = parseReference(reference) ? await this.readApplication(reference) : undefined;
      if (!application) throw new UnknownReferenceError(reference);
      return this.writeApplication(applyAmendment(application, amendment));
    });
  }

  /**
   * Under one lock: every file read, amended (several amendments of one file in their order) and written with
   * the others, the folder fsynced once. An unknown or unreadable file is left out, as its `amend` would fail.
   */
  amendEach(changes: readonly FileAmendment[]): Promise<void> {
    const byReference = new Map<string, ApplicationAmendment[]>();
    for (const { reference, amendment } of changes) {
      if (parseReference(reference))
        byReference.set(reference, [...(byReference.get(reference) ?? []), amendment]);
    }
    if (byReference.size === 0) return Promise.resolve();
    return this.exclusive(async () => {
      await this.submissions.recoverAndClear();
      const files = await Promise.all(
        [...byReference].map(async ([reference, amendments]): Promise<FileToWrite | undefined> => {
          const application = await this.readApplication(reference).catch(() => undefined);
          if (!application) return undefined;
          const updated = amendments.reduce(applyAmendment, application);
          // The text writeApplication writes (its JSON copy serialises to the same text: no copy made here).
          return { filePath: this.filePathFor(reference), text: JSON.stringify(updated, null, 2) };
        }),
      );
      await writeFilesAtomically(files.filter((file): file is FileToWrite => file !== undefined));
    });
  }

  /** Writes atomically and returns what a later read will see (a JSON copy, undefined fields dropped). */
  private async writeApplication(application: StoredApplication): Promise<StoredApplication> {
    const copy = applicationCopy(application);
    await new Low<StoredApplication>(
      new AtomicJsonFile(this.filePathFor(application.reference)),
      copy,
    ).write();
    return copy;
  }

  /**
   * A file for `list`: parsed again only when it was replaced since (its inode, size or time changed; every write
   * renames a new file into place), so that listing thousands of files after one changed reads that one. A file
   * changed less than a second ago is not kept (the time's stamp is coarse). The objects kept are shared by
   * every `list`: callers never change them (a change is `amend` or `changeStatus`, which write a copy).
   */
  private async readListed(reference: string): Promise<StoredApplication | undefined> {
    let info;
    try {
      info = await stat(this.filePathFor(reference), { bigint: true });
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
      throw error;
    }
    const stamp = `${info.ino}:${info.size}:${info.mtimeNs}`;
    const kept = this.listed.get(reference);
    if (kept?.stamp === stamp) return kept.application;
    const application = await this.readApplication(reference);
    const settled = Date.now() - Number(info.mtimeNs / 1_000_000n) > 1000;
    if (application && settled) this.listed.set(reference, { stamp, application });
    else this.listed.delete(reference);
    return application;
  }

  private async readApplication(reference: string): Promise<StoredApplication | undefined> {
    const filePath = this.filePathFor(reference);
    const file = new Low<unknown>(new AtomicJsonFile(filePath), null);
    await file.read();
    if (file.data === null) return undefined;
    if (!isStoredApplication(file.data, reference)) {
      throw new CorruptJsonFileError(filePath, new Error(`not the application file ${reference}`));
    }
    return file.data;
  }

  /**
   * The intents in `sequence.json`, read without the lock: normally none, or those of a batch being written.
   * An intent older than a lock's stale delay was left by a crash: with `complete`, it is completed under the
   * lock (its file written, the intent and its personal data gone from `sequence.json`) rather than shown.
   */
  private async pendingSubmissions(complete = false): Promise<PendingSubmission[]> {
    let pending: PendingSubmission[];
    try {
      ({ pending } = await this.sequence.read());
    } catch {
      return []; // a corrupt counter stops submissions (they report it), not the reading of the files
    }
    if (!complete || pending.length === 0) return pending;
    const { mtimeMs } = await stat(this.sequence.filePath).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs <= (this.options.lock?.staleMs ?? DEFAULT_STALE_MS)) return pending;
    try {
      await this.exclusive(() => this.submissions.recoverAndClear());
    } catch {
      return pending; // the lock busy or the disk refusing: shown as they are, completed by the next writer
    }
    return this.pendingSubmissions();
  }

  /** Every write runs under the lock, which also serialises this process's own calls. */
  private async exclusive<T>(task: () => Promise<T>): Promise<T> {
    await this.ensureFolders(); // the lock file lives in the folder
    return withFileLock(path.join(this.folder, '.lock'), task, this.options.lock);
  }

  private ensureFolders(): Promise<void> {
    this.foldersReady ??= mkdir(this.idempotency.folder, { recursive: true }).then(
      () => undefined,
      (error: unknown) => {
        this.foldersReady = undefined; // let the next call try again
        throw error;
      },
    );
    return this.foldersReady;
  }

  private filePathFor(reference: string): string {
    return path.join(this.folder, `${reference}.json`);
  }
}

function isStoredApplication(value: unknown, reference: string): value is StoredApplication {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredApplication>;
  return (
    candidate.reference === reference &&
    isApplicationStatus(candidate.status) &&
    typeof candidate.submittedAt === 'string' &&
    typeof candidate.userId === 'string' &&
    typeof candidate.data === 'object' &&
    candidate.data !== null &&
    Array.isArray(candidate.history)
  );
}
