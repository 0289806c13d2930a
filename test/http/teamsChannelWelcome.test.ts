import { randomUUID } from 'node:crypto';
import { fr, WELCOME_KEY } from '../support/botHarness.js';
import { postActivity, texts, type Reply } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

const BOT = { id: '28:00000000-0000-0000-0000-00000000a11e', name: 'AliZé' };
const MENTION = { type: 'mention', mentioned: BOT, text: '<at>AliZé</at>' };

/**
 * A Teams channel as Teams addresses it: one channel id, and each new post a thread whose conversation id is the
 * channel's followed by `;messageid=<id of the post>`.
 */
class TeamsChannel {
  readonly id = `19:${randomUUID()}@thread.tacv2`;
  private posts = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly conversationType: 'channel' | 'groupChat' = 'channel',
  ) {}

  /** A new post mentioning the bot, by `member`: a thread of its own in a channel, the same chat in a group. */
  async newPost(member: { id: string; name: string }, words: string): Promise<Reply[]> {
    this.posts += 1;
    const conversationId =
      this.conversationType === 'channel' ? `${this.id};messageid=${1700000000000 + this.posts}` : this.id;
    return this.post(conversationId, member, {
      type: 'message',
      text: `${MENTION.text} ${words}`,
      entities: [MENTION],
    });
  }

  install(member: { id: string; name: string }): Promise<Reply[]> {
    return this.post(this.id, member, { type: 'conversationUpdate', membersAdded: [BOT] });
  }

  private async post(
    conversationId: string,
    from: { id: string; name: string },
    activity: Record<string, unknown>,
  ) {
    const { status, replies } = await postActivity(this.baseUrl, {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from: { ...from, aadObjectId: randomUUID() },
      recipient: BOT,
      conversation: { id: conversationId, conversationType: this.conversationType, tenantId: 'tenant' },
      channelData: { tenant: { id: 'tenant' } },
      locale: 'fr-FR',
      deliveryMode: 'expectReplies',
      ...activity,
    });
    expect(status).toBe(200);
    return replies;
  }
}

const member = () => ({ id: `29:${randomUUID()}`, name: 'Marie Dupont' });

describe('the welcome in a Teams channel or group chat', () => {
  const server = serverForSuite();

  test('a channel the bot was never added to in our sight: welcomed at the first post only, not at every new post', async () => {
    const channel = new TeamsChannel(server.url);
    const marie = member();
    const first = texts(await channel.newPost(marie, 'suis-je éligible ?'));
    expect(first).toContain(fr.t(WELCOME_KEY));
    expect(first.join('\n')).toContain(fr.t('eligibility:question.commune'));

    const second = texts(await channel.newPost(marie, 'aide'));
    expect(second).not.toContain(fr.t(WELCOME_KEY));
    expect(second).not.toContain(fr.t('common:greeting.intro'));
    expect(second).toContain(fr.t('common:help.atMenu'));

    // A colleague's first post in the same channel: no welcome either, and the first words are still acted on.
    const colleague = texts(await channel.newPost(member(), 'suis-je éligible ?'));
    expect(colleague).not.toContain(fr.t(WELCOME_KEY));
    expect(colleague).not.toContain(fr.t('common:greeting.intro'));
    expect(colleague.join('\n')).toContain(fr.t('eligibility:question.commune'));
  });

  test.each(['channel', 'groupChat'] as const)('in a %s the note on install is the welcome', async (type) => {
    const channel = new TeamsChannel(server.url, type);
    expect(texts(await channel.install(member()))).toEqual([fr.t('teams:installed.group')]);
    for (let post = 0; post < 3; post++) {
      const replies = texts(await channel.newPost(member(), 'bonjour'));
      expect(replies).not.toContain(fr.t('common:greeting.hello'));
      expect(replies).not.toContain(fr.t('common:greeting.intro'));
      expect(replies).toContain(fr.t('common:menu.again'));
    }
  });

  test('two channels are welcomed each once', async () => {
    const [a, b] = [new TeamsChannel(server.url), new TeamsChannel(server.url)];
    expect(texts(await a.newPost(member(), 'bonsoir'))).toContain(fr.t('common:greeting.helloEvening'));
    expect(texts(await b.newPost(member(), 'bonsoir'))).toContain(fr.t('common:greeting.helloEvening'));
    expect(texts(await a.newPost(member(), 'bonsoir'))).not.toContain(fr.t('common:greeting.helloEvening'));
  });
});
