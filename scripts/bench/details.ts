import { firstTurnFigures, median, type BenchResults } from './report.js';
import { round, table } from './stats.js';

/** The memory, store-size and start-up tables. */
export function printDetails(
  results: BenchResults,
  echoStart: { firstUser: number[]; warm: number[] },
): void {
  const { inProgress, stores, start } = results;
  const { bot, echo } = inProgress.figures;
  console.log(
    `\nMemory: ${inProgress.conversations} conversations × ${inProgress.turns} turns, 64 users at a time\n` +
      table([
        ['server', 'turns/s', 'p50 ms', 'p99 ms', 'CPU ms/turn', 'peak RSS MB'],
        ['echo', echo.turnsPerSecond, echo.p50, echo.p99, echo.cpuPerTurnMs, echo.peakRssMb],
        ['bot', bot.turnsPerSecond, bot.p50, bot.p99, bot.cpuPerTurnMs, bot.peakRssMb],
        [
          'bot/echo',
          bot.turnsPerSecond / echo.turnsPerSecond,
          bot.p50 / echo.p50,
          bot.p99 / echo.p99,
          bot.cpuPerTurnMs / echo.cpuPerTurnMs,
          bot.peakRssMb / echo.peakRssMb,
        ],
      ]),
  );
  console.log(
    `\nStore size: bot restarted on a prefilled store, 1 user at a time\n` +
      table([
        ['stored conversations', 'ready ms', 'p50 ms', 'p95 ms'],
        ...stores.map((s) => [String(s.stored), s.readyMs, s.p50, s.p95]),
      ]) +
      `\np50 ratio ${round(stores[1]!.p50 / stores[0]!.p50)}`,
  );
  const first = firstTurnFigures(start);
  const echoFirst = firstTurnFigures({ ...start, firstUser: echoStart.firstUser, warm: echoStart.warm });
  console.log(
    `\nStart: bot ready ${start.botReadyMs.map((ms) => round(ms)).join(' / ')} ms after spawn ` +
      `(first start / restarts; warm-up ${start.warmUpMs ?? '?'} ms), echo ${round(start.echoReadyMs)} ms; ` +
      `first turn after each start ${start.firstTurns.map((ms) => round(ms)).join(' / ')} ms, ` +
      `median ${round(median(start.firstTurns))} ms\n` +
      table([
        [
          '',
          'first turn ms',
          'warm ms',
          'ratio',
          'worst first-time turn',
          'ms',
          'warm ms',
          'ratio',
          'first script ms',
          'warm script ms',
        ],
        ...(
          [
            ['bot', first],
            ['echo', echoFirst],
          ] as const
        ).map(([name, f]) => [
          name,
          f.firstTurnMs,
          f.warmTurnMs,
          f.ratio,
          `#${f.worstTurn}`,
          f.worstTurnMs,
          f.worstTurnWarmMs,
          f.worstRatio,
          f.firstScriptMs,
          f.warmScriptMs,
        ]),
      ]),
  );
}
