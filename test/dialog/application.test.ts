import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { createTestBot, fr } from '../support/botHarness.js';
import { FULL_APPLICATION } from '../support/applicationScript.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';

const q = (key: string, params?: Record<string, unknown>) => fr.t(`application:question.${key}`, params);
const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };
const FULL_APPLICATION_EXAMPLE = (key: string) => `application:example.${key}`;
const answersUpTo = (key: string) =>
  FULL_APPLICATION.slice(
    0,
    FULL_APPLICATION.findIndex(([, k]) => k === key),
  );

async function startApplication(channelId = 'emulator', storage = new MemoryStorage()) {
  const bot = createTestBot(storage, channelId);
  const driver = new ConversationDriver(bot.adapter);
  await driver.say(welcome);
  const first = await driver.read(fr.t('common:menu.apply'));
  return { ...bot, driver, first };
}

async function fill(driver: ConversationDriver, script: [string, string, unknown][]) {
  let last = '';
  for (const [answer] of script) last = await driver.read(answer);
  return last;
}

describe('the application file', () => {
  test('a complete file: every answer parsed, a recap card, then one file in the queue with a reference', async () => {
    const { driver, first, queue } = await startApplication();
    expect(first).toContain(fr.t('applicationFlow:intro.new'));
    expect(first).toContain(fr.t('questionnaire:progress', { index: 1, total: 28 }));

    for (const [answer] of FULL_APPLICATION.slice(0, -1)) await driver.say(answer);
    const recap = await driver.say(FULL_APPLICATION.at(-1)![0]);
    const card = recap[0].attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const cardText = JSON.stringify(card?.content);
    for (const title of ['company', 'project', 'contact'])
      expect(cardText).toContain(fr.t(`application:group.${title}`));
    expect(cardText).toContain('Mécanique Cévenole');
    expect(cardText).toContain(fr.t('applicationFlow:recap.submit'));

    const done = await driver.read({
      type: ActivityTypes.Message,
      value: { action: 'submitApplication', entry: 'apply' },
    });
    expect(done).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
    expect(done).toContain(fr.t('applicationFlow:submit.nextCommittee', { date: '2027-02-11' }));
    expect(done).toContain('11 février 2027');

    const [file] = await queue.list();
    expect(file.reference).toBe('ALZ-2026-0001');
    expect(file.status).toBe('received');
    expect(file.channel).toBe('emulator');
    expect(file.origin).toBe('applicant');
    for (const [, key, value] of FULL_APPLICATION) {
      if (value !== undefined) expect([key, file.data[key]]).toEqual([key, value]);
    }
    expect(file.data['company.commune']).toBe('Alès');
    expect(file.data['company.inseeCode']).toBe('30007');
    expect(typeof file.data['notice.acknowledgedAt']).toBe('string');
    expect(file.history).toHaveLength(1);
  });

  test('a second click on "Envoyer" creates no second file', async () => {
    const { driver, queue } = await startApplication();
    await fill(driver, FULL_APPLICATION);
    await driver.say({ type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } });
    const again = await driver.read({
      type: ActivityTypes.Message,
      value: { action: 'submitApplication', entry: 'apply' },
    });
    expect(again).toContain(fr.t('applicationFlow:submit.already', { reference: 'ALZ-2026-0001' }));
    expect(await queue.list()).toHaveLength(1);
  });

  test('channels without cards get the recap as text, and "Envoyer mon dossier" typed works', async () => {
    const { driver, queue } = await startApplication('test');
    const recap = await fill(driver, FULL_APPLICATION);
    expect(recap).toContain(fr.t('applicationFlow:recap.title'));
    expect(recap).toContain(fr.t('application:group.company').toUpperCase());
    expect(recap).toMatch(/1\s200\s000\s€/);
    expect(await driver.read('Envoyer mon dossier')).toContain('ALZ-2026-0001');
    expect(await queue.list()).toHaveLength(1);
  });

  test.each([
    ['company.siret', '732 829 320 00075', 'application:error.siretChecksum'],
    ['company.siret', '1234', 'application:error.siretLength'],
    ['contact.email', 'marie.dupont@', 'application:error.emailNoDomain'],
    ['contact.phone', '+44 20 7946 0958', 'application:error.phoneNotFrench'],
    ['project.amountRequested', '300 000 €', 'application:error.amountOutOfBounds'],
  ])('a wrong %s ("%s") is refused with its reason and asked again', async (key, wrong, errorKey) => {
    const { driver } = await startApplication();
    await fill(driver, answersUpTo(key));
    const reply = await driver.read(wrong);
    const reason = fr.t(errorKey, { count: 4, min: 5000, max: 50000 }).slice(0, 30);
    expect(reply).toContain(reason);
    expect(reply).toContain(fr.t(FULL_APPLICATION_EXAMPLE(key)));
    const right = FULL_APPLICATION.find(([, k]) => k === key)![0];
    expect(await driver.read(right)).not.toContain(reason);
  });

  test('the SIRET refusal says exactly what is wrong', async () => {
    const { driver } = await startApplication();
    await fill(driver, answersUpTo('company.siret'));
    expect(await driver.read('73282932000075')).toContain(
      'Le numéro SIRET ne semble pas valide : vérifiez les 14 chiffres.',
    );
  });

  test('"retour" goes back to the previous question', async () => {
    const { driver } = await startApplication();
    await fill(driver, answersUpTo('company.legalForm'));
    expect(await driver.read('retour')).toContain(q('company.siret').slice(0, 40));
  });

  test('the amount requested is asked only when the financial volet is chosen', async () => {
    const { driver } = await startApplication();
    await fill(driver, answersUpTo('project.aidTypes'));
    await driver.say('conseil et tutorat');
    const next = await driver.read('250 000 €');
    expect(next).not.toContain(q('project.amountRequested').slice(0, 30));
    expect(next).toContain(q('project.otherFinancing').slice(0, 30));
  });

  test('"modifier" from the recap changes one answer and comes back to the recap', async () => {
    const { driver, queue } = await startApplication('test');
    await fill(driver, FULL_APPLICATION);
    const list = await driver.read('Modifier une réponse');
    expect(list).toContain(fr.t('applicationFlow:edit.which'));
    expect(await driver.read(fr.t('application:label.company.headcount'))).toContain(
      q('company.headcount').slice(0, 30),
    );
    const recap = await driver.read('15');
    expect(recap).toContain(fr.t('applicationFlow:recap.title'));
    await driver.say('Envoyer mon dossier');
    expect((await queue.list())[0].data['company.headcount']).toBe(15);
  });

  test('a user who leaves after five answers resumes in a new conversation without being asked them again', async () => {
    const storage = new MemoryStorage();
    const { driver, adapter } = await startApplication('emulator', storage);
    await fill(driver, FULL_APPLICATION.slice(0, 5));

    const later = new ConversationDriver(adapter, 'a-new-conversation');
    const greeting = await later.read(welcome);
    expect(greeting).toContain(fr.t('applicationFlow:draft.reminder'));
    const resumed = await later.read(fr.t('common:menu.resume'));
    expect(resumed).toContain(fr.t('applicationFlow:draft.resuming'));
    expect(resumed).toContain(q('company.nafCode').slice(0, 30));
    expect(resumed).toContain(fr.t('questionnaire:progress', { index: 6, total: 28 }));
  });

  test('"Déposer une candidature" with a draft in progress offers to resume it or start again', async () => {
    const { driver } = await startApplication();
    await fill(driver, FULL_APPLICATION.slice(0, 3));
    await driver.say('menu');
    const offer = await driver.say(fr.t('common:menu.apply'));
    expect(buttonsOf(offer)).toEqual([
      fr.t('applicationFlow:draft.resume'),
      fr.t('applicationFlow:draft.startAgain'),
    ]);
    const fresh = await driver.read(fr.t('applicationFlow:draft.startAgain'));
    expect(fresh).toContain(q('project.type').slice(0, 30));
  });

  test('answers given in the eligibility check are not asked again', async () => {
    const { adapter } = createTestBot();
    const driver = new ConversationDriver(adapter);
    await driver.say(welcome);
    await driver.say(fr.t('common:menu.eligibility'));
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
    await driver.say('Oui, à jour');
    const start = readable(await driver.say(fr.t('eligibility:next.apply')));
    expect(start).toContain(fr.t('applicationFlow:intro.prefilled', { count: 9 }).slice(0, 40));
    expect(start).toContain(q('company.name').slice(0, 30));
    expect(start).not.toContain(q('project.type').slice(0, 30));
  });
});
