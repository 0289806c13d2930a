import { DefaultAzureCredential } from '@azure/identity';
import { StorageSharedKeyCredential } from '@azure/storage-blob';
import { loadConfig } from '../../bot/config.js';
import {
  azureAccountOf,
  blobsStorageOf,
  containerClientOf,
  queueClientOf,
  tableClientOf,
  type AzureAccount,
} from '../../storage/azureAccount.js';
import { createStores } from '../../storage/createStores.js';
import type { AzureBackendConfig } from '../../storage/storageBackend.js';
import { DEV_KEY } from '../support/azurite.js';

const ACCOUNT_URL = 'https://stalizeales.blob.core.windows.net';
const CONNECTION = `DefaultEndpointsProtocol=https;AccountName=stalizeales;AccountKey=${DEV_KEY};EndpointSuffix=core.windows.net`;

function azureSettings(env: Record<string, string>): AzureBackendConfig {
  const { storage } = loadConfig({ STORAGE: 'azure', ...env }, '/srv/alize');
  if (storage.kind !== 'azure') throw new Error('expected the azure back end');
  return storage;
}

/** BlobsStorage keeps its container client private; its URL and credential are what it will use. */
const blobsClientOf = (account: AzureAccount, container: string) =>
  (
    blobsStorageOf(account, container) as unknown as {
      _containerClient: ReturnType<typeof containerClientOf>;
    }
  )._containerClient;

/** Whether the table client's requests carry an Entra bearer token (the SDK adds this policy for a credential). */
const signsWithToken = (client: ReturnType<typeof tableClientOf>) =>
  client.pipeline.getOrderedPolicies().some((policy) => policy.name === 'bearerTokenAuthenticationPolicy');

describe('Azure Storage reached with a managed identity (AZURE_STORAGE_ACCOUNT_URL)', () => {
  const credential = new DefaultAzureCredential();
  const account = azureAccountOf(azureSettings({ AZURE_STORAGE_ACCOUNT_URL: ACCOUNT_URL }), () => credential);

  test('blobs, tables and queues each get their endpoint of the account and the token credential', () => {
    const state = containerClientOf(account, 'alize-state');
    expect(state.url).toBe('https://stalizeales.blob.core.windows.net/alize-state');
    expect(state.credential).toBe(credential);

    const table = tableClientOf(account, 'AlizeApplications');
    expect(table.url).toBe('https://stalizeales.table.core.windows.net');
    expect(table.tableName).toBe('AlizeApplications');
    expect(signsWithToken(table)).toBe(true);

    const queue = queueClientOf(account, 'nouveaux-dossiers');
    expect(queue.url).toBe('https://stalizeales.queue.core.windows.net/nouveaux-dossiers');
    // The queue SDK types its credential as protected; it is the one its requests are signed with.
    expect((queue as unknown as { credential: unknown }).credential).toBe(credential);
  });

  test("botbuilder's BlobsStorage (the bot state) uses the same container URL and credential", () => {
    const client = blobsClientOf(account, 'alize-state');
    expect(client.url).toBe('https://stalizeales.blob.core.windows.net/alize-state');
    expect(client.credential).toBe(credential);
  });

  test('without a credential given, DefaultAzureCredential is used; the stores build without contacting Azure', async () => {
    const settings = azureSettings({
      AZURE_STORAGE_ACCOUNT_URL: ACCOUNT_URL,
      AZURE_NOTIFY_QUEUE: 'dossiers',
    });
    const built = azureAccountOf(settings);
    // Loaded on demand through require (the CommonJS build of @azure/identity): the same class, by name.
    expect(typeof built === 'object' && built.credential.constructor.name).toBe(DefaultAzureCredential.name);
    const stores = createStores({ dataDir: '/nonexistent', backend: settings });
    await stores.close();
  });

  test('a connection string (Azurite, account key) still signs with the key, no token involved', () => {
    const keyed = azureAccountOf(azureSettings({ AZURE_STORAGE_CONNECTION_STRING: CONNECTION }));
    expect(keyed).toBe(CONNECTION);
    expect(containerClientOf(keyed, 'alize-state').credential).toBeInstanceOf(StorageSharedKeyCredential);
    expect(signsWithToken(tableClientOf(keyed, 'AlizeApplications'))).toBe(false);
  });
});
