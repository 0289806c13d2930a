import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import {
  ELIGIBLE_COMPANY_CHECK,
  ONE_FACT_PER_ANSWER,
  answerAll,
  fillApplication,
  questionAsked,
} from '../support/answerBook.js';
import { createTestBot, en, fr } from '../support/botHarness.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';

const asked = (replies: Partial<Activity>[]) => questionAsked(replies)?.questionId;
/** A message as a client sends it, with its locale (Teams sends the client's language). */
const typed = (text: string, locale: string): Partial<Activity> => ({
  type: ActivityTypes.Message,
  text,
  locale,
});

describe('the language, asked for in words', () => {
  test('"in English please" at a question: said in English, the question again in English, and it stays', async () => {
    const driver = new ConversationDriver(createTestBot().adapter);
    await driver.say(typed('bonjour', 'fr-FR'));
    const { replies } = await answerAll(
      (text) => driver.say(typed(text, 'fr-FR')),
      await driver.say(typed(fr.t('common:menu.eligibility'), 'fr-FR')),
      ELIGIBLE_COMPANY_CHECK,
      { until: (q) => q.questionId === 'headcount' },
    );
    expect(asked(replies)).toBe('headcount');
    const switched = await driver.say(typed('in English please', 'fr-FR'));
    expect(readable(switched)).toContain(en.t('talk:language.switched'));
    expect(readable(switched)).toContain(en.t('eligibility:question.headcount'));
    expect(asked(switched)).toBe('headcount');
    // The client still says fr-FR: the user's choice wins.
    const next = await driver.say(typed('twelve', 'fr-FR'));
    expect(readable(next)).toContain(en.t('eligibility:question.turnover'));
    // And back in French, in words.
    const back = await driver.say(typed('en français svp', 'fr-FR'));
    expect(readable(back)).toContain(fr.t('talk:language.switched'));
    expect(readable(back)).toContain(fr.t('eligibility:question.turnover'));
  });

  test('a French owner with an English Teams keeps French once asked, in a new conversation too', async () => {
    const storage = new MemoryStorage();
    const { adapter } = createTestBot(storage, 'msteams');
    const first = new ConversationDriver(adapter, 'teams-chat-1');
    expect(readable(await first.say(typed('hello', 'en-US')))).toContain(en.t('common:menu.prompt'));
    const switched = await first.say(typed('en français svp', 'en-US'));
    expect(readable(switched)).toContain(fr.t('talk:language.switched'));
    expect(readable(switched)).toContain(fr.t('common:menu.prompt'));
    const later = new ConversationDriver(adapter, 'teams-chat-2');
    const text = readable(await later.say(typed('aide', 'en-US')));
    expect(text).toContain(fr.t('common:help.atMenu'));
    expect(text).not.toContain(en.t('common:help.atMenu'));
  });

  test('"parlez-moi en anglais" at the menu switches, and shows the menu in English', async () => {
    const driver = new ConversationDriver(createTestBot().adapter);
    await driver.say('bonjour');
    const turn = await driver.say('parlez-moi en anglais');
    expect(readable(turn)).toContain(en.t('talk:language.switched'));
    expect(turn.at(-1)?.text).toBe(en.t('common:menu.prompt'));
  });

  test('"Français" typed as a last name is the name, not a language', async () => {
    const driver = new ConversationDriver(createTestBot().adapter);
    await driver.say('bonjour');
    const say = (text: string) => driver.say(text);
    const { replies } = await fillApplication(say, await say(fr.t('common:menu.apply')), {
      stopAt: 'contact.lastName',
      book: ONE_FACT_PER_ANSWER,
    });
    expect(asked(replies)).toBe('contact.lastName');
    const next = await say('Français');
    expect(readable(next)).not.toContain(fr.t('talk:language.switched'));
    expect(asked(next)).toBe('contact.role');
  });

  test('the web page’s FR / EN control: an event that switches and asks the question again', async () => {
    const driver = new ConversationDriver(createTestBot().adapter);
    await driver.say('bonjour');
    await driver.say(fr.t('common:menu.eligibility'));
    const turn = await driver.say({
      type: ActivityTypes.Event,
      name: 'alize.setLanguage',
      value: { locale: 'en' },
    });
    expect(readable(turn)).toContain(en.t('talk:language.switched'));
    expect(asked(turn)).toBe('commune');
    expect(readable(turn)).toContain(en.t('eligibility:question.commune'));
    // A malformed event changes nothing and says nothing.
    const bad = await driver.say({
      type: ActivityTypes.Event,
      name: 'alize.setLanguage',
      value: { locale: 'xx' },
    });
    expect(bad).toEqual([]);
  });
});

describe('the language event as the first activity of a conversation', () => {
  test('the welcome, then the switch said once, and the menu in English', async () => {
    const driver = new ConversationDriver(createTestBot().adapter);
    const turn = await driver.say({
      type: ActivityTypes.Event,
      name: 'alize.setLanguage',
      value: { locale: 'en' },
    });
    const said = turn.map((reply) => reply.text);
    expect(said.filter((text) => text === en.t('talk:language.switched'))).toHaveLength(1);
    expect(turn.at(-1)?.text).toBe(en.t('common:menu.prompt'));
  });
});
