import type { StoredApplication } from './applicationQueue.js';
import { isApplicationStatus } from '../dialogs/domain/applicationStatus.js';
import {
  assertEntitySize,
  CorruptEntityError,
  getJson,
  putJson,
  type EntityProperties,
} from './entityJson.js';

/**
 * The committee queue's table has one partition, so that the sequence counter, the idempotency record and the
 * new file are written by one atomic transaction (Tables transactions never span partitions). A CCI receives
 * hundreds of files a year: far below a partition's throughput.
 */
export const QUEUE_PARTITION = 'queue';

/** Row keys sort by kind: every file is between `file-` and `file.` ('.' follows '-'). */
export const fileRow = (reference: string): string => `file-${reference}`;
export const FILE_ROWS = { from: 'file-', to: 'file.' };
export const sequenceRow = (year: number): string => `sequence-${year}`;
/** The idempotency key is free text (a draft id today): its hash is a safe row key. */
export const keyRow = (keyHash: string): string => `key-${keyHash}`;

export interface SequenceEntity {
  /** Last sequence number used in the year. */
  last: number;
}

export interface IdempotencyEntity {
  idempotencyKey: string;
  reference: string;
}

/** The file as entity properties: plain columns the queue filters on, JSON for the nested parts. */
export function applicationToEntity(app: StoredApplication): EntityProperties & {
  partitionKey: string;
  rowKey: string;
} {
  const entity: EntityProperties = {
    reference: app.reference,
    status: app.status,
    submittedAt: app.submittedAt,
    channel: app.channel,
    origin: app.origin,
    userId: app.userId,
  };
  if (app.advisorId !== undefined) entity.advisorId = app.advisorId;
  if (app.eligibility !== undefined) putJson(entity, 'eligibility', app.eligibility);
  if (app.checks !== undefined) putJson(entity, 'checks', app.checks);
  if (app.conversationReference !== undefined)
    putJson(entity, 'conversationReference', app.conversationReference);
  putJson(entity, 'data', app.data);
  putJson(entity, 'history', app.history);
  if (app.retention !== undefined) putJson(entity, 'retention', app.retention);
  if (app.notes !== undefined) putJson(entity, 'notes', app.notes);
  if (app.assignedTo !== undefined) entity.assignedTo = app.assignedTo;
  const rowKey = fileRow(app.reference);
  assertEntitySize(rowKey, entity);
  return { partitionKey: QUEUE_PARTITION, rowKey, ...entity };
}

/** Reads back what applicationToEntity wrote, key for key as the lowdb queue returns it (no undefined fields). */
export function entityToApplication(entity: Record<string, unknown>, table: string): StoredApplication {
  const rowKey = String(entity.rowKey);
  const json = (name: string): unknown => getJson(entity, name, table, rowKey);
  const text = (name: string): string => {
    const value = entity[name];
    if (typeof value !== 'string') throw new CorruptEntityError(table, rowKey, `"${name}" missing`);
    return value;
  };
  const status = entity.status;
  if (!isApplicationStatus(status)) throw new CorruptEntityError(table, rowKey, 'unknown status');
  const origin = text('origin');
  if (origin !== 'applicant' && origin !== 'advisor')
    throw new CorruptEntityError(table, rowKey, 'bad origin');
  const data = json('data');
  const history = json('history');
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Array.isArray(history)) {
    throw new CorruptEntityError(table, rowKey, 'data or history malformed');
  }
  const app: StoredApplication = {
    reference: text('reference'),
    status,
    submittedAt: text('submittedAt'),
    channel: text('channel'),
    origin,
    userId: text('userId'),
    data: data as Record<string, unknown>,
    history: history as StoredApplication['history'],
  };
  if (rowKey !== fileRow(app.reference)) throw new CorruptEntityError(table, rowKey, 'reference mismatch');
  if (typeof entity.advisorId === 'string') app.advisorId = entity.advisorId;
  const eligibility = json('eligibility');
  if (eligibility !== undefined) app.eligibility = eligibility as StoredApplication['eligibility'];
  const checks = json('checks');
  if (checks !== undefined) app.checks = checks as StoredApplication['checks'];
  const conversationReference = json('conversationReference');
  if (conversationReference !== undefined) app.conversationReference = conversationReference;
  const retention = json('retention');
  if (retention !== undefined) app.retention = retention as StoredApplication['retention'];
  const notes = json('notes');
  if (notes !== undefined) {
    if (!Array.isArray(notes)) throw new CorruptEntityError(table, rowKey, 'notes malformed');
    app.notes = notes as StoredApplication['notes'];
  }
  if (typeof entity.assignedTo === 'string') app.assignedTo = entity.assignedTo;
  return reorder(app);
}

// The lowdb queue returns the file's keys in the order they were created; toEqual does not care, but
// JSON exports and snapshots read better in one order whatever the back end.
function reorder(app: StoredApplication): StoredApplication {
  const { reference, status, submittedAt, channel, origin, userId, advisorId, eligibility, data } = app;
  return JSON.parse(
    JSON.stringify({
      reference,
      status,
      submittedAt,
      channel,
      origin,
      userId,
      advisorId,
      eligibility,
      checks: app.checks,
      data,
      conversationReference: app.conversationReference,
      history: app.history,
      retention: app.retention,
      notes: app.notes,
      assignedTo: app.assignedTo,
    }),
  ) as StoredApplication;
}
