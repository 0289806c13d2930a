import { odata } from '@azure/data-tables';
import { createHash } from 'node:crypto';
import {
  applicationToEntity,
  FILE_ROWS,
  keyRow,
  QUEUE_PARTITION,
  sequenceRow,
  type IdempotencyEntity,
  type SequenceEntity,
} from './applicationEntity.js';
import type { StoredApplication } from './applicationQueue.js';
import type { AzureAccount } from './azureAccount.js';
import { azureStatusOf, isWriteConflict, LazyTable } from './azureTables.js';

export type ImportOutcome = 'copied' | 'present';

/**
 * Writes existing data into the Azure committee queue as it is (references, history, idempotency keys), for
 * `npm run migrate`. Never overwrites: what is already there is left alone, so running it twice changes nothing.
 */
export class AzureQueueImporter {
  private readonly table: LazyTable;

  constructor(account: AzureAccount, tableName: string) {
    this.table = new LazyTable(account, tableName);
  }

  async putApplication(application: StoredApplication): Promise<ImportOutcome> {
    return this.createOnce(applicationToEntity(application));
  }

  async putIdempotencyKey(idempotencyKey: string, reference: string): Promise<ImportOutcome> {
    const keyHash = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
    const row = { partitionKey: QUEUE_PARTITION, rowKey: keyRow(keyHash), idempotencyKey, reference };
    return this.createOnce(row);
  }

  /** Raises the year's counter to `last` if it is lower (never lowers it: that could reuse a reference). */
  async raiseSequence(year: number, last: number): Promise<{ before: number; after: number }> {
    for (;;) {
      const counter = await this.table.find<SequenceEntity>(QUEUE_PARTITION, sequenceRow(year));
      const before = counter ? counter.last : 0;
      if (before >= last) return { before, after: before };
      const row = { partitionKey: QUEUE_PARTITION, rowKey: sequenceRow(year), last };
      try {
        if (counter) await this.table.client.updateEntity(row, 'Replace', { etag: counter.etag });
        else await this.table.client.createEntity(row);
        return { before, after: last };
      } catch (error) {
        if (!isWriteConflict(error)) throw error; // a bot instance moved it meanwhile: look again
      }
    }
  }

  /** The reference recorded for an idempotency key, if any. */
  async idempotencyReference(idempotencyKey: string): Promise<string | undefined> {
    const row = keyRow(createHash('sha256').update(idempotencyKey, 'utf8').digest('hex'));
    const entity = await this.table.find<IdempotencyEntity>(QUEUE_PARTITION, row);
    return entity?.idempotencyKey === idempotencyKey ? entity.reference : undefined;
  }

  /** What the table holds: file references, idempotency keys and the counter of each year. */
  async inventory(): Promise<{
    references: string[];
    idempotencyKeys: string[];
    sequences: Record<string, number>;
  }> {
    const client = await this.table.ready();
    const references: string[] = [];
    const idempotencyKeys: string[] = [];
    const sequences: Record<string, number> = {};
    const entities = client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${QUEUE_PARTITION}` },
    });
    for await (const entity of entities) {
      const rowKey = String(entity.rowKey);
      if (rowKey >= FILE_ROWS.from && rowKey < FILE_ROWS.to) references.push(String(entity.reference));
      else if (rowKey.startsWith('key-')) idempotencyKeys.push(String(entity.idempotencyKey));
      else if (rowKey.startsWith('sequence-'))
        sequences[rowKey.slice('sequence-'.length)] = Number(entity.last);
    }
    return { references, idempotencyKeys, sequences };
  }

  private async createOnce(
    entity: { partitionKey: string; rowKey: string } & object,
  ): Promise<ImportOutcome> {
    const client = await this.table.ready();
    try {
      await client.createEntity(entity);
      return 'copied';
    } catch (error) {
      if (azureStatusOf(error) === 409) return 'present';
      throw error;
    }
  }
}
