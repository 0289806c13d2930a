import { PARSER_LIMITS, type ParserFigures } from './parserSpeed.js';
import type { LevelRow, Pair, StoreFigures } from './phases.js';
import { percentile, round, table, type LevelFigures } from './stats.js';

export interface StartFigures {
  /** From spawn to /healthz 200: the bot's first start, then its restarts for the store measurement. */
  botReadyMs: number[];
  echoReadyMs: number;
  waterfallReadyMs: number;
  warmUpMs?: number;
  /** The first user's turns right after ready, and the same turns warm (median of later replays). */
  firstUser: number[];
  warm: number[];
  /** The first turn after each start of the bot (the same turn as `firstUser[0]`). */
  firstTurns: number[];
}

export const median = (values: number[]): number => percentile(values, 0.5);

export interface BenchResults {
  levels: LevelRow[];
  inProgress: { conversations: number; turns: number; figures: Pair<LevelFigures> };
  stores: StoreFigures[];
  start: StartFigures;
  /** In-process parser and recognizer speed, measured in a fresh process (parserSpeed.ts). */
  parsers: ParserFigures;
}

const ratio = (a: number, b: number): number => a / b;

/** One ratio row of the level table: `a` against `b`, figure by figure. */
function ratioRow(level: number, label: string, a: LevelFigures, b: LevelFigures): (string | number)[] {
  return [
    `${level}`,
    label,
    '',
    ratio(a.turnsPerSecond, b.turnsPerSecond),
    ratio(a.p50, b.p50),
    ratio(a.p95, b.p95),
    ratio(a.p99, b.p99),
    ratio(a.cpuPerTurnMs, b.cpuPerTurnMs),
    ratio(a.peakRssMb, b.peakRssMb),
    '',
  ];
}

export function levelTable(rows: LevelRow[]): string {
  const header = [
    'users',
    'server',
    'turns',
    'turns/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'CPU ms/turn',
    'peak RSS MB',
    'submit p50/max ms',
  ];
  const lines: (string | number)[][] = [header];
  for (const { level, figures } of rows) {
    for (const name of ['echo', 'waterfall', 'bot'] as const) {
      const f = figures[name];
      lines.push([
        `${level}`,
        name,
        f.turns,
        f.turnsPerSecond,
        f.p50,
        f.p95,
        f.p99,
        f.cpuPerTurnMs,
        f.peakRssMb,
        name === 'bot' ? `${round(f.lastTurnP50)}/${round(f.lastTurnMax)}` : '',
      ]);
    }
    const { bot, echo, waterfall } = figures;
    lines.push(ratioRow(level, 'bot/echo', bot, echo));
    lines.push(ratioRow(level, 'bot/waterfall', bot, waterfall));
    lines.push(ratioRow(level, 'waterfall/echo', waterfall, echo));
  }
  return table(lines);
}

export function firstTurnFigures(start: StartFigures) {
  // The script's turns only: a replay that sent "Envoyer" twice (the echo, whose reply has no reference) has one
  // more, which had no warm figure and made every ratio NaN, the table then failing before the Goals.
  const firstUser = start.firstUser.slice(0, start.warm.length);
  const turnRatios = firstUser.map((ms, turn) => ms / start.warm[turn]!);
  const worst = turnRatios.indexOf(Math.max(...turnRatios));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    firstTurnMs: start.firstUser[0]!,
    warmTurnMs: start.warm[0]!,
    ratio: turnRatios[0]!,
    worstTurn: worst,
    worstTurnMs: firstUser[worst]!,
    worstTurnWarmMs: start.warm[worst]!,
    worstRatio: turnRatios[worst]!,
    firstScriptMs: sum(firstUser),
    warmScriptMs: sum(start.warm),
  };
}

export interface Goal {
  name: string;
  value: number;
  limit: number;
  met: boolean;
}

export function goalsOf(results: BenchResults): Goal[] {
  const at16 = results.levels.find((row) => row.level === 16)!.figures;
  const [small, large] = results.stores;
  const { start } = results;
  const memory = results.inProgress.figures;
  const goal = (name: string, value: number, limit: number): Goal => ({
    name,
    value: round(value),
    limit,
    met: value <= limit,
  });
  const at64 = results.levels.find((row) => row.level === 64)!.figures;
  return [
    goal('CPU per turn at 16 users, bot / echo', at16.bot.cpuPerTurnMs / at16.echo.cpuPerTurnMs, 2.5),
    goal(
      'CPU per turn at 16 users, bot / waterfall reference',
      at16.bot.cpuPerTurnMs / at16.waterfall.cpuPerTurnMs,
      1.5,
    ),
    goal(`1-user p50 with ${large!.stored} stored / with ${small!.stored}`, large!.p50 / small!.p50, 1.2),
    goal(
      `first turn after start / same turn warm (median of ${start.firstTurns.length} starts)`,
      median(start.firstTurns) / start.warm[0]!,
      2,
    ),
    goal(
      `ready after start, seconds (median of ${start.botReadyMs.length} starts)`,
      median(start.botReadyMs) / 1000,
      3,
    ),
    goal(
      `peak RSS with ${results.inProgress.conversations} conversations in progress, bot / echo`,
      memory.bot.peakRssMb / memory.echo.peakRssMb,
      1.5,
    ),
    // Every turn of the level, the submissions (the script's last turn, sent by every user) among them.
    goal('bot p99 at 64 users, submissions included, ms', at64.bot.p99, 300),
    goal('commune index build, ms', results.parsers.communeIndexMs, PARSER_LIMITS.communeIndexMs),
    goal('own parsers, ms per call', results.parsers.ownParserCallMs, PARSER_LIMITS.ownParserCallMs),
  ];
}

export function headline(results: BenchResults, extra: Record<string, unknown>): string {
  const byLevel = Object.fromEntries(
    results.levels.map(({ level, figures }) => [
      `users${level}`,
      {
        botTurnsPerSec: round(figures.bot.turnsPerSecond),
        echoTurnsPerSec: round(figures.echo.turnsPerSecond),
        botP50Ms: round(figures.bot.p50),
        botP99Ms: round(figures.bot.p99),
        botCpuMsPerTurn: round(figures.bot.cpuPerTurnMs),
        echoCpuMsPerTurn: round(figures.echo.cpuPerTurnMs),
        cpuRatio: round(figures.bot.cpuPerTurnMs / figures.echo.cpuPerTurnMs),
        botSubmitP50Ms: round(figures.bot.lastTurnP50),
        botSubmitMaxMs: round(figures.bot.lastTurnMax),
        waterfallTurnsPerSec: round(figures.waterfall.turnsPerSecond),
        waterfallP50Ms: round(figures.waterfall.p50),
        waterfallP99Ms: round(figures.waterfall.p99),
        waterfallCpuMsPerTurn: round(figures.waterfall.cpuPerTurnMs),
        // bot / waterfall reference (`cpuRatio` stays bot / echo), and the reference against the floor.
        cpuRatioWaterfall: round(figures.bot.cpuPerTurnMs / figures.waterfall.cpuPerTurnMs),
        waterfallEchoCpuRatio: round(figures.waterfall.cpuPerTurnMs / figures.echo.cpuPerTurnMs),
      },
    ]),
  );
  const { start } = results;
  return JSON.stringify({
    bench: 'alize',
    ...extra,
    ...byLevel,
    inProgressRss: {
      conversations: results.inProgress.conversations,
      botMb: round(results.inProgress.figures.bot.peakRssMb),
      echoMb: round(results.inProgress.figures.echo.peakRssMb),
    },
    stores: results.stores.map((store) => ({ stored: store.stored, p50Ms: round(store.p50) })),
    readyMs: {
      bot: round(median(start.botReadyMs)),
      echo: round(start.echoReadyMs),
      waterfall: round(start.waterfallReadyMs),
    },
    parsers: Object.fromEntries(Object.entries(results.parsers).map(([name, value]) => [name, round(value)])),
    firstTurn: {
      ms: round(median(start.firstTurns)),
      warmMs: round(start.warm[0]!),
      ratio: round(median(start.firstTurns) / start.warm[0]!),
    },
    goals: Object.fromEntries(
      goalsOf(results).map((goal) => [goal.name, { value: goal.value, limit: goal.limit, met: goal.met }]),
    ),
  });
}
