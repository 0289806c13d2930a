import path from 'node:path';
import { emulatorActivity, postToMessages } from '../support/activity.js';
import { LowdbStorage } from '../../storage/lowdbStorage.js';
import { en, fr, WELCOME_KEY } from '../support/botHarness.js';
import { HttpConversation, buttons, texts } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

const menuTitles = ['eligibility', 'apply', 'resume', 'advisor', 'about'].map((e) =>
  fr.t(`common:menu.${e}`),
);

describe('the HTTP server', () => {
  const server = serverForSuite();

  test('GET /healthz says ready once warmed up', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  test('"bonjour" over /api/messages with expectReplies gets the French greeting and menu', async () => {
    const conversation = new HttpConversation(server.url);
    const replies = await conversation.say('bonjour');
    expect(texts(replies)).toEqual([
      fr.t('common:greeting.hello'),
      fr.t('common:greeting.intro'),
      fr.t('common:menu.prompt'),
    ]);
    expect(buttons(replies)).toEqual(menuTitles);
  });

  test('a short conversation: conversationUpdate, then a menu choice, then help', async () => {
    const conversation = new HttpConversation(server.url);
    const welcome = await conversation.post({
      type: 'conversationUpdate',
      membersAdded: [{ id: conversation.userId }],
    });
    expect(welcome.status).toBe(200);
    expect(texts(welcome.replies)[0]).toBe(fr.t(WELCOME_KEY));

    const about = await conversation.say(fr.t('common:menu.about'));
    expect(texts(about)).toEqual([...fr.list('about:paragraphs'), fr.t('common:menu.prompt')]);

    const help = await conversation.say('aide');
    expect(texts(help)[0]).toBe(fr.t('common:help.atMenu'));
  });

  test("a conversation's state is written under DATA_DIR, where a restarted server finds it", async () => {
    const conversation = new HttpConversation(server.url);
    const key = `emulator/conversations/${conversation.conversationId}/`;
    const onDisk = () => new LowdbStorage({ dir: path.join(server.dataDir, 'state') }).read([key]);
    expect(await onDisk()).toEqual({});
    await conversation.say('bonjour');
    expect(Object.keys(await onDisk())).toEqual([key]);
  });

  test.each([
    ['malformed JSON', '{"type": "message", ', 'application/json'],
    ['a JSON array', '[1,2,3]', 'application/json'],
    ['a JSON string', '"hello"', 'application/json'],
    [
      'no activity type',
      JSON.stringify({ conversation: { id: 'c' }, from: { id: 'u' }, channelId: 'x' }),
      'application/json',
    ],
    [
      'no conversation',
      JSON.stringify({ type: 'message', text: 'hi', from: { id: 'u' }, channelId: 'x' }),
      'application/json',
    ],
    [
      'a numeric text',
      JSON.stringify(emulatorActivity({ conversationId: 'c', userId: 'u' }, { text: 42 })),
      'application/json',
    ],
    ['plain text', 'bonjour', 'text/plain'],
  ])('%s gets a 4xx and the server stays up', async (_label, body, contentType) => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test.each([
    ['fr-FR', fr],
    ['en-GB,en;q=0.8', en],
  ])(
    'malformed JSON is refused in the caller’s language (%s), with the web server’s code kept',
    async (lang, t) => {
      const response = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        body: '{"type": "message", ',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        code: 'InvalidContent',
        error: 'invalid_json',
        message: t.t('reliability:http.invalidJson'),
      });
    },
  );

  test('an unknown address and a wrong method get their own sentence in French', async () => {
    const unknown = await fetch(`${server.url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: 'not_found',
      message: fr.t('reliability:http.notFound'),
    });
    const wrongMethod = await fetch(`${server.url}/healthz`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toMatchObject({
      error: 'method_not_allowed',
      message: fr.t('reliability:http.methodNotAllowed'),
    });
  });

  test('a body above the size limit is refused with 413', async () => {
    const conversation = new HttpConversation(server.url);
    const response = await postToMessages(
      server.url,
      emulatorActivity(conversation, { text: 'x'.repeat(1024 * 1024) }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: 'body_too_large',
      message: fr.t('reliability:http.bodyTooLarge'),
    });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('a restart on the same DATA_DIR', () => {
  const server = serverForSuite({ each: true });

  test('keeps the conversation where it was', async () => {
    const conversation = new HttpConversation(server.url);
    expect(texts(await conversation.say('bonjour'))[0]).toBe(fr.t('common:greeting.hello'));

    await server.restart();
    const again = new HttpConversation(server.url, conversation.userId);
    Object.assign(again, { conversationId: conversation.conversationId });
    // Same conversation after the restart: no second greeting, the bot knows where it was.
    expect(texts(await again.say('bonjour'))).toEqual([
      fr.t('common:menu.again'),
      fr.t('common:menu.prompt'),
    ]);
  });
});
