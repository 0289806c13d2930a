import { spawnSync } from 'node:child_process';
import { displayUserId } from '../../storage/displayUserId.js';
import { fileURLToPath } from 'node:url';
import { EXPECTED_FILE, SUBMIT, walkApplication, walkEligibility } from '../support/applicationWalk.js';
import { ELIGIBLE_COMPANY, answerAll, questionAsked, withAnswers } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, texts } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

const CLI = fileURLToPath(new URL('../../committee/committeeCli.js', import.meta.url));

/** What the committee's tool prints, as the committee runs it. */
function committeeListJson(dataDir: string): Record<string, unknown>[] {
  const result = spawnSync(process.execPath, [CLI, 'list', '--json'], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>[];
}

describe('a full application over HTTP', () => {
  const server = serverForSuite();

  test('an eligible SME completes its file with a few typos, and the committee sees every value right', async () => {
    const owner = new HttpConversation(server.url);
    expect(await walkEligibility(owner)).toContain(fr.t('eligibility:verdict.OK'));
    // Wrong SIRET, negative and out-of-bounds amounts, e-mail without domain, foreign phone: each re-asked.
    const recap = await walkApplication(owner);
    expect(recap[0].attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');

    // A double click: two submits of the same card at once make one file.
    const [first, second] = await Promise.all([owner.post(SUBMIT), owner.post(SUBMIT)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const confirmations = [...texts(first.replies), ...texts(second.replies)].join('\n');
    expect(confirmations).toContain('ALZ-2026-0001');
    expect(confirmations).not.toContain('ALZ-2026-0002');

    const files = committeeListJson(server.dataDir);
    expect(files).toEqual([
      expect.objectContaining({
        reference: 'ALZ-2026-0001',
        userId: displayUserId(owner.userId),
        ...EXPECTED_FILE,
      }),
    ]);
  });

  test('a draft survives a restart of the server and resumes in a new conversation', async () => {
    const owner = new HttpConversation(server.url);
    const book = withAnswers(ELIGIBLE_COMPANY, { 'company.name': 'Cévennes Plasturgie' });
    const first = await owner.say(fr.t('common:menu.apply'));
    const { replies } = await answerAll((text) => owner.say(text), first, book, {
      until: (asked) => asked.questionId === 'company.legalForm',
    });
    expect(questionAsked(replies)?.questionId).toBe('company.legalForm');
    await server.restart();
    const later = new HttpConversation(server.url, owner.userId);
    const greeting = texts(await later.say('bonjour')).join('\n');
    expect(greeting).toContain(fr.t('applicationFlow:draft.reminder'));
    const resumed = await later.say(fr.t('common:menu.resume'));
    expect(texts(resumed).join('\n')).toContain(fr.t('application:question.company.legalForm'));
    expect(questionAsked(resumed)?.questionId).toBe('company.legalForm');
  });
});
