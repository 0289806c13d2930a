import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import type { ChangeRequest } from './journal/journalStore.js';
import { openStateAccess, type StateAccess } from './journal/stateAccess.js';
import { stateFilePath, withETag } from './journal/stateFiles.js';

export type { StateFileRecord } from './journal/stateFiles.js';

export interface LowdbStorageOptions {
  /** The folder of the state, normally `DATA_DIR/state` (per-key files in shard folders, the journal). */
  dir: string;
  /** How many recently used states to keep in memory besides those not yet written behind (0: none). */
  cacheSize?: number;
  /** Journal segment size that triggers a compaction at once (default 4 MiB). */
  segmentBytes?: number;
  /** How long after a change it is written behind to its per-key file (default 2 s). */
  compactAfterMs?: number;
  /** Reads only (through the owner if one runs, else from the folder as a recovering owner would see it). */
  readOnly?: boolean;
  /** A compaction failed (the journal keeps the changes, the next compaction retries); never personal data. */
  onBackgroundError?: (error: unknown) => void;
}

export const DEFAULT_STATE_CACHE_SIZE = 2000;

/** How many times one operation follows the state's owner going away before it gives up. */
const OWNER_CHANGES = 5;

/**
 * The JSON (without eTag) an item was read from or is about to be written as, when the code at hand knows it:
 * so the turn's commit neither serialises a state it just read to know it unchanged, nor the store a state the
 * commit just serialised. Only ever set right before the item is used, by code that made the text from it.
 */
const knownJson = new WeakMap<object, string>();

/** The item's JSON without its eTag as it was read from this store, if this store handed it out. */
export function storedJsonOf(item: object): string | undefined {
  return knownJson.get(item);
}

/** Vouches that `json` is the item's JSON without its eTag at this moment (the write that follows uses it). */
export function withKnownJson<T extends object>(item: T, json: string): T {
  knownJson.set(item, json);
  return item;
}

/** A store that can write several keys as one unit: all of them, or none if one eTag no longer matches. */
export interface AtomicWriteStorage extends Storage {
  writeAtomically(changes: StoreItems): Promise<void>;
}

export function canWriteAtomically(storage: Storage): storage is AtomicWriteStorage {
  return typeof (storage as Partial<AtomicWriteStorage>).writeAtomically === 'function';
}

/** A store that keeps recent versions in a journal, and can drop them at once. */
export interface CompactingStorage extends Storage {
  compact(): Promise<void>;
}

/**
 * After an erasure or a purge: the journal's earlier versions of what was erased are written over and deleted
 * now rather than a moment later. Stores without a journal (MemoryStorage, Azure Blobs) keep no such copy.
 */
export async function dropJournalledCopies(storage: Storage | undefined): Promise<void> {
  const compacting = storage as Partial<CompactingStorage> | undefined;
  if (typeof compacting?.compact === 'function') await compacting.compact();
}

/**
 * botbuilder `Storage` over `DATA_DIR/state`: a journal with group commit in front of one lowdb-format file per
 * key (storage/journal/). Whichever process opens the folder first owns it; any other instance, in this process
 * or another (the committee CLI while the server runs), reads and writes through the owner's socket, so every
 * reader sees every acknowledged change. Optimistic concurrency as botbuilder's MemoryStorage; a write resolves
 * only once it is durable.
 */
export class LowdbStorage implements AtomicWriteStorage, CompactingStorage {
  readonly stateDir: string;
  private access: Promise<StateAccess> | undefined;

  constructor(private readonly options: LowdbStorageOptions) {
    this.stateDir = path.resolve(options.dir);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const states = await this.withAccess((access) => access.read(keys));
    const items: StoreItems = {};
    for (const key of keys) {
      const state = states.get(key);
      // Parsed for every read: each caller gets its own copy to change.
      if (!state) continue;
      const item = JSON.parse(withETag(state.itemJson, state.eTag)) as Record<string, unknown>;
      knownJson.set(item, state.itemJson);
      items[key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    this.refuseIfReadOnly();
    const requests = snapshotChanges(changes);
    await this.withAccess((access) => access.write(requests, false));
  }

  /** Writes every change or none (one eTag no longer matching): one journal batch, one fsync. */
  async writeAtomically(changes: StoreItems): Promise<void> {
    this.refuseIfReadOnly();
    const requests = snapshotChanges(changes);
    await this.withAccess((access) => access.write(requests, true));
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    this.refuseIfReadOnly();
    await this.withAccess((access) => access.delete(keys));
  }

  /** Writes every change behind now and deletes the journal segments that held earlier versions. */
  async compact(): Promise<void> {
    await this.withAccess((access) => access.compact());
  }

  /** Every stored key, for maintenance (the purge of idle drafts), never on a user's turn. */
  async *keys(): AsyncGenerator<string> {
    yield* (await this.open()).keys();
  }

  /** Where a key's per-key file lives (`<dir>/<first 2 hex of sha1>/<sha1>.json`), once written behind. */
  filePathFor(key: string): string {
    return stateFilePath(this.stateDir, key);
  }

  /** Resolves when every pending read, write and delete has finished. */
  async flush(): Promise<void> {
    if (this.access) await (await this.access).flush();
  }

  /** Writes everything behind and lets go of the folder (another process may then own it). */
  async close(): Promise<void> {
    const access = this.access;
    this.access = undefined;
    if (access) await (await access).close();
  }

  /**
   * Runs one operation; if the owner this instance asked went away meanwhile (it stopped: an owner that stops
   * answers what it took and leaves the rest undone), asks the next owner, or becomes it.
   */
  private async withAccess<T>(operation: (access: StateAccess) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const access = await this.open();
      try {
        return await operation(access);
      } catch (error) {
        // The next owner may itself go away before answering (a restart right after another): a few times.
        if (access.role !== 'client' || !access.lost || attempt >= OWNER_CHANGES) throw error;
      }
    }
  }

  private refuseIfReadOnly(): void {
    if (this.options.readOnly) throw new Error(`The bot state in ${this.stateDir} is open for reading only`);
  }

  /** Opens the folder on first use, and again if the owner this instance talked to went away. */
  private async open(): Promise<StateAccess> {
    if (this.access) {
      const access = await this.access;
      if (!access.lost) return access;
      this.access = undefined;
    }
    this.access ??= openStateAccess({
      dir: this.stateDir,
      cacheSize: this.options.cacheSize ?? DEFAULT_STATE_CACHE_SIZE,
      ...(this.options.segmentBytes !== undefined ? { segmentBytes: this.options.segmentBytes } : {}),
      ...(this.options.compactAfterMs !== undefined ? { compactAfterMs: this.options.compactAfterMs } : {}),
      ...(this.options.onBackgroundError ? { onBackgroundError: this.options.onBackgroundError } : {}),
      ...(this.options.readOnly ? { readOnly: true } : {}),
    }).catch((error: unknown) => {
      this.access = undefined;
      throw error;
    });
    return this.access;
  }
}

/** Serialised now (a snapshot, as MemoryStorage's JSON round trip): later changes by the caller are not written. */
function snapshotChanges(changes: StoreItems): ChangeRequest[] {
  return Object.keys(changes).map((key) => {
    const value: unknown = changes[key];
    if (typeof value !== 'object' || value === null) {
      throw new TypeError(`Storage: item "${key}" must be an object.`);
    }
    const { eTag: requestedETag, ...rest } = value as Record<string, unknown>;
    const itemJson = knownJson.get(value) ?? JSON.stringify(rest);
    knownJson.delete(value);
    if (!itemJson.startsWith('{')) throw new TypeError(`Storage: item "${key}" must serialise to an object.`);
    return { key, requestedETag, itemJson };
  });
}
