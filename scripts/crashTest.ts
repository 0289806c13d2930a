import { runCrashTest } from './reliability/crashRun.js';
import { numberOption } from './reliability/seededRandom.js';

/**
 * `npm run test:crash [-- --seed 7 --kills 50 --conversations 12 --prewarm 0 --uploaders 2]`: kills the real
 * server with SIGKILL at random moments while conversations apply and web visitors send documents (mid-upload
 * too), then once at each journal fault point (a batch written but not synced, a compaction half done), restarts it, and checks that nothing acknowledged was lost, no file duplicated or mixed, every data file
 * readable, every listed document whole. Prints the figures; exits 1 on any failure.
 */
const argv = process.argv.slice(2);
const figures = await runCrashTest({
  seed: numberOption(argv, 'seed', 20261126),
  kills: numberOption(argv, 'kills', 30),
  conversations: numberOption(argv, 'conversations', 8),
  prewarm: numberOption(argv, 'prewarm', 2),
  uploaders: numberOption(argv, 'uploaders', 2),
  keepDataDir: argv.includes('--keep'),
  log: (line) => console.log(line),
});
const { failures, ...shown } = figures;
console.log(JSON.stringify({ ...shown, failures: failures.length }, null, 2));
for (const failure of failures.slice(0, 50)) console.error(`FAILED: ${failure}`);
console.log(
  failures.length === 0
    ? `crash test passed: ${figures.kills} kills survived, ${figures.filesChecked} files checked, ` +
        `${figures.faultKills} of them at the journal's fault points, ` +
        `${figures.conversations} conversations, ${figures.answersVerified} answers verified, ` +
        `${figures.submitted} files submitted, ${figures.documentsAcknowledged} documents acknowledged ` +
        `(${figures.uploadsCut} uploads cut by a kill)`
    : `crash test FAILED (${failures.length} problems); data kept in ${figures.dataDir}`,
);
process.exit(failures.length === 0 ? 0 : 1);
