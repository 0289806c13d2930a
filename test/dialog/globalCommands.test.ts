import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { stateKeysOf } from '../support/stateKeys.js';
import { createTestBot, fr, WELCOME_KEY } from '../support/botHarness.js';

const isMenu = (activity: Partial<Activity>) => expect(activity.text).toBe(fr.t('common:menu.prompt'));
const started = () =>
  createTestBot()
    .adapter.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user1', name: 'Claire' }] })
    .assertReply(fr.t(WELCOME_KEY))
    .assertReply(fr.t('common:greeting.intro'))
    .assertReply(isMenu);

describe('global commands', () => {
  test.each(['aide', 'Aide !', 'AIDE', '?'])(
    '"%s" explains what the bot can do, then shows the menu',
    async (text) => {
      await started().send(text).assertReply(fr.t('common:help.atMenu')).assertReply(isMenu).startTest();
    },
  );

  test.each(['menu', 'Menu', 'retour au menu'])('"%s" shows the menu', async (text) => {
    await started().send(text).assertReply(isMenu).startTest();
  });

  test('"annuler" at the menu shows the menu again', async () => {
    await started().send('annuler').assertReply(isMenu).startTest();
  });

  test('"recommencer" starts over from the menu', async () => {
    await started().send('recommencer').assertReply(fr.t('common:restarted')).assertReply(isMenu).startTest();
  });

  test('an answer the bot does not understand at the menu is met with a way forward', async () => {
    await started()
      .send('blablabla')
      .assertReply(fr.t('common:notUnderstood'))
      .assertReply(isMenu)
      .startTest();
  });

  test('"En savoir plus sur AliZé" explains the programme in short messages', async () => {
    const paragraphs = fr.list('about:paragraphs');
    expect(paragraphs.length).toBeGreaterThanOrEqual(2);
    let flow = started().send('En savoir plus sur AliZé');
    for (const paragraph of paragraphs) flow = flow.assertReply(paragraph);
    await flow.assertReply(isMenu).startTest();
  });
});

describe('a conversation that opens with a command', () => {
  test('"aide" as the very first message is greeted, answered, then shown the menu', async () => {
    await createTestBot()
      .adapter.send('aide')
      .assertReply(fr.t(WELCOME_KEY))
      .assertReply(fr.t('common:greeting.intro'))
      .assertReply(fr.t('common:help.atMenu'))
      .assertReply(isMenu)
      .startTest();
  });
});

describe('a broken dialog state does not trap the user', () => {
  test('a stack naming a dialog that no longer exists restarts cleanly at the menu', async () => {
    const storage = new MemoryStorage();
    const { adapter } = createTestBot(storage);
    await adapter
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user1', name: 'Claire' }] })
      .assertReply(fr.t(WELCOME_KEY))
      .assertReply(fr.t('common:greeting.intro'))
      .assertReply(isMenu)
      .startTest();

    // Simulate a deployment that removed a dialog the stored stack still points to.
    const conversationKey = stateKeysOf(adapter).conversation;
    const stored = await storage.read([conversationKey]);
    const state = stored[conversationKey] as { dialogState: { dialogStack: { id: string }[] } };
    expect(state.dialogState.dialogStack.length).toBeGreaterThan(0);
    state.dialogState.dialogStack = [{ id: 'aDialogThatNoLongerExists' } as never];
    await storage.write({ [conversationKey]: { ...state, eTag: '*' } });

    await adapter
      .send('bonjour')
      .assertReply(fr.t('common:error.recovered'))
      .assertReply(isMenu)
      .send('aide')
      .assertReply(fr.t('common:help.atMenu'))
      .startTest();
  });
});
