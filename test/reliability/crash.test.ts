import { runCrashTest } from '../../scripts/reliability/crashRun.js';

describe('crash safety (npm run test:crash, CI size)', () => {
  test('20 SIGKILLs while 6 conversations apply, then one at each journal fault point: nothing acknowledged is lost, no file lost or doubled', async () => {
    const figures = await runCrashTest({ seed: 20261126, kills: 20, conversations: 6 });
    console.log(
      `crash: ${figures.kills} kills survived (${figures.faultKills} at journal fault points), ` +
        `${figures.filesChecked} files checked, ` +
        `${figures.conversations} conversations, ${figures.answersVerified} answers verified, ` +
        `${figures.submitted} files, ${figures.lostTurns} turns cut by a kill, ` +
        `${figures.documentsAcknowledged} documents (${figures.uploadsCut} uploads cut), ${figures.seconds} s`,
    );
    expect(figures.failures).toEqual([]);
    // The 20 random kills, then for each of the journal's two fault points a kill before it and the one at it.
    expect(figures.kills).toBe(24);
    expect(figures.faultKills).toBe(2);
    expect(figures.conversations).toBeGreaterThanOrEqual(6);
    expect(figures.submitted).toBe(figures.conversations);
    // Kills really cut turns, and the checks really looked at something.
    expect(figures.lostTurns).toBeGreaterThanOrEqual(20);
    expect(figures.filesChecked).toBeGreaterThan(20 * 6);
    expect(figures.answersVerified).toBeGreaterThan(figures.conversations * 30);
    // Web visitors sent documents meanwhile: those acknowledged were found whole after every kill.
    expect(figures.documentsAcknowledged).toBeGreaterThan(0);
  }, 240_000);
});
