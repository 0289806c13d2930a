import fs from 'node:fs';
import path from 'node:path';
import { ListSource } from '../../committee/backOffice/backOfficeListSource.js';
import { createLowdbApplicationQueue } from '../../storage/lowdbApplicationQueue.js';
import { sampleFile } from '../../scripts/committeeSamples.js';
import { tempDataDir } from '../support/httpBot.js';

/** The folder's stamp an hour back, as it is once nothing has written for a while. */
const ageFolder = (dataDir: string) => {
  const hourAgo = new Date(Date.now() - 3600_000);
  fs.utimesSync(path.join(dataDir, 'applications'), hourAgo, hourAgo);
};

describe('the back office keeps the list while the lowdb queue is unchanged, and only then', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = tempDataDir('alize-list-source-');
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('the same rows while nothing was written; a file sent by another process is seen at once', async () => {
    const queue = createLowdbApplicationQueue(dataDir);
    await queue.submit(sampleFile(0), 'one');
    ageFolder(dataDir);
    const source = new ListSource(queue, 2000);
    const first = await source.rows();
    expect(await source.rows()).toBe(first);

    // The committee CLI, or another server process: a queue object of its own on the same folder.
    await createLowdbApplicationQueue(dataDir).submit(sampleFile(1), 'two');
    expect((await source.rows()).map((row) => row.reference)).toEqual(['ALZ-2026-0001', 'ALZ-2026-0002']);

    // A status changed elsewhere too (the file is rewritten: a temporary file renamed into the folder).
    ageFolder(dataDir);
    await source.rows();
    await createLowdbApplicationQueue(dataDir).changeStatus('ALZ-2026-0001', 'in_review', 'Comité');
    expect((await source.rows()).find((row) => row.reference === 'ALZ-2026-0001')?.status).toBe('in_review');
  });

  test('a file kept by the queue’s list is parsed again once another process rewrote it', async () => {
    const queue = createLowdbApplicationQueue(dataDir);
    await queue.submit(sampleFile(0), 'one');
    await queue.submit(sampleFile(1), 'two');
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const name of ['ALZ-2026-0001.json', 'ALZ-2026-0002.json']) {
      fs.utimesSync(path.join(dataDir, 'applications', name), hourAgo, hourAgo);
    }
    const before = await queue.list();
    expect((await queue.list())[0]).toBe(before[0]);
    await createLowdbApplicationQueue(dataDir).amend('ALZ-2026-0001', { assignedTo: 'Camille' });
    const after = await queue.list();
    expect(after[0]?.assignedTo).toBe('Camille');
    expect(after[1]).toBe(before[1]);
  });

  test('a folder written to less than a second ago is read again at each request', async () => {
    const queue = createLowdbApplicationQueue(dataDir);
    await queue.submit(sampleFile(0), 'one');
    const source = new ListSource(queue, 2000);
    const first = await source.rows();
    expect(await source.rows()).not.toBe(first);
  });
});
