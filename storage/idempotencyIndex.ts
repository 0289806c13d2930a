import { createHash } from 'node:crypto';
import path from 'node:path';
import { AtomicJsonFile, CorruptJsonFileError, type FileToWrite } from './atomicJsonFile.js';

interface IdempotencyRecord {
  key: string;
  reference: string;
  /**
   * Completed after a crash from the intent of its batch: whoever submitted it never heard back, so the next
   * submission with this key is told the file was created (receipt, duplicate flags) and the mark is dropped.
   */
  recovered?: true;
}

export interface IdempotencyEntry {
  reference: string;
  recovered: boolean;
}

/**
 * idempotencyKey → reference, one small file per key (named by the key's hash), so recording a submission never
 * rewrites a file that grows with the number of applications. Callers hold the queue's lock.
 */
export class IdempotencyIndex {
  constructor(readonly folder: string) {}

  async lookup(idempotencyKey: string): Promise<IdempotencyEntry | undefined> {
    const filePath = this.filePathFor(idempotencyKey);
    const record = await new AtomicJsonFile<IdempotencyRecord>(filePath).read();
    if (record === null) return undefined;
    if (record.key !== idempotencyKey || typeof record.reference !== 'string') {
      throw new CorruptJsonFileError(
        filePath,
        new Error(`not the idempotency record of "${idempotencyKey}"`),
      );
    }
    return { reference: record.reference, recovered: record.recovered === true };
  }

  /** The record as a file for a batch write (storage/atomicJsonFile.ts `writeFilesAtomically`). */
  recordFile(idempotencyKey: string, reference: string, recovered = false): FileToWrite {
    const record: IdempotencyRecord = { key: idempotencyKey, reference, ...(recovered ? { recovered } : {}) };
    return { filePath: this.filePathFor(idempotencyKey), text: JSON.stringify(record, null, 2) };
  }

  private filePathFor(idempotencyKey: string): string {
    const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
    return path.join(this.folder, `${digest}.json`);
  }
}
