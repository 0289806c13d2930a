import { performance } from 'node:perf_hooks';
import { replayScript, type ApplicantScript } from './applicant.js';
import { BenchUser } from './httpClient.js';
import { cpuMs, peakRssMb, resetPeakRss, rssMb } from './procStats.js';
import type { RunningServer } from './serverProcess.js';

export interface LoadShape {
  /** Simulated applicants in total; each runs the script from its first turn, in its own conversation. */
  users: number;
  /** How many of them talk at the same time (closed loop: a user sends its next turn once answered). */
  concurrency: number;
  /** Only the first turns of the script (conversations left in progress); default: all of it. */
  turnsPerUser?: number;
  /** Distinguishes the user and conversation ids of each run. */
  tag: string;
}

export interface LoadResult {
  turns: number;
  wallMs: number;
  /** Latency of every turn, in milliseconds, in no particular order. */
  latencies: number[];
  /** The same, by turn of the script: `byTurn[i]` holds turn i of every user. */
  byTurn: number[][];
  serverCpuMs: number;
  clientCpuMs: number;
  peakRssMb: number;
}

const RSS_SAMPLE_MS = 50;

/** Runs the shape against one server and measures it; the bot's replies are checked (`check`). */
export async function runLoad(
  server: RunningServer,
  script: ApplicantScript,
  shape: LoadShape,
  check: boolean,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const byTurn: number[][] = [];
  let next = 0;
  const peakResettable = resetPeakRss(server.pid);
  let sampledPeak = rssMb(server.pid);
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, rssMb(server.pid));
  }, RSS_SAMPLE_MS);
  const cpuBefore = cpuMs(server.pid);
  const clientBefore = process.cpuUsage();
  const started = performance.now();

  const worker = async (): Promise<void> => {
    while (next < shape.users) {
      const index = next++;
      const user = new BenchUser(server.url, `bench-${shape.tag}-u${index}`, `bench-${shape.tag}-c${index}`);
      const turns = await replayScript(user, script, { turns: shape.turnsPerUser, check });
      latencies.push(...turns);
      turns.forEach((ms, turn) => (byTurn[turn] ??= []).push(ms));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(shape.concurrency, shape.users) }, worker));
  } finally {
    clearInterval(sampler);
  }

  const wallMs = performance.now() - started;
  const client = process.cpuUsage(clientBefore);
  sampledPeak = Math.max(sampledPeak, rssMb(server.pid));
  return {
    turns: latencies.length,
    wallMs,
    latencies,
    byTurn,
    serverCpuMs: cpuMs(server.pid) - cpuBefore,
    clientCpuMs: (client.user + client.system) / 1000,
    peakRssMb: peakResettable ? Math.max(peakRssMb(server.pid), sampledPeak) : sampledPeak,
  };
}
