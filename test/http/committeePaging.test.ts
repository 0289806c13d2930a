import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunningApp } from '../../bot/app.js';
import { EXPORT_PARAMETERS } from '../../committee/committeeApiInput.js';
import { PAGE_LIMITS } from '../../committee/committeeApiPaging.js';
import { Localizer } from '../../bot/i18n.js';
import { createLowdbApplicationQueue, type NewApplication } from '../../storage/index.js';
import type { ApiAnswer } from '../support/committeeApiClient.js';
import { startCommitteeApiServer } from '../support/committeeApiServer.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';
import { callCheckedApi } from '../support/openApiCheck.js';

const TOKEN = 'committee-test-token-paging-61d0b8e2a9c4f357';
const fr = new Localizer().language('fr');
const frError = (key: string, values: Record<string, unknown> = {}) =>
  fr.t('committee:error.prefix', { message: fr.t(key, values) });

const reference = (sequence: number) => `ALZ-2026-${String(sequence).padStart(4, '0')}`;
const file = (index: number): NewApplication => ({
  channel: 'webchat',
  origin: 'applicant',
  userId: `user-${index}`,
  data: { 'company.name': `Entreprise ${index}` },
  now: new Date('2026-11-02T09:00:00Z'),
});
/** Files 3, 6, 9… are in review: the filter keeps 8 of the 25. */
const IN_REVIEW = Array.from({ length: 8 }, (_, index) => reference(3 * (index + 1)));
const ALL = Array.from({ length: 25 }, (_, index) => reference(index + 1));

const references = (answer: ApiAnswer) => (answer.json as { reference: string }[]).map((r) => r.reference);
/** The path of `Link: <…>; rel="next"`, or undefined on the last page. */
function nextPath(answer: ApiAnswer): string | undefined {
  const link = answer.headers.get('link');
  if (link === null) return undefined;
  const match = /^<([^>]+)>; rel="next"$/.exec(link);
  if (!match) throw new Error(`unexpected Link header: ${link}`);
  return match[1];
}

async function submitFiles(submit: (input: NewApplication, key: string) => Promise<unknown>, count = 25) {
  for (let index = 1; index <= count; index++) await submit(file(index), `paging-${index}`);
}

describe('committee API: paging through the list', () => {
  let app: RunningApp;
  let dataDir: string;
  const api = (urlPath: string) => callCheckedApi(app.url, urlPath, { authorization: `Bearer ${TOKEN}` });

  /** Follows Link from `first` to the last page: every page's references, in order. */
  async function walk(first: string): Promise<{ pages: string[][]; links: string[] }> {
    const pages: string[][] = [];
    const links: string[] = [];
    let next: string | undefined = first;
    while (next !== undefined) {
      const answer = await api(next);
      expect(answer.status).toBe(200);
      pages.push(references(answer));
      next = nextPath(answer);
      if (next !== undefined) links.push(next);
      if (pages.length > 30) throw new Error('the pages never end');
    }
    return { pages, links };
  }

  beforeAll(async () => {
    dataDir = tempDataDir('alize-committee-paging-');
    app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN });
    await submitFiles((input, key) => app.queue.submit(input, key));
    for (const inReview of IN_REVIEW) await app.queue.changeStatus(inReview, 'in_review', 'jury');
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('25 files, limit=10: pages of 10, 10 and 5, each file exactly once, in reference order', async () => {
    const { pages, links } = await walk('/api/applications?limit=10');
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(ALL);
    expect(links.every((link) => link.startsWith('/api/applications?limit=10&cursor='))).toBe(true);
  });

  test('with ?status=: the filter is kept in Link and the pages hold exactly the filtered files', async () => {
    const { pages, links } = await walk('/api/applications?status=in_review&limit=3');
    expect(pages).toEqual([IN_REVIEW.slice(0, 3), IN_REVIEW.slice(3, 6), IN_REVIEW.slice(6)]);
    expect(links.every((link) => link.startsWith('/api/applications?status=in_review&limit=3&'))).toBe(true);
  });

  test('a limit that ends exactly on the last file: no Link on that page', async () => {
    const { pages } = await walk('/api/applications?limit=5');
    expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 5]);
  });

  test(`without limit: the first ${PAGE_LIMITS.default} files, the whole list here, no Link`, async () => {
    const answer = await api('/api/applications');
    expect(references(answer)).toEqual(ALL);
    expect(answer.headers.get('link')).toBeNull();
    expect(references(await api(`/api/applications?limit=${PAGE_LIMITS.max}`))).toEqual(ALL);
  });

  test.each(['0', '-1', 'dix', '1.5', '1e1', '010', '', String(PAGE_LIMITS.max + 1), '99999999999'])(
    'limit=%s: 400 naming the bounds',
    async (limit) => {
      const answer = await api(`/api/applications?limit=${encodeURIComponent(limit)}`);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        error: 'invalid_parameter',
        parameter: 'limit',
        message: frError('committeeApi:error.invalidLimit', { max: PAGE_LIMITS.max }),
      });
    },
  );

  test.each([
    ['not base64url', '%%%'],
    ['base64url of something else', Buffer.from('bonjour').toString('base64url')],
    ['no version', Buffer.from('ALZ-2026-0010').toString('base64url')],
    ['a reference of the wrong form', Buffer.from('1:ALZ-2026-10').toString('base64url')],
    ['padded base64', `${Buffer.from('1:ALZ-2026-0010').toString('base64')}==`],
    ['empty', ''],
    ['far too long', 'A'.repeat(400)],
  ])('a bad cursor (%s): 400, reset the paging', async (_label, cursor) => {
    const answer = await api(`/api/applications?limit=10&cursor=${encodeURIComponent(cursor)}`);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: 'invalid_parameter',
      parameter: 'cursor',
      message: frError('committeeApi:error.invalidCursor'),
    });
  });

  test('a repeated limit, or limit on the CSV export (always whole): 400', async () => {
    expect((await api('/api/applications?limit=2&limit=3')).json).toMatchObject({
      error: 'repeated_parameter',
      parameter: 'limit',
    });
    const csv = await api('/api/applications.csv?limit=2');
    expect(csv.status).toBe(400);
    expect(csv.json).toEqual({
      error: 'unknown_parameter',
      parameter: 'limit',
      message: frError('committeeApi:error.unknownParameter', {
        parameter: 'limit',
        parameters: EXPORT_PARAMETERS.join(', '),
        count: EXPORT_PARAMETERS.length,
      }),
    });
  });
});

describe('committee API: paging while files arrive and move', () => {
  test('a file submitted and one moved between two pages: no file given twice, none missed', async () => {
    const dataDir = tempDataDir('alize-committee-paging-live-');
    const queue = createLowdbApplicationQueue(dataDir);
    const server = await startCommitteeApiServer(queue, TOKEN);
    try {
      await submitFiles((input, key) => queue.submit(input, key), 12);
      const api = (urlPath: string) =>
        callCheckedApi(server.url, urlPath, { authorization: `Bearer ${TOKEN}` });
      const first = await api('/api/applications?status=received&limit=5');
      // Between the pages: file 2 (already given) and file 9 (not yet) leave "received", a 13th arrives.
      for (const moved of [reference(2), reference(9)]) await queue.changeStatus(moved, 'in_review', 'jury');
      await queue.submit(file(13), 'paging-13');
      const second = await api(nextPath(first)!);
      const third = await api(nextPath(second)!);
      expect(nextPath(third)).toBeUndefined();
      const seen = [first, second, third].flatMap(references);
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13].map(reference));
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('an unreadable file is named in X-Skipped-Files of the one page whose span holds it', async () => {
    const dataDir = tempDataDir('alize-committee-paging-skipped-');
    const queue = createLowdbApplicationQueue(dataDir);
    const server = await startCommitteeApiServer(queue, TOKEN);
    try {
      await submitFiles((input, key) => queue.submit(input, key), 9);
      await writeFile(path.join(dataDir, 'applications', `${reference(5)}.json`), '{ pas du JSON');
      const api = (urlPath: string) =>
        callCheckedApi(server.url, urlPath, { authorization: `Bearer ${TOKEN}` });
      const first = await api('/api/applications?limit=3');
      const second = await api(nextPath(first)!);
      const third = await api(nextPath(second)!);
      expect([first, second, third].map(references)).toEqual([
        [1, 2, 3].map(reference),
        [4, 6, 7].map(reference),
        [8, 9].map(reference),
      ]);
      expect([first, second, third].map((page) => page.headers.get('x-skipped-files'))).toEqual([
        null,
        reference(5),
        null,
      ]);
      expect(second.headers.get('x-skipped-count')).toBe('1');
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
