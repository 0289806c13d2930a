import { ActivityTypes, type Activity } from 'botbuilder';
import { RootDialog } from '../../dialogs/rootDialog.js';
import { createTestBot, en, fr, WELCOME_KEY } from '../support/botHarness.js';

const menuTitles = RootDialog.menuTitles(fr.t);

function expectMenu(activity: Partial<Activity>): void {
  expect(activity.text).toBe(fr.t('common:menu.prompt'));
  expect(activity.suggestedActions?.actions.map((a) => a.title)).toEqual(menuTitles);
}

describe('greeting and menu', () => {
  test('a new conversation is greeted in French with the menu', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user1', name: 'Claire' }] })
      .assertReply(fr.t(WELCOME_KEY))
      .assertReply(fr.t('common:greeting.intro'))
      .assertReply(expectMenu)
      .startTest();
  });

  test('the menu offers the five entries of the design, in their order, distinct and translated', () => {
    const design = ['eligibility', 'apply', 'resume', 'advisor', 'about'];
    expect(menuTitles).toEqual(design.map((entry) => fr.t(`common:menu.${entry}`)));
    expect(new Set(menuTitles).size).toBe(design.length);
    for (const title of menuTitles) expect(title).not.toMatch(/^common:/);
    // An advisor's entry is offered to advisors only.
    expect(menuTitles).not.toContain(fr.t('common:menu.advisorMode'));
  });

  test('a first message is greeted too, then answered', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send('bonjour')
      .assertReply(fr.t('common:greeting.hello'))
      .assertReply(fr.t('common:greeting.intro'))
      .assertReply(expectMenu)
      .startTest();
  });

  test('a first message that is a question goes straight to its answer', async () => {
    const { adapter } = createTestBot();
    const about = fr.list('about:paragraphs');
    await adapter
      .send("c'est quoi AliZé ?")
      .assertReply(fr.t(WELCOME_KEY))
      .assertReply(fr.t('common:greeting.intro'))
      .assertReply(about[0])
      .assertReply(about[1])
      .assertReply(about[2])
      .assertReply(expectMenu)
      .startTest();
  });

  test('the greeting is not repeated once the conversation has started', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user1', name: 'Claire' }] })
      .assertReply(fr.t(WELCOME_KEY))
      .assertReply(fr.t('common:greeting.intro'))
      .assertReply(expectMenu)
      .send('bonjour')
      .assertReply(fr.t('common:menu.again'))
      .assertReply(expectMenu)
      .startTest();
  });

  test('the bot answers in English when the activity locale is en-US', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send({ type: ActivityTypes.Message, text: 'hello', locale: 'en-US' })
      .assertReply(en.t(WELCOME_KEY))
      .assertReply(en.t('common:greeting.intro'))
      .assertReply((activity) => {
        expect(activity.text).toBe(en.t('common:menu.prompt'));
        expect(activity.suggestedActions?.actions.map((a) => a.title)).toEqual(RootDialog.menuTitles(en.t));
      })
      .startTest();
  });

  test('an unknown locale falls back to French', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send({ type: ActivityTypes.Message, text: 'hola', locale: 'es-ES' })
      .assertReply(fr.t(WELCOME_KEY))
      .startTest();
  });

  test('in Teams the menu comes as a card with buttons, since Teams does not show suggested actions', async () => {
    const { adapter } = createTestBot(undefined, 'msteams');
    await adapter
      .send('bonjour')
      .assertReply(fr.t('common:greeting.hello'))
      .assertReply(fr.t('common:greeting.intro'))
      .assertReply((activity) => {
        const card = activity.attachments?.[0];
        expect(card?.contentType).toBe('application/vnd.microsoft.card.hero');
        const content = card?.content as { text: string; buttons: { title: string }[] };
        expect(content.text).toBe(fr.t('common:menu.prompt'));
        expect(content.buttons.map((b) => b.title)).toEqual(menuTitles);
      })
      .startTest();
  });
});
