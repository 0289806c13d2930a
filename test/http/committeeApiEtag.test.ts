import { rm } from 'node:fs/promises';
import type { RunningApp } from '../../bot/app.js';
import { Localizer } from '../../bot/i18n.js';
import { applicationVersion, type NewApplication } from '../../storage/index.js';
import type { ApiRequest } from '../support/committeeApiClient.js';
import { concurrentEdit } from '../support/concurrentEdit.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';
import { callCheckedApi } from '../support/openApiCheck.js';

const TOKEN = 'committee-test-token-etag-4f1e92c07b3d58a6';
const fr = new Localizer().language('fr');
const en = new Localizer().language('en');
const message = (language: typeof fr, key: string, values: Record<string, unknown> = {}) =>
  language.t('committee:error.prefix', { message: language.t(key, values) });
const STRONG_ETAG = /^"[\x21\x23-\x7e]+"$/;

let app: RunningApp;
let dataDir: string;
let submitted = 0;

/** A fresh file for each test: no test depends on what another did to its file. */
async function newFile(): Promise<string> {
  submitted += 1;
  const input: NewApplication = {
    channel: 'webchat',
    origin: 'applicant',
    userId: `user-${submitted}`,
    data: { 'company.name': `Entreprise ${submitted}` },
    now: new Date('2026-11-02T09:00:00Z'),
  };
  return (await app.queue.submit(input, `etag-${submitted}`)).application.reference;
}

const api = (urlPath: string, request: ApiRequest = {}) =>
  callCheckedApi(app.url, urlPath, { authorization: `Bearer ${TOKEN}`, ...request });
const patch = (reference: string, body: unknown, ifMatch?: string, request: ApiRequest = {}) =>
  api(`/api/applications/${reference}`, {
    method: 'PATCH',
    contentType: 'application/json',
    body: JSON.stringify(body),
    headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
    ...request,
  });
const etagOf = async (reference: string) => (await api(`/api/applications/${reference}`)).headers.get('etag');

beforeAll(async () => {
  dataDir = tempDataDir('alize-committee-etag-');
  app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN });
});
afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('committee API: ETag on a file', () => {
  test('GET gives a strong ETag, the stored version, the same on every read', async () => {
    const reference = await newFile();
    const etag = await etagOf(reference);
    expect(etag).toMatch(STRONG_ETAG);
    expect(etag).toBe(`"${applicationVersion((await app.queue.get(reference))!)}"`);
    expect(await etagOf(reference)).toBe(etag);
  });

  test('a PATCH with the ETag read applies and answers the new ETag, which the next GET gives', async () => {
    const reference = await newFile();
    const etag = (await etagOf(reference))!;
    const answer = await patch(reference, { status: 'in_review' }, etag);
    expect(answer.status).toBe(200);
    expect((answer.json as { status: string }).status).toBe('in_review');
    const newEtag = answer.headers.get('etag');
    expect(newEtag).toMatch(STRONG_ETAG);
    expect(newEtag).not.toBe(etag);
    expect(await etagOf(reference)).toBe(newEtag);
  });

  test('a file changed another way (the CLI, an anonymisation) gets a new ETag', async () => {
    const reference = await newFile();
    const etag = await etagOf(reference);
    await app.queue.amend(reference, { retention: { erasureRequestedAt: '2026-11-03T10:00:00.000Z' } });
    expect(await etagOf(reference)).not.toBe(etag);
  });
});

describe('committee API: If-Match on PATCH', () => {
  test('two reviewers read the same ETag: the first PATCH wins, the second gets 412 and changes nothing', async () => {
    const reference = await newFile();
    const outcome = await concurrentEdit(app.url, TOKEN, app.queue, reference);
    expect(outcome.etagRead[0]).toBe(outcome.etagRead[1]);
    expect(outcome.first.status).toBe(200);
    expect(outcome.second.status).toBe(412);
    expect(outcome.second.json).toEqual({
      error: 'precondition_failed',
      reference,
      message: message(fr, 'committeeApi:error.preconditionFailed', { reference }),
    });
    expect(outcome.history).toEqual(['received', 'in_review']);
    expect(outcome.after.headers.get('etag')).toBe(outcome.first.headers.get('etag'));
  });

  test('the 412 in English with Accept-Language: en', async () => {
    const reference = await newFile();
    const stale = (await etagOf(reference))!;
    await app.queue.changeStatus(reference, 'in_review', 'jury');
    const answer = await patch(reference, { status: 'withdrawn' }, stale, { acceptLanguage: 'en' });
    expect(answer.status).toBe(412);
    expect((answer.json as { message: string }).message).toBe(
      message(en, 'committeeApi:error.preconditionFailed', { reference }),
    );
  });

  test.each([
    ['no If-Match (the tools written before ETags)', undefined],
    ['If-Match: *', '*'],
  ])('%s: the change is made on the file as it is', async (_label, ifMatch) => {
    const reference = await newFile();
    await app.queue.changeStatus(reference, 'in_review', 'jury');
    const answer = await patch(reference, { status: 'incomplete' }, ifMatch);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBe(await etagOf(reference));
  });

  test('a list of ETags holding the current one applies', async () => {
    const reference = await newFile();
    const answer = await patch(reference, { status: 'in_review' }, `"older", ${await etagOf(reference)}`);
    expect(answer.status).toBe(200);
  });

  test('the current ETag marked weak never matches (strong comparison): 412', async () => {
    const reference = await newFile();
    const answer = await patch(reference, { status: 'in_review' }, `W/${await etagOf(reference)}`);
    expect(answer.status).toBe(412);
    expect((await app.queue.get(reference))?.status).toBe('received');
  });

  test.each([
    ['without quotes', 'abc'],
    ['an opening quote only', '"abc'],
    ['two tags without a comma', '"a" "b"'],
    ['weak without quotes', 'W/abc'],
    ['a quote inside', '"a"b"'],
    ['empty', ''],
    ['spaces only', '   '],
    ['21 tags', Array.from({ length: 21 }, (_, index) => `"t${index}"`).join(', ')],
  ])('a malformed If-Match (%s): 400 in the API format, the file unchanged', async (_label, ifMatch) => {
    const reference = await newFile();
    const before = await app.queue.get(reference);
    const answer = await patch(reference, { status: 'in_review' }, ifMatch);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: 'invalid_if_match',
      message: message(fr, 'committeeApi:error.invalidIfMatch'),
    });
    expect(await app.queue.get(reference)).toEqual(before);
  });

  test('a stale If-Match on an unknown file: 404, nothing created', async () => {
    const answer = await patch('ALZ-2026-0999', { status: 'in_review' }, '"abc"');
    expect(answer.status).toBe(404);
  });
});
