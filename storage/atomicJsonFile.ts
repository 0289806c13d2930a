import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { KeyedSerialQueue } from './keyedSerialQueue.js';

/** A JSON file that exists but cannot be parsed: reported, never silently replaced by default data. */
export class CorruptJsonFileError extends Error {
  constructor(
    readonly filePath: string,
    cause: unknown,
  ) {
    super(`Corrupt JSON file "${filePath}": ${messageOf(cause)}`, {
      cause,
    });
    this.name = 'CorruptJsonFileError';
  }
}

function messageOf(cause: unknown): string {
  return typeof cause === 'object' && cause !== null && 'message' in cause
    ? String(cause.message)
    : String(cause);
}

// Shared by every adapter instance so two adapters on the same path in one process still take turns.
const writesByPath = new KeyedSerialQueue();
let tempCounter = 0;
// pid + a random token drawn once + a counter: unique across processes (even a reused pid) and across writes,
// without drawing random bytes on every write.
const processToken = `${process.pid}.${randomBytes(4).toString('hex')}`;

/**
 * lowdb adapter that survives crashes: each write goes to a unique temporary file in the same folder, is fsynced,
 * then renamed over the target (atomic on POSIX), and the folder is fsynced so the rename itself is durable.
 * Unlike steno, the temporary name is unique per write, so two processes never share one temporary file.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  readonly filePath: string;

  constructor(filePath: string) {
    this.filePath = path.resolve(filePath);
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new CorruptJsonFileError(this.filePath, error);
    }
  }

  write(data: T): Promise<void> {
    // Serialise now, so a caller mutating `data` after the call cannot change what is written.
    const text = JSON.stringify(data, null, 2);
    if (text === undefined)
      return Promise.reject(new TypeError(`Cannot write undefined to ${this.filePath}`));
    return this.writeText(text);
  }

  /** Writes JSON text the caller already serialised (so as not to serialise the same data twice). */
  writeText(text: string): Promise<void> {
    return writesByPath.run(this.filePath, () => writeFileAtomically(this.filePath, text));
  }
}

/** Writes text or bytes to a unique temporary file, fsyncs it, renames it over `filePath`, fsyncs the folder. */
export async function writeFileAtomically(filePath: string, text: string | Uint8Array): Promise<void> {
  await replaceFile(filePath, text);
  await syncDirectory(path.dirname(filePath));
}

export interface FileToWrite {
  filePath: string;
  text: string | Uint8Array;
}

/**
 * Several files at once (a batch of submissions): each is written, fsynced and renamed into place as
 * `writeFileAtomically` does, all in parallel, then each folder is fsynced once for all its renames instead of
 * once per file. Resolves only when every file is durable; the first failure is thrown once all have settled.
 */
export async function writeFilesAtomically(files: readonly FileToWrite[]): Promise<void> {
  const written = await Promise.allSettled(
    files.map(({ filePath, text }) => {
      const target = path.resolve(filePath);
      return writesByPath.run(target, () => replaceFile(target, text));
    }),
  );
  const failed = written.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const folders = new Set(files.map(({ filePath }) => path.dirname(path.resolve(filePath))));
  await Promise.all([...folders].map(syncDirectory));
}

/** The file part of an atomic write: a unique temporary file, fsynced, renamed over `filePath`. */
async function replaceFile(filePath: string, text: string | Uint8Array): Promise<void> {
  const tempPath = `${filePath}.${processToken}.${++tempCounter}.tmp`;
  try {
    const handle = await open(tempPath, 'wx');
    try {
      await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, filePath);
  } catch (error) {
    await rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Best effort: some platforms (Windows) and file systems cannot fsync a directory. */
export async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data file itself is already synced; only the rename's durability is weaker here.
  }
}

/** Duck-typed: `instanceof Error` fails for errors from another realm (jest runs tests in a VM context). */
export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return (
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
  );
}
