import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DownloadTokenStore } from '../../storage/downloadTokens.js';
import { withFileLock } from '../../storage/fileLock.js';
import { LowdbStorage } from '../../storage/lowdbStorage.js';
import { MailOutbox } from '../../storage/mailOutbox.js';
import { updateStoredList } from '../../storage/storedList.js';

// The lists kept under one storage key (the outboxes, the download links) are group-committed: what an applicant
// would notice if that went wrong is a receipt never sent, or a download link that does not work.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'alize-stored-list-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const NOW = new Date('2026-11-20T09:00:00Z');
const openStorage = () => new LowdbStorage({ dir: path.join(dir, 'state') });
const lock = <T>(task: () => Promise<T>) => withFileLock(path.join(dir, 'outbox.lock'), task);
const receipt = (index: number) => ({
  reference: `ALZ-2026-${String(index + 1).padStart(4, '0')}`,
  channelId: 'webchat',
  userId: `dl_${index}`,
  locale: 'fr',
  content: { kind: 'receipt' as const },
});

describe('lists changed by many turns at the same moment', () => {
  test('64 receipts queued at once by one server, and others by a second one, are all kept', async () => {
    const server = new MailOutbox(openStorage(), lock);
    const cli = new MailOutbox(openStorage(), lock);
    const added = await Promise.all(
      Array.from({ length: 72 }, (_, index) => (index < 64 ? server : cli).add(receipt(index), NOW)),
    );
    const kept = await new MailOutbox(openStorage(), lock).list();
    expect(kept.map((entry) => entry.id).sort()).toEqual(added.map((entry) => entry.id).sort());
    expect(new Set(kept.map((entry) => entry.reference)).size).toBe(72);
  });

  test('64 download links given at once on one server all work (no lost update)', async () => {
    const tokens = new DownloadTokenStore(openStorage());
    const given = await Promise.all(
      Array.from({ length: 64 }, (_, index) =>
        tokens.issue({ channelId: 'webchat', userId: `dl_${index}` }, 'ALZ-2026-0001', 'fr', NOW, 60_000),
      ),
    );
    const states = await Promise.all(given.map((token) => tokens.lookup(token, NOW)));
    expect(states.every((state) => state.state === 'valid')).toBe(true);
  });

  test('a change that fails fails alone: the others of its batch are written', async () => {
    const storage = openStorage();
    const change = (item: string) => (items: string[]) => {
      if (item === 'bad') throw new RangeError('refused');
      return { keep: [...items, item], result: item };
    };
    const outcomes = await Promise.allSettled(
      ['a', 'bad', 'b'].map((item) => updateStoredList(storage, 'test/list', 'items', lock, change(item))),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = (await openStorage().read(['test/list']))['test/list'] as { items: string[] };
    expect(stored.items).toEqual(['a', 'b']);
  });
});
