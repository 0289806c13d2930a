import fs from 'node:fs';
import type { RunningApp } from '../../bot/app.js';
import { en, fr } from '../support/botHarness.js';
import { emulatorActivity, postToMessages } from '../support/activity.js';
import { DirectLineClient } from '../support/directLineClient.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

describe('rate limits of the public routes', () => {
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = tempDataDir('alize-ratelimit-');
    app = await startTestServer(dataDir, {
      RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '3',
    });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('a conversation sending too fast is told politely, in its language, to wait', async () => {
    const owner = new HttpConversation(app.url);
    for (let i = 0; i < 3; i += 1)
      expect((await owner.post({ type: 'message', text: 'aide' })).status).toBe(200);

    // A fourth message, read as raw HTTP: the status, the Retry-After header and the body.
    const response = await postToMessages(app.url, emulatorActivity(owner, { text: 'aide' }));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await response.json()) as { activities: { text: string }[] };
    expect(body.activities.map((a) => a.text)).toEqual([fr.t('reliability:rateLimit.tooMany')]);

    // Other conversations are not slowed down by this one.
    expect((await new HttpConversation(app.url).post({ type: 'message', text: 'bonjour' })).status).toBe(200);
  });

  test('an English conversation reads the same message in English', async () => {
    const owner = new HttpConversation(app.url, undefined, 'en-US');
    for (let i = 0; i < 3; i += 1) await owner.post({ type: 'message', text: 'help' });
    const refused = await owner.post({ type: 'message', text: 'help' });
    expect(refused.status).toBe(429);
    expect(texts(refused.replies)).toEqual([en.t('reliability:rateLimit.tooMany')]);
  });

  test('a Direct Line conversation posting too fast gets a Direct Line error, its polls still work', async () => {
    const visitor = await new DirectLineClient(app.url).open();
    expect((await visitor.start()).status).toBe(201);
    for (let i = 0; i < 3; i += 1) await visitor.say('aide');
    const refused = await visitor.post({ type: 'message', text: 'aide' });
    expect(refused.status).toBe(429);
    expect((await visitor.poll()).length).toBeGreaterThan(0);
  });
});

const COMMITTEE_TOKEN = '9d2e7b40c6a15f83e1b7042c9a6d5f38';
const tokenRequest = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/directline/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });

/**
 * Asks until refused, at most one more time than the limit of 5 allows (the server's own warm-up turns may
 * have spent some of this machine's budget already); returns the last answer.
 */
async function exhaust(ask: () => Promise<Response>): Promise<Response> {
  let response = await ask();
  for (let i = 1; i < 6 && response.status !== 429; i += 1) response = await ask();
  return response;
}

describe('per-address limits behind a trusted proxy on this machine', () => {
  let dataDir: string;
  let app: RunningApp;

  beforeEach(async () => {
    dataDir = tempDataDir('alize-ratelimit-proxy-');
    app = await startTestServer(dataDir, {
      RATE_LIMIT_PER_MINUTE: '5',
      TRUSTED_PROXIES: '127.0.0.1,::1',
      COMMITTEE_TOKEN,
    });
  });
  afterEach(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('one address asking for too many Web Chat tokens gets 429 with Retry-After; others still get theirs', async () => {
    const ask = (address: string) => tokenRequest(app.url, { 'x-forwarded-for': address });
    for (let i = 0; i < 5; i += 1) expect((await ask('203.0.113.7')).status).toBe(200);
    const refused = await ask('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ message: fr.t('reliability:rateLimit.tooMany') });
    expect((await ask('203.0.113.8')).status).toBe(200);
  });

  test('addresses a client writes in X-Forwarded-For itself do not give it a fresh bucket', async () => {
    let i = 0;
    // The proxy appends the real client last; what the client sent stands to its left.
    const spoofed = () =>
      tokenRequest(app.url, { 'x-forwarded-for': `198.51.100.${(i += 1)}, 203.0.113.20` });
    const refused = await exhaust(spoofed);
    expect(refused.status).toBe(429);
  });

  test('the committee API is limited too, wrong tokens included', async () => {
    const guess = () =>
      fetch(`${app.url}/api/applications`, {
        headers: { authorization: 'Bearer not-the-token', 'x-forwarded-for': '203.0.113.30' },
      });
    const refused = await exhaust(guess);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  test("the back office's token sign-in is limited too: guessing the token from one address stops at 429", async () => {
    const guess = () =>
      fetch(`${app.url}/committee/signin`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': '203.0.113.40',
        },
        body: new URLSearchParams({ token: 'not-the-token' }).toString(),
      });
    const refused = await exhaust(guess);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another address still reaches the sign-in form.
    const form = await fetch(`${app.url}/committee/signin`, {
      headers: { 'x-forwarded-for': '203.0.113.41' },
    });
    expect(form.status).toBe(200);
    await form.text();
  });

  test('the page and its assets are never limited, and loading them spends none of the address budget', async () => {
    const from = { 'x-forwarded-for': '203.0.113.50' };
    const assets = ['/', '/webchat/page.js', '/webchat/page.css', '/healthz'];
    // Four times the limit of 5, every one of them answered.
    for (let round = 0; round < 5; round += 1) {
      for (const asset of assets) {
        const response = await fetch(`${app.url}${asset}`, { headers: from });
        expect([asset, response.status]).toEqual([asset, 200]);
        await response.arrayBuffer();
      }
    }
    const webChat = await fetch(`${app.url}/webchat/webchat.js`, { headers: from });
    expect(webChat.status).toBe(200);
    expect(webChat.headers.get('content-type')).toMatch(/javascript/);
    await webChat.arrayBuffer();
    // The same address still gets its 5 Web Chat tokens: the page cost nothing.
    for (let i = 0; i < 5; i += 1) expect((await tokenRequest(app.url, from)).status).toBe(200);
    expect((await tokenRequest(app.url, from)).status).toBe(429);
  });
});

describe('per-address limits without a trusted proxy', () => {
  let dataDir: string;
  let app: RunningApp;

  beforeEach(async () => {
    dataDir = tempDataDir('alize-ratelimit-direct-');
    // A proxy listed elsewhere: this machine's calls are not from it, so their X-Forwarded-For is not read.
    app = await startTestServer(dataDir, { RATE_LIMIT_PER_MINUTE: '5', TRUSTED_PROXIES: '10.9.9.9' });
  });
  afterEach(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('loopback is limited like any other address', async () => {
    const refused = await exhaust(() => tokenRequest(app.url));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ message: fr.t('reliability:rateLimit.tooMany') });
  });

  test('a forged X-Forwarded-For from a caller that is not a proxy changes nothing', async () => {
    let i = 0;
    const forged = () => tokenRequest(app.url, { 'x-forwarded-for': `198.51.100.${(i += 1)}` });
    expect((await exhaust(forged)).status).toBe(429);
  });
});
