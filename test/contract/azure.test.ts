import { createStores } from '../../storage/createStores.js';
import type { AzureBackendConfig } from '../../storage/storageBackend.js';
import { azureBackend, startAzurite, type RunningAzurite } from '../support/azurite.js';
import { describeContactRequestsContract } from './contactRequestsContract.js';
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
