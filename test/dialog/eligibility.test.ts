import { ActivityTypes, type Activity } from 'botbuilder';
import { ELIGIBILITY } from '../../dialogs/domain/eligibilityRuleSet.js';
import { COMPLIANT_DECLARATIONS, DECLARATIONS_KEY } from '../../dialogs/domain/declarations.js';
import {
  ELIGIBLE_COMPANY_CHECK,
  answerAll,
  answerFor,
  questionAsked,
  withAnswers,
} from '../support/answerBook.js';
import { TEST_NOW, createTestBot, fr, settings, WELCOME_KEY } from '../support/botHarness.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';

const q = (key: string, params?: Record<string, unknown>) => fr.t(`eligibility:question.${key}`, params);
const reason = (key: string, params?: Record<string, unknown>) => fr.t(`eligibility:reason.${key}`, params);

async function startCheck(now = TEST_NOW) {
  const { adapter, storage } = createTestBot(undefined, 'emulator', now);
  const driver = new ConversationDriver(adapter);
  await driver.say({
    type: ActivityTypes.ConversationUpdate,
    membersAdded: [{ id: 'owner', name: 'Claire' }],
  });
  const firstReplies = await driver.say(fr.t('common:menu.eligibility'));
  return { driver, first: readable(firstReplies), firstReplies, storage };
}

const DECLARED = Object.keys(COMPLIANT_DECLARATIONS);
/**
 * The questions a typical SME answers, in the rules' order: all but the balance sheet (its turnover settles its
 * size), the four declarations being one attestation, asked last.
 */
const TYPICAL_QUESTIONS = [
  ...ELIGIBILITY.questions
    .map((question) => question.key)
    .filter((key) => key !== 'balanceSheet' && !DECLARED.includes(key)),
  DECLARATIONS_KEY,
];
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** Answers every question from the book; returns the verdict's replies and the questions asked. */
async function answerCheck(
  driver: ConversationDriver,
  first: Partial<Activity>[],
  book = ELIGIBLE_COMPANY_CHECK,
) {
  return answerAll((text) => driver.say(text), first, book);
}

describe('the eligibility check', () => {
  test('an SME of 12 people in Alès doing machining is éligible, each question counted in "Question n sur N"', async () => {
    const { driver, firstReplies } = await startCheck();
    const first = readable(firstReplies);
    expect(first).toContain(fr.t('eligibility:intro'));
    const total = TYPICAL_QUESTIONS.length;

    const asked: string[] = [];
    let replies = firstReplies;
    for (let index = 1; index <= total; index++) {
      const question = questionAsked(replies)!;
      expect(question).toEqual({ questionId: TYPICAL_QUESTIONS[index - 1] });
      const prompt = readable(replies);
      expect(prompt).toContain(fr.t('questionnaire:progress', { index, total }));
      const params = { months: settings.jobs.horizonMonths, years: settings.deMinimis.periodYears };
      if (question.questionId === DECLARATIONS_KEY) {
        for (const key of DECLARED) expect(prompt).toContain(fr.t(`eligibility:declaration.${key}`, params));
      } else expect(prompt).toContain(q(question.questionId, params));
      asked.push(question.questionId);
      replies = await driver.say(answerFor(ELIGIBLE_COMPANY_CHECK, question));
    }
    expect(asked).toEqual(TYPICAL_QUESTIONS);
    expect(questionAsked(replies)).toBeUndefined();
    const text = readable(replies);
    expect(text).toContain(fr.t('eligibility:verdict.OK'));
    expect(text).toContain(fr.t('eligibility:call.open', { closesOn: '2026-12-21' }));
    expect(text).toContain(longDate('2026-12-21'));
    expect(buttonsOf(replies)).toEqual([
      fr.t('eligibility:next.apply'),
      fr.t('eligibility:next.advisor'),
      fr.t('eligibility:next.menu'),
    ]);
  });

  test('a 400-person company in Montpellier is non éligible, with both reasons and other help', async () => {
    const { driver } = await startCheck();
    expect(await driver.read('Montpellier')).toContain(q('headcount'));
    const verdict = await driver.read('400');
    expect(verdict).toContain(fr.t('eligibility:verdict.NO'));
    expect(verdict).toContain(
      reason('territory.outside', { commune: 'Montpellier', territory: settings.territory.name }),
    );
    expect(verdict).toContain(reason('headcount.tooMany', { headcount: 400, limit: 250 }));
    expect(verdict).toContain(fr.t('eligibility:verdict.humanReview'));
    expect(settings.otherHelp.length).toBeGreaterThan(1);
    for (const help of settings.otherHelp) expect(verdict).toContain(help.name);
  });

  test('an owner who does not know whether a group owns the company is sent to an advisor', async () => {
    const { driver, firstReplies } = await startCheck();
    const unsure = withAnswers(ELIGIBLE_COMPANY_CHECK, { independent: 'je ne sais pas' });
    const { replies, asked } = await answerCheck(driver, firstReplies, unsure);
    expect(asked).toContain('independent');
    const verdict = readable(replies);
    expect(verdict).toContain(fr.t('eligibility:verdict.REVIEW'));
    expect(verdict).toContain(reason('independence.unknown'));
    expect(verdict).not.toContain(fr.t('eligibility:verdict.NO'));
  });

  test('"retour" goes back one question, and the answer can be changed', async () => {
    const { driver } = await startCheck();
    await driver.say('Alès');
    expect(await driver.read('retour')).toContain(q('commune'));
    expect(await driver.read('La Grand-Combe')).toContain(q('headcount'));
    expect(await driver.read('retour')).toContain(q('commune'));
  });

  test('"retour" at the first question says there is none before', async () => {
    const { driver } = await startCheck();
    const reply = await driver.read('retour');
    expect(reply).toContain(fr.t('questionnaire:noPrevious'));
    expect(reply).toContain(q('commune'));
  });

  test('"je ne sais pas" is an answer, not a loop', async () => {
    const { driver } = await startCheck();
    await driver.say('Alès');
    expect(await driver.read('je ne sais pas')).toContain(q('turnover'));
    expect(await driver.read('aucune idée')).toContain(q('balanceSheet'));
  });

  test('an approximate amount is confirmed before it is kept', async () => {
    const { driver } = await startCheck();
    await driver.say('Alès');
    await driver.say('12');
    const confirm = await driver.say('environ 1,2 M€');
    expect(readable(confirm)).toBe(
      fr.t('questionnaire:confirm', { value: fr.t('eligibility:display.amount', { amount: 1_200_000 }) }),
    );
    // French amounts: "1 200 000 €", with the spaces French typography uses.
    const euros = new Intl.NumberFormat('fr-FR', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    });
    expect(readable(confirm).replace(/\s/g, ' ')).toContain(euros.format(1_200_000).replace(/\s/g, ' '));
    expect(buttonsOf(confirm)).toEqual([fr.t('questionnaire:yes'), fr.t('questionnaire:no')]);
    // Kept: the check moves on to the next question the rules need.
    const next = questionAsked(await driver.say('oui'));
    expect(next?.pending).toBeUndefined();
    expect(next?.questionId).not.toBe('turnover');
  });

  test('an answer not understood is re-asked with the reason and an example; three failures offer an advisor', async () => {
    const { driver } = await startCheck();
    await driver.say('Alès');
    const first = await driver.read('beaucoup de monde');
    expect(first).toContain(fr.t('eligibility:example.headcount'));
    expect(first).toContain(q('headcount'));
    await driver.say('pas mal');
    const third = await driver.say('bof');
    expect(readable(third)).toContain(fr.t('questionnaire:offerAdvisor'));
    expect(buttonsOf(third)).toContain(fr.t('common:menu.advisor'));
    // The user can still answer after the offer.
    expect(await driver.read('12')).toContain(q('turnover'));
  });

  test('a postal code shared by several communes asks which one', async () => {
    const { driver } = await startCheck();
    const choose = await driver.say('30340');
    expect(readable(choose)).toContain(fr.t('questionnaire:chooseOne'));
    const options = buttonsOf(choose);
    expect(options.length).toBeGreaterThan(1);
    const salindres = options.find((o) => o.startsWith('Salindres')) as string;
    expect(salindres).toBeDefined();
    expect(await driver.read(salindres)).toContain(q('headcount'));
  });

  test('"recommencer" restarts the check from its first question, once confirmed', async () => {
    const { driver } = await startCheck();
    await driver.say('Alès');
    await driver.say('12');
    expect(await driver.read('recommencer')).toContain(fr.t('common:confirm.restart', { count: 2 }));
    const reply = await driver.read(fr.t('common:confirm.restartYes', { count: 2 }));
    expect(reply).toContain(fr.t('common:restarted'));
    expect(reply).toContain(fr.t('eligibility:intro'));
    expect(reply).toContain(q('commune'));
  });

  test('leaving for the menu keeps the answers; the check resumes where it stopped', async () => {
    const { driver } = await startCheck();
    await driver.say('Alès');
    await driver.say('12');
    await driver.say('menu');
    const reply = await driver.read('Vérifier mon éligibilité');
    expect(reply).toContain(fr.t('eligibility:resumed'));
    expect(reply).toContain(q('turnover'));
  });

  test('outside the call window the check still works and says when the next call opens', async () => {
    const { driver, firstReplies } = await startCheck(new Date('2027-01-15T10:00:00+01:00'));
    const verdict = readable((await answerCheck(driver, firstReplies)).replies);
    expect(verdict).toContain(fr.t('eligibility:verdict.OK'));
    expect(verdict).toContain(
      fr.t('eligibility:call.afterNext', { closedOn: '2026-12-21', nextOpensOn: '2027-03-01' }),
    );
  });

  test('typing "suis-je éligible ?" starts the check', async () => {
    const { adapter } = createTestBot();
    const driver = new ConversationDriver(adapter);
    const reply = await driver.read('suis-je éligible ?');
    expect(reply).toContain(fr.t(WELCOME_KEY));
    expect(reply).toContain(q('commune'));
  });
});
