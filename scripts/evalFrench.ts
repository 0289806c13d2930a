import { CORPUS } from '../test/french/corpus/index.js';
import { figures, isTrap, judge, type KindFigures } from '../test/french/corpusEval.js';

/**
 * `npm run eval:french`: every case of the corpus through the bot's answer-reading path, and per field kind
 * how many clear answers were stored right, confirmed, asked again or stored wrong, and how many traps were
 * caught. `--details` lists the cases that were not stored right.
 */
const results = CORPUS.map(judge);
const rows = figures(results);
const pad = (value: string | number, width: number) => String(value).padStart(width);
const percent = (part: number, whole: number) =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`;

function line(row: KindFigures) {
  const { clear, traps } = row;
  const total = clear.storedRight + clear.confirmed + clear.askedAgain + clear.storedWrong;
  return [
    row.kind.padEnd(10),
    pad(total, 6),
    pad(clear.storedRight, 13),
    pad(clear.confirmed, 10),
    pad(clear.askedAgain, 12),
    pad(clear.storedWrong, 13),
    pad(traps.caught + traps.stored, 6),
    pad(traps.caught, 7),
    pad(traps.stored, 7),
  ].join(' ');
}

const header = ['kind'.padEnd(10), pad('clear', 6), pad('stored right', 13), pad('confirmed', 10)]
  .concat([
    pad('asked again', 12),
    pad('stored wrong', 13),
    pad('traps', 6),
    pad('caught', 7),
    pad('stored', 7),
  ])
  .join(' ');
console.log(header);
for (const row of rows) console.log(line(row));
const total = rows.reduce(
  (sum, row) => {
    for (const key of Object.keys(sum.clear) as (keyof KindFigures['clear'])[])
      sum.clear[key] += row.clear[key];
    sum.traps.caught += row.traps.caught;
    sum.traps.stored += row.traps.stored;
    return sum;
  },
  {
    kind: 'total',
    clear: { storedRight: 0, confirmed: 0, askedAgain: 0, storedWrong: 0 },
    traps: { caught: 0, stored: 0 },
  },
);
console.log(line(total));
const clearCount = results.filter((r) => !isTrap(r.testCase)).length;
const wrong = results.filter((r) => r.outcome === 'storedWrong').length;
console.log(
  `\n${results.length} cases: ${clearCount} clear, ${results.length - clearCount} traps. ` +
    `Clear stored right without confirmation: ${percent(total.clear.storedRight, clearCount)}. ` +
    `Stored wrong (clear or trap): ${wrong} (${percent(wrong, results.length)}).`,
);
if (process.argv.includes('--details')) {
  console.log('');
  for (const result of results.filter((r) => r.outcome !== 'storedRight')) {
    const { question, text, expected } = result.testCase;
    const trap = isTrap(result.testCase) ? 'trap' : 'clear';
    if (trap === 'trap' && result.outcome !== 'storedWrong') continue;
    console.log(
      `${result.outcome.padEnd(11)} ${question.padEnd(28)} ${JSON.stringify(text)} expected ${JSON.stringify(expected)} got ${JSON.stringify(result.reading)}`,
    );
  }
}
