import type { Storage } from 'botbuilder';
import { dropJournalledCopies } from './lowdbStorage.js';

interface UserStateItem {
  profile?: { application?: { id?: string; updatedAt?: string }; companyLookup?: unknown };
  eTag?: string;
}

/**
 * Removes application drafts idle past the retention setting from user state. Each write carries the eTag
 * it read, so a user who came back meanwhile keeps their draft (the conflict skips them).
 */
export async function purgeIdleDrafts(
  storage: Storage,
  keys: AsyncIterable<string>,
  isIdle: (updatedAt: string | undefined) => boolean,
  options: { dryRun?: boolean; onPurged?: (draftId: string) => Promise<unknown> } = {},
): Promise<{ scanned: number; purged: number; skipped: number }> {
  let scanned = 0;
  let purged = 0;
  let skipped = 0;
  for await (const key of keys) {
    if (!key.includes('/users/')) continue;
    scanned += 1;
    const item = (await storage.read([key]))[key] as UserStateItem | undefined;
    if (!item?.profile?.application || !isIdle(item.profile.application.updatedAt)) continue;
    if (options.dryRun) {
      purged += 1;
      continue;
    }
    const profile = { ...item.profile };
    delete profile.application;
    // The register's answer for that company (a sole trader's name is personal data) served the draft: it goes too.
    delete profile.companyLookup;
    try {
      await storage.write({ [key]: { ...item, profile } });
      purged += 1;
      // The draft's documents go with it (they are only ever reached through the draft).
      const draftId = item.profile.application.id;
      if (draftId) await options.onPurged?.(draftId);
    } catch (error) {
      if (!/eTag conflict|412|precondition/i.test((error as Error).message)) throw error;
      skipped += 1;
    }
  }
  // The purged drafts' earlier versions in the state journal go now, not at its next compaction.
  if (purged > 0 && !options.dryRun) await dropJournalledCopies(storage);
  return { scanned, purged, skipped };
}
