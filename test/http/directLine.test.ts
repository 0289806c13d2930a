import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import { fr, WELCOME_KEY } from '../support/botHarness.js';
import {} from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';
import { DirectLineClient, botButtons, botTexts, newVisitorId } from '../support/directLineClient.js';
import { startWebChannelServer, type WebChannelServer } from '../support/webChannelServer.js';

/** A sender outside the server process (the committee CLI, say), with the stored conversation reference. */
async function sendProactive(reference: Partial<ConversationReference>, text: string): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  await adapter.continueConversationAsync('', reference, async (context) => {
    await context.sendActivity(text);
  });
}

describe('the local Direct Line, on the real server', () => {
  const server = serverForSuite();

  test('starting the conversation greets the visitor in French, with the menu buttons', async () => {
    const client = await new DirectLineClient(server.url).open();
    const started = await client.start();
    expect(started.status).toBe(201);
    expect(await started.json()).toMatchObject({
      conversationId: client.conversationId,
      token: client.token,
    });
    const greeting = await client.pollUntil((a) => botButtons(a).length > 0);
    expect(botTexts(greeting)[0]).toBe(fr.t(WELCOME_KEY));
    expect(botButtons(greeting)).toContain(fr.t('common:menu.eligibility'));
  });

  test('"bonjour" is echoed with its id and clientActivityID, then the bot greets; watermarks move on', async () => {
    const client = await new DirectLineClient(server.url).open();
    const { status, id } = await client.post({
      type: 'message',
      text: 'bonjour',
      from: { id: 'someone-else', name: 'Camille' },
      channelData: { clientActivityID: 'client-1', clientTimestamp: '2026-11-26T10:00:00.000Z', evil: true },
    });
    expect(status).toBe(200);
    expect(id).toMatch(new RegExp(`^${client.conversationId}\\|\\d{7}$`));

    const first = await client.poll();
    const echo = first[0];
    expect(echo).toMatchObject({
      id,
      type: 'message',
      text: 'bonjour',
      channelId: 'webchat',
      conversation: { id: client.conversationId },
      from: { id: client.userId, role: 'user' },
      channelData: { clientActivityID: 'client-1' },
    });
    expect(echo.channelData).not.toHaveProperty('evil');
    expect(botTexts(first)).toEqual(
      expect.arrayContaining([fr.t('common:greeting.hello'), fr.t('common:menu.prompt')]),
    );
    expect(botButtons(first)).toContain(fr.t('common:menu.eligibility'));
    expect(first.every((a) => a.id.startsWith(`${client.conversationId}|`))).toBe(true);

    // Nothing new after the watermark; then only what came after.
    expect(await client.poll()).toEqual([]);
    await client.say(fr.t('common:menu.eligibility'));
    const next = await client.poll();
    expect(next[0]).toMatchObject({ text: fr.t('common:menu.eligibility'), from: { role: 'user' } });
    expect(next.length).toBeGreaterThan(1);
    expect(next.some((a) => a.text === 'bonjour')).toBe(false);
  });

  test('a returning visitor (same user id) gets the same conversation; "Nouvelle conversation" a new one', async () => {
    const first = await new DirectLineClient(server.url).open();
    await first.say('bonjour');
    const again = await new DirectLineClient(server.url, first.userId).open();
    expect(again.conversationId).toBe(first.conversationId);
    expect((await again.poll()).map((a) => a.text)).toContain('bonjour');

    const fresh = await new DirectLineClient(server.url, first.userId).open(true);
    expect(fresh.conversationId).not.toBe(first.conversationId);
    expect((await first.request('GET', `/conversations/${first.conversationId}/activities`)).status).toBe(
      404,
    );
  });

  test('unknown conversation 404, another conversation’s token 403, no token 401, bad activity 400', async () => {
    const a = await new DirectLineClient(server.url).open();
    const b = await new DirectLineClient(server.url).open();
    expect((await a.request('GET', '/conversations/dl-nope/activities')).status).toBe(404);
    expect((await a.request('GET', `/conversations/${b.conversationId}/activities`)).status).toBe(403);
    expect(
      (await a.request('POST', `/conversations/${b.conversationId}/activities`, { type: 'message' })).status,
    ).toBe(403);
    expect(
      (await a.request('GET', `/conversations/${a.conversationId}/activities`, undefined, '')).status,
    ).toBe(401);
    expect((await a.post({ type: 'invoke', name: 'x' })).status).toBe(400);
    expect((await a.post({ type: 'message', text: 42 })).status).toBe(400);
    expect((await a.request('POST', '/conversations', {}, 'not-a-token')).status).toBe(403);
    const badUser = await fetch(`${server.url}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: '<script>' }),
    });
    expect(badUser.status).toBe(400);
  });

  test('the token refresh route keeps the token working', async () => {
    const client = await new DirectLineClient(server.url).open();
    const refreshed = await client.request('POST', '/tokens/refresh');
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({
      token: client.token,
      conversationId: client.conversationId,
    });
  });

  test('a proactive message through the stored conversation reference reaches the poll', async () => {
    const client = await new DirectLineClient(server.url).open();
    await client.say('bonjour');
    const echo = (await client.poll())[0];
    // What the bot stores (applicationSubmission): the reference of the visitor's incoming activity.
    const reference = TurnContext.getConversationReference(echo as Partial<Activity>);
    expect(reference.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/directline-callback$/);

    await sendProactive(reference, 'Votre dossier a été examiné par le comité.');
    const arrived = await client.pollUntil((a) =>
      botTexts(a).includes('Votre dossier a été examiné par le comité.'),
    );
    expect(arrived.find((a) => a.text?.startsWith('Votre dossier'))).toMatchObject({
      from: { role: 'bot' },
      recipient: { id: client.userId },
      conversation: { id: client.conversationId },
    });

    // After "Nouvelle conversation", the old reference still reaches the same visitor.
    const fresh = await new DirectLineClient(server.url, client.userId).open(true);
    await sendProactive(reference, 'Le comité a rendu son avis.');
    expect(botTexts(await fresh.pollUntil((a) => botTexts(a).length > 0))).toEqual([
      'Le comité a rendu son avis.',
    ]);
  });

  test('the connector callback refuses requests relayed by a proxy', async () => {
    const client = await new DirectLineClient(server.url).open();
    const response = await fetch(
      `${server.url}/directline-callback/v3/conversations/${client.conversationId}/activities`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ type: 'message', text: 'phishing' }),
      },
    );
    expect(response.status).toBe(403);
    expect(botTexts(await client.poll())).not.toContain('phishing');
  });
});

describe('the local Direct Line limits (injected clock)', () => {
  let server: WebChannelServer;

  beforeEach(async () => {
    server = await startWebChannelServer({
      maxConversations: 3,
      maxActivitiesPerConversation: 5,
      idleMs: 60_000,
    });
  });
  afterEach(() => server.close());

  test('an idle conversation expires: 404 on poll, 403 on refresh', async () => {
    const client = await new DirectLineClient(server.url).open();
    await client.say('un');
    server.advance(59_000);
    expect(await client.poll()).toHaveLength(2); // still alive, and the poll counts as activity
    server.advance(61_000);
    expect((await client.request('GET', `/conversations/${client.conversationId}/activities`)).status).toBe(
      404,
    );
    expect((await client.request('POST', '/tokens/refresh')).status).toBe(403);
  });

  test('past the limit, the least recently used conversation is evicted', async () => {
    const clients = [];
    for (let i = 0; i < 4; i += 1) {
      clients.push(await new DirectLineClient(server.url, newVisitorId()).open());
      server.advance(1000);
    }
    const statuses = await Promise.all(
      clients.map(
        async (c) => (await c.request('GET', `/conversations/${c.conversationId}/activities`)).status,
      ),
    );
    expect(statuses).toEqual([404, 200, 200, 200]);
  });

  test('a conversation keeps only its latest activities; watermarks still work', async () => {
    const client = await new DirectLineClient(server.url).open();
    for (const word of ['un', 'deux', 'trois', 'quatre']) await client.say(word);
    const kept = await client.poll();
    expect(kept.map((a) => a.text)).toEqual(['echo: deux', 'trois', 'echo: trois', 'quatre', 'echo: quatre']);
    expect(client.watermark).toBe('8');
    await client.say('cinq');
    expect((await client.poll()).map((a) => a.text)).toEqual(['cinq', 'echo: cinq']);
  });
});

describe('with DIRECT_LINE_SECRET', () => {
  test('the token route exchanges the secret with Azure and never sends it to the page', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      return new Response(
        JSON.stringify({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      );
    }) as typeof fetch;
    const server = await startWebChannelServer({}, { directLineSecret: 'SECRET-123', fetch: fakeFetch });
    try {
      const userId = newVisitorId();
      const response = await fetch(`${server.url}/api/directline/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text).not.toContain('SECRET-123');
      expect(JSON.parse(text)).toMatchObject({ mode: 'azure', token: 'azure-token', userId });
      expect(calls[0].url).toBe('https://directline.botframework.com/v3/directline/tokens/generate');
      expect(new Headers(calls[0].init?.headers).get('authorization')).toBe('Bearer SECRET-123');
      expect(JSON.parse(String(calls[0].init?.body))).toEqual({ user: { id: userId } });
      // No local Direct Line then.
      expect((await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
      const page = await fetch(`${server.url}/`);
      expect(page.headers.get('content-security-policy')).toContain('https://*.botframework.com');
    } finally {
      await server.close();
    }
  });
});
