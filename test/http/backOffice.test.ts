import path from 'node:path';
import { DocumentIntake } from '../../storage/documentIntake.js';
import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import { samplePdf } from '../contract/documentStoreContract.js';
import { en, fr } from '../support/botHarness.js';
import { BackOfficeClient } from '../support/backOfficeClient.js';
import { serverForSuite } from '../support/httpServer.js';
import { escapeHtml } from '../../bot/webPage/htmlEscape.js';
import { sampleFile, submitSamples } from '../../scripts/committeeSamples.js';
import { applicationToRecord } from '../../storage/applicationView.js';

const TOKEN = 'committee-token-for-back-office-9f3a61c2d8e4b705';
const html = (key: string, values?: Record<string, unknown>) => escapeHtml(fr.t(key, values));

describe('the committee back office over HTTP (lowdb)', () => {
  const server = serverForSuite({
    env: { COMMITTEE_TOKEN: TOKEN },
    overrides: { backOffice: { listCacheMs: 0 } },
  });
  beforeAll(async () => {
    await submitSamples(server.app.queue, 6);
    await server.app.queue.submit(
      sampleFile(6, { data: { ...sampleFile(6).data, 'company.name': '<script>alert(1)</script> SARL' } }),
      'hostile',
    );
  });

  test('without a session the list sends to the sign-in page, which asks for the token in a form, never in the URL', async () => {
    const client = new BackOfficeClient(server.url);
    const list = await client.get('/committee');
    expect(list.status).toBe(303);
    expect(list.headers.get('location')).toBe('/committee/signin');
    const page = await client.get('/committee/signin');
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('method="post"');
    expect(body).toContain('type="password"');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  test('the right token opens a committee session in an HttpOnly, Secure, SameSite=Lax cookie', async () => {
    const client = new BackOfficeClient(server.url);
    const signedIn = await client.signIn(TOKEN);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/committee');
    const session = signedIn.headers.getSetCookie().find((line) => line.startsWith('alize_committee='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/);
    const list = await client.get('/committee');
    expect(list.status).toBe(200);
    const body = await list.text();
    expect(body).toContain(html('backOffice:user.signedInToken'));
    expect(body).toContain('ALZ-2026-0001');
    expect(body).toContain(html('backOffice:list.count', { count: 7 }));
  });

  test('a wrong token is refused with the French message, and gives no session', async () => {
    const client = new BackOfficeClient(server.url);
    const refused = await client.signIn('not-the-committee-token-at-all-0000');
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain(html('backOffice:signin.wrongToken'));
    expect((await client.get('/committee')).status).toBe(303);
  });

  test('a sign-in form posted without its nonce is refused (403)', async () => {
    const client = new BackOfficeClient(server.url);
    const refused = await client.post('/committee/signin', { token: TOKEN });
    expect(refused.status).toBe(403);
    expect((await client.get('/committee')).status).toBe(303);
  });

  test('a change without the CSRF field, or with another session’s, is refused with 403 and changes nothing', async () => {
    const client = new BackOfficeClient(server.url);
    await client.signIn(TOKEN);
    const other = new BackOfficeClient(server.url);
    await other.signIn(TOKEN);
    const missing = await client.post('/committee/files/ALZ-2026-0001/notes', { text: 'Sans jeton' });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain(html('backOffice:problemPage.csrf'));
    const foreign = await client.post('/committee/files/ALZ-2026-0001/status', {
      csrf: await other.csrf(),
      status: 'in_review',
    });
    expect(foreign.status).toBe(403);
    const file = await server.app.queue.get('ALZ-2026-0001');
    expect(file?.notes).toBeUndefined();
    expect(file?.status).toBe('received');
  });

  test('a private note is stored with the file, shown on its page, never in the API record', async () => {
    const client = new BackOfficeClient(server.url);
    await client.signIn(TOKEN);
    const csrf = await client.csrf('/committee/files/ALZ-2026-0002');
    const added = await client.post('/committee/files/ALZ-2026-0002/notes', {
      csrf,
      text: 'Appeler le gérant <b>lundi</b>',
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/committee/files/ALZ-2026-0002?done=noteAdded#main');
    const page = await (await client.get('/committee/files/ALZ-2026-0002?done=noteAdded')).text();
    expect(page).toContain(html('backOffice:notice.noteAdded'));
    expect(page).toContain('Appeler le gérant &lt;b&gt;lundi&lt;/b&gt;');
    const stored = await server.app.queue.get('ALZ-2026-0002');
    expect(stored?.notes).toEqual([
      {
        at: expect.any(String),
        by: fr.t('backOffice:user.tokenName'),
        text: 'Appeler le gérant <b>lundi</b>',
      },
    ]);
    expect(JSON.stringify(applicationToRecord(stored!))).not.toContain('lundi');
    const empty = await client.post('/committee/files/ALZ-2026-0002/notes', { csrf, text: '   ' });
    expect(empty.headers.get('location')).toBe('/committee/files/ALZ-2026-0002?problem=noteEmpty#main');
  });

  test('an applicant’s <script> is shown as text in the list and on the file page', async () => {
    const client = new BackOfficeClient(server.url);
    await client.signIn(TOKEN);
    const list = await (await client.get('/committee?q=script')).text();
    expect(list).toContain('&lt;script&gt;alert(1)&lt;/script&gt; SARL');
    expect(list).not.toContain('<script>alert(1)');
    const file = await (await client.get('/committee/files/ALZ-2026-0007')).text();
    expect(file).toContain('&lt;script&gt;alert(1)&lt;/script&gt; SARL');
    expect(file).not.toContain('<script>alert(1)');
  });

  test('a malformed query gets a 400 page naming the parameter, never a crash', async () => {
    const client = new BackOfficeClient(server.url);
    await client.signIn(TOKEN);
    for (const query of [
      'page=abc',
      'status=bogus',
      'sort=drop',
      'dir=up',
      'status=received&status=accepted',
      `q=${'x'.repeat(500)}`,
    ]) {
      const response = await client.get(`/committee?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
    const page = await (await client.get('/committee?page=abc')).text();
    expect(page).toContain(html('backOffice:problemPage.badQuery', { parameter: 'page' }));
    expect((await client.get('/committee/files/not-a-reference')).status).toBe(404);
    expect((await client.get('/committee/files/ALZ-2026-9999')).status).toBe(404);
    expect((await client.get('/committee?page=99')).status).toBe(200);
  });

  test('filters, search by SIRET, sort and the CSV of the filtered view', async () => {
    const client = new BackOfficeClient(server.url);
    await client.signIn(TOKEN);
    const anduze = await (await client.get('/committee?commune=Anduze')).text();
    expect(anduze).toContain('ALZ-2026-0002');
    expect(anduze).not.toContain('ALZ-2026-0001<');
    const siret = String(sampleFile(2).data['company.siret']);
    const bySiret = await (await client.get(`/committee?q=${siret}`)).text();
    expect(bySiret).toContain(html('backOffice:list.count', { count: 1 }));
    expect(bySiret).toContain('ALZ-2026-0003');
    const sorted = await (await client.get('/committee?sort=reference&dir=asc')).text();
    expect(sorted.indexOf('>ALZ-2026-0001<')).toBeLessThan(sorted.indexOf('>ALZ-2026-0002<'));
    expect(sorted).toContain('aria-sort="ascending"');
    const csv = await client.get('/committee/export.csv?commune=Anduze');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('ALZ-2026-0002');
  });

  test('the file lists its documents, served as attachments; the missing pieces are named', async () => {
    const documents = new LowdbDocumentStore(path.join(server.dataDir, 'documents'));
    const intake = new DocumentIntake(documents, { limits: { maxBytes: 1024 * 1024, maxCount: 20 } });
    const bytes = samplePdf('kbis');
    await intake.add('ALZ-2026-0004', { name: 'kbis <2026>.pdf', bytes, piece: 'kbis' });
    const [stored] = await documents.list('ALZ-2026-0004');
    const client = new BackOfficeClient(server.url);
    await client.signIn(TOKEN);
    const page = await (await client.get('/committee/files/ALZ-2026-0004')).text();
    expect(page).toContain(`/committee/files/ALZ-2026-0004/documents/${stored.id}`);
    expect(page).toContain('kbis &lt;2026&gt;.pdf');
    expect(page).toContain(html('applicationFlow:documents.rib'));
    const download = await client.get(`/committee/files/ALZ-2026-0004/documents/${stored.id}`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    expect((await client.get('/committee/files/ALZ-2026-0004/documents/unknown')).status).toBe(404);
    expect((await client.get(`/committee/files/ALZ-2026-0003/documents/${stored.id}`)).status).toBe(404);
  });

  test('signing out ends the session', async () => {
    const client = new BackOfficeClient(server.url);
    await client.signIn(TOKEN);
    const out = await client.post('/committee/signout', { csrf: await client.csrf() });
    expect(out.status).toBe(303);
    expect((await client.get('/committee')).status).toBe(303);
  });
});

describe('the back office with the PDF and statistics hooks, and in English', () => {
  const asked: (string | undefined)[] = [];
  const server = serverForSuite({
    env: { COMMITTEE_TOKEN: TOKEN },
    overrides: {
      backOffice: {
        pdf: {
          file: async (reference) => {
            asked.push(reference);
            return reference === 'ALZ-2026-0001'
              ? { name: `${reference}.pdf`, bytes: Buffer.from('%PDF-1.7 file') }
              : undefined;
          },
          dossier: async (date) => {
            asked.push(date);
            return { name: 'dossier.pdf', bytes: Buffer.from('%PDF-1.7 dossier') };
          },
        },
        statistics: async () => '<p class="stat">12 dossiers reçus</p>',
      },
    },
  });
  beforeAll(() => submitSamples(server.app.queue, 1));

  test('the links and routes appear with the hooks, the PDFs as attachments, the fragment in the layout', async () => {
    const client = new BackOfficeClient(server.url);
    await client.signIn(TOKEN);
    const list = await (await client.get('/committee')).text();
    expect(list).toContain(`href="/committee/dossier.pdf">${html('backOffice:list.dossier')}`);
    expect(list).toContain(`href="/committee/statistics">${html('backOffice:nav.statistics')}`);
    const file = await (await client.get('/committee/files/ALZ-2026-0001')).text();
    expect(file).toContain(`href="/committee/files/ALZ-2026-0001/pdf">${html('backOffice:file.pdf')}`);
    const pdf = await client.get('/committee/files/ALZ-2026-0001/pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="ALZ-2026-0001.pdf"/);
    expect((await client.get('/committee/files/ALZ-2026-0404/pdf')).status).toBe(404);
    expect((await client.get('/committee/dossier.pdf?date=2026-12-10')).status).toBe(200);
    expect((await client.get('/committee/dossier.pdf?date=demain')).status).toBe(400);
    expect(asked).toEqual(['ALZ-2026-0001', 'ALZ-2026-0404', '2026-12-10']);
    const statistics = await (await client.get('/committee/statistics')).text();
    expect(statistics).toContain('<p class="stat">12 dossiers reçus</p>');
    expect(statistics).toContain(`<h1>${html('backOffice:statistics.title')}</h1>`);
  });

  test('?lang=en shows the pages in English and keeps English through a form', async () => {
    const client = new BackOfficeClient(server.url);
    await client.signIn(TOKEN);
    const list = await (await client.get('/committee?lang=en')).text();
    expect(list).toContain('<html lang="en">');
    expect(list).toContain(escapeHtml(en.t('backOffice:list.title')));
    const csrf = await client.csrf('/committee/files/ALZ-2026-0001?lang=en');
    const added = await client.post('/committee/files/ALZ-2026-0001/notes', {
      csrf,
      lang: 'en',
      text: 'Call back',
    });
    expect(added.headers.get('location')).toBe('/committee/files/ALZ-2026-0001?done=noteAdded&lang=en#main');
  });
});

describe('the back office without a token or a sign-in', () => {
  const server = serverForSuite();
  test('is off: its paths are 404', async () => {
    expect((await fetch(`${server.url}/committee`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${server.url}/committee/signin`, { redirect: 'manual' })).status).toBe(404);
  });
});
