import { runFuzz } from './reliability/fuzzRun.js';
import { numberOption } from './reliability/seededRandom.js';

/**
 * `npm run test:fuzz [-- --seed 42 --count 20000 --concurrency 4]`: hostile requests on every route of the real server.
 * Prints the figures (inputs tried, by status class, 5xx seen); exits 1 on any 5xx, crash or broken promise.
 */
const argv = process.argv.slice(2);
const figures = await runFuzz({
  seed: numberOption(argv, 'seed', 20261126),
  count: numberOption(argv, 'count', 2000),
  concurrency: numberOption(argv, 'concurrency', 1),
  log: (line) => console.log(line),
});
const { failures, ...shown } = figures;
console.log(JSON.stringify({ ...shown, failures: failures.length }, null, 2));
for (const failure of failures.slice(0, 50)) console.error(`FAILED: ${failure}`);
console.log(
  failures.length === 0
    ? `fuzz passed: ${figures.inputsTried} inputs tried, 5xx seen = ${figures.fiveHundredsSeen}`
    : `fuzz FAILED (${failures.length} problems, 5xx seen = ${figures.fiveHundredsSeen})`,
);
process.exit(failures.length === 0 ? 0 : 1);
