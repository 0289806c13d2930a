import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../bot/app.js';
import { applicantPdfName } from '../../committee/receipts/applicantPdf.js';
import { fr } from '../support/botHarness.js';
import { startChannelKeyServer, type ChannelKeyServer } from '../support/channelKeys.js';
import { postActivity, startTestServer, tempDataDir, type Reply } from '../support/httpBot.js';
import { pdfText } from '../support/pdfText.js';

const APP_ID = '3f1a7c52-9d0e-4b6a-8e21-5c4b7d9a0e13';
const TENANT = '5a0c4f1e-2b7d-4c1e-9a55-3f0e2d6c1b0a';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const BOT = { id: `28:${APP_ID}`, name: 'AliZé' };
const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const INFO = 'application/vnd.microsoft.teams.card.file.info';

/** OneDrive's upload session as Teams gives it: a URL taking one PUT of the whole file. */
async function startUploadServer() {
  const uploads: { headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'PUT') uploads.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(req.method === 'PUT' ? 201 : 405, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload-session`,
    uploads,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('in Teams personal chat the PDF comes with a file consent card (JWT-authenticated invokes)', () => {
  let keys: ChannelKeyServer;
  let upload: Awaited<ReturnType<typeof startUploadServer>>;
  let dataDir: string;
  let app: RunningApp;
  const user = { id: `29:${randomUUID()}`, name: 'Marie Dupont', aadObjectId: randomUUID() };
  const conversation = { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: TENANT };

  beforeAll(async () => {
    keys = await startChannelKeyServer();
    upload = await startUploadServer();
    dataDir = tempDataDir('alize-teams-file-');
    app = await startTestServer(dataDir, {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
    });
    for (const [owner, draft] of [
      [user.id, 'teams-draft'],
      [`29:${randomUUID()}`, 'someone-else'],
    ]) {
      await app.queue.submit(
        {
          channel: 'msteams',
          origin: 'applicant',
          userId: owner,
          eligibility: { verdict: 'OK', reasons: [] },
          data: { 'company.name': 'Mécanique Cévenole', 'contact.email': 'marie.dupont@exemple.fr' },
          now: new Date('2026-11-20T09:00:00Z'),
        },
        draft,
      );
    }
  });
  afterAll(async () => {
    await app.close();
    await keys.close();
    await upload.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (
    activity: Record<string, unknown>,
    token: string | null = keys.channelToken(APP_ID, SERVICE_URL),
  ) =>
    postActivity(
      app.url,
      {
        channelId: 'msteams',
        serviceUrl: SERVICE_URL,
        from: user,
        recipient: BOT,
        conversation,
        channelData: { tenant: { id: TENANT } },
        locale: 'fr-FR',
        deliveryMode: 'expectReplies',
        ...activity,
      },
      token ? { authorization: `Bearer ${token}` } : {},
    );

  const consentInvoke = (action: 'accept' | 'decline', reference: string) => ({
    type: 'invoke',
    name: 'fileConsent/invoke',
    value: {
      type: 'fileUpload',
      action,
      context: { reference },
      uploadInfo: {
        name: applicantPdfName(reference),
        uploadUrl: upload.url,
        contentUrl: 'https://contoso-my.sharepoint.com/personal/marie/AliZe.pdf',
        uniqueId: 'F1A2B3C4',
        fileType: 'pdf',
      },
    },
  });

  const attachmentsOf = (replies: Reply[], type: string) =>
    replies.flatMap((r) => r.attachments ?? []).filter((a) => a.contentType === type);

  test('asking for the PDF shows the consent card; accepting puts the PDF in OneDrive and shows its card', async () => {
    const asked = await post({ type: 'message', text: 'télécharger mon dossier en PDF' });
    expect(asked.status).toBe(200);
    const [card] = attachmentsOf(asked.replies, CONSENT) as unknown as {
      name: string;
      content: { sizeInBytes: number; description: string; acceptContext: { reference: string } };
    }[];
    expect(card.name).toBe(applicantPdfName('ALZ-2026-0001'));
    expect(card.content.description).toBe(
      fr.t('receipts:teams.consentDescription', { reference: 'ALZ-2026-0001' }),
    );
    expect(card.content.acceptContext).toEqual({ reference: 'ALZ-2026-0001' });
    // No link in Teams: the file goes through the user's consent.
    expect(JSON.stringify(asked.replies)).not.toContain('/files/');

    const accepted = await post(consentInvoke('accept', 'ALZ-2026-0001'));
    expect(accepted.status).toBe(200);
    expect(upload.uploads).toHaveLength(1);
    const { headers, body } = upload.uploads[0];
    expect(headers['content-range']).toBe(`bytes 0-${body.length - 1}/${body.length}`);
    expect(body.length).toBe(card.content.sizeInBytes);
    expect((await pdfText(body)).text).toContain('ALZ-2026-0001');
    const [info] = attachmentsOf(accepted.replies, INFO) as unknown as {
      contentUrl: string;
      name: string;
      content: { uniqueId: string; fileType: string };
    }[];
    expect(info).toMatchObject({
      contentUrl: 'https://contoso-my.sharepoint.com/personal/marie/AliZe.pdf',
      name: applicantPdfName('ALZ-2026-0001'),
      content: { uniqueId: 'F1A2B3C4', fileType: 'pdf' },
    });
  });

  test('declining gets a polite sentence and uploads nothing', async () => {
    const before = upload.uploads.length;
    const declined = await post(consentInvoke('decline', 'ALZ-2026-0001'));
    expect(declined.status).toBe(200);
    expect(declined.replies.map((r) => r.text)).toContain(fr.t('receipts:teams.declined'));
    expect(upload.uploads).toHaveLength(before);
  });

  test('a consent naming another user’s file uploads nothing; an invoke without a token is refused', async () => {
    const before = upload.uploads.length;
    // (With expectReplies the adapter answers 200 with the replies, whatever the invoke's own status.)
    const foreign = await post(consentInvoke('accept', 'ALZ-2026-0002'));
    expect(attachmentsOf(foreign.replies, INFO)).toEqual([]);
    expect((await post(consentInvoke('accept', 'ALZ-2026-0001'), null)).status).toBe(401);
    expect(upload.uploads).toHaveLength(before);
  });
});
