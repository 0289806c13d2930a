import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isErrnoException } from './atomicJsonFile.js';
import { containerClientOf, type AzureAccount } from './azureAccount.js';

/**
 * Every bot-state key in the store, for maintenance (the purge of idle drafts), never on a user's turn.
 * Lowdb keeps the key inside each file; BlobsStorage names each blob encodeURIComponent(key).
 */
export async function* lowdbStateKeys(stateDir: string): AsyncGenerator<string> {
  let shards: string[];
  try {
    shards = await readdir(stateDir);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return;
    throw error;
  }
  for (const shard of shards) {
    const files = await readdir(path.join(stateDir, shard)).catch(() => [] as string[]);
    for (const file of files.filter((name) => name.endsWith('.json'))) {
      const text = await readFile(path.join(stateDir, shard, file), 'utf8');
      const record = JSON.parse(text) as { key?: unknown };
      if (typeof record.key === 'string') yield record.key;
    }
  }
}

export async function* azureStateKeys(account: AzureAccount, container: string): AsyncGenerator<string> {
  const client = containerClientOf(account, container);
  if (!(await client.exists())) return;
  for await (const blob of client.listBlobsFlat()) yield decodeURIComponent(blob.name);
}
