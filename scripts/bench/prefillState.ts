import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LowdbStorage, type StateFileRecord } from '../../storage/lowdbStorage.js';

/** The storage keys botbuilder's ConversationState and UserState use (default namespace ''). */
export const conversationKey = (conversationId: string): string =>
  `emulator/conversations/${conversationId}/`;
export const userKey = (userId: string): string => `emulator/users/${userId}/`;

export interface StateSample {
  conversation: Record<string, unknown>;
  user: Record<string, unknown>;
}

/** Reads one real conversation's state and its user's, as the bot stored them, to clone them. */
export async function readStateSample(
  stateDir: string,
  conversationId: string,
  userId: string,
): Promise<StateSample> {
  // Read only, and let go: the bench must not become the owner of a folder a server is about to use.
  const storage = new LowdbStorage({ dir: stateDir, cacheSize: 0, readOnly: true });
  const keys = [conversationKey(conversationId), userKey(userId)];
  const items = await storage.read(keys).finally(() => storage.close());
  const [conversation, user] = keys.map((key) => {
    const item = items[key] as Record<string, unknown> | undefined;
    if (!item) throw new Error(`bench: no stored state under "${key}"`);
    // The eTag lives next to the item in a state file, not inside it.
    return Object.fromEntries(Object.entries(item).filter(([name]) => name !== 'eTag'));
  });
  return { conversation: conversation!, user: user! };
}

/**
 * Writes `count` stored conversations (each with its user) in LowdbStorage's own file format and layout, without
 * fsync: this only sets the scene for a measurement, so it takes seconds rather than minutes.
 */
export function prefillState(stateDir: string, count: number, sample: StateSample): void {
  const layout = new LowdbStorage({ dir: stateDir, cacheSize: 0 });
  const folders = new Set<string>();
  const write = (key: string, item: Record<string, unknown>, index: number): void => {
    const file = layout.filePathFor(key);
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const record: StateFileRecord = { key, eTag: `prefill-${index}`, item };
    writeFileSync(file, JSON.stringify(record, null, 2));
  };
  for (let index = 0; index < count; index++) {
    write(conversationKey(`stored-c${index}`), sample.conversation, index);
    write(userKey(`stored-u${index}`), sample.user, index);
  }
}
