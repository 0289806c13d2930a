import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TableClient } from '@azure/data-tables';
import { ContainerClient } from '@azure/storage-blob';
import { createStores, type Stores } from '../../storage/createStores.js';
import type { AzureBackendConfig } from '../../storage/storageBackend.js';
import { newApplication } from '../contract/queueContract.js';
import { azureBackend, startAzurite, type RunningAzurite } from '../support/azurite.js';

const tempDataDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const MIGRATE = fileURLToPath(new URL('../../scripts/migrate.js', import.meta.url));

let azurite: RunningAzurite;
const folders: string[] = [];
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run migrate -- …` as an operator runs it: a process with the settings in its environment. */
function migrate(
  dataDir: string,
  backend: AzureBackendConfig,
  args = ['--from', 'lowdb', '--to', 'azure'],
): Promise<Run> {
  const env = {
    PATH: process.env.PATH ?? '',
    DATA_DIR: dataDir,
    AZURE_STORAGE_CONNECTION_STRING: backend.connectionString,
    AZURE_STATE_CONTAINER: backend.stateContainer,
    AZURE_APPLICATIONS_TABLE: backend.applicationsTable,
    AZURE_REQUESTS_TABLE: backend.requestsTable,
    AZURE_FUNNEL_TABLE: backend.funnelTable ?? '',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MIGRATE, ...args], { env, cwd: dataDir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The row of one kind in the printed table: lowdb, copied, present, in azure, status. */
function row(stdout: string, kind: string): string {
  const line = stdout.split('\n').find((text) => text.startsWith(`${kind} `));
  return (line ?? '').trim().split(/\s+/).slice(1).join(' ');
}

/** A CCI that ran on lowdb for a while: state, files (one reviewed), a reserved number, contact requests. */
async function lowdbData(): Promise<{ dataDir: string; lowdb: Stores }> {
  const dataDir = tempDataDir('alize-migrate-');
  folders.push(dataDir);
  const lowdb = createStores({ dataDir, backend: { kind: 'lowdb' } });
  await lowdb.storage.write({
    'emulator/users/u1': { profile: { application: { answers: { 'company.name': 'Mécanique Cévenole' } } } },
    'emulator/conversations/c1': { dialogState: { dialogStack: [] }, flags: { greeted: true } },
    'msteams/users/29:1abc': { profile: { submitted: [{ reference: 'ALZ-2026-0001' }] } },
  });
  await lowdb.queue.submit(newApplication({ userId: 'u1' }), 'draft-1');
  await lowdb.queue.submit(newApplication({ userId: 'u2' }), 'draft-2');
  await lowdb.queue.submit(
    newApplication({ userId: 'u3', now: new Date('2027-01-04T09:00:00Z') }),
    'draft-3',
  );
  await lowdb.queue.changeStatus('ALZ-2026-0002', 'in_review', 'committee:marie', 'Kbis à jour');
  // A number reserved just before a crash: lowdb's counter is ahead of its files, and must stay so.
  fs.writeFileSync(path.join(dataDir, 'applications', 'sequence.json'), '{ "2026": 3, "2027": 1 }');
  await lowdb.contactRequests.add({
    kind: 'callback',
    userId: 'u1',
    phone: '+33612345678',
    now: new Date(0),
  });
  await lowdb.contactRequests.add({
    kind: 'handoff',
    userId: 'u2',
    reason: 'dossier « urgent »',
    now: new Date(1),
  });
  // Anonymous counts of the funnel: two steps in one month.
  await lowdb.funnel.add({ '2026-11': { 'check.started': 4, 'check.verdict.OK': 2 } });
  await lowdb.close();
  return { dataDir, lowdb };
}

/** Every blob and entity with its ETag: if a run changed anything, this changes. */
async function azureSnapshot(backend: AzureBackendConfig): Promise<string[]> {
  const lines: string[] = [];
  const container = new ContainerClient(backend.connectionString, backend.stateContainer);
  for await (const blob of container.listBlobsFlat()) lines.push(`${blob.name} ${blob.properties.etag}`);
  for (const name of [backend.applicationsTable, backend.requestsTable, backend.funnelTable ?? '']) {
    const table = TableClient.fromConnectionString(backend.connectionString, name, {
      allowInsecureConnection: true,
    });
    for await (const entity of table.listEntities()) lines.push(`${name} ${entity.rowKey} ${entity.etag}`);
  }
  return lines.sort();
}

describe('npm run migrate -- --from lowdb --to azure', () => {
  test('copies everything, counts it, and a second run changes nothing', async () => {
    const { dataDir, lowdb } = await lowdbData();
    const backend = azureBackend(azurite);

    const first = await migrate(dataDir, backend);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(row(first.stdout, 'state')).toBe('3 3 0 3 ok');
    expect(row(first.stdout, 'applications')).toBe('3 3 0 3 ok');
    expect(row(first.stdout, 'idempotencyKeys')).toBe('3 3 0 3 ok');
    expect(row(first.stdout, 'sequences')).toBe('2 2 0 2 ok');
    expect(row(first.stdout, 'contactRequests')).toBe('2 2 0 2 ok');
    expect(row(first.stdout, 'funnel')).toBe('2 2 0 2 ok');

    const before = await azureSnapshot(backend);
    const second = await migrate(dataDir, backend);
    expect(second.code).toBe(0);
    expect(row(second.stdout, 'applications')).toBe('3 0 3 3 ok');
    expect(row(second.stdout, 'state')).toBe('3 0 3 3 ok');
    expect(row(second.stdout, 'funnel')).toBe('2 0 2 2 ok');
    expect(await azureSnapshot(backend)).toEqual(before);

    const azure = createStores({ dataDir, backend });
    expect(await azure.queue.list()).toEqual(await lowdb.queue.list());
    expect(await azure.contactRequests.list()).toEqual(await lowdb.contactRequests.list());
    expect(await azure.funnel.read()).toEqual(await lowdb.funnel.read());
    const keys = ['emulator/users/u1', 'emulator/conversations/c1', 'msteams/users/29:1abc'];
    const strip = (items: Record<string, Record<string, unknown>>): Record<string, unknown> =>
      Object.fromEntries(Object.entries(items).map(([key, item]) => [key, { ...item, eTag: 'any' }]));
    expect(strip(await azure.storage.read(keys))).toEqual(strip(await lowdb.storage.read(keys)));

    // The bot on Azure carries on where lowdb stopped: a resubmitted draft finds its file, numbers go on.
    expect(await azure.queue.submit(newApplication({ userId: 'u2' }), 'draft-2')).toMatchObject({
      created: false,
      application: { reference: 'ALZ-2026-0002', status: 'in_review' },
    });
    expect((await azure.queue.submit(newApplication(), 'new-draft')).application.reference).toBe(
      'ALZ-2026-0004',
    );
  });

  test('a reference Azure already gave to another file is a mismatch: reported, exit 1, nothing overwritten', async () => {
    const { dataDir } = await lowdbData();
    const backend = azureBackend(azurite);
    const azure = createStores({ dataDir, backend });
    const { application: other } = await azure.queue.submit(
      newApplication({ userId: 'someone-else' }),
      'azure-1',
    );

    const run = await migrate(dataDir, backend);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^applications .* MISMATCH \(differs in Azure: ALZ-2026-0001\)$/m);
    expect(row(run.stdout, 'applications')).toMatch(/^3 2 1 2 MISMATCH/);
    expect(await azure.queue.get('ALZ-2026-0001')).toEqual(other);
  });

  test('refuses any other direction, and an incomplete configuration, with a clear message', async () => {
    const backend = azureBackend(azurite);
    const dataDir = tempDataDir('alize-migrate-');
    folders.push(dataDir);
    const reversed = await migrate(dataDir, backend, ['--from', 'azure', '--to', 'lowdb']);
    expect([reversed.code, reversed.stderr]).toEqual([2, expect.stringContaining('--from lowdb --to azure')]);
    const missing = await migrate(dataDir, { ...backend, connectionString: '' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('AZURE_STORAGE_CONNECTION_STRING is required');
  });
});
