import { createHash } from 'node:crypto';
import path from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonFile, CorruptJsonFileError } from './atomicJsonFile.js';

interface IdempotencyRecord {
  key: string;
  reference: string;
}

/**
 * idempotencyKey → reference, one small file per key (named by the key's hash), so recording a submission never
 * rewrites a file that grows with the number of applications. Callers hold the queue's lock.
 */
export class IdempotencyIndex {
  constructor(readonly folder: string) {}

  async lookup(idempotencyKey: string): Promise<string | undefined> {
    const filePath = this.filePathFor(idempotencyKey);
    const file = new Low<IdempotencyRecord | null>(new AtomicJsonFile(filePath), null);
    await file.read();
    const record = file.data;
    if (record === null) return undefined;
    if (record.key !== idempotencyKey || typeof record.reference !== 'string') {
      throw new CorruptJsonFileError(
        filePath,
        new Error(`not the idempotency record of "${idempotencyKey}"`),
      );
    }
    return record.reference;
  }

  async record(idempotencyKey: string, reference: string): Promise<void> {
    const record: IdempotencyRecord = { key: idempotencyKey, reference };
    await new Low<IdempotencyRecord>(new AtomicJsonFile(this.filePathFor(idempotencyKey)), record).write();
  }

  private filePathFor(idempotencyKey: string): string {
    const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
    return path.join(this.folder, `${digest}.json`);
  }
}
