/**
 * Many applicants sending their file at the same moment: n submissions started together on a lowdb queue in a
 * temporary folder (each with its own idempotency key, the fields of a real file), timed from the common start
 * to each answer, with the number of fsyncs the burst cost. `node dist/scripts/bench/submitBurst.js
 * [--sizes=64,128] [--runs=3] [--spread=0] [--from=<a dist folder>]`: `--spread=200` starts them evenly over
 * 200 ms instead (each timed from its own start); `--from=/work/main/dist` measures another build's queue (read
 * only, for a before/after). A table, then one JSON line. Not a test: a measure, on a machine whose load
 * changes it.
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type { ApplicationQueue, NewApplication } from '../../storage/applicationQueue.js';
import { percentile, round, table } from './stats.js';

const option = (name: string): string | undefined =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const SIZES = (option('sizes') ?? '64,128').split(',').map(Number);
const RUNS = Number(option('runs') ?? 3);
const FROM = option('from');
const SPREAD_MS = Number(option('spread') ?? 0);

type CreateQueue = (dataDir: string) => ApplicationQueue;
const storageIndex = FROM
  ? pathToFileURL(path.join(path.resolve(FROM), 'storage', 'index.js')).href
  : new URL('../../storage/index.js', import.meta.url).href;
const { createLowdbApplicationQueue } = (await import(storageIndex)) as {
  createLowdbApplicationQueue: CreateQueue;
};

// Every fsync of the process (a file's or a folder's) goes through FileHandle.prototype.sync: counted there.
let fsyncs = 0;
const probe = await open(tmpdir(), 'r');
const handlePrototype = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
await probe.close();
const sync = handlePrototype.sync;
handlePrototype.sync = function (this: unknown) {
  fsyncs += 1;
  return sync.call(this);
};

function application(index: number): NewApplication {
  return {
    channel: 'webchat',
    origin: 'applicant',
    userId: `burst-user-${index}`,
    eligibility: { verdict: 'OK', reasons: ['eligibility:reason.sector.other'] },
    data: {
      'project.type': 'development',
      'company.name': `Menuiserie des Cévennes n° ${index + 1}`,
      'company.siret': '73282932000074',
      'company.commune': 'Alès',
      'company.headcount': 12,
      'project.description': 'Nouvelle ligne de production et embauche de deux menuisiers. '.repeat(4),
      'project.investment': 180_000,
      'project.amountRequested': 40_000,
      'contact.firstName': 'Hélène',
      'contact.email': 'h.martin@example.fr',
    },
    conversationReference: { conversation: { id: `conversation-${index}` }, channelId: 'webchat' },
    now: new Date(Date.UTC(2026, 10, 2, 9, 0, index)),
  };
}

interface Burst {
  latencies: number[];
  fsyncs: number;
  wallMs: number;
}

async function burst(size: number): Promise<Burst> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'alize-bench-burst-'));
  try {
    const queue = createLowdbApplicationQueue(dataDir);
    await queue.submit(application(-1), 'warm-up'); // folders made, first lock taken: not the burst's cost
    const before = fsyncs;
    const started = performance.now();
    const latencies = await Promise.all(
      Array.from({ length: size }, async (_, index) => {
        if (SPREAD_MS > 0) await sleep((index * SPREAD_MS) / size);
        const sent = performance.now();
        await queue.submit(application(index), `draft-${index}`);
        return performance.now() - sent;
      }),
    );
    const wallMs = performance.now() - started;
    const references = new Set((await queue.list()).map((file) => file.reference));
    if (references.size !== size + 1) throw new Error(`expected ${size + 1} files, found ${references.size}`);
    return { latencies, fsyncs: fsyncs - before, wallMs };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const rows: (string | number)[][] = [['burst', 'p50', 'max', 'whole burst', 'fsyncs']];
const over = SPREAD_MS > 0 ? ` over ${SPREAD_MS} ms` : ' at once';
const results: Record<string, { p50: number[]; max: number[]; fsyncs: number }> = {};
for (const size of SIZES) {
  const runs: Burst[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await burst(size));
  const p50 = runs.map((run) => round(percentile(run.latencies, 0.5)));
  const max = runs.map((run) => round(Math.max(...run.latencies)));
  results[size] = { p50, max, fsyncs: runs[0].fsyncs };
  rows.push([
    `${size}${over}`,
    `${p50.join(' / ')} ms`,
    `${max.join(' / ')} ms`,
    `${runs.map((run) => round(run.wallMs)).join(' / ')} ms`,
    runs.map((run) => run.fsyncs).join(' / '),
  ]);
}
process.stdout.write(`${FROM ? `queue of ${FROM}\n` : ''}${table(rows)}\n`);
process.stdout.write(
  `${JSON.stringify({ from: FROM ?? 'this build', runs: RUNS, spreadMs: SPREAD_MS, results })}\n`,
);
