import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, truncate } from 'node:fs/promises';
import path from 'node:path';
import { CorruptJsonFileError, syncDirectory } from '../atomicJsonFile.js';
import { KeyedSerialQueue } from '../keyedSerialQueue.js';
import { LruCache } from '../lruCache.js';
import { faultPoint } from './journalFaults.js';
import { decodeJournalLine, JournalLog } from './journalLog.js';
import { StateFiles, type StateText } from './stateFiles.js';

export interface JournalStoreOptions {
  /** The folder of the state, normally `DATA_DIR/state` (per-key files in shard folders, journal segments). */
  dir: string;
  /** How many states not changed since their last write behind are kept in memory. */
  cacheSize: number;
  /** A segment larger than this is rotated and written behind at once (default 4 MiB). */
  segmentBytes?: number;
  /** A change is written behind to its per-key file at most this long after it was journalled (default 2 s). */
  compactAfterMs?: number;
  /**
   * Only reads, as a recovering owner would see the folder (the crash test's checks): the journal is replayed in
   * memory, nothing is written, truncated or compacted, and writes are refused.
   */
  readOnly?: boolean;
  /** Written-behind or compaction failure (the journal still holds the changes; retried at the next one). */
  onBackgroundError?: (error: unknown) => void;
}

/** One change of a write call, taken (serialised) when the call was made. */
export interface ChangeRequest {
  key: string;
  requestedETag: unknown;
  /** The item without its eTag, as JSON text (an object). */
  itemJson: string;
}

/** A state changed since its last write behind: what it is now (`null`: deleted) and the segment that holds it. */
interface Dirty {
  state: StateText | null;
  segment: number;
}

const SEGMENT = /^journal-(\d{1,15})\.log$/;
const segmentName = (segment: number): string => `journal-${segment}.log`;

export class ETagConflictError extends Error {
  constructor(key: string) {
    // The message is the one MemoryStorage and the earlier LowdbStorage gave: callers match on it.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/**
 * The bot state's single writer: every change is appended to the journal (group commit: the turns that finish
 * together share one fdatasync, and a write resolves only once its batch is durable), kept in memory, and
 * written behind to its per-key file by a compaction that runs in the background a moment later (or as soon as a
 * segment is full); then the segments it covered are deleted. A key changed many times between two compactions
 * is written to its file once. On open, the segments left by a crash are replayed over the per-key files.
 */
export class JournalStore {
  private readonly files: StateFiles;
  private readonly dirty = new Map<string, Dirty>();
  private readonly clean: LruCache<StateText | null>;
  private readonly perKey = new KeyedSerialQueue();
  private readonly segmentBytes: number;
  private readonly compactAfterMs: number;
  private log!: JournalLog;
  private compacting: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(private readonly options: JournalStoreOptions) {
    this.files = new StateFiles(options.dir, Math.max(options.cacheSize, 1000));
    this.clean = new LruCache(options.cacheSize);
    this.segmentBytes = options.segmentBytes ?? 4 * 1024 * 1024;
    this.compactAfterMs = options.compactAfterMs ?? 2000;
  }

  /** Replays what a previous process left in the journal, then opens a new segment for appending. */
  static async open(options: JournalStoreOptions): Promise<JournalStore> {
    const store = new JournalStore(options);
    await mkdir(store.files.dir, { recursive: true });
    const segments = await store.segmentsOnDisk();
    for (const segment of segments) await store.replay(segment);
    const next = (segments.at(-1) ?? 0) + 1;
    store.log = store.newSegment(next);
    if (options.readOnly) store.closed = true;
    else if (store.dirty.size > 0) store.scheduleCompaction(0);
    return store;
  }

  get dir(): string {
    return this.files.dir;
  }

  /** The states of `keys` (missing ones left out), each read after the writes made before it on that key. */
  async read(keys: readonly string[]): Promise<Map<string, StateText>> {
    const states = await Promise.all(keys.map((key) => this.perKey.run(key, () => this.current(key))));
    const found = new Map<string, StateText>();
    keys.forEach((key, index) => {
      const state = states[index];
      if (state) found.set(key, state);
    });
    return found;
  }

  /**
   * Writes the changes in one journal batch. Each is checked against the stored eTag (none, `*` or the current
   * one); a change equal to what is stored is not written (its eTag stays). `atomic`: one conflict and nothing is
   * written; otherwise the others are written, then the first conflict is thrown (as MemoryStorage does).
   */
  async write(changes: readonly ChangeRequest[], atomic: boolean): Promise<void> {
    const keys = [...new Set(changes.map((change) => change.key))].sort();
    await this.holding(keys, async () => {
      const accepted: { key: string; state: StateText }[] = [];
      let conflict: ETagConflictError | undefined;
      for (const change of changes) {
        const stored = await this.current(change.key);
        const { requestedETag } = change;
        if (stored && requestedETag !== '*' && requestedETag && requestedETag !== stored.eTag) {
          conflict ??= new ETagConflictError(change.key);
          continue;
        }
        if (stored && stored.itemJson === change.itemJson) continue; // unchanged: never written
        accepted.push({ key: change.key, state: { eTag: randomUUID(), itemJson: change.itemJson } });
      }
      if (conflict && atomic) throw conflict;
      if (accepted.length > 0) {
        const writes = accepted.map(
          ({ key, state }) =>
            `{"k":${JSON.stringify(key)},"e":${JSON.stringify(state.eTag)},"i":${state.itemJson}}`,
        );
        await this.journal(`{"w":[${writes.join(',')}]}`, accepted);
      }
      if (conflict) throw conflict;
    });
  }

  async delete(keys: readonly string[]): Promise<void> {
    const unique = [...new Set(keys)].sort();
    await this.holding(unique, async () => {
      const present: string[] = [];
      for (const key of unique) if ((await this.current(key)) !== null) present.push(key);
      if (present.length === 0) return;
      await this.journal(
        `{"x":${JSON.stringify(present)}}`,
        present.map((key) => ({ key, state: null })),
      );
    });
  }

  /** Every stored key (maintenance only): the per-key files, corrected by what is still in the journal. */
  async *keys(): AsyncGenerator<string> {
    const pending = new Map(this.dirty);
    for await (const key of this.files.keys()) {
      const dirty = pending.get(key);
      if (dirty === undefined || dirty.state !== null) yield key;
      pending.delete(key);
    }
    for (const [key, dirty] of pending) if (dirty.state !== null) yield key;
  }

  /** Resolves once every read, write and delete made so far has settled. */
  flush(): Promise<void> {
    return this.perKey.idle();
  }

  /** Finishes every change, writes everything behind, and leaves no journal segment behind. */
  async close(): Promise<void> {
    if (this.closed) return; // also a read-only store: nothing of its own to write
    await this.flush();
    this.closed = true;
    clearTimeout(this.timer);
    await this.compacting;
    await this.compact(true);
  }

  /**
   * Writes every change made so far behind and deletes the segments that held it, now (normally this runs by
   * itself a moment later): after an erasure, no earlier version of the erased state is left in the journal.
   */
  async compactNow(): Promise<void> {
    await this.flush();
    while (this.compacting) await this.compacting;
    await this.compact(false);
  }

  private async journal(json: string, changes: { key: string; state: StateText | null }[]): Promise<void> {
    if (this.closed) {
      throw new Error(`The state journal is ${this.options.readOnly ? 'open for reading only' : 'closed'}`);
    }
    const log = this.log; // no await before the append: the change's segment is the one it goes to
    await log.append(json);
    for (const { key, state } of changes) {
      this.dirty.set(key, { state, segment: log.segment });
      this.clean.delete(key);
    }
    if (log.size >= this.segmentBytes) void this.compact(false);
    else this.scheduleCompaction(this.compactAfterMs);
  }

  /** What is stored for `key` now (callers hold the key). */
  private async current(key: string): Promise<StateText | null> {
    const dirty = this.dirty.get(key);
    if (dirty !== undefined) return dirty.state;
    const cached = this.clean.get(key);
    if (cached !== undefined) return cached;
    const state = await this.files.read(key);
    this.clean.set(key, state);
    return state;
  }

  /** Runs `task` holding every key (taken in sorted order, so two calls cannot wait for each other). */
  private holding(keys: readonly string[], task: () => Promise<void>): Promise<void> {
    const [first, ...rest] = keys;
    if (first === undefined) return task();
    return this.perKey.run(first, () => this.holding(rest, task));
  }

  private scheduleCompaction(delayMs: number): void {
    if (this.timer !== undefined || this.compacting !== undefined || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.compact(false);
    }, delayMs);
    this.timer.unref();
  }

  /**
   * Rotates the segment, writes behind every state changed in the segments before it, then deletes them. A kill
   * at any point leaves the segments (and the files written so far): the next open replays them, so nothing is
   * lost and the per-key files end up the same. `final` also closes the new segment and deletes it (at close).
   */
  private compact(final: boolean): Promise<void> {
    if (this.compacting) {
      return final ? this.compacting.then(() => this.compact(true)) : this.compacting;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    const run = async (): Promise<void> => {
      const old = this.log;
      const next = old.segment + 1;
      this.log = this.newSegment(next);
      await old.close();
      // The writes whose batch was in the old segment record themselves before their callers go on.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const covered = [...this.dirty].filter(([, dirty]) => dirty.segment <= old.segment);
      await this.files.apply(covered.map(([key, dirty]) => [key, dirty.state] as const));
      await faultPoint('compaction');
      for (const [key, dirty] of covered) {
        if (this.dirty.get(key) !== dirty) continue; // changed again meanwhile: its new segment holds it
        this.dirty.delete(key);
        this.clean.set(key, dirty.state);
      }
      for (const segment of await this.segmentsOnDisk()) {
        if (segment <= old.segment) await rm(this.segmentPath(segment), { force: true });
      }
      if (final) {
        await this.log.close();
        await rm(this.segmentPath(next), { force: true });
      }
      await syncDirectory(this.files.dir);
    };
    this.compacting = run()
      .catch((error: unknown) => {
        this.options.onBackgroundError?.(error);
        if (final) throw error;
      })
      .finally(() => {
        this.compacting = undefined;
        if (!final && this.dirty.size > 0) this.scheduleCompaction(this.compactAfterMs);
      });
    return this.compacting;
  }

  private newSegment(segment: number): JournalLog {
    return new JournalLog(this.segmentPath(segment), segment, () => faultPoint('before-fsync'));
  }

  private segmentPath(segment: number): string {
    return path.join(this.files.dir, segmentName(segment));
  }

  private async segmentsOnDisk(): Promise<number[]> {
    const names = await readdir(this.files.dir);
    return names
      .map((name) => SEGMENT.exec(name)?.[1])
      .filter((digits): digits is string => digits !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  /**
   * Applies one segment's batches in order. A last line cut short (the process died while writing it, so no
   * caller was told it was saved) is dropped and the file truncated there; a damaged line followed by whole ones
   * is reported, never skipped silently.
   */
  private async replay(segment: number): Promise<void> {
    const filePath = this.segmentPath(segment);
    const text = await readFile(filePath, 'utf8');
    let offset = 0;
    while (offset < text.length) {
      const end = text.indexOf('\n', offset);
      const json = end === -1 ? undefined : decodeJournalLine(text.slice(offset, end));
      if (json === undefined) {
        if (end !== -1 && text.indexOf('\n', end + 1) !== -1) {
          throw new CorruptJsonFileError(filePath, new Error(`damaged batch at byte ${offset}`));
        }
        if (!this.options.readOnly)
          await truncate(filePath, Buffer.byteLength(text.slice(0, offset), 'utf8'));
        return;
      }
      const parsed = JSON.parse(json) as JournalBatch | JournalBatch[];
      for (const batch of Array.isArray(parsed) ? parsed : [parsed]) this.applyBatch(batch, segment);
      offset = end + 1;
    }
  }

  private applyBatch(batch: JournalBatch, segment: number): void {
    for (const write of batch.w ?? []) {
      const state = { eTag: write.e, itemJson: JSON.stringify(write.i) };
      this.dirty.set(write.k, { state, segment });
    }
    for (const key of batch.x ?? []) this.dirty.set(key, { state: null, segment });
  }
}

/** One journal line: the states written (`w`: key, eTag, item) and the keys deleted (`x`). */
interface JournalBatch {
  w?: { k: string; e: string; i: Record<string, unknown> }[];
  x?: string[];
}
