import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CorruptJsonFileError, isErrnoException } from './atomicJsonFile.js';
import { LowdbStorage, type StateFileRecord } from './lowdbStorage.js';
import { parseSequenceFile } from './referenceSequence.js';

/**
 * Reads the lowdb files as they are on disk, for `npm run migrate`: the formats written by LowdbStorage,
 * IdempotencyIndex and ReferenceSequence. A file that does not parse stops the migration (never skipped).
 */

export interface IdempotencyRecord {
  key: string;
  reference: string;
}

/**
 * Every bot state item under `<dataDir>/state/`: the per-key files (sharded `xx/<sha1>.json`) with what the
 * journal still holds replayed over them, read only (through the server if one still runs).
 */
export async function readLowdbStateRecords(dataDir: string): Promise<StateFileRecord[]> {
  const storage = new LowdbStorage({ dir: path.join(dataDir, 'state'), cacheSize: 0, readOnly: true });
  try {
    const records: StateFileRecord[] = [];
    for await (const key of storage.keys()) {
      const item = (await storage.read([key]))[key];
      if (!item) continue; // deleted meanwhile
      const { eTag, ...rest } = item as Record<string, unknown> & { eTag: string };
      records.push({ key, eTag, item: rest });
    }
    return records;
  } finally {
    await storage.close();
  }
}

/** Every idempotency key → reference under `<dataDir>/applications/idempotency/`. */
export async function readLowdbIdempotencyRecords(dataDir: string): Promise<IdempotencyRecord[]> {
  const files = await jsonFilesUnder(path.join(dataDir, 'applications', 'idempotency'), false);
  return Promise.all(
    files.map(async (file) => {
      const record = (await readJson(file)) as Partial<IdempotencyRecord> | null;
      if (typeof record?.key !== 'string' || typeof record.reference !== 'string') {
        throw new CorruptJsonFileError(file, new Error('not an idempotency record'));
      }
      return { key: record.key, reference: record.reference };
    }),
  );
}

/** The last sequence number used per year (`applications/sequence.json`); empty when there is none yet. */
export async function readLowdbSequences(dataDir: string): Promise<Record<string, number>> {
  const file = path.join(dataDir, 'applications', 'sequence.json');
  const data = await readJson(file).catch((error: unknown) => {
    if (isErrnoException(error) && error.code === 'ENOENT') return {};
    throw error;
  });
  // Intents a crash left there are completed by the queue's `list` (run first by the migration) once stale.
  return parseSequenceFile(data, file).counters;
}

async function jsonFilesUnder(folder: string, recursive: boolean): Promise<string[]> {
  try {
    const entries = await readdir(folder, { recursive, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return [];
    throw error;
  }
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CorruptJsonFileError(file, error);
  }
}
