import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Localizer } from '../../bot/i18n.js';
import { createStores, type Stores } from '../../storage/createStores.js';
import { DocumentIntake } from '../../storage/documentIntake.js';
import type { StoredDocument } from '../../storage/documentStore.js';
import { callApi, runCommitteeCli } from '../support/committeeApiClient.js';
import { callCheckedApi } from '../support/openApiCheck.js';
import { samplePdf } from '../contract/documentStoreContract.js';
import { startCommitteeApiServer } from '../support/committeeApiServer.js';

const TOKEN = 'c0mm1ttee-t0ken-0f-the-d0cuments-test-32ch';
const fr = new Localizer().language('fr');
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let dataDir: string;
let workDir: string;
let stores: Stores;
let url: string;
let close: () => Promise<void>;
let reference: string;
let kbis: StoredDocument;
const kbisBytes = samplePdf('Kbis de Cévennes Usinage');

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'alize-committee-docs-'));
  workDir = await mkdtemp(path.join(tmpdir(), 'alize-cwd-'));
  stores = createStores({ dataDir, backend: { kind: 'lowdb' } });
  const { application } = await stores.queue.submit(
    {
      channel: 'webchat',
      origin: 'applicant',
      userId: 'user-docs',
      eligibility: { verdict: 'OK', reasons: [] },
      data: { 'company.name': 'Cévennes Usinage' },
      now: new Date('2026-03-16T09:30:00.000Z'),
    },
    'draft-of-the-test',
  );
  reference = application.reference;
  const intake = new DocumentIntake(stores.documents, {
    limits: { maxBytes: 1024 * 1024, maxCount: 20 },
    now: () => new Date('2026-03-16T09:45:00.000Z'),
  });
  const stored = await intake.add(reference, { name: 'kbis « été ».pdf', bytes: kbisBytes, piece: 'kbis' });
  if (stored.outcome !== 'stored') throw new Error('the document was not stored');
  kbis = stored.document;
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

const auth = { authorization: `Bearer ${TOKEN}` };

describe('the committee reads a file’s documents', () => {
  test('the API lists them, in the file’s JSON too, and serves the same bytes as an attachment', async () => {
    const listed = await callCheckedApi(url, `/api/applications/${reference}/documents`, auth);
    expect(listed.status).toBe(200);
    const record = {
      id: kbis.id,
      name: 'kbis « été ».pdf',
      type: 'application/pdf',
      size: kbisBytes.length,
      sha256: sha256(kbisBytes),
      piece: 'kbis',
      issuedOn: null,
      flags: [],
      receivedAt: '2026-03-16T09:45:00.000Z',
    };
    expect(listed.json).toEqual([record]);
    const file = await callCheckedApi(url, `/api/applications/${reference}`, auth);
    expect((file.json as { documents: unknown }).documents).toEqual([record]);

    const bytes = await callApi(url, `/api/applications/${reference}/documents/${kbis.id}`, auth);
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get('content-type')).toBe('application/pdf');
    expect(bytes.headers.get('content-disposition')).toMatch(
      /^attachment; filename="kbis _ _t_ _.pdf"; filename\*=UTF-8''kbis%20%C2%AB%20%C3%A9t%C3%A9%20%C2%BB\.pdf$/,
    );
    expect(bytes.headers.get('x-content-type-options') ?? 'nosniff').toBe('nosniff');
    expect(sha256(bytes.bytes)).toBe(sha256(kbisBytes));
  });

  test('the same token as the rest of the API; an unknown id or file is a 404 that says so', async () => {
    expect((await callApi(url, `/api/applications/${reference}/documents/${kbis.id}`)).status).toBe(401);
    expect(
      (await callApi(url, `/api/applications/${reference}/documents`, { authorization: 'Bearer wrong' }))
        .status,
    ).toBe(401);
    const unknown = await callCheckedApi(
      url,
      `/api/applications/${reference}/documents/${'0'.repeat(32)}`,
      auth,
    );
    expect(unknown.status).toBe(404);
    expect((unknown.json as { message: string }).message).toBe(
      fr.t('committee:error.prefix', {
        message: fr.t('committeeApi:error.unknownDocument', { id: '0'.repeat(32) }),
      }),
    );
    const traversal = await callApi(url, `/api/applications/${reference}/documents/..%2F..%2Fstate`, auth);
    expect(traversal.status).toBe(404);
    expect((await callCheckedApi(url, '/api/applications/ALZ-2026-9999/documents', auth)).status).toBe(404);
  });

  test('`committee documents REF` lists them and `--out` saves the same bytes', async () => {
    const listed = await runCommitteeCli(['documents', reference.toLowerCase()], dataDir, workDir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(kbis.sha256);
    expect(listed.stdout).toContain(fr.t('documents:piece.kbis'));
    expect(listed.stdout).toContain(fr.t('committee:documents.total', { count: 1 }));
    const json = await runCommitteeCli(['documents', reference, '--json'], dataDir, workDir);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ id: kbis.id, sha256: sha256(kbisBytes) }),
    ]);

    const saved = await runCommitteeCli(['documents', reference, '--out', 'pieces'], dataDir, workDir);
    expect(saved.code).toBe(0);
    const folder = path.join(workDir, 'pieces');
    expect(saved.stdout).toBe(`${fr.t('committee:documents.saved', { count: 1, folder })}\n`);
    const names = await readdir(folder);
    expect(names).toEqual([`${kbis.id.slice(0, 8)}-kbis « été ».pdf`]);
    expect(sha256(await readFile(path.join(folder, names[0]!)))).toBe(sha256(kbisBytes));
  });

  test('a Kbis more than 3 months old when the file was sent is flagged in the JSON and the CLI listing', async () => {
    const { application } = await stores.queue.submit(
      {
        channel: 'webchat',
        origin: 'applicant',
        userId: 'user-old-kbis',
        data: { 'company.name': 'Garrigue Bois' },
        now: new Date('2026-03-16T09:30:00.000Z'),
      },
      'draft-of-the-old-kbis',
    );
    // One minute apart, so that they are listed in the order they came.
    let minute = 40;
    const intake = new DocumentIntake(stores.documents, {
      limits: { maxBytes: 1024 * 1024, maxCount: 20 },
      now: () => new Date(`2026-03-16T09:${minute++}:00.000Z`),
    });
    const add = (name: string, issuedOn: string) =>
      intake.add(application.reference, { name, bytes: samplePdf(name), piece: 'kbis', issuedOn });
    // 1 December 2025 + 3 months = 1 March 2026, before the 16 March submission; 1 January 2026 is not.
    await add('kbis-ancien.pdf', '2025-12-01');
    await add('kbis-recent.pdf', '2026-01-01');
    const file = await callCheckedApi(url, `/api/applications/${application.reference}`, auth);
    const listed = (file.json as { documents: { name: string; issuedOn: string; flags: string[] }[] })
      .documents;
    expect(listed.map(({ name, issuedOn, flags }) => ({ name, issuedOn, flags }))).toEqual([
      { name: 'kbis-ancien.pdf', issuedOn: '2025-12-01', flags: ['kbisOld'] },
      { name: 'kbis-recent.pdf', issuedOn: '2026-01-01', flags: [] },
    ]);

    const cli = await runCommitteeCli(['documents', application.reference], dataDir, workDir);
    const [oldLine, recentLine] = cli.stdout.split('\n').filter((line) => line.startsWith('- '));
    const kbisOf = (date: string) =>
      fr.t('committee:documents.issuedOn', { piece: fr.t('documents:piece.kbis'), date });
    expect(oldLine).toContain(`${kbisOf('1er décembre 2025')} — ${fr.t('documents:flag.kbisOld')}`);
    expect(recentLine).toContain(kbisOf('1er janvier 2026'));
    expect(recentLine).not.toContain(fr.t('documents:flag.kbisOld'));
  });

  test('an unknown reference is refused by the CLI in French', async () => {
    const result = await runCommitteeCli(['documents', 'ALZ-2026-9999'], dataDir, workDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(fr.t('committee:error.unknownReference', { reference: 'ALZ-2026-9999' }));
  });
});
