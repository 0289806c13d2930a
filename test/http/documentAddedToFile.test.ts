import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { UploadStore, UPLOAD_URL_PREFIX } from '../../bot/directLine/uploadStore.js';
import { AttachmentSources } from '../../bot/documents/attachmentSources.js';
import { documentAddedToFile } from '../../bot/documents/documentAddedToFile.js';
import { DocumentReceiver } from '../../bot/documents/documentReceiver.js';
import { LocaleMiddleware } from '../../bot/localeMiddleware.js';
import { createLogger } from '../../bot/logger.js';
import { formatDateTime } from '../../committee/committeeFormat.js';
import type { StatusChange } from '../../storage/applicationQueue.js';
import { createStores, type Stores } from '../../storage/createStores.js';
import { displayUserId } from '../../storage/displayUserId.js';
import { DocumentIntake } from '../../storage/documentIntake.js';
import { fr, localizer } from '../support/botHarness.js';
import { runCommitteeCli } from '../support/committeeApiClient.js';
import { callCheckedApi } from '../support/openApiCheck.js';
import { settings } from '../support/programmeFixture.js';
import { samplePdf } from '../contract/documentStoreContract.js';
import { startCommitteeApiServer } from '../support/committeeApiServer.js';

const TOKEN = 'c0mm1ttee-t0ken-0f-the-added-d0cs-test-32c';
const USER = 'dl_owner-of-the-file';
const NOW = new Date('2026-04-02T08:15:00.000Z');

let dataDir: string;
let workDir: string;
let stores: Stores;
let url: string;
let close: () => Promise<void>;
let logged: string;
const alerts: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'alize-added-docs-'));
  workDir = await mkdtemp(path.join(tmpdir(), 'alize-cwd-'));
  stores = createStores({ dataDir, backend: { kind: 'lowdb' } });
  const server = await startCommitteeApiServer(stores.queue, TOKEN, undefined, stores.documents);
  url = server.url;
  close = server.close;
});

afterAll(async () => {
  await close?.();
  await stores?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

/** The bot's receiver with real parts: the Direct Line upload store, the intake, the lowdb files. */
function chat(reference: string) {
  const uploads = new UploadStore();
  logged = '';
  const logger = createLogger('info', {
    write: (chunk: string) => {
      logged += chunk;
      return true;
    },
  } as unknown as NodeJS.WritableStream);
  const limits = { maxBytes: 1024 * 1024, maxCount: 20 };
  const receiver = new DocumentReceiver({
    intake: new DocumentIntake(stores.documents, { limits, now: () => NOW }),
    store: stores.documents,
    sources: new AttachmentSources({ uploads, maxBytes: limits.maxBytes, authRequired: false }),
    limits,
    required: settings.documents,
    logger,
    clock: () => NOW,
    timeZone: settings.timeZone,
    onAddedToFile: documentAddedToFile({
      queue: stores.queue,
      alertAdvisors: (text) => {
        alerts.push(text);
        return Promise.resolve();
      },
      clock: () => NOW,
      logger,
    }),
  });
  const profile = { submitted: [{ reference, submittedAt: '2026-03-16T09:30:00.000Z' }] };
  const adapter = new TestAdapter(async (context) => receiver.receive(context, profile), {
    channelId: 'webchat',
    conversation: { id: `conv-${reference}`, isGroup: false, conversationType: 'personal', name: '' },
    recipient: { id: 'bot', name: 'AliZé' },
    serviceUrl: 'https://example.test',
  });
  adapter.use(new LocaleMiddleware(localizer));
  return {
    /** Sends a PDF as the local Direct Line hands it to the bot, with the applicant's words. */
    async send(name: string, text: string): Promise<string[]> {
      const id = uploads.hold(`conv-${reference}`, {
        name,
        declaredType: 'application/pdf',
        bytes: samplePdf(name),
        size: samplePdf(name).length,
      });
      await adapter.receiveActivity({
        type: 'message',
        text,
        locale: 'fr-FR',
        from: { id: USER, name: '' },
        attachments: [{ contentType: 'application/pdf', name, contentUrl: `${UPLOAD_URL_PREFIX}${id}` }],
      } as Partial<Activity>);
      return adapter.activeQueue.splice(0).map((activity) => String(activity.text ?? ''));
    },
    /** Presses the "which piece is it" button of a document sent without saying. */
    async choose(documentId: string, piece: string): Promise<void> {
      await adapter.receiveActivity({
        type: 'message',
        locale: 'fr-FR',
        from: { id: USER, name: '' },
        value: { alizeDocument: documentId, piece },
      } as Partial<Activity>);
      adapter.activeQueue.splice(0);
    },
  };
}

const readFile = (reference: string) =>
  callCheckedApi(url, `/api/applications/${reference}`, { authorization: `Bearer ${TOKEN}` });
const patchStatus = (reference: string, status: string, ifMatch: string) =>
  callCheckedApi(url, `/api/applications/${reference}`, {
    authorization: `Bearer ${TOKEN}`,
    method: 'PATCH',
    contentType: 'application/json',
    body: JSON.stringify({ status }),
    headers: { 'if-match': ifMatch },
  });

async function submittedFile(): Promise<string> {
  const { application } = await stores.queue.submit(
    {
      channel: 'webchat',
      origin: 'applicant',
      userId: USER,
      data: { 'company.name': 'Cévennes Usinage' },
      now: new Date('2026-03-16T09:30:00.000Z'),
    },
    `draft-${Math.random()}`,
  );
  await stores.queue.changeStatus(application.reference, 'in_review', 'advisor-1');
  await stores.queue.changeStatus(application.reference, 'incomplete', 'advisor-1', 'le RIB manque');
  return application.reference;
}

describe('a document added to a submitted file', () => {
  test('is a line of its history, seen in the API and in "committee show", and the advisors are alerted', async () => {
    const reference = await submittedFile();
    const replies = await chat(reference).send('releve-bancaire-dupont.pdf', 'voici notre RIB');
    expect(replies).toContain(
      fr.t('documents:receivedAs', {
        name: 'releve-bancaire-dupont.pdf',
        piece: fr.t('documents:piece.rib'),
      }),
    );
    const [document] = await stores.documents.list(reference);
    const added: StatusChange = {
      at: NOW.toISOString(),
      by: USER,
      from: 'incomplete',
      to: 'incomplete',
      kind: 'documentAdded',
      documentId: document!.id,
      piece: 'rib',
    };
    expect((await stores.queue.get(reference))?.history.at(-1)).toEqual(added);
    expect(alerts.at(-1)).toBe(
      fr.t('documents:advisorAlert', {
        reference,
        userId: displayUserId(USER),
        piece: fr.t('documents:piece.rib'),
      }),
    );
    // Neither the history, the alert nor the log carries the file's name.
    expect(JSON.stringify((await stores.queue.get(reference))?.history)).not.toContain('dupont');
    expect(alerts.join('\n')).not.toContain('dupont');
    expect(logged).toContain('document_added_to_file');
    expect(logged).not.toContain('dupont');

    const api = await callCheckedApi(url, `/api/applications/${reference}`, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(api.status).toBe(200);
    expect((api.json as { history: StatusChange[] }).history.at(-1)).toMatchObject({
      ...added,
      by: displayUserId(USER),
    });

    const shown = await runCommitteeCli(['show', reference], dataDir, workDir);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(
      fr.t('committee:show.historyDocumentAdded', {
        at: formatDateTime(NOW.toISOString(), 'fr'),
        by: displayUserId(USER),
        piece: fr.t('documents:piece.rib'),
        documentId: document!.id,
      }),
    );
  });

  test('a status change at the same moment loses neither line', async () => {
    const reference = await submittedFile();
    const conversation = chat(reference);
    await Promise.all([
      conversation.send('kbis.pdf', 'notre extrait Kbis'),
      stores.queue.changeStatus(reference, 'in_review', 'advisor-2', 'pièces reçues'),
    ]);
    const history = (await stores.queue.get(reference))!.history;
    expect(history.filter((change) => change.kind === 'documentAdded')).toHaveLength(1);
    expect(history.filter((change) => change.by === 'advisor-2')).toHaveLength(1);
    expect((await stores.queue.get(reference))?.status).toBe('in_review');
  });

  test('changes the file’s ETag: a PATCH with the If-Match read before is refused (412) and changes nothing', async () => {
    const reference = await submittedFile();
    const before = (await readFile(reference)).headers.get('etag')!;
    await chat(reference).send('rib.pdf', 'voici notre RIB');
    const after = await readFile(reference);
    expect(after.headers.get('etag')).not.toBe(before);
    expect((after.json as { documents: unknown[] }).documents).toHaveLength(1);

    const stale = await patchStatus(reference, 'in_review', before);
    expect(stale.status).toBe(412);
    expect((await stores.queue.get(reference))?.status).toBe('incomplete');
    const fresh = await patchStatus(reference, 'in_review', after.headers.get('etag')!);
    expect(fresh.status).toBe(200);
    expect((await stores.queue.get(reference))?.status).toBe('in_review');
  });

  test('saying later which piece a document is changes the ETag too', async () => {
    const reference = await submittedFile();
    const conversation = chat(reference);
    await conversation.send('scan-0042.pdf', 'voici un document');
    const read = await readFile(reference);
    const [document] = (read.json as { documents: { id: string; piece: string | null }[] }).documents;
    expect(document?.piece).toBeNull();
    await conversation.choose(document!.id, 'kbis');
    const relabelled = await readFile(reference);
    expect((relabelled.json as { documents: { piece?: string }[] }).documents[0]?.piece).toBe('kbis');
    expect(relabelled.headers.get('etag')).not.toBe(read.headers.get('etag'));
    expect((await patchStatus(reference, 'in_review', read.headers.get('etag')!)).status).toBe(412);
    expect((await patchStatus(reference, 'in_review', relabelled.headers.get('etag')!)).status).toBe(200);
  });
});
