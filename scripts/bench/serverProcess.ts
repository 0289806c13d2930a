import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServerSpec {
  /** Shown in the tables: "bot", "echo". */
  name: string;
  /** The compiled entry, e.g. dist/bot/index.js. */
  entry: string;
  dataDir: string;
  programmeFile: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Extra environment (COMPANY_LOOKUP_URL of a local register); the lookup is off otherwise. */
  env?: Record<string, string>;
}

export interface RunningServer {
  name: string;
  pid: number;
  url: string;
  /** From spawn to the first 200 on /healthz. */
  readyMs: number;
  logFile: string;
  stop: () => Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const POLL_MS = 5;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false; // not listening yet
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts a server as a child process (so its CPU and memory are its own), with its logs (pino, level info as in
 * production) in `<dataDir>/server.log`, and waits until /healthz answers 200.
 */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(spec.dataDir, 'server.log');
  const log = openSync(logFile, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), spec.entry], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: spec.dataDir,
      PROGRAMME_FILE: spec.programmeFile,
      LOG_LEVEL: 'info',
      // The load comes from this machine's one address: the per-address limit would measure itself.
      RATE_LIMIT_PER_MINUTE: '0',
      NODE_OPTIONS: '',
      // Never the real company register from a bench.
      COMPANY_LOOKUP: 'off',
      ...spec.env,
    },
    stdio: ['ignore', log, log],
  });
  let failure: Error | undefined;
  child.once('exit', (code, signal) => {
    failure = new Error(`${spec.name} server exited (${code ?? signal}); see ${logFile}`);
  });
  while (!(await isHealthy(url))) {
    if (failure) throw failure;
    if (performance.now() - started > READY_TIMEOUT_MS)
      throw new Error(`${spec.name} not ready; see ${logFile}`);
    await sleep(POLL_MS);
  }
  const readyMs = performance.now() - started;
  return {
    name: spec.name,
    pid: child.pid!,
    url,
    readyMs,
    logFile,
    stop: async () => {
      child.kill('SIGTERM'); // the server closes and exits 0 (which also writes a --cpu-prof profile)
      await exited(child);
    },
  };
}

/** The warm-up figure the bot logs with its "ready" event, if it did. */
export function loggedWarmUpMs(server: RunningServer): number | undefined {
  const line = readFileSync(server.logFile, 'utf8')
    .split('\n')
    .find((text) => text.includes('"event":"ready"'));
  if (!line) return undefined;
  return (JSON.parse(line) as { warmUpMs?: number }).warmUpMs;
}
