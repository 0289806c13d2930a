/**
 * Memory of the bot server (issue 19), in processes started as production starts them:
 *   node dist/scripts/bench/startMemory.js [--entry=dist/bot/index.js] [--starts=3]
 *     [--node-args="--max-old-space-size=256"] [--in-progress=1000] [--in-progress-turns=10] [--keep]
 * For each start: RSS when /healthz first says ready, and the live heap after a full GC (scripts/bench/gcProbe.ts,
 * preloaded with --expose-gc). With --in-progress, the last start then serves that many conversations left half-way
 * (the bench's in-progress phase, 64 users at a time) and gives peak RSS, CPU per turn and the live heap after GC
 * under that load. Also which of Microsoft's recognizer bundles the server has really loaded. Prints one JSON line.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Localizer } from '../../bot/i18n.js';
import { discoverScript } from './applicant.js';
import { writeBenchSettings } from './benchSettings.js';
import { BenchUser } from './httpClient.js';
import { runLoad } from './loadRun.js';
import { rssMb } from './procStats.js';
import { startServer, type RunningServer } from './serverProcess.js';
import { figuresOf, percentile, round, table } from './stats.js';

const MB = 2 ** 20;
const PROBE = new URL('./gcProbe.js', import.meta.url).href;
const value = (name: string): string | undefined =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

interface Probed {
  heapUsed: number;
  recognizerBundles: string[];
}

/** Asks the probe for a full GC and reads what it measured. */
async function probe(server: RunningServer, probeFile: string): Promise<Probed> {
  rmSync(probeFile, { force: true });
  process.kill(server.pid, 'SIGUSR2');
  for (let waited = 0; !existsSync(probeFile); waited += 20) {
    if (waited > 10_000) throw new Error(`no answer from the GC probe; see ${server.logFile}`);
    await sleep(20);
  }
  await sleep(20); // the file is written in one call; let it finish
  return JSON.parse(readFileSync(probeFile, 'utf8')) as Probed;
}

async function main(): Promise<void> {
  const entry = value('entry') ?? 'dist/bot/index.js';
  const starts = Number(value('starts') ?? 3);
  const inProgress = Number(value('in-progress') ?? 0);
  const turnsPerUser = Number(value('in-progress-turns') ?? 10);
  const nodeArgs = (value('node-args') ?? '').split(' ').filter((arg) => arg !== '');
  const work = mkdtempSync(path.join(os.tmpdir(), 'alize-start-memory-'));
  try {
    const programmeFile = writeBenchSettings(work);
    const probeFile = path.join(work, 'gc-probe.json');
    const rss: number[] = [];
    const heap: number[] = [];
    const readyMs: number[] = [];
    let server: RunningServer | undefined;
    let bundles: string[] = [];
    for (let i = 0; i < starts; i++) {
      await server?.stop();
      const dataDir = path.join(work, `start-${i}`);
      mkdirSync(dataDir);
      server = await startServer({
        name: 'bot',
        entry,
        dataDir,
        programmeFile,
        nodeArgs: ['--expose-gc', `--import=${PROBE}`, ...nodeArgs],
        env: { GC_PROBE_FILE: probeFile },
      });
      rss.push(rssMb(server.pid));
      readyMs.push(server.readyMs);
      const probed = await probe(server, probeFile);
      heap.push(probed.heapUsed / MB);
      bundles = probed.recognizerBundles;
    }
    const result: Record<string, unknown> = {
      entry,
      nodeArgs,
      rssAtReadyMb: round(percentile(rss, 0.5)),
      liveHeapAtReadyMb: round(percentile(heap, 0.5)),
      readyMs: round(percentile(readyMs, 0.5)),
    };
    const rows: (string | number)[][] = [
      ['measure', 'value'],
      [`RSS at /healthz ready, MB (median of ${starts})`, result.rssAtReadyMb as number],
      [`live heap after GC at ready, MB (median of ${starts})`, result.liveHeapAtReadyMb as number],
      [`ready after spawn, ms (median of ${starts})`, result.readyMs as number],
    ];
    if (inProgress > 0 && server !== undefined) {
      const fr = new Localizer().language('fr');
      const discovered = await discoverScript(new BenchUser(server.url, 'mem-first-u', 'mem-first-c'), fr);
      const script = { activities: discovered.activities, checkpoints: discovered.checkpoints };
      const load = figuresOf(
        await runLoad(server, script, { users: inProgress, concurrency: 64, turnsPerUser, tag: 'mem' }, true),
      );
      const after = await probe(server, probeFile);
      const live = after.heapUsed / MB;
      bundles = after.recognizerBundles;
      Object.assign(result, {
        inProgress,
        peakRssMb: round(load.peakRssMb),
        cpuMsPerTurn: round(load.cpuPerTurnMs),
        liveHeapAfterLoadMb: round(live),
      });
      rows.push(
        [`${inProgress} conversations in progress: peak RSS, MB`, round(load.peakRssMb)],
        ['  CPU per turn, ms', round(load.cpuPerTurnMs)],
        ['  live heap after GC, after the load, MB', round(live)],
      );
    }
    await server?.stop();
    result.recognizerBundles = bundles;
    console.log(table(rows));
    console.log(`recognizer bundles loaded: ${bundles.join(', ') || 'none'}`);
    console.log(JSON.stringify(result));
  } finally {
    if (process.argv.includes('--keep')) console.log(`data and server logs kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
