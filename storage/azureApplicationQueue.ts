import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import {
  applicationToEntity,
  entityToApplication,
  FILE_ROWS,
  fileRow,
  keyRow,
  QUEUE_PARTITION,
  sequenceRow,
  type IdempotencyEntity,
  type SequenceEntity,
} from './applicationEntity.js';
import { newApplicationFile, withStatusChange } from './applicationFile.js';
import { applyAmendment } from './applicationAmendment.js';
import type { ApplicationNotifier } from './applicationNotifier.js';
import type {
  ApplicationAmendment,
  ApplicationFilter,
  ApplicationQueue,
  NewApplication,
  StoredApplication,
  SubmitResult,
} from './applicationQueue.js';
import { UnknownReferenceError, type ApplicationStatus } from '../dialogs/domain/applicationStatus.js';
import type { AzureAccount } from './azureAccount.js';
import { assertVersion } from './applicationVersion.js';
import { azureStatusOf, isWriteConflict, LazyTable } from './azureTables.js';
import { CorruptEntityError } from './entityJson.js';
import { KeyedSerialQueue } from './keyedSerialQueue.js';
import { compareReferences, formatReference, parseReference, submissionYear } from './referenceSequence.js';

export interface AzureApplicationQueueOptions {
  /** A connection string, or the account's endpoints with a token credential. */
  account: AzureAccount;
  tableName: string;
  /** Told about each new file (a Storage Queue message); its failure never fails the submission. */
  notifier?: ApplicationNotifier;
  onNotifyError?: (error: unknown, reference: string) => void;
  /** Give up when other instances keep winning the counter for this long (default 30 s). */
  contentionTimeoutMs?: number;
}

export class QueueContentionError extends Error {
  constructor(readonly table: string) {
    super(`Committee queue "${table}": gave up after repeated write conflicts`);
    this.name = 'QueueContentionError';
  }
}

type Entity<T extends object> = TableEntityResult<T>;

/**
 * The committee queue on Azure Tables, shared by every bot instance and the committee tools. A submission is
 * one transaction: counter +1 (ETag-checked), idempotency record, file. So a reference is never given twice,
 * the sequence has no gap, and a repeated idempotency key fails the whole transaction (409) and gets the file
 * written by the winner. Status changes are ETag-checked too: two reviewers at once never lose a change.
 */
export class AzureApplicationQueue implements ApplicationQueue {
  private readonly table: LazyTable;
  // One submission at a time per process: the counter is then contended only between instances.
  private readonly submissions = new KeyedSerialQueue();

  constructor(private readonly options: AzureApplicationQueueOptions) {
    this.table = new LazyTable(options.account, options.tableName);
  }

  submit(input: NewApplication, idempotencyKey: string): Promise<SubmitResult> {
    if (idempotencyKey.trim() === '') return Promise.reject(new TypeError('An idempotency key is required'));
    const submittedAt = input.now ?? new Date();
    return this.submissions.run('submit', () =>
      this.untilNoConflict((attempt) => this.trySubmit(input, idempotencyKey, submittedAt, attempt > 0)),
    );
  }

  async get(reference: string): Promise<StoredApplication | undefined> {
    if (!parseReference(reference)) return undefined;
    const entity = await this.table.find<Record<string, unknown>>(QUEUE_PARTITION, fileRow(reference));
    return entity && entityToApplication(entity, this.options.tableName);
  }

  async list(filter: ApplicationFilter = {}): Promise<StoredApplication[]> {
    const client = await this.table.ready();
    const conditions = [
      odata`PartitionKey eq ${QUEUE_PARTITION}`,
      odata`RowKey ge ${FILE_ROWS.from}`,
      odata`RowKey lt ${FILE_ROWS.to}`,
    ];
    if (filter.status !== undefined) conditions.push(odata`status eq ${filter.status}`);
    if (filter.userId !== undefined) conditions.push(odata`userId eq ${filter.userId}`);
    if (filter.channel !== undefined) conditions.push(odata`channel eq ${filter.channel}`);
    const applications: StoredApplication[] = [];
    const entities = client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: conditions.join(' and ') },
    });
    for await (const entity of entities)
      applications.push(entityToApplication(entity, this.options.tableName));
    return applications.sort((a, b) => compareReferences(a.reference, b.reference));
  }

  changeStatus(
    reference: string,
    to: ApplicationStatus,
    by: string,
    comment?: string,
    now: Date = new Date(),
    expectedVersions?: readonly string[],
  ): Promise<StoredApplication> {
    return this.untilNoConflict(async () => {
      const entity = parseReference(reference)
        ? await this.table.find<Record<string, unknown>>(QUEUE_PARTITION, fileRow(reference))
        : undefined;
      if (!entity) throw new UnknownReferenceError(reference);
      // Checked against what is stored now: another reviewer's change since our caller looked counts. The
      // version and the transition are checked again after a write conflict, on what the winner wrote.
      const stored = entityToApplication(entity, this.options.tableName);
      assertVersion(stored, expectedVersions);
      const updated = withStatusChange(stored, to, by, comment, now);
      try {
        await this.table.client.updateEntity(applicationToEntity(updated), 'Replace', { etag: entity.etag });
      } catch (error) {
        // Changed or removed since we read it: read again (a removed file then gives UnknownReferenceError).
        if (isWriteConflict(error) || azureStatusOf(error) === 404) return undefined;
        throw error;
      }
      return updated;
    });
  }

  amend(reference: string, amendment: ApplicationAmendment): Promise<StoredApplication> {
    return this.untilNoConflict(async () => {
      const entity = parseReference(reference)
        ? await this.table.find<Record<string, unknown>>(QUEUE_PARTITION, fileRow(reference))
        : undefined;
      if (!entity) throw new UnknownReferenceError(reference);
      const updated = applyAmendment(entityToApplication(entity, this.options.tableName), amendment);
      try {
        await this.table.client.updateEntity(applicationToEntity(updated), 'Replace', { etag: entity.etag });
      } catch (error) {
        if (isWriteConflict(error) || azureStatusOf(error) === 404) return undefined;
        throw error;
      }
      return updated;
    });
  }

  /** Runs `attempt` until it returns a value; undefined means another writer was first: read again. */
  private async untilNoConflict<T>(attempt: (index: number) => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + (this.options.contentionTimeoutMs ?? 30_000);
    for (let index = 0; ; index++) {
      const result = await attempt(index);
      if (result !== undefined) return result;
      if (Date.now() > deadline) throw new QueueContentionError(this.options.tableName);
      const backoff = Math.min(5 * 2 ** index, 100);
      await sleep(backoff / 2 + Math.random() * backoff);
    }
  }

  private async trySubmit(
    input: NewApplication,
    idempotencyKey: string,
    submittedAt: Date,
    afterConflict: boolean,
  ): Promise<SubmitResult | undefined> {
    const keyHash = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
    const recorded = await this.table.find<IdempotencyEntity>(QUEUE_PARTITION, keyRow(keyHash));
    if (recorded) return this.alreadySubmitted(recorded, idempotencyKey, input, submittedAt);

    const year = submissionYear(submittedAt);
    const counter = await this.table.find<SequenceEntity>(QUEUE_PARTITION, sequenceRow(year));
    let sequence = this.lastOf(counter) + 1;
    // A counter restored from an old backup must not hand out a reference again: skip files that exist.
    if (afterConflict) while (await this.exists(formatReference(year, sequence))) sequence += 1;
    const application = newApplicationFile(formatReference(year, sequence), input, submittedAt);
    const counterRow = { partitionKey: QUEUE_PARTITION, rowKey: sequenceRow(year), last: sequence };
    const record = { idempotencyKey, reference: application.reference };
    const actions: TransactionAction[] = [
      counter ? ['update', counterRow, 'Replace', { etag: counter.etag }] : ['create', counterRow],
      ['create', { partitionKey: QUEUE_PARTITION, rowKey: keyRow(keyHash), ...record }],
      ['create', applicationToEntity(application)],
    ];
    try {
      const client = await this.table.ready();
      await client.submitTransaction(actions);
    } catch (error) {
      if (isWriteConflict(error)) return undefined;
      throw error;
    }
    await this.notify(application);
    return { application, created: true };
  }

  private async alreadySubmitted(
    recorded: Entity<IdempotencyEntity>,
    idempotencyKey: string,
    input: NewApplication,
    submittedAt: Date,
  ): Promise<SubmitResult | undefined> {
    if (recorded.idempotencyKey !== idempotencyKey || typeof recorded.reference !== 'string') {
      throw new CorruptEntityError(
        this.options.tableName,
        String(recorded.rowKey),
        'not this idempotency record',
      );
    }
    const existing = await this.get(recorded.reference);
    if (existing) return { application: existing, created: false };
    // The file was removed by hand after its reference was given: write it again under that reference.
    const application = newApplicationFile(recorded.reference, input, submittedAt);
    try {
      await this.table.client.createEntity(applicationToEntity(application));
    } catch (error) {
      if (isWriteConflict(error)) return undefined;
      throw error;
    }
    await this.notify(application);
    return { application, created: true };
  }

  private lastOf(counter: Entity<SequenceEntity> | undefined): number {
    if (!counter) return 0;
    if (!Number.isInteger(counter.last) || counter.last < 0) {
      throw new CorruptEntityError(
        this.options.tableName,
        String(counter.rowKey),
        'counter is not a whole number',
      );
    }
    return counter.last;
  }

  private async exists(reference: string): Promise<boolean> {
    return (await this.table.find(QUEUE_PARTITION, fileRow(reference))) !== undefined;
  }

  private async notify(application: StoredApplication): Promise<void> {
    const { notifier, onNotifyError } = this.options;
    if (!notifier) return;
    try {
      await notifier.applicationReceived(application);
    } catch (error) {
      // The file is stored and the applicant gets their reference; advisors still see it in the queue.
      onNotifyError?.(error, application.reference);
    }
  }
}
