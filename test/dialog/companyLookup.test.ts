import { ActivityTypes, MemoryStorage, UserState, type TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { LocaleMiddleware } from '../../bot/localeMiddleware.js';
import { CompanyLookupDialog } from '../../dialogs/companyLookupDialog.js';
import type { UserProfile } from '../../dialogs/userProfile.js';
import { createCompanyRegisterClient } from '../../bot/companyRegisterClient.js';
import { COMPANY_LOOKUP_QUESTION } from '../../dialogs/companyLookupDialog.js';
import { REGISTER_PREFILL_KEY } from '../../dialogs/domain/companyRegisterAnswers.js';
import { ELIGIBLE_COMPANY_CHECK, answerAll, fillApplication, questionAsked } from '../support/answerBook.js';
import { TEST_NOW, createTestBot, fr, localizer } from '../support/botHarness.js';
import {
  CLOSED_SIRET,
  FOUND_SIRET,
  LIMITED_SIRET,
  MALFORMED_SIRET,
  NOT_FOUND_SIRET,
  SHARED_NAME,
  SLOW_SIRET,
} from '../support/companyRegisterFixtures.js';
import { startLocalRegister, type LocalRegister } from '../support/companyRegisterServer.js';
import { withCompanyAge } from '../support/companyAgeRule.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';

let register: LocalRegister;
beforeAll(async () => {
  register = await startLocalRegister();
});
afterAll(() => register.close());

const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };
/** The company's SIRET as the owner types it, with spaces. */
const typed = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
/** What the register fills: never asked again once the owner confirmed the card. */
const FROM_REGISTER = [
  'company.name',
  'company.siret',
  'company.legalForm',
  'company.creationDate',
  'company.nafCode',
  'company.address',
  'company.commune',
];

async function start(entry: 'eligibility' | 'apply', storage = new MemoryStorage(), timeoutMs = 300) {
  const companyRegister = createCompanyRegisterClient({ baseUrl: register.url, timeoutMs });
  const bot = createTestBot(storage, 'emulator', undefined, { companyRegister });
  const driver = new ConversationDriver(bot.adapter);
  await driver.say(welcome);
  const first = await driver.say(fr.t(`common:menu.${entry}`));
  return { ...bot, driver, first };
}

describe('the company lookup', () => {
  test('found from its SIRET: one card, "Oui", and the check skips the commune and the sector', async () => {
    const { driver, first } = await start('eligibility');
    expect(questionAsked(first)).toEqual({ questionId: COMPANY_LOOKUP_QUESTION });
    expect(readable(first)).toContain(fr.t('companyLookup:ask'));
    expect(buttonsOf(first)).toEqual([fr.t('companyLookup:skip')]);

    const card = await driver.say(typed(FOUND_SIRET));
    const text = readable(card);
    expect(text).toContain(fr.t('companyLookup:card.title'));
    expect(text).toContain(fr.t('companyLookup:card.name', { value: 'MECANIQUE CEVENOLE' }));
    expect(text).toContain(fr.t('companyLookup:card.headcount', { min: 10, max: 19 }));
    expect(text).not.toContain(fr.t('companyLookup:closed'));
    expect(buttonsOf(card)).toEqual([
      fr.t('companyLookup:yes'),
      fr.t('companyLookup:no'),
      fr.t('companyLookup:correct.name'),
      fr.t('companyLookup:correct.address'),
      fr.t('companyLookup:correct.activity'),
    ]);
    // Only the SIRET left the server.
    const sent = register.received.at(-1)!;
    expect(sent.get('q')).toBe(FOUND_SIRET);
    expect([...sent.keys()].sort()).toEqual(['per_page', 'q']);

    const after = await driver.say(fr.t('companyLookup:yes'));
    expect(readable(after)).toContain(fr.t('companyLookup:confirmed'));
    expect(questionAsked(after)?.questionId).toBe('headcount');
    const { replies, asked } = await answerAll((t) => driver.say(t), after, ELIGIBLE_COMPANY_CHECK);
    expect(asked).not.toContain('commune');
    expect(asked).not.toContain('sector');
    expect(readable(replies)).toContain(fr.t('eligibility:verdict.OK'));
  });

  test('the application then asks none of what the register gave, and the file says where it came from', async () => {
    const { driver, queue } = await start('eligibility');
    await driver.say(FOUND_SIRET);
    const after = await driver.say('oui');
    await answerAll((t) => driver.say(t), after, ELIGIBLE_COMPANY_CHECK);
    const applying = await driver.say(fr.t('eligibility:next.apply'));
    expect(questionAsked(applying)?.questionId).not.toBe(COMPANY_LOOKUP_QUESTION);
    const { asked } = await fillApplication((t) => driver.say(t), applying);
    for (const key of FROM_REGISTER) expect(asked).not.toContain(key);
    expect(asked).toContain('contact.email');
    await driver.say({ type: 'message', value: { action: 'submitApplication', entry: 'apply' } });
    const [file] = await queue.list();
    expect(file.data['company.name']).toBe('MECANIQUE CEVENOLE');
    expect(file.data['company.legalForm']).toBe('SAS');
    expect(file.data['company.creationDate']).toBe('2015-03-12');
    expect(file.data['company.postalCode']).toBe('30100');
    expect([...(file.data[REGISTER_PREFILL_KEY] as string[])].sort()).toEqual([...FROM_REGISTER].sort());
  });

  test('a closed establishment is said plainly on the card, and the check says it cannot apply as it stands', async () => {
    const { driver } = await start('eligibility');
    const card = readable(await driver.say(CLOSED_SIRET));
    expect(card).toContain(fr.t('companyLookup:closed'));
    const verdict = readable(await driver.say('oui'));
    expect(verdict).toContain(fr.t('eligibility:verdict.NO'));
    expect(verdict).toContain(fr.t('eligibility:reason.register.closed'));
    expect(verdict).toContain(fr.t('eligibility:verdict.humanReview'));
  });

  test.each([
    ['not found', NOT_FOUND_SIRET, 'companyLookup:notFound'],
    ['slower than the time-out', SLOW_SIRET, 'companyLookup:unavailable'],
    ['answering 429', LIMITED_SIRET, 'companyLookup:unavailable'],
    ['answering a malformed body', MALFORMED_SIRET, 'companyLookup:unavailable'],
  ])('a register %s: a calm sentence, then the questions as today', async (_case, siret, key) => {
    const { driver } = await start('eligibility');
    const replies = await driver.say(siret);
    expect(readable(replies)).toContain(fr.t(key));
    expect(questionAsked(replies)?.questionId).toBe('commune');
  });

  test('a name several companies share offers the few best, and the one picked goes on the card', async () => {
    const { driver } = await start('eligibility');
    const choices = await driver.say(SHARED_NAME);
    expect(readable(choices)).toContain(fr.t('companyLookup:choose'));
    const buttons = buttonsOf(choices);
    expect(buttons).toHaveLength(4);
    expect(buttons.at(-1)).toBe(fr.t('companyLookup:noneOfThese'));
    expect(buttons[1]).toContain('CEVENOLE BOIS');
    const card = readable(await driver.say('2'));
    expect(card).toContain(fr.t('companyLookup:card.name', { value: 'CEVENOLE BOIS' }));
    expect(card).toContain(
      fr.t('companyLookup:card.legalForm', { value: fr.t('application:choice.legalForm.SARL') }),
    );
  });

  test('"Corriger l’adresse": the rest is taken, the commune is asked', async () => {
    const { driver } = await start('eligibility');
    await driver.say(FOUND_SIRET);
    const after = await driver.say(fr.t('companyLookup:correct.address'));
    expect(readable(after)).toContain(fr.t('companyLookup:confirmedCorrect'));
    expect(questionAsked(after)?.questionId).toBe('commune');
  });

  test('skipped: the questions as today, and the lookup is not offered again at the application', async () => {
    const { driver } = await start('eligibility');
    const replies = await driver.say(fr.t('companyLookup:skip'));
    expect(readable(replies)).toContain(fr.t('companyLookup:skipped'));
    expect(questionAsked(replies)?.questionId).toBe('commune');
    await answerAll((t) => driver.say(t), replies, ELIGIBLE_COMPANY_CHECK);
    const applying = await driver.say(fr.t('eligibility:next.apply'));
    expect(questionAsked(applying)?.questionId).not.toBe(COMPANY_LOOKUP_QUESTION);
  });

  test('a draft filled partly from the lookup is resumed with those answers, which the recap can still change', async () => {
    const storage = new MemoryStorage();
    const { driver, first } = await start('apply', storage);
    expect(questionAsked(first)?.questionId).toBe(COMPANY_LOOKUP_QUESTION);
    await driver.say(FOUND_SIRET);
    const afterCard = await driver.say('oui');
    const { replies } = await fillApplication((t) => driver.say(t), afterCard, {
      stopAt: 'project.description',
    });
    expect(questionAsked(replies)?.questionId).toBe('project.description');
    await driver.say('pause');

    // Another visit: same user and storage, another conversation.
    const later = new ConversationDriver(createTestBot(storage).adapter, 'second-visit');
    await later.say(welcome);
    const resumed = await later.say(fr.t('common:menu.resume'));
    const { asked, replies: recap } = await fillApplication((t) => later.say(t), resumed);
    expect(asked[0]).toBe('project.description');
    for (const key of FROM_REGISTER) expect(asked).not.toContain(key);
    expect(readable(recap)).toContain('MECANIQUE CEVENOLE');
  });

  test('a name the register gave, changed at the recap, is the owner’s and leaves the source marker', async () => {
    const { driver, first, queue } = await start('apply');
    expect(questionAsked(first)?.questionId).toBe(COMPANY_LOOKUP_QUESTION);
    await driver.say(FOUND_SIRET);
    const { replies } = await fillApplication((t) => driver.say(t), await driver.say('oui'));
    expect(readable(replies)).toContain('MECANIQUE CEVENOLE');
    await driver.say(fr.t('applicationFlow:recap.edit'));
    const asked = await driver.say(fr.t('application:label.company.name'));
    expect(questionAsked(asked)?.questionId).toBe('company.name');
    const recap = await driver.say('Mécanique Cévenole');
    expect(readable(recap)).toContain('Mécanique Cévenole');
    await driver.say({ type: 'message', value: { action: 'submitApplication', entry: 'apply' } });
    const [file] = await queue.list();
    expect(file.data['company.name']).toBe('Mécanique Cévenole');
    expect(file.data[REGISTER_PREFILL_KEY]).not.toContain('company.name');
    expect(file.data[REGISTER_PREFILL_KEY]).toContain('company.siret');
  });

  test('a rule on the company’s age composed in: its creation date comes from the register, not asked', async () => {
    const companyRegister = createCompanyRegisterClient({ baseUrl: register.url, timeoutMs: 300 });
    const bot = createTestBot(new MemoryStorage(), 'emulator', undefined, {
      companyRegister,
      eligibilityRules: withCompanyAge(),
    });
    const driver = new ConversationDriver(bot.adapter);
    await driver.say(welcome);
    await driver.say(fr.t('common:menu.eligibility'));
    await driver.say(FOUND_SIRET);
    const after = await driver.say('oui');
    const { asked } = await answerAll((t) => driver.say(t), after, ELIGIBLE_COMPANY_CHECK);
    expect(asked).not.toContain('creationDate');
  });

  test('COMPANY_LOOKUP=off (no register given): the check starts with the commune as today', async () => {
    const bot = createTestBot();
    const driver = new ConversationDriver(bot.adapter);
    await driver.say(welcome);
    const first = await driver.say(fr.t('common:menu.eligibility'));
    expect(questionAsked(first)?.questionId).toBe('commune');
    expect(readable(first)).not.toContain(fr.t('companyLookup:ask'));
  });
});

describe('the lookup started by another part of the bot, with a SIRET already read', () => {
  test('{ query }: nothing is asked, the card comes first, and "Oui" stores the company', async () => {
    const userState = new UserState(new MemoryStorage());
    const profiles = userState.createProperty<UserProfile>('profile');
    const companyRegister = createCompanyRegisterClient({ baseUrl: register.url, timeoutMs: 300 });
    const dialog = new CompanyLookupDialog(companyRegister, profiles, () => TEST_NOW);
    let profile: UserProfile = {};
    const keepProfile = {
      onTurn: async (context: TurnContext, next: () => Promise<void>) => {
        await next();
        profile = await profiles.get(context, {});
        await userState.saveChanges(context);
      },
    };
    const client = new DialogTestClient('emulator', dialog, { query: FOUND_SIRET }, [
      new LocaleMiddleware(localizer),
      keepProfile,
    ]);
    const card = await client.sendActivity('bonjour');
    expect(card.text).toContain(fr.t('companyLookup:card.title'));
    expect(questionAsked([card])).toEqual({ questionId: COMPANY_LOOKUP_QUESTION, pending: 'confirm' });
    await client.sendActivity('oui');
    expect(client.dialogTurnResult.result).toEqual({ outcome: 'confirmed', closed: false });
    expect(profile.companyLookup?.outcome).toBe('confirmed');
    expect(profile.companyLookup?.company?.establishment?.siret).toBe(FOUND_SIRET);
  });
});
