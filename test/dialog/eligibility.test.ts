import { ActivityTypes } from 'botbuilder';
import { TEST_NOW, createTestBot, fr } from '../support/botHarness.js';
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
  const first = await driver.read('Vérifier mon éligibilité');
  return { driver, first, storage };
}

describe('the eligibility check', () => {
  test('an SME of 12 people in Alès doing machining is éligible, in 10 questions', async () => {
    const { driver, first } = await startCheck();
    expect(first).toContain(fr.t('eligibility:intro'));
    expect(first).toContain(fr.t('questionnaire:progress', { index: 1, total: 10 }));
    expect(first).toContain(q('commune'));

    const answers: [string, string][] = [
      ['à Alès', q('headcount')],
      ['nous sommes douze', q('turnover')],
      ['1 200 000 €', q('sector')],
      ['25.62B', q('jobs', { months: 24 })],
      ['3', q('proceedings')],
      ['Aucune', q('deMinimis', { years: 3 })],
      ['aucune', q('independent')],
      ['Non', q('projectType')],
      ['Développement', q('goodStanding')],
    ];
    let index = 1;
    for (const [answer, nextQuestion] of answers) {
      index += 1;
      const reply = await driver.read(answer);
      expect(reply).toContain(nextQuestion);
      expect(reply).toContain(fr.t('questionnaire:progress', { index, total: 10 }));
    }
    expect(index).toBe(10);
    const verdict = await driver.say('Oui, à jour');
    const text = readable(verdict);
    expect(text).toContain(fr.t('eligibility:verdict.OK'));
    expect(text).toContain(fr.t('eligibility:call.open', { closesOn: '2026-12-21' }));
    expect(text).toContain('21 décembre 2026');
    expect(buttonsOf(verdict)).toEqual([
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
      reason('territory.outside', { commune: 'Montpellier', territory: 'Alès Agglomération' }),
    );
    expect(verdict).toContain(reason('headcount.tooMany', { headcount: 400, limit: 250 }));
    expect(verdict).toContain(fr.t('eligibility:verdict.humanReview'));
    expect(verdict).toContain('Initiative Gard');
    expect(verdict).toContain('Bpifrance');
  });

  test('an owner who does not know whether a group owns the company is sent to an advisor', async () => {
    const { driver } = await startCheck();
    for (const answer of ['Alès', '12', '1,2 M€', '2562B', 'trois', 'aucune', '0']) await driver.say(answer);
    expect(await driver.read('je ne sais pas')).toContain(q('projectType'));
    await driver.say('développement');
    const verdict = await driver.read('oui');
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
    expect(readable(confirm)).toMatch(/J'ai compris 1\s200\s000\s€, c'est bien cela \?/);
    expect(buttonsOf(confirm)).toEqual([fr.t('questionnaire:yes'), fr.t('questionnaire:no')]);
    expect(await driver.read('oui')).toContain(q('sector'));
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

  test('"recommencer" restarts the check from its first question', async () => {
    const { driver } = await startCheck();
    await driver.say('Alès');
    await driver.say('12');
    const reply = await driver.read('recommencer');
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
    const { driver } = await startCheck(new Date('2027-01-15T10:00:00+01:00'));
    for (const answer of [
      'Alès',
      '12',
      '1 200 000 €',
      '25.62B',
      '3',
      'Aucune',
      'aucune',
      'Non',
      'Développement',
    ]) {
      await driver.say(answer);
    }
    const verdict = await driver.read('Oui, à jour');
    expect(verdict).toContain(fr.t('eligibility:verdict.OK'));
    expect(verdict).toContain(
      fr.t('eligibility:call.afterNext', { closedOn: '2026-12-21', nextOpensOn: '2027-03-01' }),
    );
  });

  test('typing "suis-je éligible ?" starts the check', async () => {
    const { adapter } = createTestBot();
    const driver = new ConversationDriver(adapter);
    const reply = await driver.read('suis-je éligible ?');
    expect(reply).toContain(fr.t('common:greeting.hello'));
    expect(reply).toContain(q('commune'));
  });
});
