import { ActivityTypes, type Activity } from 'botbuilder';
import {
  ELIGIBLE_COMPANY_CHECK,
  ONE_FACT_PER_ANSWER,
  answerAll,
  fillApplication,
  questionAsked,
} from '../support/answerBook.js';
import { createTestBot, fr, settings } from '../support/botHarness.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';

const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };
const asked = (replies: Partial<Activity>[]) => questionAsked(replies)?.questionId;
const bounds = { min: settings.advance.min, max: settings.advance.max };

async function started() {
  const bot = createTestBot();
  const driver = new ConversationDriver(bot.adapter);
  await driver.say(welcome);
  return { ...bot, driver, say: (text: string) => driver.say(text) };
}

describe('the owners’ own questions', () => {
  test.each([
    ["c'est quoi le de minimis ?", () => fr.t('talk:faq.deMinimis', { ceiling: 300000, years: 3 })],
    ["c'est quoi une procédure collective ?", () => fr.t('talk:faq.proceedings')],
    ['combien je peux demander ?', () => fr.t('talk:faq.amount', bounds)],
    ['qui décide ?', () => fr.t('talk:faq.decider')],
    ["c'est un prêt ou une subvention ?", () => fr.t('talk:faq.loanOrGrant')],
    // TEST_NOW is 26 November 2026: the fixture's next committee meets on 11 February 2027.
    ['quand est le prochain comité ?', () => fr.t('talk:faq.committeeNext', { date: '2027-02-11' })],
  ])('at a question, "%s" is answered, then the question is asked again', async (question, answer) => {
    const { say } = await started();
    const { replies } = await answerAll(
      say,
      await say(fr.t('common:menu.eligibility')),
      ELIGIBLE_COMPANY_CHECK,
      {
        until: (q) => q.questionId === 'declarations',
      },
    );
    // At the attestation, which names the de minimis aid and the collective proceedings.
    expect(asked(replies)).toBe('declarations');
    const turn = await say(question);
    expect(readable(turn)).toContain(answer());
    expect(asked(turn)).toBe('declarations');
    // The question was not answered by the question ("de minimis" named is no "not true"): its answer is taken.
    expect(asked(await say('oui'))).not.toBe('declarations');
  });

  test('the figures come from the programme settings, formatted the French way', () => {
    expect(fr.t('talk:faq.amount', bounds)).toContain('5\u202f000\u00a0€');
    expect(fr.t('talk:faq.amount', bounds)).toContain('50\u202f000\u00a0€');
    expect(fr.t('talk:faq.committeeNext', { date: '2027-02-11' })).toContain('11 février 2027');
  });

  test('at the menu, an owner’s question is answered and the menu is shown again', async () => {
    const { say } = await started();
    const turn = await say('combien je peux demander ?');
    expect(readable(turn)).toContain(fr.t('talk:faq.amount', bounds));
    expect(turn.at(-1)?.text).toBe(fr.t('common:menu.prompt'));
  });

  test('as the very first message, an owner’s question is answered after the welcome', async () => {
    const driver = new ConversationDriver(createTestBot().adapter);
    const text = await driver.read("c'est quoi une procédure collective ?");
    expect(text).toContain(fr.t('talk:faq.proceedings'));
    expect(text).toContain(fr.t('common:menu.prompt'));
  });

  test('"combien je peux demander ?" at the amount question of the application: the bounds, then the amount', async () => {
    const { say } = await started();
    const { replies } = await fillApplication(say, await say(fr.t('common:menu.apply')), {
      stopAt: 'project.amountRequested',
      book: ONE_FACT_PER_ANSWER,
    });
    expect(asked(replies)).toBe('project.amountRequested');
    const turn = await say('combien je peux demander ?');
    expect(readable(turn)).toContain(fr.t('talk:faq.amount', bounds));
    expect(asked(turn)).toBe('project.amountRequested');
  });

  test('an OK verdict says what the company could ask for: the advance’s bounds, advice days, mentoring', async () => {
    const { say } = await started();
    const { replies } = await answerAll(
      say,
      await say(fr.t('common:menu.eligibility')),
      ELIGIBLE_COMPANY_CHECK,
    );
    const verdict = readable(replies);
    expect(verdict).toContain(fr.t('eligibility:verdict.OK'));
    expect(verdict).toContain(fr.t('talk:verdictOffer', { ...bounds, months: settings.mentoring.maxMonths }));
    expect(verdict).toContain('18 mois');
  });
});
