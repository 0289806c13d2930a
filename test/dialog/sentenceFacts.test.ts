import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import {
  ELIGIBLE_COMPANY_CHECK,
  ELIGIBLE_COMPANY_FILE,
  answerAll,
  fillApplication,
  questionAsked,
  type AnswerBook,
  withAnswers,
} from '../support/answerBook.js';
import { createTestBot, fr } from '../support/botHarness.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';

const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Claire' }] };
const FACTS = { questionId: 'facts', pending: 'confirm' };

/** "J'ai noté : …. C'est exact ?", with each fact as the bot words it. */
const noted = (...facts: [string, Record<string, unknown>][]) =>
  fr.t('facts:confirm', {
    facts: facts.map(([kind, params]) => fr.t(`facts:shown.${kind}`, params)).join(', '),
  });

function start(storage = new MemoryStorage()) {
  const bot = createTestBot(storage);
  const driver = new ConversationDriver(bot.adapter);
  const say = (text: string) => driver.say(text);
  return { ...bot, driver, say };
}

/** The check answered from the book, then the application filled from it: every question id asked. */
async function checkThenApply(
  say: (text: string) => Promise<Partial<Activity>[]>,
  first: Partial<Activity>[],
  changes: Record<string, string> = {},
) {
  const check = await answerAll(say, first, ELIGIBLE_COMPANY_CHECK);
  expect(readable(check.replies)).toContain(fr.t('eligibility:verdict.OK'));
  // As someone who was told the commune and gave the amount already: the street alone, the volets alone.
  const book = withAnswers(ELIGIBLE_COMPANY_FILE, {
    'company.address': '12 rue de la République',
    'project.aidTypes': 'financier et conseil',
    ...changes,
  });
  const file = await fillApplication(say, await say(fr.t('eligibility:next.apply')), { book });
  expect(readable(file.replies)).toContain(fr.t('applicationFlow:recap.submit'));
  return { check: check.asked, file: file.asked };
}

describe('several facts understood in one message', () => {
  test('the first message of a conversation counts: its facts are confirmed, never asked again', async () => {
    const { driver, say, queue } = start();
    const replies = await driver.say(
      'SAS Méca-Cévennes, usinage à La Grand-Combe, 120 salariés, on voudrait 50 000 €',
    );
    const text = readable(replies);
    expect(text).not.toContain(fr.t('eligibility:question.commune'));
    expect(text).toContain(fr.t('eligibility:intro'));
    expect(text).toContain(
      noted(
        ['companyName', { name: 'Méca-Cévennes' }],
        ['legalForm', { form: 'SAS' }],
        ['commune', { commune: 'La Grand-Combe' }],
        ['headcount', { count: 120 }],
        ['amountRequested', { amount: 50_000 }],
      ),
    );
    expect(questionAsked(replies)).toEqual(FACTS);
    expect(buttonsOf(replies)).toEqual([fr.t('questionnaire:yes'), fr.t('facts:correct')]);

    const next = await say(fr.t('questionnaire:yes'));
    expect(readable(next)).toContain(fr.t('facts:noted'));
    expect(questionAsked(next)?.questionId).toBe('turnover');
    // 50 000 € asked: the project's cost adds up with 220 000 € of other financing (no warning at submission).
    const { check, file } = await checkThenApply(say, next, { 'project.investment': '270 000 €' });
    expect(check).not.toEqual(expect.arrayContaining(['commune']));
    expect(check).not.toContain('headcount');
    for (const key of ['company.name', 'company.legalForm', 'company.commune', 'company.headcount'])
      expect(file).not.toContain(key);
    expect(file).not.toContain('project.amountRequested');

    await driver.say({ type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } });
    const [sent] = await queue.list();
    expect(sent.data).toMatchObject({
      'company.name': 'Méca-Cévennes',
      'company.legalForm': 'SAS',
      'company.commune': 'La Grand-Combe',
      'company.headcount': 120,
      'project.amountRequested': 50_000,
    });
  });

  test('a message with several facts at a question, corrected in words ("non, 14 salariés")', async () => {
    const { driver, say } = start();
    await driver.say(welcome);
    await say(fr.t('common:menu.eligibility'));
    const replies = await say('Alès, on est une SARL de 12 salariés, 1,2 M€ de CA');
    expect(readable(replies)).toContain(
      noted(
        ['legalForm', { form: 'SARL' }],
        ['headcount', { count: 12 }],
        ['turnover', { amount: 1_200_000 }],
      ),
    );
    const corrected = await say('non, 14 salariés');
    expect(readable(corrected)).toContain(
      fr.t('facts:corrected', { facts: fr.t('facts:shown.headcount', { count: 14 }) }),
    );
    expect(questionAsked(corrected)?.questionId).toBe('sector');
    const { replies: verdict, asked } = await answerAll(say, corrected, ELIGIBLE_COMPANY_CHECK);
    expect(asked).not.toContain('commune');
    expect(asked).not.toContain('headcount');
    expect(asked).not.toContain('turnover');
    expect(readable(verdict)).toContain(fr.t('eligibility:verdict.OK'));
    // The corrected headcount is the one kept, and the SARL waits for the file.
    const file = await fillApplication(say, await say(fr.t('eligibility:next.apply')), {
      stopAt: 'project.description',
    });
    expect(file.asked).not.toContain('company.legalForm');
    expect(file.asked).not.toContain('company.headcount');
  });

  test('"Corriger", then the fact to fix: its question is asked, the others are kept', async () => {
    const { driver, say } = start();
    await driver.say(welcome);
    await say(fr.t('common:menu.eligibility'));
    await say('Alès, 12 salariés, 1,2 M€ de CA');
    const which = await say(fr.t('facts:correct'));
    expect(readable(which)).toContain(fr.t('facts:which'));
    const headcount = fr.t('facts:shown.headcount', { count: 12 });
    expect(buttonsOf(which)).toEqual([
      headcount,
      fr.t('facts:shown.turnover', { amount: 1_200_000 }),
      fr.t('facts:ignoreAll'),
    ]);
    const asked = await say(headcount);
    expect(questionAsked(asked)?.questionId).toBe('headcount');
    const after = await say('14');
    // The turnover was kept: the next question is the sector.
    expect(questionAsked(after)?.questionId).toBe('sector');
  });

  test('a value its question would refuse or confirm is not taken, and is asked as usual', async () => {
    const { driver, say } = start();
    await driver.say(welcome);
    await say(fr.t('common:menu.eligibility'));
    // 800 € of turnover for 12 people: the turnover question would ask, so the fact is left out.
    const replies = await say('à Alès, 12 salariés, 800 € de CA');
    expect(readable(replies)).toContain(noted(['headcount', { count: 12 }]));
    expect(questionAsked(await say('oui'))?.questionId).toBe('turnover');
  });

  test('the check opens with the offer of one sentence; 5 facts in it save at least 4 questions', async () => {
    const baseline = start();
    await baseline.driver.say(welcome);
    const plain = await checkThenApply(baseline.say, await baseline.say(fr.t('common:menu.eligibility')));

    const { driver, say } = start();
    await driver.say(welcome);
    const first = await say(fr.t('common:menu.eligibility'));
    // Who just answers the first question loses nothing: the offer is on it.
    expect(questionAsked(first)).toEqual({ questionId: 'commune' });
    expect(readable(first)).toContain(fr.t('facts:opener.offer'));
    expect(buttonsOf(first)).toEqual([fr.t('facts:opener.describe'), fr.t('facts:opener.oneByOne')]);
    expect(readable(await say(fr.t('facts:opener.describe')))).toContain(fr.t('facts:opener.prompt'));
    const confirm = await say(
      "SARL de 12 salariés à Alès, 1,2 M€ de chiffre d'affaires, code NAF 25.62B, nous voulons créer 3 emplois",
    );
    expect(questionAsked(confirm)).toEqual(FACTS);
    const described = await checkThenApply(say, await say(fr.t('questionnaire:yes')));

    const questions = (walk: { check: string[]; file: string[] }) => walk.check.length + walk.file.length;
    expect(questions(plain) - questions(described)).toBeGreaterThanOrEqual(4);
    // Two turns were spent (the offer, the confirmation): the conversation is still at least 3 turns shorter.
    expect(questions(plain) - (questions(described) + 2)).toBeGreaterThanOrEqual(3);
    for (const key of ['commune', 'headcount', 'turnover', 'sector', 'jobs'])
      expect(described.check).not.toContain(key);
    for (const key of ['company.legalForm', 'project.jobsCreated']) expect(described.file).not.toContain(key);
  });

  test('"question par question" asks the first question again, without the offer', async () => {
    const { driver, say } = start();
    await driver.say(welcome);
    await say(fr.t('common:menu.eligibility'));
    const again = await say(fr.t('facts:opener.oneByOne'));
    expect(questionAsked(again)).toEqual({ questionId: 'commune' });
    expect(readable(again)).not.toContain(fr.t('facts:opener.offer'));
    expect(questionAsked(await say('Alès'))?.questionId).toBe('headcount');
  });

  test('resumed in the middle, in a new conversation: the facts confirmed are never asked again', async () => {
    const storage = new MemoryStorage();
    const { adapter } = createTestBot(storage);
    const first = new ConversationDriver(adapter, 'visit-1');
    await first.say(welcome);
    await first.say(fr.t('common:menu.eligibility'));
    await first.say('SIRET 732 829 320 00074, SAS de 12 salariés à Alès, créer 3 emplois');
    const afterFacts = await first.say(fr.t('questionnaire:yes'));
    expect(questionAsked(afterFacts)?.questionId).toBe('turnover');
    await first.say('1,2 M€');
    expect(await first.read('pause')).toContain(fr.t('questionnaire:paused'));

    const later = new ConversationDriver(adapter, 'visit-2');
    await later.say(welcome);
    const resumed = await later.say(fr.t('common:menu.eligibility'));
    expect(readable(resumed)).toContain(fr.t('eligibility:resumed'));
    const say = (text: string) => later.say(text);
    const book: AnswerBook = { ...ELIGIBLE_COMPANY_CHECK };
    const check = await answerAll(say, resumed, book);
    for (const key of ['commune', 'headcount', 'turnover', 'jobs']) expect(check.asked).not.toContain(key);
    const file = await fillApplication(say, await say(fr.t('eligibility:next.apply')), {
      book: ELIGIBLE_COMPANY_FILE,
    });
    for (const key of ['company.siret', 'company.legalForm', 'company.headcount', 'project.jobsCreated'])
      expect(file.asked).not.toContain(key);
    expect(file.asked).toContain('project.jobsKept');
  });

  test('in the application, the name typed with its form and SIRET fills three questions', async () => {
    const { driver, say } = start();
    await driver.say(welcome);
    const first = await say(fr.t('common:menu.apply'));
    const name = await fillApplication(say, first, { stopAt: 'company.name' });
    expect(questionAsked(name.replies)?.questionId).toBe('company.name');
    const replies = await say('SAS Méca-Cévennes, SIRET 732 829 320 00074');
    expect(readable(replies)).toContain(
      noted(['legalForm', { form: 'SAS' }], ['siret', { siret: '732 829 320 00074' }]),
    );
    const rest = await fillApplication(say, await say(fr.t('questionnaire:yes')));
    for (const key of ['company.name', 'company.siret', 'company.legalForm'])
      expect(rest.asked).not.toContain(key);
    expect(readable(rest.replies)).toContain('Méca-Cévennes');
  });

  test('« Bonjour, » before the description does not make it a mere greeting', async () => {
    const { driver, say } = start();
    await driver.say(welcome);
    const replies = await say('Bonjour, nous sommes une SARL de 12 salariés à Alès');
    expect(readable(replies)).toContain(fr.t('eligibility:intro'));
    expect(readable(replies)).toContain(
      noted(['legalForm', { form: 'SARL' }], ['commune', { commune: 'Alès' }], ['headcount', { count: 12 }]),
    );
    expect(questionAsked(await say('oui'))?.questionId).toBe('turnover');
  });

  test('typed at the menu, a description of the company starts the check with it', async () => {
    const { driver, say } = start();
    await driver.say(welcome);
    const replies = await say('nous sommes une SARL de 12 salariés à Alès');
    expect(readable(replies)).toContain(fr.t('eligibility:intro'));
    expect(readable(replies)).toContain(
      noted(['legalForm', { form: 'SARL' }], ['commune', { commune: 'Alès' }], ['headcount', { count: 12 }]),
    );
    expect(questionAsked(await say('oui'))?.questionId).toBe('turnover');
  });

  test('a first message that asks to apply fills the new file with its facts', async () => {
    const { driver, say } = start();
    const replies = await driver.say('Je veux déposer un dossier pour ma SARL de 12 salariés à Alès');
    expect(readable(replies)).toContain(fr.t('applicationFlow:intro.new'));
    expect(readable(replies)).toContain(
      noted(['legalForm', { form: 'SARL' }], ['commune', { commune: 'Alès' }], ['headcount', { count: 12 }]),
    );
    const file = await fillApplication(say, await say(fr.t('questionnaire:yes')));
    for (const key of ['company.legalForm', 'company.commune', 'company.headcount'])
      expect(file.asked).not.toContain(key);
  });

  test('a description that names jobs is kept whole, and its jobs are confirmed apart', async () => {
    const { driver, say } = start();
    await driver.say(welcome);
    const first = await say(fr.t('common:menu.apply'));
    await fillApplication(say, first, { stopAt: 'project.description' });
    const description =
      'Nous achetons un centre d’usinage cinq axes et voulons créer 3 emplois de techniciens.';
    const replies = await say(description);
    expect(readable(replies)).toContain(noted(['jobsCreated', { count: 3 }]));
    const rest = await fillApplication(say, await say(fr.t('questionnaire:yes')));
    expect(rest.asked).not.toContain('project.jobsCreated');
    expect(readable(rest.replies)).toContain(description);
  });

  test('when no fact is left to take, the answer is refused with its reason as before', async () => {
    const { driver, say } = start();
    await driver.say(welcome);
    await say(fr.t('common:menu.eligibility'));
    await say('Alès');
    // 800 € of turnover is no fact the turnover question would store, and no headcount either.
    const replies = await say('800 € de CA');
    expect(readable(replies)).toContain(fr.t('questionnaire:error.notANumber'));
    expect(questionAsked(replies)).toEqual({ questionId: 'headcount' });
  });
});
