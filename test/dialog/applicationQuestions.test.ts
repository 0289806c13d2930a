import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { noticeParams } from '../../dialogs/domain/applicationFieldsContact.js';
import { findField, plannedQuestions } from '../../dialogs/domain/applicationForm.js';
import {
  ELIGIBLE_COMPANY,
  ELIGIBLE_COMPANY_CHECK,
  ELIGIBLE_COMPANY_FILE,
  ONE_FACT_PER_ANSWER,
  answerAll,
  fillApplication,
  questionAsked,
  withAnswers,
  type AnswerBook,
} from '../support/answerBook.js';
import { TEST_NOW, createTestBot, fr, settings } from '../support/botHarness.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';
import { EDIT_ACTION } from '../../dialogs/recap.js';

const context = { settings, locale: 'fr' as const, now: TEST_NOW };
const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };
const SUBMIT = { type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } };
/** A question as the bot words it, with the i18next context its answers pick ("other" for a third person). */
const q = (key: string, params: Record<string, unknown> = {}) => {
  const field = findField(key)!;
  return fr.t(field.promptKey, { ...field.promptParams?.(context), ...params });
};

/** A bot whose every turn is counted, from the greeting on. */
function countedBot(at: Date | (() => Date) = TEST_NOW, storage = new MemoryStorage()) {
  const bot = createTestBot(storage, 'emulator', at);
  const driver = new ConversationDriver(bot.adapter);
  let turns = 0;
  const say = async (input: string | Partial<Activity>) => {
    turns += 1;
    return driver.say(input);
  };
  return { ...bot, driver, say, turns: () => turns };
}

/** Greets, takes the eligibility check from the book, then opens the application; returns its first replies. */
async function checkThenApply(
  bot: ReturnType<typeof countedBot>,
  check: AnswerBook = ELIGIBLE_COMPANY_CHECK,
) {
  await bot.say(welcome);
  const { replies } = await answerAll(bot.say, await bot.say(fr.t('common:menu.eligibility')), check);
  expect(readable(replies)).toContain(fr.t('eligibility:verdict.OK').split('{{')[0]);
  return bot.say(fr.t('eligibility:next.apply'));
}

/** What the check answers, under the file's keys: never a question of the application after it. */
const KNOWN_FROM_CHECK = [
  'project.type',
  'company.commune',
  'company.headcount',
  'company.turnover',
  'company.balanceSheet',
  'company.nafCode',
  'company.independent',
  'company.proceedings',
  'company.goodStanding',
  'company.deMinimisReceived',
];

describe('the application with the committee’s eye', () => {
  test('the simplest eligible applicant goes from greeting to reference in 28 turns or fewer', async () => {
    const bot = countedBot();
    const first = await checkThenApply(bot);
    const { asked } = await fillApplication(bot.say, first, { book: ELIGIBLE_COMPANY });
    // The count starts at 1 after the check, and its total is the number of questions this applicant answers.
    expect(readable(first)).toMatch(new RegExp(`question 1 sur ${asked.length}\\b`));
    const done = readable(await bot.say(SUBMIT));
    expect(done).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
    expect(bot.turns()).toBeLessThanOrEqual(28);
    // Nothing the check answered is asked again; the jobs are asked once, as how many of the 3 are created.
    expect(asked.filter((key) => KNOWN_FROM_CHECK.includes(key))).toEqual([]);
    expect(asked.filter((key) => key.startsWith('project.jobs'))).toEqual(['project.jobsCreated']);
    const [file] = await bot.queue.list();
    expect(file.data).toMatchObject({
      'company.name': 'Mécanique Cévenole',
      'company.legalForm': 'SAS',
      'company.address': '12 rue de la République',
      'company.postalCode': '30100',
      'project.amountRequested': 30_000,
      'project.otherFinancingAmount': 220_000,
      'project.jobsCreated': 3,
      'project.jobsKept': 0,
      'contact.firstName': 'Marie',
      'contact.lastName': 'Dupont',
      'contact.role': 'gérante',
      'contact.phone': '+33612345678',
    });
  });

  test('after the check the jobs question starts from its total, and the address from its commune', async () => {
    const bot = countedBot();
    const first = await checkThenApply(bot);
    const { replies } = await fillApplication(bot.say, first, {
      book: ELIGIBLE_COMPANY,
      stopAt: 'company.address',
    });
    expect(readable(replies)).toContain(
      fr.t('application:question.company.address_inCommune', { commune: 'Alès' }),
    );
    const { replies: jobs } = await fillApplication(bot.say, replies, {
      book: ELIGIBLE_COMPANY,
      stopAt: 'project.jobsCreated',
    });
    expect(readable(jobs)).toContain(fr.t('application:question.project.jobsCreated_ofTotal', { total: 3 }));
    expect(readable(await bot.say('5'))).toContain(fr.t('application:error.jobsAboveTotal', { total: 3 }));
  });

  test('after a sector button the NAF code is not asked; the recap shows the sector', async () => {
    const bot = countedBot();
    const check = withAnswers(ELIGIBLE_COMPANY_CHECK, { sector: fr.t('eligibility:sector.industry') });
    const first = await checkThenApply(bot, check);
    const { asked, replies } = await fillApplication(bot.say, first, { book: ELIGIBLE_COMPANY });
    expect(asked).not.toContain('company.nafCode');
    const recap = JSON.stringify(replies.map((reply) => reply.attachments));
    expect(recap).toContain(fr.t('application:label.company.activity'));
    expect(recap).toContain(fr.t('eligibility:sector.industry'));
  });

  test('a company being created is asked no turnover, balance sheet or tax standing, and keeps no jobs', async () => {
    const bot = countedBot();
    await bot.say(welcome);
    const book = withAnswers(ELIGIBLE_COMPANY_FILE, {
      'project.type': 'création',
      'company.siret': 'pas encore',
      'company.creationDate': 'fin mars 2027',
      'company.nafCode': 'pas encore',
      'project.jobsCreated': '3',
    });
    const { asked } = await fillApplication(bot.say, await bot.say(fr.t('common:menu.apply')), { book });
    for (const key of [
      'company.turnover',
      'company.balanceSheet',
      'company.goodStanding',
      'project.jobsKept',
    ])
      expect([key, asked.includes(key)]).toEqual([key, false]);
    await bot.say(SUBMIT);
    const [file] = await bot.queue.list();
    expect(file.data['project.jobsKept']).toBe(0);
    expect(file.data).not.toHaveProperty(['company.turnover']);
  });

  test('a creation: "pas encore" answers the turnover of the check, whose tax standing is not asked', async () => {
    const bot = countedBot();
    await bot.say(welcome);
    const check = withAnswers(ELIGIBLE_COMPANY_CHECK, { turnover: 'pas encore', projectType: 'création' });
    const { replies, asked } = await answerAll(
      bot.say,
      await bot.say(fr.t('common:menu.eligibility')),
      check,
    );
    expect(asked).not.toContain('goodStanding');
    expect(asked).not.toContain('balanceSheet');
    // A creation is for an advisor to review; nothing is asked about a tax record it does not have yet.
    expect(readable(replies)).toContain(fr.t('eligibility:verdict.REVIEW').split('{{')[0]);
    expect(readable(replies)).not.toContain(fr.t('eligibility:reason.standing.unknown'));
    const book = withAnswers(ELIGIBLE_COMPANY, {
      'company.siret': 'pas encore',
      'company.creationDate': 'fin mars 2027',
    });
    const { asked: filed } = await fillApplication(bot.say, await bot.say(fr.t('eligibility:next.apply')), {
      book,
    });
    for (const key of ['company.turnover', 'company.balanceSheet', 'company.goodStanding'])
      expect([key, filed.includes(key)]).toEqual([key, false]);
  });

  test('"Êtes-vous l’interlocuteur du comité ?" comes first, with the notice; yes: the questions say "vous"', async () => {
    const bot = countedBot();
    await bot.say(welcome);
    const first = await bot.say(fr.t('common:menu.apply'));
    const { replies, asked } = await fillApplication(bot.say, first, { stopAt: 'contact.isInterlocutor' });
    expect(asked).not.toContain('notice.acknowledgedAt');
    const text = readable(replies);
    // The notice comes with the question (its prompt's "notice" context), and answering acknowledges it.
    expect(text).toContain(q('contact.isInterlocutor'));
    expect(text).toContain(fr.t('applicationFlow:notice.text', noticeParams(settings)));
    const name = await bot.say(fr.t('application:choice.isInterlocutor.yes'));
    expect(questionAsked(name)?.questionId).toBe('contact.firstName');
    expect(readable(name)).toContain(q('contact.firstName'));
    const reach = await bot.say('Marie Dupont, gérante');
    expect(readable(reach)).toContain(q('contact.email'));
    await fillApplication(bot.say, reach);
    await bot.say(SUBMIT);
    const [file] = await bot.queue.list();
    expect(file.data['notice.acknowledgedAt']).toBe(TEST_NOW.toISOString());
    expect(file.data['contact.isInterlocutor']).toBe(true);
  });

  test('no: the contact’s details are asked in the third person', async () => {
    const bot = countedBot();
    await bot.say(welcome);
    const first = await bot.say(fr.t('common:menu.apply'));
    const { replies } = await fillApplication(bot.say, first, { stopAt: 'contact.isInterlocutor' });
    expect(questionAsked(replies)?.questionId).toBe('contact.isInterlocutor');
    const name = await bot.say(fr.t('application:choice.isInterlocutor.no'));
    expect(readable(name)).toContain(q('contact.firstName', { context: 'other' }));
    expect(readable(name)).not.toContain(q('contact.firstName'));
    const reach = await bot.say('Paul Martin, directeur financier');
    expect(readable(reach)).toContain(q('contact.email', { context: 'other' }));
    const phone = await bot.say('paul.martin@exemple.fr');
    expect(readable(phone)).toContain(q('contact.phone', { context: 'other' }));
  });

  test('the count is announced with the time, then climbs one by one to its total, which never changes', async () => {
    const bot = countedBot();
    await bot.say(welcome);
    const first = await bot.say(fr.t('common:menu.apply'));
    const planned = plannedQuestions({}, context);
    expect(readable(first)).toContain(fr.t('applicationFlow:intro.plan', planned));
    const seen: [number, number][] = [];
    const record = async (text: string | Partial<Activity>) => {
      const replies = await bot.say(text);
      const line = /question (\d+) sur (\d+)/.exec(readable(replies));
      if (line) seen.push([Number(line[1]), Number(line[2])]);
      return replies;
    };
    const line = /question (\d+) sur (\d+)/.exec(readable(first))!;
    seen.push([Number(line[1]), Number(line[2])]);
    // One fact per answer: every follow-up is asked too, and none moves the count.
    await fillApplication(record, first, { book: ONE_FACT_PER_ANSWER });
    expect(seen.map(([index]) => index)).toEqual(seen.map((_, i) => i + 1));
    expect(new Set(seen.map(([, total]) => total))).toEqual(new Set([planned.count]));
    expect(seen.at(-1)).toEqual([planned.count, planned.count]);
  });

  test('after resuming a draft, "retour" goes back to the question answered before', async () => {
    const storage = new MemoryStorage();
    const bot = countedBot(TEST_NOW, storage);
    const first = await checkThenApply(bot);
    await fillApplication(bot.say, first, { book: ELIGIBLE_COMPANY, stopAt: 'project.description' });

    const later = new ConversationDriver(bot.adapter, 'another-conversation');
    await later.say(welcome);
    const resumed = await later.say(fr.t('common:menu.resume'));
    expect(questionAsked(resumed)?.questionId).toBe('project.description');
    const back = await later.say('retour');
    expect(readable(back)).not.toContain(fr.t('questionnaire:noPrevious'));
    // The address, the last question of the company: not the de minimis aid the check answered.
    expect(questionAsked(back)?.questionId).toBe('company.address');
  });

  test.each([
    ['modifier e-mail', 'contact.email'],
    ['modifier le chiffre d’affaires', 'company.turnover'],
  ])('at the recap, "%s" opens that answer at once', async (said, key) => {
    const bot = createTestBot(new MemoryStorage(), 'test');
    const driver = new ConversationDriver(bot.adapter);
    await driver.say(welcome);
    await fillApplication((text) => driver.say(text), await driver.say(fr.t('common:menu.apply')));
    const opened = await driver.say(said);
    expect(readable(opened)).not.toContain(fr.t('applicationFlow:edit.which'));
    expect(questionAsked(opened)?.questionId).toBe(key);
    const answer = key === 'contact.email' ? 'marie@exemple.fr' : '1 500 000 €';
    expect(readable(await driver.say(answer))).toContain(fr.t('applicationFlow:recap.title'));
    await driver.say(fr.t('applicationFlow:recap.submit'));
    const [file] = await bot.queue.list();
    expect(file.data[key]).toBe(key === 'contact.email' ? 'marie@exemple.fr' : 1_500_000);
  });

  test('a callback asks only for the moment when the file has the name and phone', async () => {
    // A Friday evening: advisors are away, the bot offers a callback.
    const bot = countedBot(new Date('2026-11-27T21:00:00+01:00'));
    await bot.say(welcome);
    // The whole file answered; at the recap the owner goes back to the e-mail, then pauses there.
    await fillApplication(bot.say, await bot.say(fr.t('common:menu.apply')));
    await bot.say({ type: ActivityTypes.Message, value: { action: EDIT_ACTION } });
    expect(questionAsked(await bot.say(fr.t('application:label.contact.email')))?.questionId).toBe(
      'contact.email',
    );
    await bot.say('pause');
    await bot.say(fr.t('common:menu.advisor'));
    const offered = readable(await bot.say(fr.t('contact:closed.yes')));
    expect(offered).toContain(
      fr.t('contact:callback.known', { name: 'Marie Dupont', phone: '06 12 34 56 78' }),
    );
    expect(offered).not.toContain(fr.t('contact:callback.question.name'));
    expect(offered).toContain(fr.t('contact:callback.question.moment'));
    await bot.say('lundi matin');
    const [request] = await bot.contactRequests.list();
    expect(request).toMatchObject({ kind: 'callback', name: 'Marie Dupont', phone: '+33612345678' });
  });
});
