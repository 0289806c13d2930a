import { containerClientOf, type AzureAccount } from './azureAccount.js';

/**
 * Every bot-state key in Azure Blobs, for maintenance (the purge of idle drafts), never on a user's turn:
 * BlobsStorage names each blob encodeURIComponent(key). (The lowdb back end lists its own: LowdbStorage.keys.)
 */
export async function* azureStateKeys(account: AzureAccount, container: string): AsyncGenerator<string> {
  const client = containerClientOf(account, container);
  if (!(await client.exists())) return;
  for await (const blob of client.listBlobsFlat()) yield decodeURIComponent(blob.name);
}
