import { access } from 'node:fs/promises';
import { applicationCopy, newApplicationFile } from './applicationFile.js';
import type { NewApplication, StoredApplication, SubmitResult } from './applicationQueue.js';
import { writeFilesAtomically, type FileToWrite } from './atomicJsonFile.js';
import type { IdempotencyIndex } from './idempotencyIndex.js';
import {
  nextReference,
  submissionYear,
  type PendingSubmission,
  type ReferenceSequence,
  type SequenceState,
} from './referenceSequence.js';

interface SubmitRequest {
  input: NewApplication;
  idempotencyKey: string;
  resolve: (result: SubmitResult) => void;
  reject: (error: unknown) => void;
}

/** Runs a task under the queue's lock (shared with the other processes on the folder). */
type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

// Bounds the intents one `sequence.json` write carries; a burst larger than this is two batches.
const MAX_BATCH = 256;

/**
 * Group commit of submissions: the calls that arrive while a batch is being written wait for the next one, and
 * each batch takes the lock once. Under it: every key looked up, the counter read once, consecutive numbers
 * issued and written with the batch's intents in ONE atomic `sequence.json`, then every idempotency record and
 * application file written in parallel (each folder fsynced once), then the intents cleared. 64 applicants
 * sending at once cost a few batches of about 2n + 6 fsyncs, instead of 64 turns of the lock with six each.
 */
export class SubmissionBatches {
  private waiting: SubmitRequest[] = [];
  private draining = false;

  constructor(
    private readonly parts: {
      sequence: ReferenceSequence;
      idempotency: IdempotencyIndex;
      exclusive: Exclusive;
      readApplication: (reference: string) => Promise<StoredApplication | undefined>;
      filePathFor: (reference: string) => string;
    },
  ) {}

  submit(input: NewApplication, idempotencyKey: string): Promise<SubmitResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, idempotencyKey, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  /**
   * Under the lock: completes the intents a crash left in `sequence.json` (the file and the record of each, the
   * record marked as never answered) and returns the state with them cleared in memory. The caller's next write
   * of `sequence.json` clears them on disk; `cleared` says whether one is needed.
   */
  async recover(): Promise<{ state: SequenceState; cleared: boolean }> {
    const state = await this.parts.sequence.read();
    if (state.pending.length === 0) return { state, cleared: false };
    const files: FileToWrite[] = [];
    for (const intent of state.pending) {
      if (!(await exists(this.parts.filePathFor(intent.reference)))) files.push(this.applicationFile(intent));
      files.push(this.parts.idempotency.recordFile(intent.key, intent.reference, true));
    }
    await writeFilesAtomically(files);
    return { state: { counters: state.counters, pending: [] }, cleared: true };
  }

  /** For the other writers (a status change, an amendment): leftovers completed and cleared first. */
  async recoverAndClear(): Promise<void> {
    const { state, cleared } = await this.recover();
    if (cleared) await this.parts.sequence.write(state);
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        let batch: SubmitRequest[] = [];
        try {
          const answer = await this.parts.exclusive(() => {
            // Taken once the lock is held: every call that arrived while it was awaited joins this batch.
            batch = this.waiting.splice(0, MAX_BATCH);
            return this.commit(batch);
          });
          answer(); // once the lock is released, as a lone submission was answered
        } catch (error) {
          // The lock was never taken (timeout): everyone waiting hears why, as each would have alone.
          if (batch.length === 0) batch = this.waiting.splice(0);
          for (const request of batch) request.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Writes the batch; returns what answers its callers. */
  private async commit(batch: SubmitRequest[]): Promise<() => void> {
    const { state, cleared } = await this.recover();
    const first = new Map<string, SubmitRequest>();
    for (const request of batch)
      if (!first.has(request.idempotencyKey)) first.set(request.idempotencyKey, request);
    const found = await Promise.all(
      [...first.values()].map((request) => this.existing(request).catch((error: unknown) => ({ error }))),
    );

    const intents: PendingSubmission[] = [];
    const files: FileToWrite[] = [];
    const outcomes = new Map<string, SubmitResult | { error: unknown }>();
    for (const [index, request] of [...first.values()].entries()) {
      const known = found[index];
      try {
        if (known === undefined) {
          const submittedAt = request.input.now ?? new Date();
          // Built before its number is issued: an input that cannot be stored fails alone and leaves no gap.
          const draft = newApplicationFile('', request.input, submittedAt);
          const reference = await nextReference(state.counters, submissionYear(submittedAt), (candidate) =>
            exists(this.parts.filePathFor(candidate)),
          );
          const application = { ...draft, reference };
          intents.push({ key: request.idempotencyKey, reference, application });
          outcomes.set(request.idempotencyKey, { application, created: true });
        } else if ('error' in known) {
          outcomes.set(request.idempotencyKey, known);
        } else {
          files.push(...known.files);
          outcomes.set(request.idempotencyKey, known.result);
        }
      } catch (error) {
        outcomes.set(request.idempotencyKey, { error });
      }
    }

    // The numbers are issued here, with their intents, in one atomic write (it also clears a crash's leftovers).
    if (intents.length > 0 || cleared) await this.parts.sequence.write({ ...state, pending: intents });
    for (const intent of intents) {
      files.push(
        this.applicationFile(intent),
        this.parts.idempotency.recordFile(intent.key, intent.reference),
      );
    }
    await writeFilesAtomically(files);
    if (intents.length > 0) await this.parts.sequence.write({ ...state, pending: [] });

    return () => {
      for (const request of batch) {
        const outcome = outcomes.get(request.idempotencyKey)!;
        if ('error' in outcome) request.reject(outcome.error);
        else if (request === first.get(request.idempotencyKey)) request.resolve(outcome);
        // The same key twice in one batch: the second is a double click, as if it had come after the first.
        else request.resolve({ application: applicationCopy(outcome.application), created: false });
      }
    };
  }

  /** A key already used: its file (written again from this input if a crash lost it), and what to write. */
  private async existing(
    request: SubmitRequest,
  ): Promise<{ result: SubmitResult; files: FileToWrite[] } | undefined> {
    const entry = await this.parts.idempotency.lookup(request.idempotencyKey);
    if (entry === undefined) return undefined;
    const { reference, recovered } = entry;
    // Completed after a crash: its submitter never heard back, so this is the answer to their submission.
    const files = recovered ? [this.parts.idempotency.recordFile(request.idempotencyKey, reference)] : [];
    const stored = await this.parts.readApplication(reference);
    if (stored) return { result: { application: stored, created: recovered }, files };
    // Recorded but its file lost (a crash of a version that wrote the record before the file): finish it.
    const application = newApplicationFile(reference, request.input, request.input.now ?? new Date());
    files.push({ filePath: this.parts.filePathFor(reference), text: JSON.stringify(application, null, 2) });
    return { result: { application, created: true }, files };
  }

  private applicationFile(intent: PendingSubmission): FileToWrite {
    return {
      filePath: this.parts.filePathFor(intent.reference),
      text: JSON.stringify(intent.application, null, 2),
    };
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await access(filePath);
    return true;
  } catch {
    return false;
  }
}
