import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { ELIGIBLE_COMPANY_EN, answerAll } from '../support/answerBook.js';
import { createTestBot, en, fr } from '../support/botHarness.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';

const english = (activity: Partial<Activity>): Partial<Activity> => ({ ...activity, locale: 'en-US' });

describe('an English-speaking owner, from the eligibility check to the committee', () => {
  test('is asked in English, understood in English, and the committee gets the same file', async () => {
    const bot = createTestBot(new MemoryStorage());
    const driver = new ConversationDriver(bot.adapter);
    const say = (text: string) => driver.say(english({ type: ActivityTypes.Message, text }));
    const first = await say(en.t('common:menu.eligibility'));
    expect(readable(first)).toContain(en.t('eligibility:question.commune'));

    const check = await answerAll(say, first, ELIGIBLE_COMPANY_EN, { locale: 'en' });
    const verdict = readable(check.replies);
    expect(verdict).toContain(en.t('eligibility:verdict.OK'));
    expect(verdict).not.toContain(fr.t('eligibility:verdict.OK'));

    const start = await say(en.t('eligibility:next.apply'));
    expect(readable(start)).toContain(en.t('application:question.company.name'));
    const file = await answerAll(say, start, ELIGIBLE_COMPANY_EN, { locale: 'en' });
    expect(file.asked).not.toContain('company.headcount');
    const recap = readable(file.replies);
    expect(recap).toContain(en.t('applicationFlow:recap.submit'));
    expect(recap).not.toContain(fr.t('applicationFlow:recap.submit'));

    const done = readable(
      await driver.say(
        english({ type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } }),
      ),
    );
    expect(done).toContain(en.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
    const [stored] = await bot.queue.list();
    expect(stored.data).toMatchObject({
      'company.siret': '73282932000074',
      'company.headcount': 12,
      'company.turnover': 1_200_000,
      'company.creationDate': '2015-03-12',
      'project.investment': 250_000,
      'project.amountRequested': 30_000,
      'project.aidTypes': ['financial', 'advice'],
      'project.startDate': '2027-03-31',
      'contact.phone': '+33612345678',
    });
  });
});
