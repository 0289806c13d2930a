import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningApp } from '../../bot/app.js';
import { fr } from '../support/botHarness.js';
import { startBotTokenServer, type BotTokenServer } from '../support/botTokenServer.js';
import { startChannelKeyServer, type ChannelKeyServer } from '../support/channelKeys.js';
import { postActivity, startTestServer, tempDataDir, texts } from '../support/httpBot.js';
import { samplePdf } from '../contract/documentStoreContract.js';
import { megabytes } from '../../dialogs/domain/documentChecks.js';

const APP_ID = '3f6b2a0c-8d41-4e57-a1b9-0c2d4e6f8a10';
const APP_PASSWORD = 'not-a-real-secret-for-direct-line';
const TENANT = '5a0c4f1e-2b7d-4c1e-9a55-3f0e2d6c1b0a';
const MAX_BYTES = 4096;

interface Hit {
  url: string;
  authorization?: string;
}

/**
 * Azure's Direct Line attachment endpoint, on loopback: it serves an uploaded file only to a request carrying a
 * token the bot got from Entra ID (here the loopback token server's), and 401 to anything else.
 */
async function directLineService(tokens: BotTokenServer): Promise<{
  url: string;
  hits: Hit[];
  close(): Promise<void>;
}> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    const authorization = req.headers.authorization;
    hits.push({ url: req.url ?? '', ...(authorization ? { authorization } : {}) });
    const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!bearer || !tokens.issued.includes(bearer)) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end(req.url?.includes('/big/') ? Buffer.alloc(MAX_BYTES * 3, 0x25) : samplePdf('RIB de la société'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('a file sent from the web page with Azure Direct Line (DIRECT_LINE_SECRET), on a signed request', () => {
  let keys: ChannelKeyServer;
  let tokens: BotTokenServer;
  let directLine: Awaited<ReturnType<typeof directLineService>>;
  let other: Awaited<ReturnType<typeof directLineService>>;
  let app: RunningApp;
  let serviceUrl: string;

  beforeAll(async () => {
    keys = await startChannelKeyServer(['webchat', 'directline']);
    tokens = await startBotTokenServer(APP_ID, APP_PASSWORD);
    directLine = await directLineService(tokens);
    // Another host that would even accept the bot's token: a contentUrl there is still never fetched.
    other = await directLineService(tokens);
    serviceUrl = `${directLine.url}/`;
    app = await startTestServer(
      tempDataDir('alize-directline-docs-'),
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: APP_PASSWORD,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: TENANT,
        ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
        DIRECT_LINE_SECRET: 'azure-direct-line-secret-of-the-test',
        DOCUMENT_MAX_BYTES: String(MAX_BYTES),
      },
      { botCredentials: tokens.credentials },
    );
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([keys?.close(), tokens?.close(), directLine?.close(), other?.close()]);
  });

  let conversations = 0;
  /** A visitor of the page in their own Azure Direct Line conversation, with an application started. */
  async function visitor(): Promise<
    (activity: Record<string, unknown>, signed?: boolean) => ReturnType<typeof postActivity>
  > {
    conversations += 1;
    const id = `dl_visitor-${conversations}`;
    const say = (activity: Record<string, unknown>, signed = true) =>
      postActivity(
        app.url,
        {
          type: 'message',
          channelId: 'webchat',
          serviceUrl,
          from: { id, name: '' },
          recipient: { id: 'alize-bot@abc', name: 'AliZé' },
          conversation: { id: `DirectLineConversation${conversations}-eu` },
          locale: 'fr-FR',
          deliveryMode: 'expectReplies',
          ...activity,
        },
        signed ? { authorization: `Bearer ${keys.channelToken(APP_ID, serviceUrl)}` } : {},
      );
    expect((await say({ text: fr.t('common:menu.apply') })).status).toBe(200);
    return say;
  }

  const upload = (contentUrl: string) => ({
    text: 'le RIB',
    attachments: [{ contentType: 'application/pdf', name: 'rib.pdf', contentUrl }],
  });

  test('the contentUrl on the signed Direct Line service is fetched with the bot’s own token, and kept', async () => {
    const say = await visitor();
    const contentUrl = `${directLine.url}/attachments/DirectLineConversation1-eu/0000001/0?t=abc`;
    const { status, replies } = await say(upload(contentUrl));
    expect(status).toBe(200);
    expect(texts(replies)).toContain(
      fr.t('documents:receivedAs', { name: 'rib.pdf', piece: fr.t('documents:piece.rib') }),
    );
    const [hit] = directLine.hits.filter((h) => h.url.includes('/0000001/'));
    expect(hit?.authorization).toMatch(/^Bearer /);
    expect(tokens.issued).toContain(hit?.authorization?.slice('Bearer '.length));
  });

  test('without the channel’s token the request is refused and nothing is fetched', async () => {
    const say = await visitor();
    const before = directLine.hits.length;
    const { status } = await say(upload(`${directLine.url}/attachments/x/0000002/0`), false);
    expect(status).toBe(401);
    expect(directLine.hits.length).toBe(before);
  });

  test.each([
    ['another host', () => `${other.url}/attachments/x/0000003/0`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a private network', () => 'http://10.0.0.7/attachments/x/0000003/0'],
    ['the bot’s own port', () => `${app.url}/healthz`],
  ])('a contentUrl on %s is refused, in French, and never fetched', async (_kind, urlOf) => {
    const say = await visitor();
    const before = directLine.hits.length;
    const { status, replies } = await say(upload(urlOf()));
    expect(status).toBe(200);
    expect(texts(replies)).toContain(fr.t('documents:source.untrusted'));
    expect(other.hits).toEqual([]);
    expect(directLine.hits.length).toBe(before);
  });

  test('a file over DOCUMENT_MAX_BYTES is refused with the size sentence and not kept', async () => {
    const say = await visitor();
    const { replies } = await say(upload(`${directLine.url}/attachments/x/big/0`));
    expect(texts(replies)).toContain(fr.t('documents:refusal.tooBig', { max: megabytes(MAX_BYTES) }));
    expect(texts(replies)).not.toContain(
      fr.t('documents:receivedAs', { name: 'rib.pdf', piece: fr.t('documents:piece.rib') }),
    );
  });
});
