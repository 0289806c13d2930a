import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicantOutbox, retryDelayMs, type NewOutboxMessage } from '../../storage/applicantOutbox.js';
import { withFileLock } from '../../storage/fileLock.js';
import { LowdbStorage } from '../../storage/lowdbStorage.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'alize-applicant-outbox-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The outbox as one process opens it: its own storage object on the shared folder, the shared lock. */
function open(): ApplicantOutbox {
  const storage = new LowdbStorage({ dir: path.join(dir, 'state') });
  return new ApplicantOutbox(storage, (task) => withFileLock(path.join(dir, 'outbox.lock'), task));
}

const NOW = new Date('2026-11-20T09:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const message = (userId: string, withReference = true): NewOutboxMessage => ({
  channelId: 'webchat',
  userId,
  content: {
    kind: 'status',
    reference: 'ALZ-2026-0001',
    change: { at: NOW.toISOString(), by: 'comité', from: 'received', to: 'in_review' },
  },
  ...(withReference ? { conversationReference: { conversation: { id: `c-${userId}` } } } : {}),
});

describe('the applicant outbox', () => {
  test('a message leaves only once delivered; a failed one waits for its back-off, not for the applicant', async () => {
    const server = open();
    const added = await server.add(message('dl_marie'), NOW);
    const [claimed] = await server.claimDue(NOW, 60_000);
    expect(claimed.id).toBe(added.id);
    // Leased: another instance does not try it at the same time.
    expect(await open().claimDue(NOW, 60_000)).toEqual([]);
    await server.failed([added.id], NOW);
    expect(await server.claimDue(later(retryDelayMs(1) - 1), 60_000)).toEqual([]);
    // The applicant is here now: their turn gets it without waiting for the back-off.
    expect(await server.claimFor('webchat', 'dl_marie', later(1), 60_000)).toHaveLength(1);
    await server.delivered([added.id]);
    expect(await open().list()).toEqual([]);
  });

  test('the back-off doubles from 30 s and stops at an hour', () => {
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000]);
  });

  test('without a conversation to send to, it waits for the next visit only', async () => {
    const outbox = open();
    await outbox.add(message('dl_paul', false), NOW);
    expect(await outbox.claimDue(later(3_600_000), 60_000)).toEqual([]);
    expect(await outbox.claimFor('webchat', 'dl_paul', NOW, 60_000)).toHaveLength(1);
    expect(await outbox.claimFor('msteams', 'dl_paul', later(120_000), 60_000)).toEqual([]);
  });

  test('erasure removes the user’s messages and nobody else’s', async () => {
    const outbox = open();
    await outbox.add(message('dl_marie'), NOW);
    await outbox.add(message('dl_paul'), NOW);
    await open().eraseUser('dl_marie');
    expect((await outbox.list()).map((m) => m.userId)).toEqual(['dl_paul']);
    expect([...ApplicantOutbox.owners(await outbox.list())]).toEqual(['webchat dl_paul']);
  });

  test('messages added from two processes at once are all kept', async () => {
    const adds = Array.from({ length: 10 }, (_, index) => open().add(message(`dl_${index}`), NOW));
    await Promise.all(adds);
    expect((await open().list()).map((m) => m.userId).sort()).toEqual(
      Array.from({ length: 10 }, (_, index) => `dl_${index}`).sort(),
    );
  });
});
