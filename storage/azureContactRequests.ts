import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { AzureAccount } from './azureAccount.js';
import { azureStatusOf, LazyTable } from './azureTables.js';
import {
  CONTACT_REQUEST_KINDS,
  CONTACT_REQUEST_STATUSES,
  type ContactRequest,
  type ContactRequestStore,
  type NewContactRequest,
} from './contactRequests.js';
import { CorruptEntityError } from './entityJson.js';

export const REQUEST_PARTITION = 'request';
const OPTIONAL_FIELDS = ['name', 'phone', 'preferredMoment', 'reason'] as const;

/** Contact requests on Azure Tables: one entity per request, its id as row key. */
export class AzureContactRequestStore implements ContactRequestStore {
  private readonly table: LazyTable;

  constructor(
    account: AzureAccount,
    readonly tableName: string,
  ) {
    this.table = new LazyTable(account, tableName);
  }

  async add(input: NewContactRequest): Promise<ContactRequest> {
    const { now, ...fields } = input;
    if (!(CONTACT_REQUEST_KINDS as readonly string[]).includes(fields.kind)) {
      throw new TypeError(`Unknown contact request kind "${String(fields.kind)}"`);
    }
    if (fields.userId.trim() === '') throw new TypeError('A contact request needs a user id');
    const request = JSON.parse(
      JSON.stringify({
        ...fields,
        id: randomUUID(),
        createdAt: (now ?? new Date()).toISOString(),
        status: fields.status ?? 'pending',
      }),
    ) as ContactRequest;
    await this.put(request);
    return request;
  }

  async list(): Promise<ContactRequest[]> {
    const client = await this.table.ready();
    const requests: ContactRequest[] = [];
    const entities = client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${REQUEST_PARTITION}` },
    });
    for await (const entity of entities) requests.push(this.fromEntity(entity));
    return requests.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async eraseUser(userId: string): Promise<number> {
    const client = await this.table.ready();
    const entities = client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${REQUEST_PARTITION} and userId eq ${userId}` },
    });
    let erased = 0;
    for await (const entity of entities) {
      try {
        await client.deleteEntity(REQUEST_PARTITION, String(entity.rowKey));
        erased += 1;
      } catch (error) {
        if (azureStatusOf(error) !== 404) throw error;
      }
    }
    return erased;
  }

  /** Writes a request as it is, id included (migration); false when that id is already stored. */
  async put(request: ContactRequest): Promise<boolean> {
    const client = await this.table.ready();
    try {
      await client.createEntity({ partitionKey: REQUEST_PARTITION, rowKey: request.id, ...request });
      return true;
    } catch (error) {
      if (azureStatusOf(error) === 409) return false;
      throw error;
    }
  }

  async get(id: string): Promise<ContactRequest | undefined> {
    const entity = await this.table.find<Record<string, unknown>>(REQUEST_PARTITION, id);
    return entity && this.fromEntity(entity);
  }

  private fromEntity(entity: Record<string, unknown>): ContactRequest {
    const { id, kind, createdAt, userId, status } = entity;
    const valid =
      typeof id === 'string' &&
      id === entity.rowKey &&
      (CONTACT_REQUEST_KINDS as readonly unknown[]).includes(kind) &&
      (CONTACT_REQUEST_STATUSES as readonly unknown[]).includes(status) &&
      typeof createdAt === 'string' &&
      typeof userId === 'string';
    if (!valid) throw new CorruptEntityError(this.tableName, String(entity.rowKey), 'not a contact request');
    const request = { id, kind, createdAt, userId, status } as ContactRequest;
    for (const field of OPTIONAL_FIELDS) {
      const value = entity[field];
      if (typeof value === 'string') request[field] = value;
    }
    return request;
  }
}
