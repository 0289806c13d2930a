import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLowdbApplicationQueue, type NewApplication } from '../../storage/index.js';
import { referencesUpTo } from '../contract/queueContract.js';
import { tempFolder } from '../support/tempFolders.js';

const STORAGE_MODULE = pathToFileURL(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../storage/index.js'),
).href;

/** A server under a burst: waves of 16 applicants submitting at once, for ever; each file's user is its key. */
const SUBMITTER = `
const { createLowdbApplicationQueue } = await import(process.env.STORAGE_MODULE);
const queue = createLowdbApplicationQueue(process.env.DATA_DIR);
for (let wave = 0; ; wave++) {
  await Promise.all(Array.from({ length: 16 }, (_, i) => {
    const key = 'k-' + wave + '-' + i;
    return queue.submit({ channel: 'webchat', origin: 'applicant', userId: key, data: { 'contact.email': 'a@b.fr' },
      now: new Date('2026-05-01T10:00:00Z') }, key);
  }));
}
`;

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(2);
  }
}

test('SIGKILL while a batch of submissions is being written: no gap, no lost file, every retry gets its own', async () => {
  const dataDir = tempFolder('alize-submit-crash-');
  const folder = path.join(dataDir, 'applications');
  const child = spawn(process.execPath, ['--input-type=module', '-e', SUBMITTER], {
    env: { ...process.env, DATA_DIR: dataDir, STORAGE_MODULE },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const sequence = (): string => {
    try {
      return fs.readFileSync(path.join(folder, 'sequence.json'), 'utf8');
    } catch {
      return '';
    }
  };
  // Killed while a batch's intents are in sequence.json (its files being written), after a first wave is done.
  await until(() => /"2026": (1[7-9]|[2-9]\d|\d{3,})/.test(sequence()));
  await until(() => sequence().includes('"pending"'));
  child.kill('SIGKILL');
  await exited;

  const restarted = createLowdbApplicationQueue(dataDir);
  // An applicant of the cut batch retries (their turn was lost): their file, with the number they were given.
  const numbered =
    (JSON.parse(sequence()) as { pending?: { key: string; reference: string }[] }).pending ?? [];
  const input = (key: string): NewApplication => ({
    channel: 'webchat',
    origin: 'applicant',
    userId: key,
    data: {},
  });
  for (const { key, reference } of numbered) {
    expect((await restarted.submit(input(key), key)).application.reference).toBe(reference);
  }
  const next = await restarted.submit(input('after-restart'), 'after-restart');

  const files = await restarted.list();
  const count = Number(next.application.reference.slice(-4));
  expect(files.map((file) => file.reference)).toEqual(referencesUpTo(count));
  for (const file of files) {
    // Each file is its own key's: a retry of that key gives it back, never a second file.
    expect((await restarted.submit(input(file.userId), file.userId)).application.reference).toBe(
      file.reference,
    );
  }
  expect(await restarted.list()).toHaveLength(count);
  expect(sequence()).not.toContain('pending');
});
