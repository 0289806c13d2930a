/**
 * In-process speed of what the bot runs on every answer, measured in a fresh Node process so that "cold" means
 * cold: the commune index build, the warm-up of our own French parsers, then their cost per call. These figures were unit-test bounds once; they are measurements, not
 * behaviour, so they live here. `npm run bench` runs this file as a child process and prints its section;
 * alone: `node dist/scripts/bench/parserSpeed.js` prints the same section and a JSON line.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadCommuneIndex } from '../../dialogs/domain/communes.js';
import {
  parseAmountEuros,
  parseEmail,
  parseFrenchDate,
  parseFrenchNumber,
  parseFrenchPhone,
  parseSiret,
  parseYesNo,
  warmUpParsers,
} from '../../dialogs/french/index.js';
import { round, table } from './stats.js';

export interface ParserFigures {
  communes: number;
  communeIndexMs: number;
  /** Mean cost of one call of our own parsers, typical inputs, once their regular expressions are compiled. */
  ownParserCallMs: number;
  /** What the server runs before it says ready (their regular expressions compiled on first use). */
  parserWarmUpMs: number;
}

const now = new Date('2026-03-10T10:00:00Z');
const OWN_PARSER_CALLS: Array<() => unknown> = [
  () => parseFrenchNumber('1 234 567,5'),
  () => parseFrenchNumber('quatre-vingt-dix-neuf'),
  () => parseFrenchNumber('nous sommes environ douze'),
  () => parseAmountEuros('1,5 millions d’euros'),
  () => parseAmountEuros('250 000 €'),
  () => parseFrenchDate('le 15 janvier 2027', { now }),
  () => parseFrenchDate('fin mars', { now }),
  () => parseFrenchDate('dans trois mois', { now }),
  () => parseEmail('mon mail : jean.dupont@exemple.fr'),
  () => parseFrenchPhone('+33 (0)6 12 34 56 78'),
  () => parseSiret('732 829 320 00074'),
  () => parseYesNo("non, pas d'accord"),
];

function ownParserCallMs(rounds = 200): number {
  for (const call of OWN_PARSER_CALLS) call(); // first use compiles the regular expressions
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) for (const call of OWN_PARSER_CALLS) call();
  return (performance.now() - started) / (rounds * OWN_PARSER_CALLS.length);
}

/** Run in this process: call it in a fresh one (see `parserFiguresInChild`). */
export function measureParsers(): ParserFigures {
  const index = loadCommuneIndex();
  const warmUp = warmUpParsers();
  return {
    communes: index.communes,
    communeIndexMs: index.buildMs,
    ownParserCallMs: ownParserCallMs(),
    parserWarmUpMs: warmUp.ms,
  };
}

/** The former unit-test bounds, kept as the bench's goals for this section. */
export const PARSER_LIMITS = {
  communeIndexMs: 3_000,
  ownParserCallMs: 0.5,
} as const;

export function parserTable(figures: ParserFigures): string {
  return table([
    ['measure', 'value', 'limit'],
    [
      `commune index build (${figures.communes} communes), ms`,
      figures.communeIndexMs,
      PARSER_LIMITS.communeIndexMs,
    ],
    [
      'own parsers, ms per call (12 typical inputs × 200)',
      figures.ownParserCallMs,
      PARSER_LIMITS.ownParserCallMs,
    ],
    ['own parsers warm-up (first calls), ms', figures.parserWarmUpMs, ''],
  ]);
}

const SELF = fileURLToPath(import.meta.url);

/** Spawns this file in a fresh Node process and reads its JSON line. */
export async function parserFiguresInChild(nodeArgs: string[] = []): Promise<ParserFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, [...nodeArgs, SELF, '--json'], {
    maxBuffer: 1 << 20,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as ParserFigures;
}

if (process.argv[1] === SELF) {
  const figures = measureParsers();
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  else {
    console.log(`Parsers, in a fresh process (Node ${process.version})\n${parserTable(figures)}`);
    console.log(
      JSON.stringify({
        bench: 'alize-parsers',
        ...Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, round(value)])),
      }),
    );
  }
}
