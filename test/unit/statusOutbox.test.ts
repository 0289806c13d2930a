import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withFileLock } from '../../storage/fileLock.js';
import { LowdbStorage } from '../../storage/lowdbStorage.js';
import { StatusOutbox, type PendingNotice } from '../../storage/statusOutbox.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'alize-outbox-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** An outbox as one process opens it: its own storage object (and cache) on the shared folder. */
function open(): StatusOutbox {
  const storage = new LowdbStorage({ dir: path.join(dir, 'state') });
  return new StatusOutbox(storage, (task) => withFileLock(path.join(dir, 'outbox.lock'), task));
}

const notice = (index: number): PendingNotice => ({
  reference: `ALZ-2026-${String(index).padStart(4, '0')}`,
  change: { at: '2026-10-01T08:00:00.000Z', by: 'comité', from: 'received', to: 'in_review' },
});

describe('the status outbox shared by the committee CLI and the server', () => {
  test('notices added from two processes at once are all delivered, each once', async () => {
    const cli = open();
    const otherCli = open();
    const server = open();
    const adds = Array.from({ length: 12 }, (_, index) => (index % 2 ? cli : otherCli).add(notice(index)));
    const taken: PendingNotice[] = [];
    // The server takes while the CLIs add: nothing may be lost or taken twice.
    const takes = [server.take(), server.take()];
    await Promise.all(adds);
    for (const batch of await Promise.all(takes)) taken.push(...batch);
    taken.push(...(await server.take()));
    expect(taken.map((one) => one.reference).sort()).toEqual(
      Array.from({ length: 12 }, (_, index) => notice(index).reference).sort(),
    );
    expect(await open().take()).toEqual([]);
  });

  test('an empty outbox gives nothing, and a notice survives a restart until taken', async () => {
    expect(await open().take()).toEqual([]);
    await open().add(notice(7));
    const [kept] = await open().take();
    expect(kept).toEqual(notice(7));
  });
});
