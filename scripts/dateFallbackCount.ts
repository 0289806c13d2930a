/**
 * How often the date fallback (Microsoft's date-time recognizer behind parseFrenchDate) is reached, and how often it
 * changes what a user sees (issue 19): `node dist/scripts/dateFallbackCount.js`.
 * - every case of the French corpus (`npm run eval:french`'s), read as the bot reads it, with the recognizer and
 *   with the recognizer answering nothing: calls, non-empty answers, and cases whose reading differs;
 * - every string literal of the tests (test/**\/*.ts, whatever it is sent to), through parseFrenchDate with and
 *   without the fallback: the strings only the fallback reads as a date.
 * The recognizer is counted through a stand-in in require's cache, as dialogs/french/recognizers.ts loads it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';

type Suite = Record<PropertyKey, unknown> & { recognizeDateTime: (...args: unknown[]) => unknown[] };

const recognizersFile = new URL('../dialogs/french/recognizers.js', import.meta.url);
const suiteRequire = createRequire(recognizersFile);
const suiteFile = suiteRequire.resolve('@microsoft/recognizers-text-suite');
const real = suiteRequire(suiteFile) as Suite;
const counts = { calls: 0, nonEmpty: 0 };
let silenced = false;
const counting = new Module(suiteFile);
counting.filename = suiteFile;
counting.loaded = true;
counting.exports = {
  ...real,
  recognizeDateTime: (...args: unknown[]) => {
    if (silenced) return [];
    counts.calls += 1;
    const results = real.recognizeDateTime(...args);
    if (results.length > 0) counts.nonEmpty += 1;
    return results;
  },
};
suiteRequire.cache[suiteFile] = counting;

const { CORPUS } = await import('../test/french/corpus/index.js');
const { judge } = await import('../test/french/corpusEval.js');
const { parseFrenchDate } = await import('../dialogs/french/dates.js');

const withFallback = CORPUS.map(judge);
const corpusCounts = { ...counts };
silenced = true;
const without = CORPUS.map(judge);
silenced = false;
const changed = withFallback.filter(
  (result, i) => JSON.stringify(result.reading) !== JSON.stringify(without[i]!.reading),
);
console.log(
  `French corpus: ${CORPUS.length} cases; the fallback was reached ${corpusCounts.calls} times, the ` +
    `recognizer found something ${corpusCounts.nonEmpty} times; readings changed by it: ${changed.length}.`,
);
for (const result of changed) {
  const i = withFallback.indexOf(result);
  console.log(
    `  ${result.testCase.question} ${JSON.stringify(result.testCase.text)} expected ` +
      `${JSON.stringify(result.testCase.expected)}: with ${result.outcome} ` +
      `${JSON.stringify(result.reading)}, without ${without[i]!.outcome} ${JSON.stringify(without[i]!.reading)}`,
  );
}

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return testFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}
// Quoted strings without interpolation; enough to find what tests send (a few non-answers come along).
const LITERAL = /'((?:[^'\\\n]|\\.){1,80})'|"((?:[^"\\\n]|\\.){1,80})"|`([^`$\\\n]{1,80})`/g;
const strings = new Set<string>();
for (const file of testFiles('test')) {
  for (const match of readFileSync(file, 'utf8').matchAll(LITERAL)) {
    const text = match[1] ?? match[2] ?? match[3] ?? '';
    if (/[\p{L}\d]/u.test(text)) strings.add(text);
  }
}
const now = new Date('2026-11-26T10:00:00Z');
counts.calls = 0;
counts.nonEmpty = 0;
const onlyFallback: string[] = [];
for (const text of strings) {
  for (const prefer of ['past', 'future'] as const) {
    const ours = parseFrenchDate(text, { now, prefer, fallback: false });
    if (ours.ok || ours.reason !== 'not_understood') continue;
    const full = parseFrenchDate(text, { now, prefer });
    if (full.ok) onlyFallback.push(`${JSON.stringify(text)} (${prefer}) → ${full.value.iso}`);
  }
}
console.log(
  `\nTest strings: ${strings.size} literals × past/future; the fallback was reached ${counts.calls} times, the ` +
    `recognizer found something ${counts.nonEmpty} times; read as a date only by the fallback: ` +
    `${onlyFallback.length}.`,
);
for (const line of onlyFallback) console.log(`  ${line}`);
