import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { ELIGIBLE_COMPANY, answerAll, questionAsked, withAnswers } from '../support/answerBook.js';
import { TEST_NOW, createTestBot, fr } from '../support/botHarness.js';
import { withCompanyAge } from '../support/companyAgeRule.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';

/** The bot built with an extra rule composed into its rule set: nothing else told about it. */
async function checkWithCompanyAge(creationDate: string) {
  const bot = createTestBot(new MemoryStorage(), 'emulator', TEST_NOW, {
    eligibilityRules: withCompanyAge(),
  });
  const driver = new ConversationDriver(bot.adapter);
  const say = (text: string) => driver.say(text);
  const asked: { id: string; progress: string }[] = [];
  let replies = await say(fr.t('common:menu.eligibility'));
  const book = withAnswers(ELIGIBLE_COMPANY, { creationDate });
  for (let question = questionAsked(replies); question; question = questionAsked(replies)) {
    if (!question.pending) asked.push({ id: question.questionId, progress: readable(replies) });
    const answer = question.pending ? 'oui' : book[question.questionId];
    replies = await say(answer!);
  }
  return { bot, driver, asked, verdict: readable(replies), book };
}

describe('a rule composed into the bot', () => {
  test('its question is asked after the size and counted; it decides the verdict; the file is prefilled', async () => {
    const { driver, asked, verdict, book, bot } = await checkWithCompanyAge('12/03/2026');
    const ids = asked.map((question) => question.id);
    expect(ids.slice(0, 4)).toEqual(['commune', 'headcount', 'turnover', 'creationDate']);
    const total = ids.length;
    // The programme's six questions, its four declarations as one attestation, and the composed question.
    expect(total).toBe(8);
    expect(asked[3].progress).toContain(fr.t('questionnaire:progress', { index: 4, total }));
    expect(asked[3].progress).toContain(fr.t('eligibility:question.creationDate'));
    expect(verdict).toContain(fr.t('eligibility:verdict.REVIEW'));
    expect(verdict).toContain(fr.t('eligibility:reason.companyAge.young'));

    const start = await driver.say(fr.t('eligibility:next.apply'));
    const file = await answerAll((text) => driver.say(text), start, book);
    expect(file.asked).not.toContain('company.creationDate');
    await driver.say({ type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } });
    const [stored] = await bot.queue.list();
    expect(stored.data['company.creationDate']).toBe('2026-03-12');
  });

  test('a company created years ago passes the same rule', async () => {
    const { verdict } = await checkWithCompanyAge('12/03/2015');
    expect(verdict).toContain(fr.t('eligibility:verdict.OK'));
  });
});
