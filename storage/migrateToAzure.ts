import { isDeepStrictEqual } from 'node:util';
import type { StoredApplication } from './applicationQueue.js';
import { azureAccountOf, blobsStorageOf, type AzureAccount } from './azureAccount.js';
import { AzureApplicationQueue } from './azureApplicationQueue.js';
import { AzureContactRequestStore } from './azureContactRequests.js';
import { AzureQueueImporter } from './azureQueueImport.js';
import { createLowdbContactRequestStore } from './contactRequests.js';
import { createLowdbApplicationQueue } from './lowdbApplicationQueue.js';
import { readLowdbIdempotencyRecords, readLowdbSequences, readLowdbStateRecords } from './lowdbExport.js';
import { parseReference } from './referenceSequence.js';
import { AZURE_DEFAULTS, type AzureBackendConfig } from './storageBackend.js';
import { AzureFunnelStore } from './azureFunnelStore.js';
import { LowdbFunnelStore } from './lowdbFunnelStore.js';

/** One kind of data: how many items lowdb has, what happened to them, and how many Azure now holds. */
export interface MigrationCount {
  kind: 'state' | 'applications' | 'idempotencyKeys' | 'sequences' | 'contactRequests' | 'funnel';
  found: number;
  copied: number;
  /** Already in Azure (an earlier run, or the bot since): left alone. */
  present: number;
  /** Found again in Azure after copying, and the same. */
  verified: number;
  /** Items Azure holds differently (e.g. a reference given to another file): never overwritten. */
  conflicts: string[];
}

export interface MigrationReport {
  counts: MigrationCount[];
  ok: boolean;
}

const STATE_BATCH = 50;

/**
 * Copies DATA_DIR into Azure Storage without overwriting anything, then reads every item back. Running it
 * again copies nothing and changes nothing. Run it before switching the bot to STORAGE=azure (a state item
 * written by an Azure instance meanwhile is kept, whatever lowdb holds).
 */
export async function migrateLowdbToAzure(
  dataDir: string,
  backend: AzureBackendConfig,
): Promise<MigrationReport> {
  const account = azureAccountOf(backend);
  const counts = [
    await copyState(dataDir, account, backend),
    ...(await copyQueue(dataDir, account, backend)),
    await copyContactRequests(dataDir, account, backend),
    await copyFunnel(dataDir, account, backend),
  ];
  const ok = counts.every((count) => count.verified === count.found && count.conflicts.length === 0);
  return { counts, ok };
}

const newCount = (kind: MigrationCount['kind'], found: number): MigrationCount => ({
  kind,
  found,
  copied: 0,
  present: 0,
  verified: 0,
  conflicts: [],
});

async function copyState(
  dataDir: string,
  account: AzureAccount,
  backend: AzureBackendConfig,
): Promise<MigrationCount> {
  const records = await readLowdbStateRecords(dataDir);
  const count = newCount('state', records.length);
  const storage = blobsStorageOf(account, backend.stateContainer);
  const copied = new Set<string>();
  for (let start = 0; start < records.length; start += STATE_BATCH) {
    const batch = records.slice(start, start + STATE_BATCH);
    const existing = await storage.read(batch.map((record) => record.key));
    const absent = batch.filter((record) => existing[record.key] === undefined);
    if (absent.length > 0)
      await storage.write(Object.fromEntries(absent.map((record) => [record.key, record.item])));
    for (const record of absent) copied.add(record.key);
    count.present += batch.length - absent.length;
  }
  count.copied = copied.size;
  for (let start = 0; start < records.length; start += STATE_BATCH) {
    const batch = records.slice(start, start + STATE_BATCH);
    const stored = await storage.read(batch.map((record) => record.key));
    for (const record of batch) {
      const item = stored[record.key] as Record<string, unknown> | undefined;
      if (item === undefined) continue;
      const value = { ...item };
      delete value.eTag;
      if (copied.has(record.key) && !isDeepStrictEqual(value, record.item)) count.conflicts.push(record.key);
      else count.verified += 1;
    }
  }
  return count;
}

async function copyQueue(
  dataDir: string,
  account: AzureAccount,
  backend: AzureBackendConfig,
): Promise<MigrationCount[]> {
  const { applicationsTable } = backend;
  const importer = new AzureQueueImporter(account, applicationsTable);
  const azureQueue = new AzureApplicationQueue({ account, tableName: applicationsTable });

  const applications = await createLowdbApplicationQueue(dataDir).list();
  const files = newCount('applications', applications.length);
  for (const application of applications) {
    const outcome = await importer.putApplication(application);
    files[outcome] += 1;
    const stored = await azureQueue.get(application.reference);
    if (stored && sameFile(stored, application, outcome === 'copied')) files.verified += 1;
    else if (stored) files.conflicts.push(application.reference);
  }

  const records = await readLowdbIdempotencyRecords(dataDir);
  const keys = newCount('idempotencyKeys', records.length);
  for (const record of records) {
    keys[await importer.putIdempotencyKey(record.key, record.reference)] += 1;
    const reference = await importer.idempotencyReference(record.key);
    if (reference === record.reference) keys.verified += 1;
    else if (reference !== undefined) keys.conflicts.push(record.reference);
  }

  // The counter of a year is at least the last sequence lowdb gave, and at least every copied file's.
  const targets = new Map(
    Object.entries(await readLowdbSequences(dataDir)).map(([year, last]) => [Number(year), last]),
  );
  for (const { reference } of applications) {
    const parsed = parseReference(reference);
    if (parsed) targets.set(parsed.year, Math.max(targets.get(parsed.year) ?? 0, parsed.sequence));
  }
  const sequences = newCount('sequences', targets.size);
  for (const [year, last] of [...targets].sort(([a], [b]) => a - b)) {
    const { before, after } = await importer.raiseSequence(year, last);
    sequences[before >= last ? 'present' : 'copied'] += 1;
    if (after >= last) sequences.verified += 1;
  }
  return [files, keys, sequences];
}

/** A copied file must be identical; one already there may have moved on (status changes) but not be another. */
function sameFile(stored: StoredApplication, original: StoredApplication, copied: boolean): boolean {
  if (copied) return isDeepStrictEqual(stored, original);
  return (
    stored.submittedAt === original.submittedAt &&
    stored.userId === original.userId &&
    isDeepStrictEqual(stored.data, original.data) &&
    isDeepStrictEqual(stored.history.slice(0, original.history.length), original.history)
  );
}

async function copyContactRequests(
  dataDir: string,
  account: AzureAccount,
  backend: AzureBackendConfig,
): Promise<MigrationCount> {
  const requests = await createLowdbContactRequestStore(dataDir).list();
  const count = newCount('contactRequests', requests.length);
  const store = new AzureContactRequestStore(account, backend.requestsTable);
  for (const request of requests) {
    count[(await store.put(request)) ? 'copied' : 'present'] += 1;
    const stored = await store.get(request.id);
    if (stored && isDeepStrictEqual({ ...stored }, { ...request })) count.verified += 1;
    else if (stored) count.conflicts.push(request.id);
  }
  return count;
}

/**
 * The funnel counters, each (month, step) created only when Azure has none: a second run adds nothing, and
 * counts an Azure instance made meanwhile are kept (lowdb's are then not added to them: a few counts at most).
 */
async function copyFunnel(
  dataDir: string,
  account: AzureAccount,
  backend: AzureBackendConfig,
): Promise<MigrationCount> {
  const counters = Object.entries(await new LowdbFunnelStore(dataDir).read()).flatMap(([month, steps]) =>
    Object.entries(steps).map(([step, value]) => ({ month, step, value })),
  );
  const count = newCount('funnel', counters.length);
  const store = new AzureFunnelStore(account, backend.funnelTable ?? AZURE_DEFAULTS.funnelTable);
  for (const { month, step, value } of counters) {
    const copied = await store.put(month, step, value);
    count[copied ? 'copied' : 'present'] += 1;
    const stored = await store.get(month, step);
    if (stored === value || (!copied && stored !== undefined)) count.verified += 1;
    else count.conflicts.push(`${month} ${step}`);
  }
  return count;
}
