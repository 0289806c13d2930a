import type { TableClient } from '@azure/data-tables';
import { tableClientOf, type AzureAccount } from './azureAccount.js';

/** The HTTP status of an Azure SDK error (RestError), duck-typed: `instanceof` fails across jest's VM realms. */
export function azureStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  const { statusCode } = error as { statusCode: unknown };
  return typeof statusCode === 'number' ? statusCode : undefined;
}

/** 409 (already exists) or 412 (the ETag moved): someone else wrote first, read again and retry. */
export function isWriteConflict(error: unknown): boolean {
  const status = azureStatusOf(error);
  return status === 409 || status === 412;
}

/**
 * A table that is created on first use (idempotent: every instance may try), then reused. A failed creation is
 * forgotten so the next call tries again (the storage account may have been unreachable for a moment).
 */
export class LazyTable {
  readonly client: TableClient;
  private created: Promise<void> | undefined;

  constructor(
    account: AzureAccount,
    readonly tableName: string,
  ) {
    this.client = tableClientOf(account, tableName);
  }

  async ready(): Promise<TableClient> {
    this.created ??= this.client.createTable().catch((error: unknown) => {
      this.created = undefined;
      throw error;
    });
    await this.created;
    return this.client;
  }

  /** The entity, or undefined when it does not exist. */
  async find<T extends object>(partitionKey: string, rowKey: string) {
    const client = await this.ready();
    try {
      return await client.getEntity<T>(partitionKey, rowKey);
    } catch (error) {
      if (azureStatusOf(error) === 404) return undefined;
      throw error;
    }
  }
}
