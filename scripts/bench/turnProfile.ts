/**
 * CPU and allocation per bot turn, measured inside the bot's own process (issue 19):
 *
 *   node dist/scripts/bench/turnProfile.js [--rounds=30] [--warm=5] [--echo]
 *        [--cpu-sample=<file.cpuprofile> | --heap-sample=<file.heapprofile>] [--per-turn]
 *
 * The real server (bot/app.ts's startApp: restify, CloudAdapter, our middlewares and dialogs, logs at level info
 * into a sink) runs here on botbuilder's MemoryStorage. The bench applicant (scripts/bench/applicant.ts) is
 * discovered, then replayed `warm + rounds` times as new users, by a child process: its HTTP client costs this
 * process nothing, so `process.cpuUsage()` and the heap's allocation (v8.GCProfiler: what the heap grew by plus
 * what each collection freed) are the bot's alone. Prints the median, quartiles and extremes over the measured
 * rounds, per turn. The application queue is the lowdb one in a temp folder, as in `npm run bench`. `--echo`
 * measures the bench's echo floor the same way (25 messages a round). `--per-turn` adds a table of each request of
 * the script (scripts/bench/turnBreakdown.ts), median over the measured rounds.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { HeapProfiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { AddressInfo } from 'node:net';
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { createAdapter } from '../../bot/adapter.js';
import type { AppConfig } from '../../bot/config.js';
import { createServer } from '../../bot/server.js';
import { closeServer } from '../../bot/serverShutdown.js';
import { startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { Localizer } from '../../bot/i18n.js';
import { createLogger, type Logger } from '../../bot/logger.js';
import { discoverScript, replayScript } from './applicant.js';
import { writeBenchSettings } from './benchSettings.js';
import { BenchUser } from './httpClient.js';
import { percentile } from './stats.js';
import { MeasuredUser, TurnTable, type TurnMessage } from './turnBreakdown.js';

/** Between the client (child) and the measuring bot process (parent). */
type ClientMessage =
  | { kind: 'start'; measured: boolean }
  | { kind: 'end'; turns: number; measured: boolean }
  | { kind: 'done' }
  | TurnMessage;
type ParentMessage = { kind: 'go' };

interface RoundFigures {
  turns: number;
  cpuUs: number;
  allocatedBytes: number;
  gcs: number;
}

const median = (values: readonly number[]): number => percentile(values, 0.5);

const option = (name: string, fallback: number): number =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

/** The heap's used size now. */
const usedHeap = (): number => v8.getHeapStatistics().used_heap_size;

/** Watches one round: CPU of the whole process, and the bytes allocated on the V8 heap. */
function startRound(): (turns: number) => RoundFigures {
  const profiler = new v8.GCProfiler();
  profiler.start();
  const heapBefore = usedHeap();
  const cpuBefore = process.cpuUsage();
  return (turns) => {
    const cpu = process.cpuUsage(cpuBefore);
    const heapAfter = usedHeap();
    const { statistics } = profiler.stop();
    const freed = statistics.reduce(
      (sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
      0,
    );
    return {
      turns,
      cpuUs: cpu.user + cpu.system,
      allocatedBytes: heapAfter - heapBefore + freed,
      gcs: statistics.length,
    };
  };
}

const ECHO_TURNS = 25;

/** As many messages as the applicant's script has turns, to the echo floor (which only echoes them). */
async function echoRound(user: BenchUser): Promise<number> {
  for (let turn = 0; turn < ECHO_TURNS; turn++) await user.send({ type: 'message', text: 'Bonjour' });
  return ECHO_TURNS;
}

/** The client side: discovers the script, then replays it as new users, telling the parent around each round. */
async function client(
  url: string,
  rounds: number,
  warm: number,
  echo: boolean,
  perTurn: boolean,
): Promise<void> {
  const send = (message: ClientMessage) => process.send!(message);
  const go = () =>
    new Promise<void>((resolve) => process.once('message', (message: ParentMessage) => message && resolve()));
  const fr = new Localizer().language('fr');
  const user = (index: number) =>
    perTurn && index > 0
      ? new MeasuredUser(url, `profile-user-${index}`, `profile-conversation-${index}`, go)
      : new BenchUser(url, `profile-user-${index}`, `profile-conversation-${index}`);
  const script = echo ? undefined : await discoverScript(user(0), fr);
  for (let round = 1; round <= warm + rounds; round++) {
    const next = go();
    send({ kind: 'start', measured: round > warm });
    await next;
    const turns = script
      ? (await replayScript(user(round), script, { check: round === 1 })).length
      : await echoRound(user(round));
    send({ kind: 'end', turns, measured: round > warm });
  }
  send({ kind: 'done' });
}

/**
 * A profile of the measured rounds only, through the inspector: `cpu` is V8's CPU profile (as `--cpu-prof`
 * writes, without the start-up), `heap` every allocation, sampled, the collected objects kept (what
 * `--heap-prof` cannot show: it keeps only what is still alive at exit).
 */
class RoundsProfile {
  private readonly session = new Session();

  constructor(
    private readonly kind: 'cpu' | 'heap',
    private readonly file: string,
  ) {}

  async start(): Promise<void> {
    this.session.connect();
    if (this.kind === 'cpu') {
      await this.session.post('Profiler.enable');
      await this.session.post('Profiler.start');
      return;
    }
    await this.session.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as HeapProfiler.StartSamplingParameterType);
  }

  async stop(): Promise<void> {
    const { profile } =
      this.kind === 'cpu'
        ? await this.session.post('Profiler.stop')
        : await this.session.post('HeapProfiler.stopSampling');
    writeFileSync(this.file, JSON.stringify(profile));
    this.session.disconnect();
  }
}

/** `--cpu-sample=<file>` or `--heap-sample=<file>`: a profile of the measured rounds. */
function roundsProfile(): RoundsProfile | undefined {
  for (const kind of ['cpu', 'heap'] as const) {
    const file = process.argv.find((arg) => arg.startsWith(`--${kind}-sample=`))?.split('=')[1];
    if (file) return new RoundsProfile(kind, file);
  }
  return undefined;
}

const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });

/**
 * The bench's echo floor (scripts/bench/echoServer.ts) in this process: our adapter and restify server, a bot
 * that only echoes. What a cut in the shared adapter or server also takes off the floor.
 */
async function startEcho(config: AppConfig, logger: Logger) {
  const adapter = createAdapter(
    config.auth,
    new Localizer(),
    logger,
    new ConversationState(new MemoryStorage()),
  );
  const server = createServer({
    adapter,
    runTurn: async (context: TurnContext) => {
      if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
    },
    logger,
    maxBodyBytes: config.maxBodyBytes,
    ready: Promise.resolve(),
    isReady: () => true,
    startedAt: Date.now(),
    config: { auth: config.auth, rateLimits: config.rateLimits },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ready: Promise.resolve(),
    close: () => closeServer(server),
  };
}

async function bot(rounds: number, warm: number, echo: boolean, perTurn: boolean): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'alize-turn-profile-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: work,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
    PROGRAMME_FILE: writeBenchSettings(work),
    COMPANY_LOOKUP: 'off',
  });
  // Logs at production's level, written nowhere: their cost stays, the terminal stays readable.
  const logger = createLogger('info', sink);
  const app = echo
    ? await startEcho(config, logger)
    : await startApp(config, { storage: new MemoryStorage(), logger });
  await app.ready;
  const figures: RoundFigures[] = [];
  const child = fork(
    fileURLToPath(import.meta.url),
    [
      '--client',
      app.url,
      `--rounds=${rounds}`,
      `--warm=${warm}`,
      ...(echo ? ['--echo'] : []),
      ...(perTurn ? ['--per-turn'] : []),
    ],
    {
      execArgv: [],
    },
  );
  let finish: ((turns: number) => RoundFigures) | undefined;
  let finishTurn: ((turns: number) => RoundFigures) | undefined;
  let measuring = false;
  const table = new TurnTable();
  const profile = roundsProfile();
  let profiling = false;
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`client exited ${code}`))));
    child.on('message', (message: ClientMessage) => {
      if (message.kind === 'turn-start') {
        finishTurn = startRound();
        child.send({ kind: 'go' } satisfies ParentMessage);
      } else if (message.kind === 'turn-end') {
        const turn = finishTurn!(1);
        if (measuring) table.add(message.index, message.label, turn);
      } else if (message.kind === 'start') {
        measuring = message.measured;
        const started = message.measured && profile && !profiling ? profile.start() : Promise.resolve();
        profiling ||= message.measured;
        void started.then(() => {
          finish = startRound();
          child.send({ kind: 'go' } satisfies ParentMessage);
        }, reject);
      } else if (message.kind === 'end') {
        const round = finish!(message.turns);
        if (message.measured) figures.push(round);
      } else child.disconnect();
    });
  });
  await profile?.stop();
  await app.close();
  rmSync(work, { recursive: true, force: true });
  report(figures, echo);
  if (perTurn) table.print();
}

function report(figures: RoundFigures[], echo: boolean): void {
  const perTurn = (pick: (round: RoundFigures) => number) => figures.map((r) => pick(r) / r.turns);
  const cpu = perTurn((r) => r.cpuUs);
  const bytes = perTurn((r) => r.allocatedBytes);
  const row = (name: string, values: number[], scale: number, digits: number) =>
    `${name.padEnd(26)}${[
      median(values),
      percentile(values, 0.25),
      percentile(values, 0.75),
      Math.min(...values),
      Math.max(...values),
    ]
      .map((value) => (value / scale).toFixed(digits).padStart(10))
      .join('')}`;
  const turns = figures[0]?.turns ?? 0;
  console.log(
    `${figures.length} rounds of ${turns} turns (${echo ? 'messages to the echo floor' : 'one applicant each'}), in the bot's process`,
  );
  console.log(
    `${'per turn'.padEnd(26)}${['median', 'p25', 'p75', 'min', 'max'].map((h) => h.padStart(10)).join('')}`,
  );
  console.log(row('CPU µs', cpu, 1, 0));
  console.log(row('allocated KB', bytes, 1024, 1));
  console.log(`collections per round: ${median(figures.map((r) => r.gcs))} (median)`);
}

const rounds = option('rounds', 30);
const warm = option('warm', 5);
const echo = process.argv.includes('--echo');
const perTurn = process.argv.includes('--per-turn');
const clientAt = process.argv.indexOf('--client');
if (clientAt >= 0) await client(process.argv[clientAt + 1]!, rounds, warm, echo, perTurn);
else await bot(rounds, warm, echo, perTurn);
