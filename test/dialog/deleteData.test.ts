import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { createTestBot, en, fr } from '../support/botHarness.js';
import { fillApplication } from '../support/answerBook.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';
import { stateKeysOf } from '../support/stateKeys.js';

const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };
const SUBMIT = { type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } };

describe('"supprimer mes données"', () => {
  test('after a confirmation, erases state and draft, and flags submitted files instead of deleting them', async () => {
    const storage = new MemoryStorage();
    const bot = createTestBot(storage);
    const driver = new ConversationDriver(bot.adapter);
    await driver.say(welcome);
    await fillApplication((text) => driver.say(text), await driver.say(fr.t('common:menu.apply')));
    await driver.say(SUBMIT);
    await driver.say(fr.t('common:menu.apply'));
    await driver.say('Développement');
    await driver.say('Une autre société');

    const keys = stateKeysOf(bot.adapter);
    expect(Object.keys(await storage.read([keys.user, keys.conversation])).sort()).toEqual(
      [keys.user, keys.conversation].sort(),
    );

    const confirm = await driver.say('supprimer mes données');
    expect(readable(confirm)).toBe(fr.t('privacy:confirmWithFiles', { references: 'ALZ-2026-0001' }));
    expect(buttonsOf(confirm)).toEqual([fr.t('privacy:yes'), fr.t('privacy:no')]);
    expect(await driver.read(fr.t('privacy:yes'))).toContain(
      fr.t('privacy:erasedWithFiles', { references: 'ALZ-2026-0001' }),
    );

    expect(await storage.read([keys.user, keys.conversation])).toEqual({});
    const [file] = await bot.queue.list();
    expect(file.retention?.erasureRequestedAt).toBeDefined();
    expect(file.data['contact.email']).toBe('marie.dupont@exemple.fr');

    // Coming back: a fresh start, no draft, greeted again.
    const again = await driver.read('bonjour');
    expect(again).toContain(fr.t('common:greeting.hello'));
    expect(again).not.toContain(fr.t('applicationFlow:draft.reminder'));
  });

  test('declining keeps everything, and works from the middle of a question', async () => {
    const bot = createTestBot();
    const driver = new ConversationDriver(bot.adapter);
    await driver.say(welcome);
    await driver.say(fr.t('common:menu.eligibility'));
    await driver.say('Alès');
    expect(readable(await driver.say('Supprimer mes données'))).toBe(fr.t('privacy:confirm'));
    expect(await driver.read(fr.t('privacy:no'))).toContain(fr.t('privacy:kept'));
    expect(await driver.read(fr.t('common:menu.eligibility'))).toContain(fr.t('eligibility:resumed'));
  });

  test('works in English too', async () => {
    const bot = createTestBot();
    const driver = new ConversationDriver(bot.adapter);
    const reply = await driver.say({ type: ActivityTypes.Message, text: 'delete my data', locale: 'en-US' });
    expect(readable(reply)).toContain(en.t('privacy:confirm'));
  });
});
