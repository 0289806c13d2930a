import { DirectLineClient, botTexts, newVisitorId } from '../support/directLineClient.js';
import { startWebChannelServer, type WebChannelServer } from '../support/webChannelServer.js';

/** What a process on the same machine can post to the connector callback, as the bot's connector does. */
const postToCallback = (
  server: WebChannelServer,
  conversationId: string,
  activity: Record<string, unknown>,
) =>
  fetch(
    `${server.url}/directline-callback/v3/conversations/${encodeURIComponent(conversationId)}/activities`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'alize-bot', role: 'bot' }, ...activity }),
    },
  );

const tokenRequest = (server: WebChannelServer, userId = newVisitorId()) =>
  fetch(`${server.url}/api/directline/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });

/** A visitor who said hello and read the answer: their next poll shows only what arrives afterwards. */
async function visitorInConversation(server: WebChannelServer): Promise<DirectLineClient> {
  const visitor = await new DirectLineClient(server.url).open();
  await visitor.say('bonjour');
  await visitor.poll();
  return visitor;
}

describe('the connector callback delivers only what the bot addresses to a conversation’s own visitor', () => {
  let server: WebChannelServer;
  beforeEach(async () => {
    server = await startWebChannelServer({});
  });
  afterEach(() => server.close());

  test('a made-up conversation id with a victim’s user id injects nothing', async () => {
    const victim = await visitorInConversation(server);
    const injected = await postToCallback(server, 'dl-made-up', {
      text: 'Votre dossier est refusé, rappelez le 08 99 …',
      recipient: { id: victim.userId },
    });
    expect(injected.status).toBe(404);
    expect(botTexts(await victim.poll())).toEqual([]);
  });

  test('a real conversation id with someone else as recipient, or none, injects nothing', async () => {
    const victim = await visitorInConversation(server);
    for (const recipient of [{ id: newVisitorId() }, undefined]) {
      const response = await postToCallback(server, victim.conversationId, { text: 'phishing', recipient });
      expect(response.status).toBe(404);
    }
    expect(botTexts(await victim.poll())).toEqual([]);
  });

  test('the bot’s own message to the visitor still arrives, also after “Nouvelle conversation”', async () => {
    const visitor = await visitorInConversation(server);
    const oldConversation = visitor.conversationId;
    const delivered = await postToCallback(server, oldConversation, {
      text: 'Votre dossier a été examiné.',
      recipient: { id: visitor.userId },
    });
    expect(delivered.status).toBe(200);
    expect(botTexts(await visitor.poll())).toEqual(['Votre dossier a été examiné.']);

    const fresh = await new DirectLineClient(server.url, visitor.userId).open(true);
    const later = await postToCallback(server, oldConversation, {
      text: 'Le comité a rendu son avis.',
      recipient: { id: visitor.userId },
    });
    expect(later.status).toBe(200);
    expect(botTexts(await fresh.poll())).toEqual(['Le comité a rendu son avis.']);
  });
});

describe('anonymous token requests never push live conversations out', () => {
  let server: WebChannelServer;
  beforeEach(async () => {
    server = await startWebChannelServer({ maxConversations: 3, idleMs: 60_000 });
  });
  afterEach(() => server.close());

  test('with every conversation in use, newcomers get 503 and the visitors keep talking', async () => {
    const visitors = [];
    for (let i = 0; i < 3; i += 1) {
      const visitor = await new DirectLineClient(server.url).open();
      await visitor.say(`message ${i}`);
      visitors.push(visitor);
    }
    const flood = await Promise.all(Array.from({ length: 10 }, () => tokenRequest(server)));
    expect(flood.map((response) => response.status)).toEqual(Array(10).fill(503));
    expect(await flood[0].json()).toEqual({ error: 'direct_line_busy' });
    expect(flood[0].headers.get('retry-after')).toBe('60');
    for (const [i, visitor] of visitors.entries()) {
      expect(botTexts(await visitor.poll())).toEqual([`echo: message ${i}`]);
      await visitor.say('encore là');
      expect(botTexts(await visitor.poll())).toEqual(['echo: encore là']);
    }
    // A returning visitor still gets their own conversation back.
    const again = await new DirectLineClient(server.url, visitors[0].userId).open();
    expect(again.conversationId).toBe(visitors[0].conversationId);
  });

  test('a token never used is what makes room; once idle, a live conversation frees its place', async () => {
    const live = await new DirectLineClient(server.url).open();
    await live.say('bonjour');
    const unused = await new DirectLineClient(server.url).open();
    await new DirectLineClient(server.url).open();
    const newcomer = await new DirectLineClient(server.url).open();
    expect((await unused.request('GET', `/conversations/${unused.conversationId}/activities`)).status).toBe(
      404,
    );
    expect(botTexts(await live.poll())).toEqual(['echo: bonjour']);
    await newcomer.say('salut');
    expect(botTexts(await newcomer.poll())).toEqual(['echo: salut']);

    server.advance(61_000);
    expect((await tokenRequest(server)).status).toBe(200);
  });
});
