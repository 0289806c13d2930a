import { MemoryStorage } from 'botbuilder';
import { DownloadTokenStore } from '../../storage/downloadTokens.js';
import { TEST_NOW } from '../support/programmeFixture.js';

const later = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);
const owner = { channelId: 'webchat', userId: 'dl_owner' };

describe('the download links of the applicants’ PDFs', () => {
  test('a link works until it expires, says so for a day, then is unknown', async () => {
    const storage = new MemoryStorage();
    const tokens = new DownloadTokenStore(storage);
    const token = await tokens.issue(owner, 'ALZ-2026-0001', 'fr', TEST_NOW, 30 * 60_000);
    expect(await tokens.lookup(token, later(29))).toMatchObject({
      state: 'valid',
      token: { ...owner, reference: 'ALZ-2026-0001' },
    });
    expect(await tokens.lookup(token, later(31))).toEqual({ state: 'expired' });
    await tokens.prune(later(31 + 24 * 60));
    expect(await tokens.lookup(token, later(31 + 24 * 60))).toEqual({ state: 'unknown' });
    // The state keeps the token's hash only: a copy of it gives no working link.
    const stored = JSON.stringify(await storage.read([DownloadTokenStore.KEY]));
    expect(stored).not.toContain(token);
  });

  test('erasure of a user ends their links; another user’s stay', async () => {
    const tokens = new DownloadTokenStore(new MemoryStorage());
    const mine = await tokens.issue(owner, 'ALZ-2026-0001', 'fr', TEST_NOW, 60_000);
    const theirs = await tokens.issue(
      { ...owner, userId: 'dl_other' },
      'ALZ-2026-0002',
      'fr',
      TEST_NOW,
      60_000,
    );
    await tokens.eraseUser('dl_owner');
    expect((await tokens.lookup(mine, TEST_NOW)).state).toBe('unknown');
    expect((await tokens.lookup(theirs, TEST_NOW)).state).toBe('valid');
  });

  test('anything that is not one of our tokens is unknown', async () => {
    const tokens = new DownloadTokenStore(new MemoryStorage());
    for (const guess of ['', 'abc', '../../etc/passwd', 'A'.repeat(43)]) {
      expect((await tokens.lookup(guess, TEST_NOW)).state).toBe('unknown');
    }
  });
});
