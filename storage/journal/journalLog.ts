import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { syncDirectory } from '../atomicJsonFile.js';

/**
 * One journal segment, `journal-<n>.log`: an append-only file of batches, each one line
 * `<crc32 of the JSON, 8 hex> <JSON>\n`, the JSON being one call's record or an array of them. Appends that arrive while a batch is being written and synced wait and
 * go together in the next batch (group commit): one write and one fdatasync for all of them, and each caller's
 * promise resolves only when its batch is on disk.
 */
export class JournalLog {
  private queued: { json: string; done: Deferred }[] = [];
  private flushing: Promise<void> | undefined;
  private handle: FileHandle | undefined;
  private bytes = 0;
  private closed = false;

  /** A new segment; its file is only created by the first append (a process that only reads leaves none). */
  constructor(
    readonly filePath: string,
    readonly segment: number,
    private readonly beforeSync?: () => Promise<void>,
  ) {}

  /** Bytes written so far (what decides when the segment is rotated). */
  get size(): number {
    return this.bytes;
  }

  /** Appends one batch record (JSON text of an object); resolves once it is durable. */
  append(json: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`Journal segment ${this.filePath} is closed`));
    const done = deferred();
    this.queued.push({ json, done });
    this.flushing ??= this.flushLoop();
    return done.promise;
  }

  /** Waits for every append made so far, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
    await this.handle?.close();
  }

  private async file(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const handle = await open(this.filePath, 'a');
    // The new file's folder entry is made durable once, so a synced batch cannot vanish with its file.
    await syncDirectory(path.dirname(this.filePath));
    this.handle = handle;
    return handle;
  }

  private async flushLoop(): Promise<void> {
    // Let the appends of the same tick (and of the turns that finish meanwhile) join this batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queued.length > 0) {
      const batch = this.queued;
      this.queued = [];
      // One line per batch: the records of the calls that share this fsync, whole or (cut short) not at all.
      const json = batch.length === 1 ? batch[0]!.json : `[${batch.map((entry) => entry.json).join(',')}]`;
      const text = `${hex8(crc32(json))} ${json}\n`;
      try {
        const handle = await this.file();
        const buffer = Buffer.from(text, 'utf8');
        let offset = 0;
        while (offset < buffer.length) {
          const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
          offset += bytesWritten;
        }
        await this.beforeSync?.();
        await handle.datasync();
        this.bytes += buffer.length;
        for (const entry of batch) entry.done.resolve();
      } catch (error) {
        // A batch half written (a full disk) must not stay in front of the next ones: back to the last whole one.
        await this.handle?.truncate(this.bytes).catch(() => undefined);
        for (const entry of batch) entry.done.reject(error);
      }
    }
    this.flushing = undefined;
  }
}

/** A batch's line as read back: its JSON if the line is whole and its checksum matches, else undefined. */
export function decodeJournalLine(line: string): string | undefined {
  if (line.length < 10 || line[8] !== ' ') return undefined;
  const json = line.slice(9);
  return hex8(crc32(json)) === line.slice(0, 8) ? json : undefined;
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}
