import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CorruptJsonFileError, isErrnoException } from './atomicJsonFile.js';
import type { StateFileRecord } from './lowdbStorage.js';
import { parseSequenceFile } from './referenceSequence.js';

/**
 * Reads the lowdb files as they are on disk, for `npm run migrate`: the formats written by LowdbStorage,
 * IdempotencyIndex and ReferenceSequence. A file that does not parse stops the migration (never skipped).
 */

export interface IdempotencyRecord {
  key: string;
  reference: string;
}

/** Every bot state item under `<dataDir>/state/` (sharded `xx/<sha1>.json`). */
export async function readLowdbStateRecords(dataDir: string): Promise<StateFileRecord[]> {
  const files = await jsonFilesUnder(path.join(dataDir, 'state'), true);
  return Promise.all(
    files.map(async (file) => {
      const record = await readJson(file);
      const valid =
        typeof record === 'object' &&
        record !== null &&
        typeof (record as StateFileRecord).key === 'string' &&
        typeof (record as StateFileRecord).item === 'object' &&
        (record as StateFileRecord).item !== null;
      if (!valid) throw new CorruptJsonFileError(file, new Error('not a state record'));
      return record as StateFileRecord;
    }),
  );
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
