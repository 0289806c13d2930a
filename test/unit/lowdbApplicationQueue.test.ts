import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CorruptJsonFileError,
  createLowdbApplicationQueue,
  LockTimeoutError,
  type ApplicationQueue,
  type NewApplication,
} from '../../storage/index.js';
import { newApplication } from '../contract/queueContract.js';

let dataDir: string;
let queue: ApplicationQueue;
const applicationsDir = (): string => path.join(dataDir, 'applications');

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'alize-queue-'));
  queue = createLowdbApplicationQueue(dataDir);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

let keyCounter = 0;
const submit = (overrides: Partial<NewApplication> = {}, key = `key-${++keyCounter}`) =>
  queue.submit(newApplication(overrides), key);

async function applicationFiles(): Promise<string[]> {
  return (await readdir(applicationsDir())).filter((name) => /^ALZ-.*\.json$/.test(name)).sort();
}

// What only the lowdb queue has: its files, its sequence file, its lock and several processes on one folder.
// Everything both back ends must do is in test/contract (queueContract.ts, queueStatusContract.ts), which runs
// on lowdb (contract/lowdb.test.ts) and on Azurite (contract/azure.test.ts).
describe('the files of the lowdb queue', () => {
  it('stores each file in its own JSON file, exactly the record returned', async () => {
    const references = [];
    for (let index = 0; index < 3; index++) references.push((await submit()).application.reference);
    expect(await applicationFiles()).toEqual(references.map((reference) => `${reference}.json`));
    const onDisk: unknown = JSON.parse(
      await readFile(path.join(applicationsDir(), 'ALZ-2026-0001.json'), 'utf8'),
    );
    expect(onDisk).toEqual(await queue.get('ALZ-2026-0001'));
  });

  it('never reuses a reference, even if the sequence file was rolled back', async () => {
    await submit();
    await submit();
    await writeFile(path.join(applicationsDir(), 'sequence.json'), '{"2026": 0}', 'utf8');
    expect((await submit()).application.reference).toBe('ALZ-2026-0003');
  });

  it('finishes a submission whose file was lost after its reference was reserved', async () => {
    await submit({}, 'crashed');
    await unlink(path.join(applicationsDir(), 'ALZ-2026-0001.json'));
    const retried = await submit({}, 'crashed');
    expect(retried.created).toBe(true);
    expect(retried.application.reference).toBe('ALZ-2026-0001');
    expect((await submit()).application.reference).toBe('ALZ-2026-0002');
  });

  it('reports a corrupt application file', async () => {
    await submit();
    await writeFile(
      path.join(applicationsDir(), 'ALZ-2026-0001.json'),
      '{"reference": "ALZ-2026-0001"',
      'utf8',
    );
    await expect(queue.get('ALZ-2026-0001')).rejects.toThrow(CorruptJsonFileError);
  });

  it('flags several files in one write, leaving out an unknown or corrupt one, seen by another queue object', async () => {
    const [first, second, third] = [await submit(), await submit(), await submit()].map(
      (result) => result.application.reference,
    );
    await writeFile(path.join(applicationsDir(), `${third}.json`), '{"reference": ', 'utf8');
    await queue.amendEach!([
      { reference: first!, amendment: { checks: { duplicateOf: ['ALZ-2026-0009'] } } },
      { reference: second!, amendment: { checks: { duplicateOf: ['ALZ-2026-0009'] } } },
      { reference: first!, amendment: { checks: { duplicateOf: ['ALZ-2026-0008'] } } },
      { reference: third!, amendment: { checks: { duplicateOf: ['ALZ-2026-0009'] } } },
      { reference: 'ALZ-2026-0042', amendment: { checks: { duplicateOf: ['ALZ-2026-0009'] } } },
    ]);
    const other = createLowdbApplicationQueue(dataDir);
    expect((await other.get(first!))?.checks?.duplicateOf).toEqual(['ALZ-2026-0008', 'ALZ-2026-0009']);
    expect((await other.get(second!))?.checks?.duplicateOf).toEqual(['ALZ-2026-0009']);
    expect((await other.get(second!))?.status).toBe((await submit()).application.status);
    await expect(other.get(third!)).rejects.toThrow(CorruptJsonFileError);
    expect(await other.get('ALZ-2026-0042')).toBeUndefined();
    expect(await applicationFiles()).toHaveLength(4);
  });
});

describe('several processes on one folder (the bot server and the committee CLI)', () => {
  it('real separate processes submitting at the same time get distinct consecutive references', async () => {
    const storageIndex = fileURLToPath(new URL('../../storage/index.js', import.meta.url));
    const childScript = `
      const { createLowdbApplicationQueue } = await import(${JSON.stringify(storageIndex)});
      const queue = createLowdbApplicationQueue(process.argv[1]);
      const tag = process.argv[2];
      const input = { channel: 'cli', origin: 'advisor', userId: tag, data: {}, now: new Date('2026-05-01T10:00:00Z') };
      await Promise.all(Array.from({ length: 25 }, (_, i) => queue.submit(input, tag + '-' + i)));
    `;
    const runChild = (tag: string): Promise<number | null> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', childScript, dataDir, tag], {
          stdio: 'inherit',
        });
        child.on('error', reject);
        child.on('exit', resolve);
      });
    const own = Promise.all(
      Array.from({ length: 25 }, (_, i) => queue.submit(newApplication(), `parent-${i}`)),
    );
    const exitCodes = await Promise.all([runChild('child-a'), runChild('child-b'), own.then(() => 0)]);
    expect(exitCodes).toEqual([0, 0, 0]);
    const sequences = (await queue.list()).map((application) => Number(application.reference.slice(-4)));
    expect(sequences).toEqual(Array.from({ length: 75 }, (_, index) => index + 1));
  });
});

describe('the lock file', () => {
  const lockPath = (): string => path.join(applicationsDir(), '.lock');
  const writeLock = (pid: number, acquiredAt = new Date()): Promise<void> =>
    writeFile(
      lockPath(),
      JSON.stringify({ pid, hostname: hostname(), acquiredAt, token: 'left-over' }),
      'utf8',
    );

  beforeEach(async () => {
    await submit(); // creates the folder
  });

  it('breaks a lock left by a process that has died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    expect(dead).toBeGreaterThan(0);
    await writeLock(dead!);
    const quick = createLowdbApplicationQueue(dataDir, { lock: { timeoutMs: 2000 } });
    expect((await quick.submit(newApplication(), 'after-crash')).application.reference).toBe('ALZ-2026-0002');
    await expect(readFile(lockPath())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('breaks a lock older than the stale delay even if its process is alive', async () => {
    await writeLock(process.ppid);
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath(), old, old);
    const quick = createLowdbApplicationQueue(dataDir, { lock: { timeoutMs: 2000 } });
    expect((await quick.submit(newApplication(), 'after-stale')).created).toBe(true);
  });

  it('waits for a fresh lock held by a live process, and gives up after the timeout', async () => {
    await writeLock(process.ppid);
    const impatient = createLowdbApplicationQueue(dataDir, { lock: { timeoutMs: 200 } });
    await expect(impatient.submit(newApplication(), 'blocked')).rejects.toThrow(LockTimeoutError);
    const patient = createLowdbApplicationQueue(dataDir, { lock: { timeoutMs: 5000 } });
    const waiting = patient.submit(newApplication(), 'waited');
    setTimeout(() => void unlink(lockPath()), 150);
    expect((await waiting).application.reference).toBe('ALZ-2026-0002');
  });
});
