import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { flagFilesForErasure } from '../../dialogs/deleteDataDialog.js';
import { newApplicationFile } from '../../storage/applicationFile.js';
import { createLowdbApplicationQueue, type ApplicationQueue } from '../../storage/index.js';
import { readLowdbIdempotencyRecords, readLowdbSequences } from '../../storage/lowdbExport.js';
import { anonymisation } from '../../storage/retentionPolicy.js';
import { newApplication, referencesUpTo } from '../contract/queueContract.js';

// Submissions are group-committed (storage/submissionBatch.ts): these check what the committee would notice if
// the batching went wrong: a reference missing or given twice, a file lost, a double click making two files, or
// an applicant's data left in `sequence.json` where neither erasure nor retention looks.
let dataDir: string;
let queue: ApplicationQueue;
const applicationsDir = (): string => path.join(dataDir, 'applications');
const sequenceFile = (): string => path.join(applicationsDir(), 'sequence.json');
const EMAIL = 'helene.martin@example.fr';
const AT = new Date('2026-03-16T09:30:00.000Z');
const personal = (userId: string) => newApplication({ userId, data: { 'contact.email': EMAIL } });

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'alize-batch-'));
  queue = createLowdbApplicationQueue(dataDir);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function filesOnDisk(): Promise<string[]> {
  return (await readdir(applicationsDir())).filter((name) => /^ALZ-.*\.json$/.test(name)).sort();
}

/** What a crash between the counter's write and the files leaves: the number issued, its intent, no file. */
async function crashAfterNumbering(key: string, reference = 'ALZ-2026-0001', ageMs = 0): Promise<void> {
  await mkdir(applicationsDir(), { recursive: true });
  const application = newApplicationFile(reference, personal('crashed-user'), AT);
  const sequence = Number(reference.slice(-4));
  await writeFile(
    sequenceFile(),
    JSON.stringify({ 2026: sequence, pending: [{ key, reference, application }] }),
  );
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    await utimes(sequenceFile(), then, then);
  }
}

describe('submissions sent at the same moment', () => {
  it('64 at once get 64 distinct consecutive references, each file readable', async () => {
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => queue.submit(personal(`user-${i}`), `draft-${i}`)),
    );
    expect(results.every((result) => result.created)).toBe(true);
    const references = results.map((result) => result.application.reference).sort();
    expect(references).toEqual(referencesUpTo(64));
    expect(await filesOnDisk()).toEqual(referencesUpTo(64).map((reference) => `${reference}.json`));
    for (const result of results) {
      const onDisk: unknown = JSON.parse(
        await readFile(path.join(applicationsDir(), `${result.application.reference}.json`), 'utf8'),
      );
      expect(onDisk).toEqual(result.application);
    }
    expect(await readLowdbSequences(dataDir)).toEqual({ 2026: 64 });
    expect(await readLowdbIdempotencyRecords(dataDir)).toHaveLength(64);
  });

  it('a double click inside one batch makes one file, the second told it already exists', async () => {
    const [first, second] = await Promise.all([
      queue.submit(personal('u'), 'same-draft'),
      queue.submit(personal('u'), 'same-draft'),
    ]);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.application).toEqual(first.application);
    expect(await filesOnDisk()).toEqual(['ALZ-2026-0001.json']);
  });

  it('two queues on one folder (the server and the CLI) submitting together never share nor skip a number', async () => {
    const other = createLowdbApplicationQueue(dataDir);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? queue : other).submit(personal(`user-${i}`), `draft-${i}`),
      ),
    );
    expect(results.map((result) => result.application.reference).sort()).toEqual(referencesUpTo(40));
    expect((await other.list()).map((application) => application.reference)).toEqual(referencesUpTo(40));
  });

  it('an intent, with its personal data, never outlives its batch', async () => {
    const seen = await Promise.all(
      Array.from({ length: 48 }, (_, i) =>
        queue.submit(personal(`user-${i}`), `draft-${i}`).then(async () => {
          // Later batches may be writing theirs; this key's batch has answered, so its intent is gone.
          const text = await readFile(sequenceFile(), 'utf8');
          return (JSON.parse(text) as { pending?: { key: string }[] }).pending?.some(
            (p) => p.key === `draft-${i}`,
          );
        }),
      ),
    );
    expect(seen.some(Boolean)).toBe(false);
    const text = await readFile(sequenceFile(), 'utf8');
    expect(text).not.toContain(EMAIL);
    expect(JSON.parse(text)).toEqual({ 2026: 48 });
  });
});

describe('a crash between the numbering and the files', () => {
  it('is completed by the next submission: no gap, no lost file, its key still gives its file', async () => {
    await crashAfterNumbering('crashed-draft');
    const next = await queue.submit(personal('next-user'), 'next-draft');
    expect(next.application.reference).toBe('ALZ-2026-0002');
    expect(await filesOnDisk()).toEqual(['ALZ-2026-0001.json', 'ALZ-2026-0002.json']);
    expect((await queue.get('ALZ-2026-0001'))?.userId).toBe('crashed-user');
    // The applicant never heard back: their retry is the creation (receipt sent), a second one a double click.
    const retried = await queue.submit(personal('crashed-user'), 'crashed-draft');
    expect(retried).toMatchObject({ created: true, application: { reference: 'ALZ-2026-0001' } });
    expect((await queue.submit(personal('crashed-user'), 'crashed-draft')).created).toBe(false);
    expect(await readFile(sequenceFile(), 'utf8')).not.toContain(EMAIL);
  });

  it('is completed by a fresh queue (a restarted server) retrying the same key', async () => {
    await crashAfterNumbering('crashed-draft');
    const restarted = createLowdbApplicationQueue(dataDir);
    // Already numbered: listed and readable before anything completes it.
    expect((await restarted.list()).map((application) => application.reference)).toEqual(['ALZ-2026-0001']);
    expect((await restarted.get('ALZ-2026-0001'))?.userId).toBe('crashed-user');
    const retried = await restarted.submit(personal('crashed-user'), 'crashed-draft');
    expect(retried).toMatchObject({ created: true, application: { reference: 'ALZ-2026-0001' } });
    expect(await filesOnDisk()).toEqual(['ALZ-2026-0001.json']);
    expect((await restarted.submit(personal('other'), 'other-draft')).application.reference).toBe(
      'ALZ-2026-0002',
    );
  });

  it('left long ago, is completed by a list alone (the committee CLI reading the queue)', async () => {
    await crashAfterNumbering('crashed-draft', 'ALZ-2026-0001', 60_000);
    expect(await readLowdbSequences(dataDir)).toEqual({ 2026: 1 }); // what `npm run migrate` copies
    expect((await createLowdbApplicationQueue(dataDir).list()).map((a) => a.reference)).toEqual([
      'ALZ-2026-0001',
    ]);
    expect(await filesOnDisk()).toEqual(['ALZ-2026-0001.json']);
    expect(JSON.parse(await readFile(sequenceFile(), 'utf8'))).toEqual({ 2026: 1 });
  });

  it('leaves nothing of the applicant where erasure and retention do not look', async () => {
    await crashAfterNumbering('crashed-draft');
    const now = new Date('2026-04-01T08:00:00.000Z');
    // "Supprimer mes données" finds the file, and the purge's anonymisation reaches it.
    expect(await flagFilesForErasure(queue, { channel: 'webchat', userId: 'crashed-user' }, now)).toEqual([
      'ALZ-2026-0001',
    ]);
    const flagged = (await queue.get('ALZ-2026-0001'))!;
    expect(flagged.retention?.erasureRequestedAt).toBe(now.toISOString());
    await queue.amend('ALZ-2026-0001', anonymisation(flagged, now));
    const everyFile = await readdir(applicationsDir(), { recursive: true, withFileTypes: true });
    for (const entry of everyFile.filter((e) => e.isFile())) {
      expect(await readFile(path.join(entry.parentPath, entry.name), 'utf8')).not.toContain(EMAIL);
    }
  });

  it('reads a counter file written before intents existed', async () => {
    await mkdir(applicationsDir(), { recursive: true });
    await writeFile(sequenceFile(), '{ "2026": 7 }');
    expect((await queue.submit(personal('u'), 'draft')).application.reference).toBe('ALZ-2026-0008');
  });
});
