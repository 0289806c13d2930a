import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import { tempFolder } from '../support/tempFolders.js';

const STORE_MODULE = pathToFileURL(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../storage/lowdbDocumentStore.js'),
).href;

/** A process that stores 8 MB PDFs one after another, for ever, under DATA_DIR/documents/draft-crash. */
const WRITER = `
import { randomBytes } from 'node:crypto';
const { LowdbDocumentStore } = await import(process.env.STORE_MODULE);
const store = new LowdbDocumentStore(process.env.ROOT);
for (let n = 0; ; n++) {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\\n'), randomBytes(8 * 1024 * 1024)]);
  const sha256 = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
  const id = randomBytes(16).toString('hex');
  await store.put('draft-crash', { bytes, document: { id, name: 'bilan-' + n + '.pdf', type: 'application/pdf',
    size: bytes.length, sha256, receivedAt: new Date().toISOString() } });
}
`;

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

test('SIGKILL in the middle of writing a document leaves no half document listed', async () => {
  const root = path.join(tempFolder('alize-doc-crash-'), 'documents');
  const folder = path.join(root, 'draft-crash');
  const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER], {
    env: { ...process.env, ROOT: root, STORE_MODULE },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const names = (): string[] => (fs.existsSync(folder) ? fs.readdirSync(folder) : []);
  // Killed while a document's bytes are half written (its temporary file exists), after at least one is whole.
  await until(() => names().some((name) => name.endsWith('.json')));
  await until(() => names().some((name) => name.endsWith('.tmp')));
  child.kill('SIGKILL');
  await exited;

  const store = new LowdbDocumentStore(root);
  const listed = await store.list('draft-crash');
  expect(listed.length).toBeGreaterThan(0);
  for (const document of listed) {
    const read = await store.read('draft-crash', document.id);
    expect(read!.bytes.length).toBe(document.size);
    expect(createHash('sha256').update(read!.bytes).digest('hex')).toBe(document.sha256);
  }
  // What was cut short is only a temporary file, never listed, and gone with the folder at erasure.
  expect(names().filter((name) => name.endsWith('.tmp')).length).toBeGreaterThan(0);
  await store.removeAll('draft-crash');
  expect(fs.existsSync(folder)).toBe(false);
}, 60_000);
