import { createHash } from 'node:crypto';
import type { StoredApplication } from './applicationQueue.js';
import type { StoredDocument } from './documentStore.js';

/**
 * The version of a stored file: a hash of its JSON with the keys sorted, so the same file has the same version
 * whatever the back end (lowdb keeps keys in creation order, Azure Tables in its own). Any stored change (a
 * status, an amendment, an anonymisation) gives a new version. 22 base64url characters (132 bits).
 */
export function applicationVersion(application: StoredApplication): string {
  return versionOf(application);
}

/**
 * The version of a file's supporting documents (ids, pieces, contents…), whatever order the store lists them in:
 * a document added, or its piece named later, gives a new one. The documents live beside the file, not in it.
 */
export function documentsVersion(documents: readonly StoredDocument[]): string {
  return versionOf([...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

function versionOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('base64url').slice(0, 22);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The file was changed since the caller read it: its version is no longer one the caller expected. */
export class StaleVersionError extends Error {
  constructor(
    readonly reference: string,
    readonly current: string,
  ) {
    super(`Application ${reference}: changed since it was read (now version ${current})`);
    this.name = 'StaleVersionError';
  }
}

/** @throws StaleVersionError when `expected` is given and does not hold the file's current version. */
export function assertVersion(application: StoredApplication, expected: readonly string[] | undefined): void {
  if (expected === undefined) return;
  const current = applicationVersion(application);
  if (!expected.includes(current)) throw new StaleVersionError(application.reference, current);
}
