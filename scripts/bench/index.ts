/**
 * `npm run bench`: the real bot server against two references on our own adapter and server, same load shape,
 * same run: a bare echo bot (the floor, echoServer.ts) and a six-prompt waterfall bot on MemoryStorage in the
 * manner of Microsoft's multi-turn-prompt sample (waterfallServer.ts, its users following waterfallScript.ts).
 * The bot runs with the node flags of `npm start` (package.json's "start" script, e.g. a heap size), the two
 * references with none (they are the stock references); `--node-args` gives the same flags to all three instead.
 * Every server's flags are printed at the start. Simulated French applicants go through a complete eligibility check and application over
 * HTTP (expectReplies). Prints per concurrency level, then memory with many conversations in progress, a large
 * store against a small one, start-up and first turns, and the parsers' own speed in a fresh process
 * (parserSpeed.ts), and a committee back office list page at 5 000 files (backOfficeBench.ts); ends with JSON lines.
 *
 *   node dist/scripts/bench/index.js [--users1=10] [--users16=48] [--users64=128] [--in-progress=1000]
 *     [--in-progress-turns=10] [--stored=10000] [--stored-users=10] [--warm-scripts=5] [--profile=<dir>] [--keep]
 *     [--node-args="--max-old-space-size=256"] [--bot-entry=dist/bot/index.js]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Localizer } from '../../bot/i18n.js';
import { discoverScript, replayScript } from './applicant.js';
import { writeBenchSettings } from './benchSettings.js';
import { warmUpClient } from './clientWarmUp.js';
import { printDetails } from './details.js';
import { BenchUser } from './httpClient.js';
import { parseOptions } from './options.js';
import { backOfficeTable, measureBackOffice } from './backOfficeBench.js';
import { parserFiguresInChild, parserTable } from './parserSpeed.js';
import { measureInProgress, measureLevels, measureStores, warmTurnMedians, type Trio } from './phases.js';
import { goalsOf, headline, levelTable, type BenchResults } from './report.js';
import { describeNodeFlags, nodeFlagsFor } from './nodeFlags.js';
import { loggedWarmUpMs, startServer, type RunningServer } from './serverProcess.js';
import { round, table } from './stats.js';
import { waterfallScript } from './waterfallScript.js';

const ECHO_ENTRY = 'dist/scripts/bench/echoServer.js';
const WATERFALL_ENTRY = 'dist/scripts/bench/waterfallServer.js';

function machine(): Record<string, string | number> {
  const cpuModel =
    /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  return {
    node: process.version,
    cpus: os.availableParallelism(),
    cpuModel: cpuModel ?? 'unknown',
    ramGb: round(os.totalmem() / 2 ** 30),
  };
}

/** Other work on the machine skews every figure: printed at the start and at the end. */
const loadAverage = (): string =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const benchStarted = performance.now();
  const about = machine();
  console.log(`AliZé bench — ${JSON.stringify(about)}; load average ${loadAverage()}`);
  console.log(
    `sizes: ${options.usersAt[1]}/${options.usersAt[16]}/${options.usersAt[64]} applicants at 1/16/64 users; ` +
      `${options.inProgress} conversations × ${options.inProgressTurns} turns in progress; ` +
      `${options.smallStore} vs ${options.stored} stored conversations × ${options.storedUsers} applicants; ` +
      `${options.warmScripts} warm scripts`,
  );
  const flags = nodeFlagsFor(options.nodeArgs);
  console.log(describeNodeFlags(flags));
  const work = mkdtempSync(path.join(os.tmpdir(), 'alize-bench-'));
  const programmeFile = writeBenchSettings(work);
  const fr = new Localizer().language('fr');
  const dataDir = (name: string) => {
    const folder = path.join(work, name);
    mkdirSync(folder, { recursive: true });
    return folder;
  };
  const profileArgs = options.profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profileDir)}`]
    : [];
  const servers: Partial<Trio<RunningServer>> = {};
  try {
    // First, while nothing else of the bench runs: the parsers (the bot's code) in a fresh process, cold then warm.
    const parsers = await parserFiguresInChild(flags.bot);
    console.log(`\nParsers, in a fresh process\n${parserTable(parsers)}`);
    await warmUpClient();
    servers.bot = await startServer({
      name: 'bot',
      entry: options.botEntry,
      dataDir: dataDir('bot'),
      programmeFile,
      nodeArgs: [...flags.bot, ...profileArgs],
    });
    const discovered = await discoverScript(
      new BenchUser(servers.bot.url, 'bench-first-u', 'bench-first-c'),
      fr,
    );
    const script = { activities: discovered.activities, checkpoints: discovered.checkpoints };
    console.log(
      `bot ready in ${round(servers.bot.readyMs)} ms; one applicant = ${script.activities.length} turns`,
    );
    servers.echo = await startServer({
      name: 'echo',
      entry: ECHO_ENTRY,
      dataDir: dataDir('echo'),
      programmeFile,
      nodeArgs: flags.echo,
    });
    servers.waterfall = await startServer({
      name: 'waterfall',
      entry: WATERFALL_ENTRY,
      dataDir: dataDir('waterfall'),
      programmeFile,
      nodeArgs: flags.waterfall,
    });
    const waterfall = waterfallScript(script.activities.length);
    // Once before any measurement, checked: a script the reference does not follow fails here, not mid-load.
    const waterfallFirst = await replayScript(
      new BenchUser(servers.waterfall.url, 'bench-first-u', 'bench-first-c'),
      waterfall,
      { check: true },
    );
    console.log(
      `waterfall ready in ${round(servers.waterfall.readyMs)} ms; one waterfall user = ` +
        `${waterfall.activities.length} turns, as many; its first user took ` +
        `${round(waterfallFirst.reduce((total, ms) => total + ms, 0))} ms`,
    );
    const echoFirst = await replayScript(
      new BenchUser(servers.echo.url, 'bench-first-u', 'bench-first-c'),
      script,
      { check: false },
    );
    const running = servers as Trio<RunningServer>;

    const levels = await measureLevels(running, { bot: script, waterfall }, options);
    console.log(
      `\nLoad: complete applicants (eligibility + application; waterfall: its own script), closed loop\n${levelTable(levels)}`,
    );

    const inProgress = await measureInProgress(running, script, options);
    const warm = await warmTurnMedians(running.bot, script, options.warmScripts, true);
    const echoWarm = await warmTurnMedians(running.echo, script, options.warmScripts, false);
    await running.waterfall.stop();
    await running.echo.stop();
    await running.bot.stop();

    const stores = await measureStores(
      work,
      path.join(work, 'bot', 'state'),
      { entry: options.botEntry, programmeFile, nodeArgs: flags.bot },
      script,
      options,
    );

    // The committee's back office: a list page at 5 000 files (lowdb), in this process (committee/backOffice).
    const backOffice = await measureBackOffice();
    console.log(`\nCommittee back office, lowdb\n${backOfficeTable(backOffice)}`);

    const results: BenchResults = {
      levels,
      inProgress: { conversations: options.inProgress, turns: options.inProgressTurns, figures: inProgress },
      stores,
      parsers,
      start: {
        botReadyMs: [running.bot.readyMs, ...stores.map((store) => store.readyMs)],
        echoReadyMs: running.echo.readyMs,
        waterfallReadyMs: running.waterfall.readyMs,
        warmUpMs: loggedWarmUpMs(running.bot),
        firstUser: discovered.ms,
        warm,
        firstTurns: [discovered.ms[0]!, ...stores.map((store) => store.firstTurnMs)],
      },
    };
    printDetails(results, { firstUser: echoFirst, warm: echoWarm });
    const goals = goalsOf(results);
    console.log(
      `\nGoals\n${table([['goal', 'value', 'limit', 'met'], ...goals.map((g) => [g.name, g.value, g.limit, g.met ? 'yes' : 'NO'])])}`,
    );
    console.log(
      `\nbench took ${round((performance.now() - benchStarted) / 1000)} s; load average ${loadAverage()}`,
    );
    console.log(
      headline(results, {
        ...about,
        turnsPerApplicant: script.activities.length,
        turnsPerWaterfallUser: waterfall.activities.length,
        sizes: { ...options, nodeArgs: options.nodeArgs ?? [] },
        nodeFlags: flags,
      }),
    );
    console.log(JSON.stringify({ backOffice }));
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    if (options.keep) console.log(`data kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
