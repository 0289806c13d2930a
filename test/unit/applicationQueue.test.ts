import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APPLICATION_STATUSES,
  canTransition,
  CorruptJsonFileError,
  createLowdbApplicationQueue,
  IllegalTransitionError,
  LockTimeoutError,
  UnknownReferenceError,
  type ApplicationQueue,
  type ApplicationStatus,
  type NewApplication,
} from '../../storage/index.js';

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

const MARCH_2026 = new Date('2026-03-16T09:30:00.000Z');

function newApplication(overrides: Partial<NewApplication> = {}): NewApplication {
  return {
    channel: 'webchat',
    origin: 'applicant',
    userId: 'user-1',
    eligibility: { verdict: 'OK', reasons: [] },
    data: { 'company.siret': '73282932000074', 'company.headcount': 12, 'project.investment': 180000 },
    now: MARCH_2026,
    ...overrides,
  };
}

let keyCounter = 0;
const submit = (overrides: Partial<NewApplication> = {}, key = `key-${++keyCounter}`) =>
  queue.submit(newApplication(overrides), key);

async function applicationFiles(): Promise<string[]> {
  return (await readdir(applicationsDir())).filter((name) => /^ALZ-.*\.json$/.test(name)).sort();
}

describe('references', () => {
  it('numbers files ALZ-<year>-0001, 0002… and stores each in its own file', async () => {
    const references = [];
    for (let index = 0; index < 3; index++) references.push((await submit()).application.reference);
    expect(references).toEqual(['ALZ-2026-0001', 'ALZ-2026-0002', 'ALZ-2026-0003']);
    expect(await applicationFiles()).toEqual([
      'ALZ-2026-0001.json',
      'ALZ-2026-0002.json',
      'ALZ-2026-0003.json',
    ]);
  });

  it('starts again at 0001 in a new year, and keeps counting the old year where it stopped', async () => {
    await submit({ now: new Date('2026-12-31T10:00:00Z') });
    await submit({ now: new Date('2026-12-31T11:00:00Z') });
    const newYear = await submit({ now: new Date('2027-01-02T08:00:00Z') });
    const lateOldYear = await submit({ now: new Date('2026-12-31T12:00:00Z') });
    expect(newYear.application.reference).toBe('ALZ-2027-0001');
    expect(lateOldYear.application.reference).toBe('ALZ-2026-0003');
  });

  it('takes the year in Paris time (31 December 23:30 in Alès is still the old year)', async () => {
    const lastMinute = await submit({ now: new Date('2026-12-31T22:59:59Z') });
    const midnight = await submit({ now: new Date('2026-12-31T23:00:00Z') });
    expect(lastMinute.application.reference).toBe('ALZ-2026-0001');
    expect(midnight.application.reference).toBe('ALZ-2027-0001');
  });

  it('gives 200 concurrent submissions 200 distinct consecutive references and 200 files', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) => submit({ userId: `u${index}` })),
    );
    const references = results.map((result) => result.application.reference).sort();
    const expected = Array.from(
      { length: 200 },
      (_, index) => `ALZ-2026-${String(index + 1).padStart(4, '0')}`,
    );
    expect(references).toEqual(expected);
    expect(results.every((result) => result.created)).toBe(true);
    expect(await applicationFiles()).toEqual(expected.map((reference) => `${reference}.json`));
  });

  it('never reuses a reference, even if the sequence file was rolled back', async () => {
    await submit();
    await submit();
    await writeFile(path.join(applicationsDir(), 'sequence.json'), '{"2026": 0}', 'utf8');
    expect((await submit()).application.reference).toBe('ALZ-2026-0003');
  });
});

describe('idempotent submission', () => {
  it('returns the existing file with created:false when the same key is submitted again', async () => {
    const first = await submit({}, 'double-click');
    const second = await submit({ data: { changed: true } }, 'double-click');
    expect(first.created).toBe(true);
    expect(second).toEqual({ application: first.application, created: false });
    expect(await applicationFiles()).toEqual(['ALZ-2026-0001.json']);
  });

  it('creates one file for 10 concurrent retries of the same request', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => submit({}, 'retried-http-request')));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.application.reference))).toEqual(
      new Set(['ALZ-2026-0001']),
    );
    expect(await applicationFiles()).toEqual(['ALZ-2026-0001.json']);
  });

  it('finishes a submission whose file was lost after its reference was reserved', async () => {
    await submit({}, 'crashed');
    await unlink(path.join(applicationsDir(), 'ALZ-2026-0001.json'));
    const retried = await submit({}, 'crashed');
    expect(retried.created).toBe(true);
    expect(retried.application.reference).toBe('ALZ-2026-0001');
    expect((await submit()).application.reference).toBe('ALZ-2026-0002');
  });

  it('refuses an empty idempotency key', async () => {
    await expect(queue.submit(newApplication(), '  ')).rejects.toThrow(TypeError);
  });
});

describe('the stored file', () => {
  it('holds the form values, origin, eligibility and a first history entry, exactly as returned', async () => {
    const { application } = await submit({ conversationReference: { conversation: { id: 'c1' } } });
    expect(application).toEqual({
      reference: 'ALZ-2026-0001',
      status: 'received',
      submittedAt: '2026-03-16T09:30:00.000Z',
      channel: 'webchat',
      origin: 'applicant',
      userId: 'user-1',
      eligibility: { verdict: 'OK', reasons: [] },
      data: { 'company.siret': '73282932000074', 'company.headcount': 12, 'project.investment': 180000 },
      conversationReference: { conversation: { id: 'c1' } },
      history: [{ at: '2026-03-16T09:30:00.000Z', by: 'user-1', from: null, to: 'received' }],
    });
    const onDisk: unknown = JSON.parse(
      await readFile(path.join(applicationsDir(), 'ALZ-2026-0001.json'), 'utf8'),
    );
    expect(onDisk).toEqual(application);
    expect(await queue.get('ALZ-2026-0001')).toEqual(application);
  });

  it('records an advisor as the author of a file they submit for an applicant', async () => {
    const { application } = await submit({ origin: 'advisor', advisorId: 'advisor-7' });
    expect(application.history[0]?.by).toBe('advisor-7');
    expect(application.advisorId).toBe('advisor-7');
  });

  it('answers undefined for unknown or malformed references', async () => {
    await submit();
    for (const reference of ['ALZ-2026-0002', 'ALZ-2026-1', '../ALZ-2026-0001', 'ALZ-2026-0001.json', '']) {
      expect(await queue.get(reference)).toBeUndefined();
    }
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
});

// Written out from DOMAIN.md on purpose, rather than derived from the code under test.
const LEGAL: Record<ApplicationStatus, ApplicationStatus[]> = {
  received: ['in_review', 'withdrawn'],
  in_review: ['incomplete', 'accepted', 'rejected', 'withdrawn'],
  incomplete: ['in_review', 'withdrawn'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};
const PATH_TO: Record<ApplicationStatus, ApplicationStatus[]> = {
  received: [],
  in_review: ['in_review'],
  incomplete: ['in_review', 'incomplete'],
  accepted: ['in_review', 'accepted'],
  rejected: ['in_review', 'rejected'],
  withdrawn: ['withdrawn'],
};
const ALL_PAIRS = APPLICATION_STATUSES.flatMap((from) =>
  APPLICATION_STATUSES.map((to) => ({ from, to, legal: LEGAL[from].includes(to) })),
);

describe('status changes', () => {
  it.each(ALL_PAIRS)('canTransition($from, $to) is $legal', ({ from, to, legal }) => {
    expect(canTransition(from, to)).toBe(legal);
  });

  it.each(ALL_PAIRS)('$from → $to on a stored file: legal = $legal', async ({ from, to, legal }) => {
    const { reference } = (await submit()).application;
    for (const step of PATH_TO[from]) await queue.changeStatus(reference, step, 'committee:setup');
    const change = queue.changeStatus(reference, to, 'committee:marie');
    if (legal) {
      expect((await change).status).toBe(to);
    } else {
      await expect(change).rejects.toThrow(IllegalTransitionError);
      expect((await queue.get(reference))?.status).toBe(from);
    }
  });

  it('logs every change: when, who, from, to and the comment', async () => {
    const { reference } = (await submit()).application;
    await queue.changeStatus(
      reference,
      'in_review',
      'committee:marie',
      undefined,
      new Date('2026-03-17T08:00:00Z'),
    );
    const updated = await queue.changeStatus(
      reference,
      'incomplete',
      'committee:paul',
      'Kbis de plus de 3 mois',
      new Date('2026-03-18T14:15:00Z'),
    );
    expect(updated.history).toEqual([
      { at: '2026-03-16T09:30:00.000Z', by: 'user-1', from: null, to: 'received' },
      { at: '2026-03-17T08:00:00.000Z', by: 'committee:marie', from: 'received', to: 'in_review' },
      {
        at: '2026-03-18T14:15:00.000Z',
        by: 'committee:paul',
        from: 'in_review',
        to: 'incomplete',
        comment: 'Kbis de plus de 3 mois',
      },
    ]);
    expect(await queue.get(reference)).toEqual(updated);
  });

  it('refuses unknown and malformed references', async () => {
    await expect(queue.changeStatus('ALZ-2026-0404', 'in_review', 'x')).rejects.toThrow(
      UnknownReferenceError,
    );
    await expect(queue.changeStatus('../../etc/passwd', 'in_review', 'x')).rejects.toThrow(
      UnknownReferenceError,
    );
  });
});

describe('list', () => {
  it('is empty before anything is submitted', async () => {
    expect(await queue.list()).toEqual([]);
  });

  it('filters by status and by user, in reference order', async () => {
    await submit({ userId: 'alice' });
    await submit({ userId: 'bob' });
    await submit({ userId: 'alice', now: new Date('2027-01-05T10:00:00Z') });
    await submit({ userId: 'alice' });
    await queue.changeStatus('ALZ-2026-0002', 'in_review', 'committee:marie');
    const refs = (list: { reference: string }[]): string[] =>
      list.map((application) => application.reference);
    expect(refs(await queue.list())).toEqual([
      'ALZ-2026-0001',
      'ALZ-2026-0002',
      'ALZ-2026-0003',
      'ALZ-2027-0001',
    ]);
    expect(refs(await queue.list({ userId: 'alice' }))).toEqual([
      'ALZ-2026-0001',
      'ALZ-2026-0003',
      'ALZ-2027-0001',
    ]);
    expect(refs(await queue.list({ status: 'in_review' }))).toEqual(['ALZ-2026-0002']);
    expect(refs(await queue.list({ status: 'received', userId: 'bob' }))).toEqual([]);
  });
});

describe('two writers on one folder (the bot server and the committee CLI)', () => {
  it('a second queue sees the files, and its status change is visible to the first', async () => {
    const server = queue;
    const cli = createLowdbApplicationQueue(dataDir);
    const { reference } = (await server.submit(newApplication(), 'k1')).application;
    expect((await cli.list()).map((application) => application.reference)).toEqual([reference]);
    await cli.changeStatus(reference, 'in_review', 'committee:cli');
    expect((await server.get(reference))?.status).toBe('in_review');
    await expect(server.changeStatus(reference, 'in_review', 'committee:other')).rejects.toThrow(
      IllegalTransitionError,
    );
  });

  it('interleaved submissions from two queue objects share one sequence', async () => {
    const other = createLowdbApplicationQueue(dataDir);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        (index % 2 === 0 ? queue : other).submit(newApplication(), `two-${index}`),
      ),
    );
    const sequences = results
      .map((result) => Number(result.application.reference.slice(-4)))
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
  });

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
