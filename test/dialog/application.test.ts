import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { findField, progressOf } from '../../dialogs/domain/applicationForm.js';
import { COMPLIANT_DECLARATIONS, DECLARATIONS_KEY } from '../../dialogs/domain/declarations.js';
import { ELIGIBILITY } from '../../dialogs/domain/eligibilityRuleSet.js';
import {
  ELIGIBLE_COMPANY,
  ELIGIBLE_COMPANY_CHECK,
  ELIGIBLE_COMPANY_FILE,
  ONE_FACT_PER_ANSWER,
  answerAll,
  type AnswerBook,
  bookValues,
  fillApplication,
  questionAsked,
} from '../support/answerBook.js';
import { TEST_NOW, createTestBot, fr, settings } from '../support/botHarness.js';
import { FULL_APPLICATION } from '../support/applicationScript.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';

const context = { settings, locale: 'fr' as const, now: TEST_NOW };
/** A field's question as the bot words it, its settings interpolated (the advance's bounds…). */
const q = (key: string) => {
  const field = findField(key)!;
  return fr.t(field.promptKey, field.promptParams?.(context));
};
/** The bot's turn asks this field: its id in the channel data, its sentence in the text. */
const expectAsks = (replies: Partial<Activity>[], key: string) => {
  expect(questionAsked(replies)?.questionId).toBe(key);
  expect(readable(replies)).toContain(q(key));
};
const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };
const FULL_APPLICATION_EXAMPLE = (key: string) => `application:example.${key}`;

async function startApplication(
  channelId = 'emulator',
  storage = new MemoryStorage(),
  book: AnswerBook = ELIGIBLE_COMPANY_FILE,
) {
  const bot = createTestBot(storage, channelId);
  const driver = new ConversationDriver(bot.adapter);
  await driver.say(welcome);
  const firstReplies = await driver.say(fr.t('common:menu.apply'));
  /** Answers from the book up to the recap, or up to the question `stopAt`; returns the last turn's text. */
  const fill = async (stopAt?: string) =>
    readable((await fillApplication((text) => driver.say(text), firstReplies, { stopAt, book })).replies);
  return { ...bot, driver, first: readable(firstReplies), firstReplies, fill };
}

describe('the application file', () => {
  test('a complete file: every answer parsed, a recap card, then one file in the queue with a reference', async () => {
    const { driver, first, firstReplies, queue } = await startApplication();
    expect(first).toContain(fr.t('applicationFlow:intro.new'));
    const progress = progressOf({}, findField('project.type')!, context)!;
    expect(progress.index).toBe(1);
    expect(first).toContain(
      `${fr.t('questionnaire:progressStep', { ...progress, step: 1, steps: 4, stepName: fr.t('application:group.company') })}`,
    );

    const { replies: recap, asked } = await fillApplication((text) => driver.say(text), firstReplies);
    // The documents are not a question: they are sent in the chat, and the recap lists those missing.
    expect(asked.at(-1)).toBe('contact.email');
    expect(asked).not.toContain('documents');
    const card = recap[0].attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const cardText = JSON.stringify(card?.content);
    for (const title of ['company', 'project', 'financing', 'contact'])
      expect(cardText).toContain(fr.t(`application:group.${title}`));
    expect(cardText).toContain('Mécanique Cévenole');
    expect(cardText).toContain(fr.t('applicationFlow:recap.submit'));

    const done = await driver.read({
      type: ActivityTypes.Message,
      value: { action: 'submitApplication', entry: 'apply' },
    });
    expect(done).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
    expect(done).toContain(fr.t('applicationFlow:submit.nextCommittee', { date: '2027-02-11' }));
    const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
    expect(done).toContain(longDate.format(new Date('2027-02-11T12:00:00Z')));

    const [file] = await queue.list();
    expect(file.reference).toBe('ALZ-2026-0001');
    expect(file.status).toBe('received');
    expect(file.channel).toBe('emulator');
    expect(file.origin).toBe('applicant');
    for (const [, key, value] of FULL_APPLICATION) {
      if (value !== undefined) expect([key, file.data[key]]).toEqual([key, value]);
    }
    // Every question asked was stored.
    for (const key of asked.filter((k) => k !== 'company.commune' && k !== 'documents'))
      expect([key, file.data[key] !== undefined]).toEqual([key, true]);
    expect(file.data['company.commune']).toBe('Alès');
    expect(file.data['company.inseeCode']).toBe('30007');
    expect(typeof file.data['notice.acknowledgedAt']).toBe('string');
    expect(file.history).toHaveLength(1);
  });

  test('a second click on "Envoyer" creates no second file', async () => {
    const { driver, queue, fill } = await startApplication();
    await fill();
    await driver.say({ type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } });
    const again = await driver.read({
      type: ActivityTypes.Message,
      value: { action: 'submitApplication', entry: 'apply' },
    });
    expect(again).toContain(fr.t('applicationFlow:submit.already', { reference: 'ALZ-2026-0001' }));
    expect(await queue.list()).toHaveLength(1);
  });

  test('channels without cards get the recap as text, and "Envoyer mon dossier" typed works', async () => {
    const { driver, queue, fill } = await startApplication('test');
    const recap = await fill();
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
    // One fact per answer, so that the phone and the amount are asked on their own.
    const { driver, fill } = await startApplication('emulator', new MemoryStorage(), ONE_FACT_PER_ANSWER);
    await fill(key);
    const reply = await driver.read(wrong);
    const reason = fr.t(errorKey, { count: 4, min: settings.advance.min, max: settings.advance.max });
    expect(reply).toContain(reason);
    expect(reply).toContain(fr.t(FULL_APPLICATION_EXAMPLE(key)));
    const right = ONE_FACT_PER_ANSWER[key];
    expect(await driver.read(right)).not.toContain(reason);
  });

  test('the SIRET refusal says exactly what is wrong', async () => {
    const { driver, fill } = await startApplication();
    await fill('company.siret');
    expect(await driver.read('73282932000075')).toContain(fr.t('application:error.siretChecksum'));
  });

  test('"retour" goes back to the previous question', async () => {
    const { driver, fill } = await startApplication();
    await fill('company.creationDate');
    expectAsks(await driver.say('retour'), 'company.siret');
  });

  test('the amount requested is asked only when the financial volet is chosen, and not when given with it', async () => {
    const advice = await startApplication();
    const { asked: withoutAdvance } = await fillApplication(
      (text) => advice.driver.say(text),
      advice.firstReplies,
      {
        book: { ...ONE_FACT_PER_ANSWER, 'project.aidTypes': 'conseil' },
      },
    );
    expect(withoutAdvance).not.toContain('project.amountRequested');
    const clicked = await startApplication('emulator', new MemoryStorage(), ONE_FACT_PER_ANSWER);
    const { asked } = await fillApplication((text) => clicked.driver.say(text), clicked.firstReplies, {
      book: ONE_FACT_PER_ANSWER,
    });
    expect(asked).toContain('project.amountRequested');
    // "Une avance de 30 000 € et du conseil": the amount came with the volets.
    const typed = await startApplication();
    const { asked: merged } = await fillApplication((text) => typed.driver.say(text), typed.firstReplies);
    expect(merged).toContain('project.aidTypes');
    expect(merged).not.toContain('project.amountRequested');
  });

  test('"modifier" from the recap changes one answer and comes back to the recap', async () => {
    const { driver, queue, fill } = await startApplication('test');
    await fill();
    const list = await driver.read('Modifier une réponse');
    expect(list).toContain(fr.t('applicationFlow:edit.which'));
    expectAsks(await driver.say(fr.t('application:label.company.headcount')), 'company.headcount');
    const recap = await driver.read('15');
    expect(recap).toContain(fr.t('applicationFlow:recap.title'));
    await driver.say('Envoyer mon dossier');
    expect((await queue.list())[0].data['company.headcount']).toBe(15);
  });

  test('a user who leaves after five answers resumes in a new conversation without being asked them again', async () => {
    const storage = new MemoryStorage();
    const { adapter, fill } = await startApplication('emulator', storage);
    await fill('company.nafCode');

    const later = new ConversationDriver(adapter, 'a-new-conversation');
    const greeting = await later.read(welcome);
    expect(greeting).toContain(fr.t('applicationFlow:draft.reminder'));
    const resumedReplies = await later.say(fr.t('common:menu.resume'));
    const resumed = readable(resumedReplies);
    expect(resumed).toContain(fr.t('applicationFlow:draft.resuming'));
    expectAsks(resumedReplies, 'company.nafCode');
    // The count of a resumed walk starts again at 1, its total the questions left.
    expect(resumed).toMatch(/question 1 sur \d+/);
  });

  test('"Déposer une candidature" with a draft in progress offers to resume it or start again', async () => {
    const { driver, fill } = await startApplication();
    await fill('company.legalForm');
    await driver.say('menu');
    const offer = await driver.say(fr.t('common:menu.apply'));
    expect(buttonsOf(offer)).toEqual([
      fr.t('applicationFlow:draft.resume'),
      fr.t('applicationFlow:draft.startAgain'),
    ]);
    expectAsks(await driver.say(fr.t('applicationFlow:draft.startAgain')), 'project.type');
  });

  test('answers given in the eligibility check are not asked again', async () => {
    const { adapter } = createTestBot();
    const driver = new ConversationDriver(adapter);
    await driver.say(welcome);
    const { replies, asked: checked } = await answerAll(
      (text) => driver.say(text),
      await driver.say(fr.t('common:menu.eligibility')),
      ELIGIBLE_COMPANY_CHECK,
    );
    expect(readable(replies)).toContain(fr.t('eligibility:verdict.OK'));
    const startReplies = await driver.say(fr.t('eligibility:next.apply'));
    // What the rules carry over for this company (commune with its postal code, headcount, turnover, NAF…).
    // The attestation, « Oui, tout est exact », stands for the four declarations.
    const attested = checked.includes(DECLARATIONS_KEY) ? Object.keys(COMPLIANT_DECLARATIONS) : [];
    const carried = ELIGIBILITY.prefill(
      bookValues(ELIGIBLE_COMPANY_CHECK, ELIGIBILITY, context, [...checked, ...attested]),
    );
    expect(Object.keys(carried).length).toBeGreaterThanOrEqual(9);
    expect(readable(startReplies)).toContain(
      fr.t('applicationFlow:intro.prefilled', { count: Object.keys(carried).length }),
    );
    expectAsks(startReplies, 'company.name');
    const { asked } = await answerAll((text) => driver.say(text), startReplies, ELIGIBLE_COMPANY);
    expect(asked.filter((key) => key in carried)).toEqual([]);
  });
});
