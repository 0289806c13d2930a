import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { createTestBot, fr } from '../support/botHarness.js';
import { ConversationDriver } from '../support/conversationDriver.js';

const MORNING = new Date('2026-11-26T10:00:00+01:00');
const EVENING = new Date('2026-11-26T21:15:00+01:00');
const added = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };

const firstReply = async (now: Date, input: string | typeof added) => {
  const driver = new ConversationDriver(createTestBot(new MemoryStorage(), 'emulator', now).adapter);
  return (await driver.say(input))[0]?.text;
};

describe('« Bonjour » and « Bonsoir »', () => {
  test('the welcome follows the time of day in Paris', async () => {
    expect(await firstReply(MORNING, added)).toBe(fr.t('common:greeting.hello'));
    expect(await firstReply(EVENING, added)).toBe(fr.t('common:greeting.helloEvening'));
  });

  test('« Bonsoir » is answered « Bonsoir », even in the morning; « Bonjour » « Bonjour », even at night', async () => {
    expect(await firstReply(MORNING, 'Bonsoir !')).toBe(fr.t('common:greeting.helloEvening'));
    expect(await firstReply(EVENING, 'bonjour')).toBe(fr.t('common:greeting.hello'));
  });

  test('at the menu, a greeting is answered in kind too', async () => {
    const driver = new ConversationDriver(createTestBot(new MemoryStorage(), 'emulator', MORNING).adapter);
    await driver.say(added);
    expect((await driver.say('bonsoir'))[0]?.text).toBe(fr.t('common:menu.againEvening'));
    expect((await driver.say('Bonjour'))[0]?.text).toBe(fr.t('common:menu.again'));
  });
});
