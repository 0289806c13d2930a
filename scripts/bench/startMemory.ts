/**
 * Memory of a freshly started server (issue 19): `node dist/scripts/bench/startMemory.js [--entry=dist/bot/index.js]
 * [--starts=3] [--node-args="--max-old-space-size=256"]`. For each start it spawns the entry as production does
 * and reads its RSS when /healthz first says ready; then, in one more process started with --expose-gc, it
 * imports the same entry, waits for ready, collects garbage and reads the live heap and which of Microsoft's
 * recognizer bundles really are loaded. Prints a table and one JSON line.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { types } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeBenchSettings } from './benchSettings.js';
import { rssMb } from './procStats.js';
import { startServer } from './serverProcess.js';
import { percentile, round, table } from './stats.js';

interface HeapFigures {
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  rssMb: number;
  recognizerBundles: string[];
}

const MB = 2 ** 20;
const value = (name: string): string | undefined =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

/** In the --expose-gc child: the entry is already serving; wait for ready, collect, measure. */
async function measureHere(): Promise<HeapFigures> {
  const url = `http://127.0.0.1:${process.env.PORT}/healthz`;
  for (;;) {
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    await sleep(20);
  }
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  const usage = process.memoryUsage();
  // A bundle counts as loaded when require's cache holds its real exports, not a stand-in (bot/lazyRecognizers).
  const cache = createRequire(import.meta.url).cache;
  const recognizerBundles = Object.values(cache)
    .filter(
      (module) => module !== undefined && /recognizers-text[^/]*\/dist\/[^/]+\.umd\.js$/.test(module.id),
    )
    .filter((module) => !types.isProxy(module!.exports))
    .map((module) => path.relative('node_modules', module!.id));
  return {
    heapUsedMb: usage.heapUsed / MB,
    heapTotalMb: usage.heapTotal / MB,
    externalMb: usage.external / MB,
    rssMb: usage.rss / MB,
    recognizerBundles,
  };
}

function heapInChild(entry: string, nodeArgs: string[], env: NodeJS.ProcessEnv): Promise<HeapFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', ...nodeArgs, process.argv[1]!, `--child=${entry}`],
      { env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const line = out.split('\n').find((text) => text.startsWith('{"heapUsedMb"'));
      if (line === undefined) reject(new Error(`no figures from the child:\n${out.slice(-2000)}`));
      else resolve(JSON.parse(line) as HeapFigures);
    });
  });
}

async function main(): Promise<void> {
  const child = value('child');
  if (child !== undefined) {
    await import(pathToFileURL(path.resolve(child)).href);
    // The entry's own logs go to stdout too: the figures are one line of their own.
    process.stdout.write(`\n${JSON.stringify(await measureHere())}\n`);
    process.exit(0);
  }
  const entry = value('entry') ?? 'dist/bot/index.js';
  const starts = Number(value('starts') ?? 3);
  const nodeArgs = (value('node-args') ?? '').split(' ').filter((arg) => arg !== '');
  const work = mkdtempSync(path.join(os.tmpdir(), 'alize-start-memory-'));
  try {
    const programmeFile = writeBenchSettings(work);
    const rss: number[] = [];
    const readyMs: number[] = [];
    for (let i = 0; i < starts; i++) {
      const dataDir = path.join(work, `start-${i}`);
      mkdirSync(dataDir);
      const server = await startServer({ name: 'bot', entry, dataDir, programmeFile, nodeArgs });
      rss.push(rssMb(server.pid));
      readyMs.push(server.readyMs);
      await server.stop();
    }
    const dataDir = path.join(work, 'heap');
    mkdirSync(dataDir);
    const heap = await heapInChild(entry, nodeArgs, {
      ...process.env,
      PORT: String(40_000 + (process.pid % 20_000)),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PROGRAMME_FILE: programmeFile,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      NODE_OPTIONS: '',
      COMPANY_LOOKUP: 'off',
    });
    const result = {
      entry,
      nodeArgs,
      rssAtReadyMb: round(percentile(rss, 0.5)),
      readyMs: round(percentile(readyMs, 0.5)),
      heapAfterGcMb: round(heap.heapUsedMb),
      heapTotalMb: round(heap.heapTotalMb),
      externalMb: round(heap.externalMb),
      recognizerBundles: heap.recognizerBundles,
    };
    console.log(
      table([
        ['', 'median of starts', 'value'],
        ['RSS at /healthz ready, MB', `${starts}`, result.rssAtReadyMb],
        ['ready after spawn, ms', `${starts}`, result.readyMs],
        ['live heap after GC, MB (--expose-gc)', '1', result.heapAfterGcMb],
        ['external (buffers), MB', '1', result.externalMb],
      ]),
    );
    console.log(`recognizer bundles loaded: ${heap.recognizerBundles.join(', ') || 'none'}`);
    console.log(JSON.stringify(result));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
