import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { AtomicJsonFile, CorruptJsonFileError, isErrnoException } from './atomicJsonFile.js';
import { KeyedSerialQueue } from './keyedSerialQueue.js';
import { LruCache } from './lruCache.js';

export interface LowdbStorageOptions {
  /** The folder of the state files, normally `DATA_DIR/state` (its shard folders are created as needed). */
  dir: string;
  /** How many recently used items to keep in memory (0 disables the cache). */
  cacheSize?: number;
}

export const DEFAULT_STATE_CACHE_SIZE = 2000;

/** What one state file holds. The item is stored without its eTag, which lives next to it. */
export interface StateFileRecord {
  key: string;
  eTag: string;
  item: Record<string, unknown>;
}

/** Cached as JSON text (with the eTag), so every read hands out a fresh copy; `null` = known to be absent. */
type CachedState = { eTag: string; json: string } | null;

/** A cached state and the file it was read from (inode, size, mtime; `absent`), checked before each use. */
interface CacheEntry {
  state: CachedState;
  stamp: string;
}

const ABSENT = 'absent';

/** What identifies one version of a file cheaply: a write (atomic rename) makes a new inode. */
async function fileStamp(filePath: string): Promise<string> {
  try {
    const info = await stat(filePath, { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}`;
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return ABSENT;
    throw error;
  }
}

/**
 * botbuilder `Storage` over lowdb, one file per key in 256 sharded folders, so a turn touches one or two small
 * files whatever the number of stored conversations. Optimistic concurrency mirrors botbuilder's MemoryStorage.
 * The cache is checked against the file (one stat) before each use: a change made by another process, such as
 * `committee purge` deleting an idle draft while the server runs, is seen on the next read, never overwritten.
 */
export class LowdbStorage implements Storage {
  readonly stateDir: string;
  private readonly cache: LruCache<CacheEntry>;
  /** A key's path costs a SHA-1: remembered for as many keys as the state cache holds. */
  private readonly paths: LruCache<string>;
  private readonly perKey = new KeyedSerialQueue();
  private readonly knownShards = new Set<string>();

  constructor(options: LowdbStorageOptions) {
    this.stateDir = path.resolve(options.dir);
    this.cache = new LruCache(options.cacheSize ?? DEFAULT_STATE_CACHE_SIZE);
    this.paths = new LruCache(options.cacheSize ?? DEFAULT_STATE_CACHE_SIZE);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    // Through the per-key queue, so a read issued after a write sees that write.
    const states = await Promise.all(keys.map((key) => this.perKey.run(key, () => this.load(key))));
    const items: StoreItems = {};
    keys.forEach((key, index) => {
      const state = states[index];
      if (state) items[key] = JSON.parse(state.json);
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // Snapshot synchronously (as MemoryStorage does) so later mutations by the caller are not written.
    const requests = Object.keys(changes).map((key) => snapshotChange(key, changes[key]));
    const outcomes = await Promise.allSettled(
      requests.map((request) => this.perKey.run(request.key, () => this.writeOne(request))),
    );
    // Like MemoryStorage: the other keys are still written, then the first failure is reported.
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await Promise.all(
      keys.map((key) =>
        this.perKey.run(key, async () => {
          this.cache.delete(key);
          await rm(this.filePathFor(key), { force: true });
          this.cache.set(key, { state: null, stamp: ABSENT });
        }),
      ),
    );
  }

  /** Resolves when every pending read, write and delete has finished (call before exiting). */
  flush(): Promise<void> {
    return this.perKey.idle();
  }

  async close(): Promise<void> {
    await this.flush();
    this.cache.clear();
  }

  /** Where a key's file lives: `<dir>/<first 2 hex of sha1>/<sha1>.json` (any key is safe as a file name). */
  filePathFor(key: string): string {
    const known = this.paths.get(key);
    if (known !== undefined) return known;
    const digest = createHash('sha1').update(key, 'utf8').digest('hex');
    const filePath = path.join(this.stateDir, digest.slice(0, 2), `${digest}.json`);
    this.paths.set(key, filePath);
    return filePath;
  }

  private async writeOne(request: ChangeRequest): Promise<void> {
    const current = await this.load(request.key);
    const { requestedETag } = request;
    if (current && requestedETag !== '*' && requestedETag && requestedETag !== current.eTag) {
      throw new Error(`Storage: error writing "${request.key}" due to eTag conflict.`);
    }
    const eTag = randomUUID();
    const filePath = this.filePathFor(request.key);
    await this.ensureFolder(path.dirname(filePath));
    // If the write fails we no longer know what is on disk: forget the cached copy.
    this.cache.delete(request.key);
    // The item was serialised once when the change was taken: the same text makes the file and the cached copy.
    await new AtomicJsonFile<StateFileRecord>(filePath).writeText(
      recordJson(request.key, eTag, request.itemJson),
    );
    this.cache.set(request.key, {
      state: { eTag, json: withETag(request.itemJson, eTag) },
      stamp: await fileStamp(filePath),
    });
  }

  private async load(key: string): Promise<CachedState> {
    const filePath = this.filePathFor(key);
    const cached = this.cache.get(key);
    const stamp = await fileStamp(filePath);
    if (cached !== undefined && cached.stamp === stamp) return cached.state;
    if (stamp === ABSENT) {
      this.cache.set(key, { state: null, stamp });
      return null;
    }
    const file = new Low<StateFileRecord | null>(new AtomicJsonFile(filePath), null);
    await file.read();
    const record = file.data;
    if (record !== null && !isStateFileRecord(record, key)) {
      throw new CorruptJsonFileError(filePath, new Error(`not a state record for key "${key}"`));
    }
    const state = record ? toCachedState(record) : null;
    // Stamped before reading: if the file changed in between, the next read sees a new stamp and reads again.
    this.cache.set(key, { state, stamp });
    return state;
  }

  private async ensureFolder(folder: string): Promise<void> {
    if (this.knownShards.has(folder)) return;
    await mkdir(folder, { recursive: true });
    this.knownShards.add(folder);
  }
}

interface ChangeRequest {
  key: string;
  requestedETag: unknown;
  /** The item without its eTag, as JSON text (an object). */
  itemJson: string;
}

function snapshotChange(key: string, value: unknown): ChangeRequest {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`Storage: item "${key}" must be an object.`);
  }
  const { eTag: requestedETag, ...rest } = value as Record<string, unknown>;
  // Serialised now (a snapshot, as MemoryStorage's JSON round trip): later changes by the caller are not written,
  // and what a real store could not keep is dropped.
  const itemJson = JSON.stringify(rest);
  if (!itemJson.startsWith('{')) throw new TypeError(`Storage: item "${key}" must serialise to an object.`);
  return { key, requestedETag, itemJson };
}

/** A state file's text, `{ key, eTag, item }`, built around the item's JSON rather than serialising it again. */
function recordJson(key: string, eTag: string, itemJson: string): string {
  return `{"key":${JSON.stringify(key)},"eTag":${JSON.stringify(eTag)},"item":${itemJson}}`;
}

/** The item's JSON with its eTag as last property, as `JSON.stringify({ ...item, eTag })` would write it. */
function withETag(itemJson: string, eTag: string): string {
  const property = `"eTag":${JSON.stringify(eTag)}}`;
  return itemJson === '{}' ? `{${property}` : `${itemJson.slice(0, -1)},${property}`;
}

function toCachedState(record: StateFileRecord): CachedState {
  return { eTag: record.eTag, json: JSON.stringify({ ...record.item, eTag: record.eTag }) };
}

function isStateFileRecord(value: unknown, key: string): value is StateFileRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StateFileRecord>;
  return (
    record.key === key &&
    typeof record.eTag === 'string' &&
    typeof record.item === 'object' &&
    record.item !== null &&
    !Array.isArray(record.item)
  );
}
