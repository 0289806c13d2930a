import { randomUUID } from 'node:crypto';
import { RootDialog } from '../../dialogs/rootDialog.js';
import { fillApplication } from '../support/answerBook.js';
import { fr, WELCOME_KEY } from '../support/botHarness.js';
import { HttpConversation, texts, type Reply } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

/** The bot as Teams addresses it, and a mention of it as Teams writes one in a channel. */
const BOT = { id: '28:00000000-0000-0000-0000-00000000a11e', name: 'AliZé' };
const MENTION = { type: 'mention', mentioned: BOT, text: '<at>AliZé</at>' };
const HERO = 'application/vnd.microsoft.card.hero';

type ConversationType = 'personal' | 'channel' | 'groupChat';

/** One Teams user in one Teams conversation, with activities shaped as Teams sends them. */
class TeamsChat {
  private readonly http: HttpConversation;
  readonly user = { id: `29:${randomUUID()}`, name: 'Marie Dupont', aadObjectId: randomUUID() };

  constructor(
    baseUrl: string,
    private readonly conversationType: ConversationType,
  ) {
    this.http = new HttpConversation(baseUrl, this.user.id);
  }

  async post(activity: Record<string, unknown>): Promise<Reply[]> {
    const { status, replies } = await this.http.post({
      channelId: 'msteams',
      from: this.user,
      recipient: BOT,
      conversation: {
        id: this.http.conversationId,
        conversationType: this.conversationType,
        tenantId: 'tenant',
      },
      channelData: { tenant: { id: 'tenant' } },
      ...activity,
    });
    expect(status).toBe(200);
    return replies;
  }

  say = (text: string) => this.post({ type: 'message', text });
  mention = (words: string) =>
    this.post({ type: 'message', text: `${MENTION.text} ${words}`, entities: [MENTION] });
}

const heroButtons = (replies: Reply[]): string[] =>
  replies
    .flatMap((r) => r.attachments ?? [])
    .filter((a) => a.contentType === HERO)
    .flatMap((a) => (a.content.buttons as { title: string }[]).map((b) => b.title));

/** What the replies say, in their text and on their hero cards (a question with buttons is a card in Teams). */
const said = (replies: Reply[]): string =>
  [
    ...texts(replies),
    ...replies
      .flatMap((r) => r.attachments ?? [])
      .filter((a) => a.contentType === HERO)
      .map((a) => String(a.content.text ?? '')),
  ].join('\n');

describe('the bot as Microsoft Teams talks to it', () => {
  const server = serverForSuite();

  test('installing the server.app in a personal chat (Teams adds the bot) greets the user with the menu as a card', async () => {
    const chat = new TeamsChat(server.url, 'personal');
    const replies = await chat.post({ type: 'conversationUpdate', membersAdded: [BOT] });
    expect(texts(replies)).toEqual([fr.t(WELCOME_KEY), fr.t('common:greeting.intro')]);
    // Teams shows no suggested actions in most places: the menu comes as a hero card with the same buttons.
    expect(replies.some((r) => r.suggestedActions)).toBe(false);
    expect(heroButtons(replies)).toEqual(RootDialog.menuTitles(fr.t));
    // A mention is not needed in a personal chat, but one typed anyway is not read as part of the answer.
    expect(texts(await chat.mention('aide'))).toContain(fr.t('common:help.atMenu'));
  });

  test.each(['channel', 'groupChat'] as const)(
    'in a %s: one short note on install, silence without a mention, the words after a mention answered',
    async (conversationType) => {
      const chat = new TeamsChat(server.url, conversationType);
      expect(texts(await chat.post({ type: 'conversationUpdate', membersAdded: [BOT] }))).toEqual([
        fr.t('teams:installed.group'),
      ]);
      // A colleague joining the team is not greeted in front of everyone.
      expect(await chat.post({ type: 'conversationUpdate', membersAdded: [{ id: '29:colleague' }] })).toEqual(
        [],
      );
      // Colleagues talking among themselves: the bot stays out of it.
      expect(await chat.say('aide')).toEqual([]);
      expect(await chat.say(fr.t('common:menu.eligibility'))).toEqual([]);
      // Mentioning a colleague is not mentioning the bot (a malformed mention entity is ignored too).
      const colleague = {
        type: 'mention',
        mentioned: { id: '29:megan', name: 'Megan' },
        text: '<at>Megan</at>',
      };
      expect(
        await chat.post({
          type: 'message',
          text: '<at>Megan</at> aide',
          entities: [colleague, { type: 'mention' }],
        }),
      ).toEqual([]);

      // The install note was the welcome: a first mention is answered, not welcomed again (teamsChannelWelcome.test.ts).
      expect(texts(await chat.mention('bonjour'))).toContain(fr.t('common:menu.again'));
      const help = await chat.mention('aide');
      expect(texts(help)).toContain(fr.t('common:help.atMenu'));
      expect(heroButtons(help)).toEqual(RootDialog.menuTitles(fr.t));

      // The first question offers to describe the company in one sentence: in Teams, a card with its buttons.
      const eligibility = await chat.mention(fr.t('common:menu.eligibility'));
      expect(said(eligibility)).toContain(fr.t('eligibility:question.commune'));
      expect(heroButtons(eligibility)).toContain(fr.t('facts:opener.describe'));
    },
  );

  test('a card submit in a channel needs no mention (Teams sends a value, no text) and gets a polite answer', async () => {
    const chat = new TeamsChat(server.url, 'channel');
    await chat.mention('bonjour');
    const replies = await chat.post({
      type: 'message',
      value: { action: 'submitApplication', entry: 'apply' },
    });
    expect(texts(replies)).toContain(fr.t('applicationFlow:draft.none'));
    expect(texts(replies)).not.toContain(fr.t('common:error.apology'));
  });

  test('a full application in a personal chat: cards all along, the recap card submitted, one file from msteams', async () => {
    const chat = new TeamsChat(server.url, 'personal');
    const all: Reply[] = [...(await chat.post({ type: 'conversationUpdate', membersAdded: [BOT] }))];
    const say = async (text: string) => {
      const turn = await chat.say(text);
      all.push(...turn);
      return turn;
    };
    const { replies: recap } = await fillApplication(say, await say(fr.t('common:menu.apply')));
    expect(recap[0].attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(recap[0].attachments?.[0].content)).toContain(fr.t('applicationFlow:recap.submit'));

    // The card's "Envoyer mon dossier": Teams posts the button's data as `value`, with no text.
    // The confirmation is a card in Teams: it offers the file's PDF with a button.
    const submitted = await chat.post({
      type: 'message',
      value: { action: 'submitApplication', entry: 'apply' },
    });
    expect(said(submitted)).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
    expect(heroButtons(submitted)).toEqual([fr.t('receipts:download.button'), fr.t('eligibility:next.menu')]);
    expect(all.some((r) => r.suggestedActions)).toBe(false);
    expect(heroButtons(all).length).toBeGreaterThan(0);

    const [file] = await server.app.queue.list();
    expect(file).toMatchObject({ reference: 'ALZ-2026-0001', channel: 'msteams', userId: chat.user.id });
  });
});
