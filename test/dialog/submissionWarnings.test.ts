import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { ELIGIBLE_COMPANY_FILE, fillApplication, questionAsked, withAnswers } from '../support/answerBook.js';
import { createTestBot, fr } from '../support/botHarness.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';

const SUBMIT = { type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } };
const correct = (key: string) =>
  fr.t('applicationFlow:ineligible.correct', { label: fr.t(`application:label.${key}`) });
const MISMATCH = withAnswers(ELIGIBLE_COMPANY_FILE, {
  'project.otherFinancing': 'prêt bancaire du Crédit Agricole de 150 000 €',
  'project.otherFinancingAmount': '150 000 €',
});

async function atRecap(book = MISMATCH) {
  const bot = createTestBot(new MemoryStorage());
  const driver = new ConversationDriver(bot.adapter);
  await fillApplication((text) => driver.say(text), await driver.say(fr.t('common:menu.apply')), { book });
  return { ...bot, driver };
}

describe('a cost that does not add up, before sending (issue 15)', () => {
  test('the owner is warned with the figures and corrects the cost straight away; nothing is flagged', async () => {
    const { driver, queue } = await atRecap();
    const warned = await driver.read(SUBMIT);
    expect(warned).toContain(
      fr.t('applicationFlow:warning.costMismatch', {
        investment: 250_000,
        amount: 30_000,
        other: 150_000,
        total: 180_000,
        gap: 70_000,
      }),
    );
    expect(await queue.list()).toEqual([]);
    const asked = await driver.say(correct('project.investment'));
    expect(questionAsked(asked)?.questionId).toBe('project.investment');
    const recap = await driver.read('180 000 €');
    expect(recap).toContain(fr.t('applicationFlow:recap.submit'));
    expect(await driver.read(SUBMIT)).toContain(
      fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }),
    );
    const [file] = await queue.list();
    expect(file.data['project.investment']).toBe(180_000);
    expect(file.checks).toBeUndefined();
  });

  test('"Envoyer quand même" sends it with the figures for the committee; the warning is not shown twice', async () => {
    const { driver, queue } = await atRecap();
    await driver.say(SUBMIT);
    const sent = await driver.read(fr.t('applicationFlow:warning.send'));
    expect(sent).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
    expect(sent).not.toContain(fr.t('applicationFlow:warning.choose'));
    const [file] = await queue.list();
    expect(file.checks).toEqual({
      costMismatch: { investment: 250_000, amountRequested: 30_000, otherFinancing: 150_000 },
    });
  });

  test('the owner’s own earlier file of the same SIRET is named', async () => {
    const { driver, queue } = await atRecap(ELIGIBLE_COMPANY_FILE);
    await driver.say(SUBMIT);
    // A second project of the same company (the same file sent again would be a retry, not a duplicate).
    const book = withAnswers(ELIGIBLE_COMPANY_FILE, { 'project.startDate': 'fin juin 2027' });
    await fillApplication((text) => driver.say(text), await driver.say(fr.t('common:menu.apply')), { book });
    const warned = readable(await driver.say(SUBMIT));
    expect(warned).toContain(fr.t('applicationFlow:warning.duplicateOwn', { references: 'ALZ-2026-0001' }));
    expect(await queue.list()).toHaveLength(1);
  });
});
