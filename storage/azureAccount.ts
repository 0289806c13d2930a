import { TableClient } from '@azure/data-tables';
import { createRequire } from 'node:module';
import type { TokenCredential } from '@azure/identity';
import { ContainerClient } from '@azure/storage-blob';
import { QueueClient } from '@azure/storage-queue';
import { BlobsStorage } from 'botbuilder-azure-blobs';

/** The account's three service endpoints, e.g. https://stalizeales.blob.core.windows.net (no trailing slash). */
export interface AzureAccountUrls {
  blob: string;
  table: string;
  queue: string;
}

/**
 * How every client reaches the storage account: its connection string (a secret: account key or SAS, or
 * Azurite's), or its endpoints with a Microsoft Entra token (a managed identity in Azure, `az login` on a
 * developer machine).
 */
export type AzureAccount = string | { urls: AzureAccountUrls; credential: TokenCredential };

/**
 * The account of the configuration: the connection string when one is set, otherwise the endpoints with
 * DefaultAzureCredential (managed identity, workload identity, environment, Azure CLI…; AZURE_CLIENT_ID picks a
 * user-assigned identity). Nothing is contacted here: the first token is asked for at the first request.
 */
export function azureAccountOf(
  settings: { connectionString: string; accountUrls?: AzureAccountUrls },
  credential: () => TokenCredential = defaultAzureCredential,
): AzureAccount {
  if (settings.connectionString !== '' || !settings.accountUrls) return settings.connectionString;
  return { urls: settings.accountUrls, credential: credential() };
}

/**
 * `@azure/identity` (MSAL and its friends) takes about 150 ms to load: it is loaded only when an account is reached
 * with a token, never by a connection-string set-up, the CLI on lowdb files or the tests.
 */
function defaultAzureCredential(): TokenCredential {
  const identity = createRequire(import.meta.url)('@azure/identity') as typeof import('@azure/identity');
  return new identity.DefaultAzureCredential();
}

/** The emulator (Azurite) speaks plain HTTP; the Tables SDK refuses shared-key auth over HTTP unless told. */
export function usesPlainHttp(connectionString: string): boolean {
  const tableEndpoint = /(?:^|;)\s*TableEndpoint=([^;]*)/i.exec(connectionString)?.[1];
  if (tableEndpoint !== undefined) return tableEndpoint.trim().toLowerCase().startsWith('http://');
  return /(?:^|;)\s*(?:DefaultEndpointsProtocol=http|UseDevelopmentStorage=true)\s*(?:;|$)/i.test(
    connectionString,
  );
}

export function tableClientOf(account: AzureAccount, tableName: string): TableClient {
  if (typeof account === 'string') {
    return TableClient.fromConnectionString(account, tableName, {
      allowInsecureConnection: usesPlainHttp(account),
    });
  }
  return new TableClient(account.urls.table, tableName, account.credential);
}

export function containerClientOf(account: AzureAccount, container: string): ContainerClient {
  if (typeof account === 'string') return new ContainerClient(account, container);
  return new ContainerClient(`${account.urls.blob}/${encodeURIComponent(container)}`, account.credential);
}

export function queueClientOf(account: AzureAccount, queueName: string): QueueClient {
  if (typeof account === 'string') return new QueueClient(account, queueName);
  return new QueueClient(`${account.urls.queue}/${encodeURIComponent(queueName)}`, account.credential);
}

/** botbuilder's blob state store on that account (one blob per state key, written with If-Match). */
export function blobsStorageOf(account: AzureAccount, container: string): BlobsStorage {
  if (typeof account === 'string') return new BlobsStorage(account, container);
  return new BlobsStorage(
    '',
    container,
    undefined,
    `${account.urls.blob}/${encodeURIComponent(container)}`,
    account.credential,
  );
}
