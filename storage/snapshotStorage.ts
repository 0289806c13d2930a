import type { Storage, StoreItems } from 'botbuilder';

/**
 * Copies what is written at the moment `write` is called, as MemoryStorage and LowdbStorage do. BlobsStorage
 * serialises only after its first network round trip, so a change made meanwhile would be written too.
 */
export class SnapshotStorage implements Storage {
  constructor(private readonly inner: Storage) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    if (!changes) return Promise.reject(new ReferenceError('Changes are required when writing.'));
    return this.inner.write(JSON.parse(JSON.stringify(changes)) as StoreItems);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
