import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningApp } from '../../bot/app.js';
import { TEAMS_FILE_DOWNLOAD } from '../../bot/documents/attachmentSources.js';
import { isPublicAddress } from '../../bot/documents/publicAddress.js';
import { fr } from '../support/botHarness.js';
import { startChannelKeyServer, type ChannelKeyServer } from '../support/channelKeys.js';
import {
  HttpConversation,
  postActivity,
  startTestServer,
  tempDataDir,
  texts,
  type Reply,
} from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';
import { samplePdf } from '../contract/documentStoreContract.js';

/** A file server on loopback that counts what it is asked: a refused URL must never be fetched at all. */
async function fileServer(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end(samplePdf('RIB de la société'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Every string a reply shows, card text included. */
const shown = (replies: Reply[]): string[] => [
  ...texts(replies),
  ...replies.flatMap((r) =>
    (r.attachments ?? []).map((a) => String((a.content as { text?: unknown })?.text ?? '')),
  ),
];

describe('the bot never fetches a contentUrl a client chose', () => {
  const server = serverForSuite();

  test.each([
    ['loopback', (base: string) => `${base}/kbis.pdf`],
    ['localhost by name', (base: string) => base.replace('127.0.0.1', 'localhost') + '/kbis.pdf'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a private network', () => 'http://10.0.0.7/kbis.pdf'],
    ['IPv6 loopback', () => 'http://[::1]/kbis.pdf'],
    ['not http', () => 'file:///etc/passwd'],
  ])('%s is refused, in French, and never fetched', async (_kind, urlOf) => {
    const files = await fileServer();
    const conversation = new HttpConversation(server.url);
    await conversation.say(fr.t('common:menu.apply'));
    const { status, replies } = await conversation.post({
      type: 'message',
      attachments: [{ contentType: 'application/pdf', name: 'kbis.pdf', contentUrl: urlOf(files.url) }],
    });
    expect(status).toBe(200);
    expect(texts(replies)).toContain(fr.t('documents:source.untrusted'));
    expect(files.hits).toEqual([]);
    await files.close();
  });

  test('a Teams download card sent by an anonymous caller is not fetched either', async () => {
    const files = await fileServer();
    const conversation = new HttpConversation(server.url);
    await conversation.say(fr.t('common:menu.apply'));
    const { replies } = await conversation.post({
      type: 'message',
      attachments: [
        {
          contentType: TEAMS_FILE_DOWNLOAD,
          name: 'rib.pdf',
          content: { downloadUrl: `${files.url}/rib.pdf` },
        },
      ],
    });
    expect(texts(replies)).toContain(fr.t('documents:source.untrusted'));
    expect(files.hits).toEqual([]);
    await files.close();
  });

  test.each([
    ['127.0.0.1', false],
    ['169.254.169.254', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.10', false],
    ['100.64.0.1', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd12:3456::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:169.254.169.254', false],
    ['0.0.0.0', false],
    ['93.184.215.14', true],
    ['2606:4700::6810:84e5', true],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

const APP_ID = '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87';
const TENANT = '5a0c4f1e-2b7d-4c1e-9a55-3f0e2d6c1b0a';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

describe('a file sent in Teams (personal chat), on a request the Bot Connector signed', () => {
  let keys: ChannelKeyServer;
  let app: RunningApp;
  beforeAll(async () => {
    keys = await startChannelKeyServer();
    app = await startTestServer(tempDataDir('alize-teams-docs-'), {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
    });
  });
  afterAll(async () => {
    await app?.close();
    await keys?.close();
  });

  const post = (
    activity: Record<string, unknown>,
    token: string | null = keys.channelToken(APP_ID, SERVICE_URL),
  ) =>
    postActivity(
      app.url,
      {
        type: 'message',
        channelId: 'msteams',
        serviceUrl: SERVICE_URL,
        from: {
          id: '29:teams-applicant',
          name: 'Camille',
          aadObjectId: '0f7e4c11-2b1a-4f7e-9c3d-2a5b7e9f0c99',
        },
        recipient: { id: `28:${APP_ID}`, name: 'AliZé' },
        conversation: { id: 'a:teams-personal-docs', conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        locale: 'fr-FR',
        deliveryMode: 'expectReplies',
        ...activity,
      },
      token ? { authorization: `Bearer ${token}` } : {},
    );

  test('the download URL Teams gives is fetched and the file kept; unsigned, the request is refused', async () => {
    const files = await fileServer();
    await post({ text: fr.t('common:menu.apply') });
    const attachment = {
      contentType: TEAMS_FILE_DOWNLOAD,
      name: 'rib.pdf',
      contentUrl: 'https://contoso.sharepoint.com/personal/camille/Documents/rib.pdf',
      content: {
        downloadUrl: `${files.url}/download/rib.pdf?token=short-lived`,
        uniqueId: '1150D938',
        fileType: 'pdf',
      },
    };
    expect((await post({ attachments: [attachment], text: 'le RIB' }, null)).status).toBe(401);
    expect(files.hits).toEqual([]);
    const { status, replies } = await post({ attachments: [attachment], text: 'le RIB' });
    expect(status).toBe(200);
    expect(shown(replies)).toContain(
      fr.t('documents:receivedAs', { name: 'rib.pdf', piece: fr.t('documents:piece.rib') }),
    );
    expect(files.hits).toEqual(['/download/rib.pdf?token=short-lived']);
    await files.close();
  });
});
