import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { megabytes } from '../../dialogs/domain/documentChecks.js';
import { fr } from '../support/botHarness.js';
import { DirectLineClient, botTexts, type DlActivity } from '../support/directLineClient.js';
import { serverForSuite } from '../support/httpServer.js';
import { samplePdf } from '../contract/documentStoreContract.js';

const LIMIT = 64 * 1024;

/** A Direct Line upload as Web Chat sends it: the activity as a Blob part, then one `file` part per file. */
async function upload(
  client: DirectLineClient,
  files: { name: string; type: string; bytes: Buffer }[],
  text?: string,
): Promise<Response> {
  const form = new FormData();
  const activity = {
    type: 'message',
    from: { id: client.userId },
    ...(text ? { text } : {}),
    attachments: files.map((file) => ({ contentType: file.type, name: file.name })),
    channelData: { clientActivityID: `up-${Date.now()}` },
  };
  form.append(
    'activity',
    new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }),
  );
  for (const file of files) form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  return fetch(
    `${client['baseUrl' as keyof DirectLineClient] as string}/v3/directline/conversations/${client.conversationId}/upload?userId=${client.userId}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}` },
      body: form,
    },
  );
}

function documentFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'documents');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(pdf|png|jpg|json|tmp)$/.test(name));
}

const texts = (activities: DlActivity[]) => botTexts(activities);
const cardTexts = (activities: DlActivity[]): string[] =>
  activities.flatMap((a) =>
    (a.attachments ?? []).map((attachment) => String((attachment.content as { text?: unknown })?.text ?? '')),
  );

describe('the local Direct Line upload route (Direct Line 3.0, as Web Chat sends it)', () => {
  const server = serverForSuite({
    env: { DOCUMENT_MAX_BYTES: String(LIMIT), DOCUMENT_MAX_COUNT: '3' },
    each: true,
  });

  async function applicant(): Promise<DirectLineClient> {
    const client = await new DirectLineClient(server.url).open();
    await client.start();
    await client.pollUntil((a) => texts(a).length > 0);
    await client.say(fr.t('common:menu.apply'));
    await client.pollUntil((a) => texts(a).length > 0);
    return client;
  }

  test('a PDF is kept with the draft, the bot asks which piece it is, and a button files it', async () => {
    const client = await applicant();
    const bytes = samplePdf();
    const response = await upload(client, [{ name: 'extrait.pdf', type: 'application/pdf', bytes }]);
    expect(response.status).toBe(200);
    const replies = await client.pollUntil((a) => cardTexts(a).some(Boolean));
    expect(cardTexts(replies)).toContain(fr.t('documents:whichPiece', { name: 'extrait.pdf' }));
    // The echo shows the file's name, never a URL of our store.
    const echo = replies.find((a) => a.from?.role === 'user');
    expect(echo?.attachments).toEqual([{ contentType: 'application/pdf', name: 'extrait.pdf' }]);
    const button = replies
      .flatMap((a) =>
        (a.attachments ?? []).flatMap(
          (x) => (x.content as { buttons?: { title: string; value: unknown }[] } | undefined)?.buttons ?? [],
        ),
      )
      .find((b) => b.title === fr.t('documents:piece.kbis'))!;
    await client.post({ type: 'message', value: button.value, text: '' });
    const filed = await client.pollUntil((a) =>
      texts(a).some((text) => text.startsWith(fr.t('documents:stillMissing'))),
    );
    expect(texts(filed)).toContain(
      fr.t('documents:labelled', { name: 'extrait.pdf', piece: fr.t('documents:piece.kbis') }),
    );
    const missing = texts(filed).find((text) => text.startsWith(fr.t('documents:stillMissing')))!;
    expect(missing).not.toContain(fr.t('documents:piece.kbis'));
    expect(missing).toContain(fr.t('documents:piece.rib'));
    const stored = documentFiles(server.dataDir).filter((name) => name.endsWith('.pdf'));
    expect(stored).toHaveLength(1);
    const kept = fs.readFileSync(path.join(server.dataDir, 'documents', stored[0]!));
    expect(createHash('sha256').update(kept).digest('hex')).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
  });

  test('the piece named in the message is recognised', async () => {
    const client = await applicant();
    await upload(
      client,
      [{ name: 'scan.pdf', type: 'application/pdf', bytes: samplePdf('rib') }],
      'voici notre RIB',
    );
    const replies = await client.pollUntil((a) =>
      texts(a).some((t) => t.startsWith(fr.t('documents:stillMissing'))),
    );
    expect(texts(replies)).toContain(
      fr.t('documents:receivedAs', { name: 'scan.pdf', piece: fr.t('documents:piece.rib') }),
    );
  });

  test('a renamed executable, a wrong type and a file too big are refused in French and nothing is kept', async () => {
    const client = await applicant();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(2000)]);
    const word = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(2000)]);
    const big = Buffer.concat([samplePdf(), Buffer.alloc(LIMIT)]);
    expect((await upload(client, [{ name: 'kbis.pdf', type: 'application/pdf', bytes: exe }])).status).toBe(
      200,
    );
    expect(
      (await upload(client, [{ name: 'bilan.doc', type: 'application/msword', bytes: word }])).status,
    ).toBe(200);
    expect((await upload(client, [{ name: 'devis.pdf', type: 'application/pdf', bytes: big }])).status).toBe(
      200,
    );
    const wrongType = fr.t('documents:refusal.wrongType');
    const tooBig = fr.t('documents:refusal.tooBig', { max: megabytes(LIMIT) });
    const replies = await client.pollUntil(
      (a) => texts(a).filter((t) => t === wrongType).length === 2 && texts(a).includes(tooBig),
    );
    expect(texts(replies)).toEqual(expect.arrayContaining([wrongType, tooBig]));
    expect(documentFiles(server.dataDir)).toEqual([]);
  });

  test('"ajouter un document à mon dossier" says how, and which pieces are still expected', async () => {
    const client = await applicant();
    await client.say('ajouter un document à mon dossier');
    const replies = await client.pollUntil((a) =>
      texts(a).some((t) => t.startsWith(fr.t('documents:stillMissing'))),
    );
    expect(texts(replies)).toContain(fr.t('documents:howToAdd'));
  });

  test('"supprimer mes données", confirmed, erases the draft’s documents with it', async () => {
    const client = await applicant();
    await upload(client, [{ name: 'rib.pdf', type: 'application/pdf', bytes: samplePdf('rib') }], 'RIB');
    await client.pollUntil((a) => texts(a).some((t) => t.startsWith(fr.t('documents:stillMissing'))));
    expect(documentFiles(server.dataDir).filter((name) => name.endsWith('.pdf'))).toHaveLength(1);
    await client.say('supprimer mes données');
    await client.pollUntil((a) => texts(a).some((t) => t.startsWith(fr.t('privacy:confirm').slice(0, 20))));
    await client.say(fr.t('privacy:yes'));
    await client.pollUntil((a) => texts(a).includes(fr.t('privacy:erased')));
    expect(documentFiles(server.dataDir)).toEqual([]);
  });

  test('without an application the file is not kept, and the bot says how to start one', async () => {
    const client = await new DirectLineClient(server.url).open();
    await client.start();
    await upload(client, [{ name: 'kbis.pdf', type: 'application/pdf', bytes: samplePdf() }]);
    const replies = await client.pollUntil((a) => texts(a).includes(fr.t('documents:noFile')));
    expect(replies.length).toBeGreaterThan(0);
    expect(documentFiles(server.dataDir)).toEqual([]);
  });

  test('a malformed body, a missing activity part or another conversation’s token is a 4xx', async () => {
    const client = await applicant();
    const url = `${server.url}/v3/directline/conversations/${client.conversationId}/upload`;
    const auth = { authorization: `Bearer ${client.token}` };
    const malformed = await fetch(url, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-',
    });
    expect(malformed.status).toBe(400);
    const form = new FormData();
    form.append('file', new Blob([samplePdf()], { type: 'application/pdf' }), 'a.pdf');
    expect((await fetch(url, { method: 'POST', headers: auth, body: form })).status).toBe(400);
    const other = await new DirectLineClient(server.url).open();
    expect(
      (await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${other.token}` }, body: form }))
        .status,
    ).toBe(403);
    expect((await fetch(url, { method: 'POST', body: form })).status).toBe(401);
    expect(documentFiles(server.dataDir)).toEqual([]);
  });

  test('an upload cut off in the middle leaves nothing, and the server goes on', async () => {
    const client = await applicant();
    const target = new URL(`${server.url}/v3/directline/conversations/${client.conversationId}/upload`);
    await new Promise<void>((resolve) => {
      const request = http.request(target, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${client.token}`,
          'content-type': 'multipart/form-data; boundary=cut',
          'content-length': '100000',
        },
      });
      request.on('error', () => resolve());
      request.write('--cut\r\nContent-Disposition: form-data; name="activity"\r\n\r\n{"type":"message"}\r\n');
      request.write(
        '--cut\r\nContent-Disposition: form-data; name="file"; filename="k.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n',
      );
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 100);
    });
    const after = await upload(
      client,
      [{ name: 'rib.pdf', type: 'application/pdf', bytes: samplePdf('rib') }],
      'RIB',
    );
    expect(after.status).toBe(200);
    await client.pollUntil((a) =>
      texts(a).some((t) =>
        t.startsWith(fr.t('documents:receivedAs', { name: 'rib.pdf', piece: '' }).slice(0, 10)),
      ),
    );
    expect(documentFiles(server.dataDir).filter((name) => name.endsWith('.pdf'))).toHaveLength(1);
    expect(documentFiles(server.dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
