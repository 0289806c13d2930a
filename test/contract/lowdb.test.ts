import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStores } from '../../storage/createStores.js';
import { describeContactRequestsContract } from './contactRequestsContract.js';
import { describeDocumentStoreContract } from './documentStoreContract.js';
import { describeQueueContract } from './queueContract.js';
import { describeQueueStatusContract } from './queueStatusContract.js';
import { describeStorageContract } from './storageContract.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** What the default STORAGE=lowdb builds, on a fresh DATA_DIR per test. */
function freshStores(): () => ReturnType<typeof createStores> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-contract-'));
  folders.push(dataDir);
  return () => createStores({ dataDir, backend: { kind: 'lowdb' } });
}

describeStorageContract('lowdb', () => {
  const open = freshStores();
  return { open: () => open().storage };
});

describeQueueContract('lowdb', () => {
  const open = freshStores();
  return { open: () => open().queue };
});

describeQueueStatusContract('lowdb', () => {
  const open = freshStores();
  return { open: () => open().queue };
});

describeContactRequestsContract('lowdb', () => {
  const open = freshStores();
  return { open: () => open().contactRequests };
});

describeDocumentStoreContract('lowdb', () => {
  const open = freshStores();
  return { open: () => open().documents };
});
