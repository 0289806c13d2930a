import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../bot/app.js';
import { fr } from '../support/botHarness.js';
import {
  newSigningKey,
  signJwt,
  startChannelKeyServer,
  type ChannelKeyServer,
} from '../support/channelKeys.js';
import { DirectLineClient, botTexts } from '../support/directLineClient.js';
import { postActivity, startTestServer, tempDataDir, type Reply } from '../support/httpBot.js';

const APP_ID = '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87';
const TENANT = '5a0c4f1e-2b7d-4c1e-9a55-3f0e2d6c1b0a';
const OTHER_TENANT = 'f00dbabe-0000-4000-8000-000000000001';
const ADVISOR_OID = '6d1f9c2e-8b1a-4f7e-9c3d-2a5b7e9f0c11';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const BOT = { id: `28:${APP_ID}`, name: 'AliZé' };
const MENTION = { type: 'mention', mentioned: BOT, text: '<at>AliZé</at>' };

/** Every string a reply shows (text, card text, buttons), wherever the channel puts it. */
function shown(replies: Reply[]): string {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(replies.map((r) => ({ text: r.text, attachments: r.attachments, actions: r.suggestedActions })));
  return strings.join('\n');
}

interface TeamsConversation {
  id: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
}

interface TeamsUser {
  id: string;
  name: string;
  aadObjectId?: string;
}

/** A Teams member, their activities signed as the Bot Connector signs them (or as an attacker would). */
class TeamsMember {
  constructor(
    private readonly app: RunningApp,
    private readonly keys: ChannelKeyServer,
    readonly user: TeamsUser,
    private readonly conversation: TeamsConversation,
    private readonly tenant = TENANT,
  ) {}

  async post(
    activity: Record<string, unknown>,
    token: string | null = this.keys.channelToken(APP_ID, SERVICE_URL),
  ): Promise<{ status: number; replies: Reply[] }> {
    return postActivity(
      this.app.url,
      {
        channelId: 'msteams',
        serviceUrl: SERVICE_URL,
        from: this.user,
        recipient: BOT,
        conversation: { ...this.conversation, tenantId: this.tenant },
        channelData: { tenant: { id: this.tenant } },
        locale: 'fr-FR',
        deliveryMode: 'expectReplies',
        ...activity,
      },
      token ? { authorization: `Bearer ${token}` } : {},
    );
  }

  /** A message, with the mention Teams requires in shared conversations. */
  async say(words: string): Promise<string> {
    const shared = this.conversation.conversationType !== 'personal';
    const { status, replies } = await this.post(
      shared
        ? { type: 'message', text: `${MENTION.text} ${words}`, entities: [MENTION] }
        : { type: 'message', text: words },
    );
    expect(status).toBe(200);
    return shown(replies);
  }
}

describe('advisor rights in Teams come from the Bot Framework token, matched on the Entra object id', () => {
  let keys: ChannelKeyServer;
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    keys = await startChannelKeyServer();
    dataDir = tempDataDir('alize-teams-advisor-');
    app = await startTestServer(dataDir, {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      ADVISOR_IDS: ADVISOR_OID,
      ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    await app.queue.submit(
      {
        channel: 'webchat',
        origin: 'applicant',
        userId: `dl_${randomUUID().replace(/-/g, '')}`,
        eligibility: { verdict: 'OK', reasons: [] },
        data: { 'company.name': 'Mécanique Cévenole', 'contact.email': 'direction@mecanique-cevenole.fr' },
        now: new Date('2026-11-20T09:00:00Z'),
      },
      'seed-1',
    );
  });
  afterAll(async () => {
    await app.close();
    await keys.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const personal = (): TeamsConversation => ({ id: `a:${randomUUID()}`, conversationType: 'personal' });
  const advisor = (conversation: TeamsConversation = personal()) =>
    new TeamsMember(
      app,
      keys,
      { id: `29:${randomUUID()}`, name: 'Paul', aadObjectId: ADVISOR_OID },
      conversation,
    );

  test('a listed advisor, in the CCI tenant, with a channel-signed request, gets the queue', async () => {
    const paul = advisor();
    expect(await paul.say('bonjour')).toContain(fr.t('common:menu.advisorMode'));
    expect(await paul.say(fr.t('common:menu.advisorMode'))).toContain(fr.t('advisor:welcome'));
    const statuses = await paul.say(fr.t('advisor:menu.queue'));
    expect(statuses).toContain(fr.t('advisor:queue.all', { count: 1 }));
    const list = await paul.say(fr.t('advisor:queue.all', { count: 1 }));
    expect(list).toContain('ALZ-2026-0001');
    const card = await paul.say('ALZ-2026-0001');
    expect(card).toContain('direction@mecanique-cevenole.fr');
  });

  test.each([
    [
      'claims the advisor id as its channel id',
      { id: ADVISOR_OID, name: 'X', aadObjectId: randomUUID() },
      TENANT,
    ],
    [
      'has the advisor object id but another tenant',
      { id: '29:x', name: 'X', aadObjectId: ADVISOR_OID },
      OTHER_TENANT,
    ],
    ['has no object id at all', { id: ADVISOR_OID, name: 'X' }, TENANT],
  ])('a signed request that %s gets no advisor rights', async (_label, user, tenant) => {
    const member = new TeamsMember(app, keys, user, personal(), tenant);
    expect(await member.say('bonjour')).not.toContain(fr.t('common:menu.advisorMode'));
    const reply = await member.say(fr.t('common:menu.advisorMode'));
    expect(reply).toContain(fr.t('advisor:refused'));
    expect(reply).not.toContain('ALZ-');
  });

  test.each([
    ['signed by a key the channel does not publish', () => signJwt(newSigningKey(), claims())],
    ['for another bot', () => keys.channelToken(randomUUID(), SERVICE_URL)],
    ['for another service URL', () => keys.channelToken(APP_ID, 'https://evil.example/')],
    ['expired', () => keys.channelToken(APP_ID, SERVICE_URL, { exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['from another issuer', () => keys.channelToken(APP_ID, SERVICE_URL, { iss: 'https://evil.example' })],
  ])('a token %s is refused with 401, whoever the activity says it is', async (_label, token) => {
    const { status, replies } = await advisor().post({ type: 'message', text: 'mode conseiller' }, token());
    expect([status, replies]).toEqual([401, []]);
  });

  const claims = () => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: 'https://api.botframework.com',
      aud: APP_ID,
      serviceurl: SERVICE_URL,
      nbf: now,
      exp: now + 600,
    };
  };

  test('in a group chat, a colleague cannot carry on the advisor’s dialog; the advisor still can', async () => {
    const chat: TeamsConversation = { id: `19:${randomUUID()}@thread.v2`, conversationType: 'groupChat' };
    const paul = advisor(chat);
    const colleague = new TeamsMember(
      app,
      keys,
      { id: `29:${randomUUID()}`, name: 'Léa', aadObjectId: randomUUID() },
      chat,
    );
    await paul.say(fr.t('common:menu.advisorMode'));
    await paul.say(fr.t('advisor:menu.queue'));
    await paul.say(fr.t('advisor:queue.all', { count: 1 }));

    // The colleague types what would open the file in the advisor's dialog.
    const theirs = await colleague.say('ALZ-2026-0001');
    expect(theirs).not.toContain('direction@mecanique-cevenole.fr');
    expect(theirs).not.toContain('Mécanique Cévenole');
    const status = fr.t('advisor:file.move', { label: fr.t('status:label.in_review') });
    expect(await colleague.say(status)).not.toContain(fr.t('advisor:comment.ask'));
    expect((await app.queue.get('ALZ-2026-0001'))?.status).toBe('received');

    // The advisor's own dialog is where they left it.
    const card = await paul.say('ALZ-2026-0001');
    expect(card).toContain('direction@mecanique-cevenole.fr');
  });

  test('the local Direct Line’s turns are never Teams-verified: a web visitor has no advisor mode', async () => {
    const visitor = await new DirectLineClient(app.url).open();
    await visitor.say(fr.t('common:menu.advisorMode'));
    const replies = await visitor.pollUntil((a) =>
      botTexts(a).some((t) => t.includes(fr.t('advisor:refused'))),
    );
    expect(botTexts(replies).join('\n')).not.toContain('ALZ-');
  });
});
