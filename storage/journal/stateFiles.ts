import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  CorruptJsonFileError,
  isErrnoException,
  syncDirectory,
  writeFilesAtomically,
  type FileToWrite,
} from '../atomicJsonFile.js';
import { LruCache } from '../lruCache.js';

/** What one state file holds. The item is stored without its eTag, which lives next to it. */
export interface StateFileRecord {
  key: string;
  eTag: string;
  item: Record<string, unknown>;
}

/** A stored state as text: its eTag and the item's JSON without the eTag (an object). */
export interface StateText {
  eTag: string;
  itemJson: string;
}

/**
 * The per-key files under `DATA_DIR/state`: `<dir>/<first 2 hex of sha1>/<sha1>.json`, each `{ key, eTag, item }`
 * (any key is safe as a file name; 256 folders, so a folder stays small whatever the number of conversations).
 * The journal's base: written behind by compaction, read when a key is not in memory.
 */
export class StateFiles {
  readonly dir: string;
  private readonly paths: LruCache<string>;
  private readonly knownShards = new Set<string>();

  constructor(dir: string, pathCacheSize: number) {
    this.dir = path.resolve(dir);
    this.paths = new LruCache(pathCacheSize);
  }

  filePathFor(key: string): string {
    const known = this.paths.get(key);
    if (known !== undefined) return known;
    const filePath = stateFilePath(this.dir, key);
    this.paths.set(key, filePath);
    return filePath;
  }

  async read(key: string): Promise<StateText | null> {
    const filePath = this.filePathFor(key);
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return null;
      throw error;
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      throw new CorruptJsonFileError(filePath, error);
    }
    if (!isStateFileRecord(record, key)) {
      throw new CorruptJsonFileError(filePath, new Error(`not a state record for key "${key}"`));
    }
    return { eTag: record.eTag, itemJson: JSON.stringify(record.item) };
  }

  /**
   * Writes each state to its file (temporary file, fsync, rename) and deletes the `null` ones, then syncs each
   * folder touched once: when this resolves, every change is durable in the per-key files.
   */
  async apply(changes: readonly (readonly [string, StateText | null])[]): Promise<void> {
    const writes: FileToWrite[] = [];
    const removed: string[] = [];
    for (const [key, state] of changes) {
      const filePath = this.filePathFor(key);
      if (state === null) removed.push(filePath);
      else writes.push({ filePath, text: recordJson(key, state) });
    }
    await Promise.all(writes.map(({ filePath }) => this.ensureFolder(path.dirname(filePath))));
    await writeFilesAtomically(writes);
    await Promise.all(removed.map((filePath) => rm(filePath, { force: true })));
    await Promise.all([...new Set(removed.map((filePath) => path.dirname(filePath)))].map(syncDirectory));
  }

  /** Every key that has a file (maintenance only: reads each file). */
  async *keys(): AsyncGenerator<string> {
    let shards: string[];
    try {
      shards = await readdir(this.dir);
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return;
      throw error;
    }
    for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
      const files = await readdir(path.join(this.dir, shard)).catch(() => [] as string[]);
      for (const file of files.filter((name) => name.endsWith('.json'))) {
        const text = await readFile(path.join(this.dir, shard, file), 'utf8').catch(() => undefined);
        if (text === undefined) continue; // deleted meanwhile
        const record = JSON.parse(text) as { key?: unknown };
        if (typeof record.key === 'string') yield record.key;
      }
    }
  }

  private async ensureFolder(folder: string): Promise<void> {
    if (this.knownShards.has(folder)) return;
    await mkdir(folder, { recursive: true });
    this.knownShards.add(folder);
  }
}

/** Where a key's file lives (a SHA-1 of the key: any key is safe as a file name). */
export function stateFilePath(dir: string, key: string): string {
  const digest = createHash('sha1').update(key, 'utf8').digest('hex');
  return path.join(dir, digest.slice(0, 2), `${digest}.json`);
}

/** A state file's text, `{ key, eTag, item }`, built around the item's JSON rather than serialising it again. */
export function recordJson(key: string, state: StateText): string {
  return `{"key":${JSON.stringify(key)},"eTag":${JSON.stringify(state.eTag)},"item":${state.itemJson}}`;
}

/** The item's JSON with its eTag as last property, as `JSON.stringify({ ...item, eTag })` would write it. */
export function withETag(itemJson: string, eTag: string): string {
  const property = `"eTag":${JSON.stringify(eTag)}}`;
  return itemJson === '{}' ? `{${property}` : `${itemJson.slice(0, -1)},${property}`;
}

export function isStateFileRecord(value: unknown, key: string): value is StateFileRecord {
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
