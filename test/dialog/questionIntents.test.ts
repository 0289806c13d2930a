import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { findField } from '../../dialogs/domain/applicationForm.js';
import {
  DECLARED_ONE_BY_ONE,
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

/** An owner in the eligibility check, answered from the book up to the question `at` (left open). */
async function checkUpTo(at: string, now?: Date, book = ELIGIBLE_COMPANY_CHECK) {
  const bot = now ? createTestBot(new MemoryStorage(), 'emulator', now) : createTestBot();
  const driver = new ConversationDriver(bot.adapter);
  await driver.say(welcome);
  const say = (text: string) => driver.say(text);
  const { replies } = await answerAll(say, await say(fr.t('common:menu.eligibility')), book, {
    until: (question) => !question.pending && question.questionId === at,
  });
  expect(asked(replies)).toBe(at);
  return { ...bot, driver, say };
}

/** An owner in the application, up to the question `at`. */
async function applicationUpTo(at: string) {
  const bot = createTestBot();
  const driver = new ConversationDriver(bot.adapter);
  await driver.say(welcome);
  const say = (text: string) => driver.say(text);
  const { replies } = await fillApplication(say, await say(fr.t('common:menu.apply')), {
    stopAt: at,
    book: ONE_FACT_PER_ANSWER,
  });
  expect(asked(replies)).toBe(at);
  return { ...bot, driver, say };
}

describe('a request for a person at a question', () => {
  test('"je veux parler à quelqu’un de la CCI" at the turnover: the contact flow, then the same question', async () => {
    const { say } = await checkUpTo('turnover');
    const contact = await say("je veux parler à quelqu'un de la CCI");
    const text = readable(contact);
    expect(text).toContain(fr.t('talk:advisor.thenBack'));
    // Thursday 19:30: the advisors are gone; the callback is offered.
    expect(text).toContain(fr.t('contact:closed.offerCallback'));
    expect(asked(contact)).toBeUndefined();
    const back = await say('non');
    expect(readable(back)).toContain(fr.t('contact:closed.declined'));
    // The request was not stored as the turnover: the turnover is asked again, and the check goes on.
    expect(asked(back)).toBe('turnover');
    expect(readable(back)).toContain(fr.t('eligibility:question.turnover'));
    expect(asked(await say('1,2 M€'))).not.toBe('turnover');
  });

  test('after a callback request taken in the middle of the application, the application question comes back', async () => {
    const { say, contactRequests } = await applicationUpTo('project.description');
    expect(readable(await say('pouvez-vous me rappeler ?'))).toContain(fr.t('contact:closed.offerCallback'));
    const callback = { name: 'Marie Dupont', phone: '06 12 34 56 78', moment: 'demain matin' };
    const { replies } = await answerAll(say, await say('oui'), callback, {
      until: (question) => question.questionId === 'project.description',
    });
    expect(asked(replies)).toBe('project.description');
    expect(readable(replies)).toContain(fr.t(findField('project.description')!.promptKey));
    const requests = await contactRequests.list();
    expect(requests.map((request) => request.kind)).toEqual(['callback']);
  });

  test('during office hours: the reason is passed to the advisors, then the question comes back', async () => {
    const thursdayMorning = new Date('2026-11-26T10:00:00+01:00');
    const { say, contactRequests, alerts } = await checkUpTo('headcount', thursdayMorning);
    expect(readable(await say('je voudrais parler à un conseiller'))).toContain(
      fr.t('contact:open.askReason'),
    );
    const back = await say('Je veux savoir si mon projet de reprise peut être aidé.');
    expect(readable(back)).toContain(fr.t('contact:open.queued'));
    expect(asked(back)).toBe('headcount');
    expect((await contactRequests.list()).map((request) => request.kind)).toEqual(['handoff']);
    expect(alerts).toHaveLength(1);
  });

  test('"conseiller" typed as a role is the role, not a request', async () => {
    const { say } = await applicationUpTo('contact.role');
    const next = await say('conseiller');
    expect(readable(next)).not.toContain(fr.t('talk:advisor.thenBack'));
    expect(asked(next)).not.toBe('contact.role');
  });
});

describe('a correction at a question', () => {
  test('"modifier le chiffre d’affaires" at the sector question: the turnover again, then the sector', async () => {
    const { say } = await checkUpTo('sector');
    const correction = await say("modifier le chiffre d'affaires");
    expect(readable(correction)).toContain(fr.t('talk:correct.going'));
    expect(asked(correction)).toBe('turnover');
    expect(asked(await say('2 M€'))).toBe('sector');
  });

  test('"je me suis trompé sur la commune" at the jobs question: the commune again, then the jobs', async () => {
    const { say } = await checkUpTo('jobs');
    expect(asked(await say('je me suis trompé sur la commune'))).toBe('commune');
    expect(asked(await say('Saint-Christol-lez-Alès'))).toBe('jobs');
  });

  test('in the application, "modifier le chiffre d’affaires" reaches the file’s turnover', async () => {
    const { say } = await applicationUpTo('project.description');
    const correction = await say("je voudrais modifier le chiffre d'affaires");
    expect(asked(correction)).toBe('company.turnover');
    expect(asked(await say('1,5 M€'))).toBe('project.description');
  });

  test('a description that starts with "modifier" is a description', async () => {
    const { say } = await applicationUpTo('project.description');
    const next = await say(
      'Modifier notre ligne de production pour fabriquer en série des pièces aéronautiques pour nos clients.',
    );
    expect(readable(next)).not.toContain(fr.t('talk:correct.going'));
    expect(asked(next)).not.toBe('project.description');
  });
});

describe('help at a question', () => {
  test('"je ne comprends pas la question" at the de minimis question: what it means, an example, the question', async () => {
    // "Non, je précise" to the attestation: the de minimis question comes by itself.
    const { say } = await checkUpTo('deMinimis', undefined, DECLARED_ONE_BY_ONE);
    const help = await say('je ne comprends pas la question');
    const text = readable(help);
    expect(text).toContain(
      fr.t('talk:faq.deMinimis', {
        ceiling: settings.deMinimis.ceiling,
        years: settings.deMinimis.periodYears,
      }),
    );
    expect(text).toContain(
      fr.t('talk:questionHelp.example', { example: fr.t('eligibility:example.deMinimis') }),
    );
    expect(asked(help)).toBe('deMinimis');
  });

  test('"aide" at a question gives the question’s help too, and asks it again', async () => {
    const { say } = await checkUpTo('proceedings', undefined, DECLARED_ONE_BY_ONE);
    const help = await say('aide');
    expect(readable(help)).toContain(fr.t('talk:faq.proceedings'));
    expect(readable(help)).toContain(fr.t('common:help.inFlow'));
    expect(asked(help)).toBe('proceedings');
  });

  test('a company named "Aide à domicile Cévennes" is a name, not a call for help', async () => {
    const { say } = await applicationUpTo('company.name');
    const next = await say('Aide à domicile Cévennes');
    expect(readable(next)).not.toContain(fr.t('common:help.inFlow'));
    expect(asked(next)).not.toBe('company.name');
  });

  test('"je veux créer 3 emplois" at the jobs question is the answer 3', async () => {
    const { say } = await checkUpTo('jobs');
    const next = await say('je veux créer 3 emplois');
    expect(asked(next)).not.toBe('jobs');
    expect(readable(next)).not.toContain(fr.t('talk:advisor.thenBack'));
  });

  test('"menu" at a question goes to the menu', async () => {
    const { say } = await checkUpTo('headcount');
    expect(readable(await say('menu'))).toContain(fr.t('common:menu.prompt'));
  });
});
