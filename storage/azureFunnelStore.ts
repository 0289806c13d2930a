import type { AzureAccount } from './azureAccount.js';
import { isWriteConflict, LazyTable } from './azureTables.js';
import { mergeCounts, type FunnelCounts, type FunnelStore } from './funnelStore.js';

/** Attempts per counter before giving up on this flush (the batch keeps the counts for the next one). */
const MAX_ATTEMPTS = 10;

interface CounterEntity {
  partitionKey: string;
  rowKey: string;
  count: number;
}

/**
 * The funnel on Azure Tables: one entity per month (partition key `2026-11`) and step (row key
 * `check.question.commune`) holding `count`. Every instance adds to it: read, then merge with the ETag read (or
 * create), and on a 409 or 412 another instance wrote first, so read again and retry: no count is lost.
 */
export class AzureFunnelStore implements FunnelStore {
  private readonly table: LazyTable;

  constructor(account: AzureAccount, tableName: string) {
    this.table = new LazyTable(account, tableName);
  }

  async add(counts: FunnelCounts): Promise<void> {
    for (const [month, steps] of Object.entries(mergeCounts({}, counts))) {
      for (const [step, count] of Object.entries(steps)) await this.increment(month, step, count);
    }
  }

  async read(): Promise<FunnelCounts> {
    const client = await this.table.ready();
    const counts: FunnelCounts = {};
    for await (const entity of client.listEntities<CounterEntity>()) {
      const { partitionKey, rowKey, count } = entity;
      if (typeof partitionKey === 'string' && typeof rowKey === 'string' && typeof count === 'number') {
        mergeCounts(counts, { [partitionKey]: { [rowKey]: count } });
      }
    }
    return counts;
  }

  /** Writes a counter as it is (migration from lowdb); false when Azure already has it (left alone). */
  async put(month: string, step: string, count: number): Promise<boolean> {
    const client = await this.table.ready();
    try {
      await client.createEntity<CounterEntity>({ partitionKey: month, rowKey: step, count });
      return true;
    } catch (error) {
      if (isWriteConflict(error)) return false;
      throw error;
    }
  }

  async get(month: string, step: string): Promise<number | undefined> {
    const stored = await this.table.find<CounterEntity>(month, step);
    return typeof stored?.count === 'number' ? stored.count : undefined;
  }

  private async increment(month: string, step: string, count: number): Promise<void> {
    const client = await this.table.ready();
    for (let attempt = 1; ; attempt += 1) {
      const stored = await this.table.find<CounterEntity>(month, step);
      try {
        if (!stored) {
          await client.createEntity<CounterEntity>({ partitionKey: month, rowKey: step, count });
        } else {
          const total = (typeof stored.count === 'number' ? stored.count : 0) + count;
          await client.updateEntity<CounterEntity>(
            { partitionKey: month, rowKey: step, count: total },
            'Merge',
            { etag: stored.etag },
          );
        }
        return;
      } catch (error) {
        if (!isWriteConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
