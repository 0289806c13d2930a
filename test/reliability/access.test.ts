import fs from 'node:fs';
import type { RunningApp } from '../../bot/app.js';
import { secureCompare } from '../../bot/secureCompare.js';
import { HttpConversation, startTestServer, tempDataDir } from '../support/httpBot.js';

const APP_ID = '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Looks like a connector's token (issuer, audience, service URL) but is signed by nobody. */
const forgedToken = [
  b64({ alg: 'RS256', typ: 'JWT', kid: 'forged' }),
  b64({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: 'https://smba.trafficmanager.net/emea/',
    exp: 4102444800,
  }),
  'c2lnbmF0dXJl',
].join('.');

describe('with MicrosoftAppId set, /api/messages', () => {
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = tempDataDir('alize-access-');
    app = await startTestServer(dataDir, {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      // An existing multi-tenant registration: still accepted with its password alone.
      MicrosoftAppType: 'MultiTenant',
      RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '1',
    });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (authorization: string | undefined) =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({
        type: 'message',
        text: 'bonjour',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        conversation: { id: 'a:conversation' },
        from: { id: '29:someone' },
        recipient: { id: `28:${APP_ID}` },
      }),
    });

  test.each([
    ['no Authorization header', undefined],
    ['a bearer token that is not a JWT', 'Bearer not-a-token'],
    ['a Basic credential', 'Basic dXNlcjpwYXNz'],
    ['a JWT with a forged signature (signing keys out of reach here)', `Bearer ${forgedToken}`],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s with 401, never a 500, and says nothing of why', async (_label, authorization) => {
    const response = await post(authorization);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthorized' });
  });

  test('is not rate limited per conversation (the connector is authenticated; refusals stay 401)', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => post(undefined).then((r) => r.status)),
    );
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
  });

  test('an expectReplies request without a token gets no reply from the bot', async () => {
    const { status, replies } = await new HttpConversation(app.url).post({
      type: 'message',
      text: 'bonjour',
    });
    expect([status, replies]).toEqual([401, []]);
  });
});

describe('secureCompare (committee API token)', () => {
  test.each([
    ['the same token', 'a-long-committee-token-0123456789', true],
    ['another token of the same length', 'a-long-committee-token-0123456780', false],
    ['a prefix', 'a-long-committee-token', false],
    ['a longer token', 'a-long-committee-token-0123456789-and-more', false],
    ['an empty string', '', false],
  ])('%s → %s', (_label, given, expected) => {
    expect(secureCompare(given, 'a-long-committee-token-0123456789')).toBe(expected);
  });
});
