import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { replayScript, type ApplicantScript } from './applicant.js';
import { BenchUser } from './httpClient.js';
import { runLoad } from './loadRun.js';
import { LEVELS, type BenchOptions } from './options.js';
import { prefillState, readStateSample } from './prefillState.js';
import { startServer, type RunningServer, type ServerSpec } from './serverProcess.js';
import { figuresOf, percentile, type LevelFigures } from './stats.js';

export interface Pair<T> {
  bot: T;
  echo: T;
}

/** The bot and both references: the echo floor and the waterfall sample (waterfallServer.ts). */
export interface Trio<T> extends Pair<T> {
  waterfall: T;
}

export interface LevelRow {
  level: number;
  users: number;
  figures: Trio<LevelFigures>;
}

/**
 * The same load shape on the echo floor, the waterfall reference then the bot, for each concurrency level. The
 * echo replays the bot's script unchecked; the waterfall its own (waterfallScript.ts), checked like the bot's.
 */
export async function measureLevels(
  servers: Trio<RunningServer>,
  scripts: { bot: ApplicantScript; waterfall: ApplicantScript },
  options: BenchOptions,
): Promise<LevelRow[]> {
  const rows: LevelRow[] = [];
  for (const level of LEVELS) {
    const shape = { users: options.usersAt[level], concurrency: level, tag: `level${level}` };
    const echo = figuresOf(await runLoad(servers.echo, scripts.bot, shape, false));
    const waterfall = figuresOf(await runLoad(servers.waterfall, scripts.waterfall, shape, true));
    const bot = figuresOf(await runLoad(servers.bot, scripts.bot, shape, true));
    rows.push({ level, users: shape.users, figures: { bot, echo, waterfall } });
  }
  return rows;
}

/** Many conversations left half-way (the bot keeps their state), with 64 users talking at a time. */
export async function measureInProgress(
  servers: Pair<RunningServer>,
  script: ApplicantScript,
  options: BenchOptions,
): Promise<Pair<LevelFigures>> {
  const shape = {
    users: options.inProgress,
    concurrency: 64,
    turnsPerUser: options.inProgressTurns,
    tag: 'progress',
  };
  const echo = figuresOf(await runLoad(servers.echo, script, shape, false));
  const bot = figuresOf(await runLoad(servers.bot, script, shape, true));
  return { bot, echo };
}

/** Each turn's median latency over complete scripts replayed one at a time: what "a warm turn" costs. */
export async function warmTurnMedians(
  server: RunningServer,
  script: ApplicantScript,
  scripts: number,
  check: boolean,
): Promise<number[]> {
  const runs: number[][] = [];
  for (let index = 0; index < scripts; index++) {
    const user = new BenchUser(server.url, `bench-warm-u${index}`, `bench-warm-c${index}`);
    runs.push(await replayScript(user, script, { check }));
  }
  return script.activities.map((_, turn) =>
    percentile(
      runs.map((run) => run[turn]!),
      0.5,
    ),
  );
}

export interface StoreFigures {
  stored: number;
  readyMs: number;
  p50: number;
  p95: number;
  /** The first turn of the first applicant after this start. */
  firstTurnMs: number;
}

/**
 * The bot restarted on a small and on a large store (real state files cloned from a conversation in progress),
 * both running, users alternating between them so that machine noise hits both alike.
 */
export async function measureStores(
  work: string,
  botStateDir: string,
  spec: Omit<ServerSpec, 'name' | 'dataDir'>,
  script: ApplicantScript,
  options: BenchOptions,
): Promise<StoreFigures[]> {
  const sample = await readStateSample(botStateDir, 'bench-progress-c0', 'bench-progress-u0');
  const sizes = [options.smallStore, options.stored];
  const servers: RunningServer[] = [];
  const latencies: number[][] = sizes.map(() => []);
  try {
    for (const size of sizes) {
      const dataDir = path.join(work, `store-${size}`);
      mkdirSync(dataDir, { recursive: true });
      prefillState(path.join(dataDir, 'state'), size, sample);
      servers.push(await startServer({ ...spec, name: `bot-${size}`, dataDir }));
    }
    for (let index = 0; index < options.storedUsers; index++) {
      for (const [position, server] of servers.entries()) {
        const user = new BenchUser(server.url, `bench-store-u${index}`, `bench-store-c${index}`);
        latencies[position]!.push(...(await replayScript(user, script, { check: true })));
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  return sizes.map((stored, position) => ({
    stored,
    readyMs: servers[position]!.readyMs,
    p50: percentile(latencies[position]!, 0.5),
    p95: percentile(latencies[position]!, 0.95),
    firstTurnMs: latencies[position]![0]!,
  }));
}
