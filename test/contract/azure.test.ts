import { createStores } from '../../storage/createStores.js';
import { samplePdf } from './documentStoreContract.js';
import type { AzureBackendConfig } from '../../storage/storageBackend.js';
import { azureBackend, startAzurite, type RunningAzurite } from '../support/azurite.js';
import { describeContactRequestsContract } from './contactRequestsContract.js';
import { describeDocumentStoreContract } from './documentStoreContract.js';
import { describeQueueContract } from './queueContract.js';
import { describeQueueStatusContract } from './queueStatusContract.js';
import { describeStorageContract } from './storageContract.js';

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

/** What STORAGE=azure builds; every test gets its own container and tables in the one emulator. */
function freshStores(): () => ReturnType<typeof createStores> {
  const backend: AzureBackendConfig = azureBackend(azurite);
  return () => createStores({ dataDir: '/nonexistent/azure-needs-no-data-dir', backend });
}

describeStorageContract('azure', () => {
  const open = freshStores();
  return { open: () => open().storage };
});

describeQueueContract('azure', () => {
  const open = freshStores();
  return { open: () => open().queue };
});

describeQueueStatusContract('azure', () => {
  const open = freshStores();
  return { open: () => open().queue };
});

describeContactRequestsContract('azure', () => {
  const open = freshStores();
  return { open: () => open().contactRequests };
});

describeDocumentStoreContract('azure', () => {
  const open = freshStores();
  return { open: () => open().documents };
});

test('azure: a document blob cannot be read without the account key (the container is private)', async () => {
  const backend = azureBackend(azurite);
  const { documents } = createStores({ dataDir: '/nonexistent/azure-needs-no-data-dir', backend });
  const id = 'ab'.repeat(16);
  const bytes = samplePdf();
  const document = {
    id,
    name: 'kbis.pdf',
    type: 'application/pdf' as const,
    size: bytes.length,
    sha256: 'x',
    receivedAt: '2026-03-16T09:30:00.000Z',
  };
  await documents.put('ALZ-2026-0007', { document, bytes });
  expect((await documents.read('ALZ-2026-0007', id))?.bytes.equals(bytes)).toBe(true);
  const url = `http://127.0.0.1:${azurite.ports.blob}/devstoreaccount1/${backend.documentsContainer}/ALZ-2026-0007/${id}`;
  const anonymous = await fetch(url);
  expect(anonymous.status).not.toBe(200);
  expect(Buffer.from(await anonymous.arrayBuffer()).includes(bytes)).toBe(false);
});
