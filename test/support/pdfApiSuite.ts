import { expect, test } from '@jest/globals';
import type { Stores } from '../../storage/createStores.js';
import { samplePdf } from '../contract/documentStoreContract.js';
import { committeeText } from './committeeText.js';
import { callCheckedApi } from './openApiCheck.js';
import { fullApplication } from './pdfFixtures.js';
import { flat, flatText, pdfText } from './pdfText.js';
import { startCommitteeApiServer, type CommitteeApiServer } from './committeeApiServer.js';

const TOKEN = 'c0mm1ttee-t0ken-0f-the-pdf-tests-32chars';
const auth = { authorization: `Bearer ${TOKEN}` };
/** The API's clock (startCommitteeApiServer's default): the fixture's next committee date is 11 February 2027. */
const SUBMITTED = new Date('2026-11-10T09:00:00.000Z');

export interface PdfApiWorld {
  stores: Stores;
  api: CommitteeApiServer;
  /** Received, with its Kbis; in review then accepted; withdrawn; in review. */
  references: string[];
}

/** Four files of every kind on `stores`, and the API over them. */
export async function pdfApiWorld(stores: Stores): Promise<PdfApiWorld> {
  const references: string[] = [];
  for (const [index, key] of ['received', 'accepted', 'withdrawn', 'in_review'].entries()) {
    const { application } = await stores.queue.submit(
      fullApplication({ now: new Date(SUBMITTED.getTime() + index * 60_000) }),
      `pdf-${key}`,
    );
    references.push(application.reference);
  }
  const [first, accepted, withdrawn, inReview] = references;
  const bytes = samplePdf('Kbis');
  await stores.documents.put(first, {
    document: {
      id: 'c'.repeat(32),
      name: 'Kbis « Œuvre ».pdf',
      type: 'application/pdf',
      size: bytes.length,
      sha256: 'd'.repeat(64),
      piece: 'kbis',
      receivedAt: '2026-11-10T09:30:00.000Z',
    },
    bytes,
  });
  await stores.queue.changeStatus(accepted, 'in_review', 'jury');
  await stores.queue.changeStatus(accepted, 'accepted', 'jury');
  await stores.queue.changeStatus(withdrawn, 'withdrawn', 'user-pdf-1');
  await stores.queue.changeStatus(inReview, 'in_review', 'jury');
  const api = await startCommitteeApiServer(stores.queue, TOKEN, undefined, stores.documents);
  return { stores, api, references };
}

/** The PDF routes, as the OpenAPI document describes them, on whichever back end `world` runs. */
export function pdfApiTests(world: () => PdfApiWorld): void {
  const { t } = committeeText('fr');

  test('GET …/REF/pdf: the file as a PDF attachment, its documents listed', async () => {
    const [first] = world().references;
    const answer = await callCheckedApi(
      world().api.url,
      `/api/applications/${first.toLowerCase()}/pdf`,
      auth,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="${first}\\.pdf"`),
    );
    const all = flatText(await pdfText(Buffer.from(answer.bytes)));
    expect(all).toContain(flat(t('pdf:file.title', { reference: first })));
    expect(all).toContain('Kbis « Œuvre ».pdf');
    expect(all).toContain(flat(t('pdf:footer', { reference: first, page: 1, total: 2 })).split(' 1 ')[0]);
  });

  test('in English with Accept-Language: en; an unknown file is a 404 in the API’s error format', async () => {
    const [first] = world().references;
    const english = await callCheckedApi(world().api.url, `/api/applications/${first}/pdf`, {
      ...auth,
      acceptLanguage: 'en-GB,en;q=0.9',
    });
    const en = committeeText('en');
    expect(flatText(await pdfText(Buffer.from(english.bytes)))).toContain(
      en.t('pdf:file.title', { reference: first }),
    );
    const unknown = await callCheckedApi(world().api.url, '/api/applications/ALZ-2026-0999/pdf', auth);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({
      error: 'unknown_reference',
      message: t('committee:error.prefix', {
        message: t('committee:error.unknownReference', { reference: 'ALZ-2026-0999' }),
      }),
      reference: 'ALZ-2026-0999',
    });
    const anonymous = await callCheckedApi(world().api.url, `/api/applications/${first}/pdf`);
    expect(anonymous.status).toBe(401);
  });

  test('GET /api/dossier-de-seance.pdf: the next meeting’s files awaiting a decision, in the summary table', async () => {
    const [first, accepted, withdrawn, inReview] = world().references;
    const answer = await callCheckedApi(world().api.url, '/api/dossier-de-seance.pdf', auth);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dossier-de-seance-2027-02-11\.pdf"/,
    );
    const content = await pdfText(Buffer.from(answer.bytes));
    expect(flat(content.pages[0])).toContain(flat(t('pdf:dossier.title', { date: '11 février 2027' })));
    expect(flat(content.pages[1]).match(/ALZ-\d{4}-\d{4}/g)).toEqual([first, inReview]);
    const all = flatText(content);
    expect(all).not.toContain(accepted);
    expect(all).not.toContain(withdrawn);
    const dated = await callCheckedApi(world().api.url, '/api/dossier-de-seance.pdf?date=2026-11-10', auth);
    expect(dated.headers.get('content-disposition')).toMatch(/dossier-de-seance-2026-11-10\.pdf/);
    expect(flatText(await pdfText(Buffer.from(dated.bytes)))).toContain(flat(t('pdf:dossier.none')));
  });

  test('a date that is not YYYY-MM-DD, or another parameter, is a 400 that says why', async () => {
    for (const date of ['2027-02-31', '11/02/2027', '']) {
      const answer = await callCheckedApi(
        world().api.url,
        `/api/dossier-de-seance.pdf?date=${encodeURIComponent(date)}`,
        auth,
      );
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        error: 'invalid_parameter',
        message: t('committee:error.prefix', { message: t('pdf:api.invalidDate', { date }) }),
        parameter: 'date',
      });
    }
    const other = await callCheckedApi(world().api.url, '/api/dossier-de-seance.pdf?jour=2027-02-11', auth);
    expect(other.status).toBe(400);
    expect(other.json).toMatchObject({ error: 'unknown_parameter', parameter: 'jour' });
    const twice = await callCheckedApi(
      world().api.url,
      '/api/dossier-de-seance.pdf?date=2027-02-11&date=2027-06-10',
      auth,
    );
    expect(twice.status).toBe(400);
    expect(twice.json).toMatchObject({ error: 'repeated_parameter', parameter: 'date' });
  });
}
