import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningApp } from '../../bot/app.js';
import { Localizer } from '../../bot/i18n.js';
import {
  APPLICATION_COLUMNS,
  APPLICATION_STATUSES,
  applicationsToCsv,
  type NewApplication,
} from '../../storage/index.js';
import { committeeCsv } from '../../committee/committeeCsv.js';
import { columnLabel } from '../../committee/committeeLabels.js';
import { asCliJson, runCommitteeCli, type ApiRequest } from '../support/committeeApiClient.js';
import { committeeText } from '../support/committeeText.js';
import { callCheckedApi } from '../support/openApiCheck.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';

const TOKEN = 'committee-test-token-7d41c09e5b83f2a6';
const BEARER = `Bearer ${TOKEN}`;
// startTestServer's clock: every change made through the API is recorded at this instant.
const CLOCK_ISO = new Date('2026-11-26T19:30:00+01:00').toISOString();
const fr = new Localizer().language('fr');
const en = new Localizer().language('en');
const frError = (key: string, values: Record<string, unknown> = {}) =>
  fr.t('committee:error.prefix', { message: fr.t(key, values) });

const file = (userId: string, data: Record<string, unknown>, day: string): NewApplication => ({
  channel: 'webchat',
  origin: 'applicant',
  userId,
  eligibility: { verdict: 'OK', reasons: [] },
  data,
  conversationReference: { conversation: { id: `conv-${userId}` } },
  now: new Date(`2026-11-${day}T09:00:00Z`),
});

let app: RunningApp;
let dataDir: string;
let cliCwd: string;

const api = (urlPath: string, request: ApiRequest = {}) =>
  callCheckedApi(app.url, urlPath, { authorization: BEARER, ...request });
const patch = (reference: string, body: unknown, request: ApiRequest = {}) =>
  api(`/api/applications/${reference}`, {
    method: 'PATCH',
    contentType: 'application/json',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...request,
  });
const cli = (...args: string[]) => runCommitteeCli(args, dataDir, cliCwd);

beforeAll(async () => {
  dataDir = tempDataDir('alize-committee-api-');
  cliCwd = await mkdtemp(path.join(tmpdir(), 'alize-cwd-'));
  app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN });
  await app.queue.submit(
    file('user-1', { 'company.name': 'Cévennes Usinage', 'company.siret': '73282932000074' }, '02'),
    'one',
  );
  await app.queue.submit(
    file('user-2', { 'company.name': 'Gardon; "Bois"', 'project.jobsCreated': 2 }, '03'),
    'two',
  );
  await app.queue.submit(file('user-3', { 'company.name': 'Atelier Anduze' }, '04'), 'three');
  await app.queue.changeStatus(
    'ALZ-2026-0003',
    'in_review',
    'jury',
    undefined,
    new Date('2026-11-05T08:00:00Z'),
  );
});
afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(cliCwd, { recursive: true, force: true });
});

describe('committee API: the bearer token', () => {
  test.each([
    ['no Authorization header', undefined],
    ['a wrong token of the same length', `Bearer ${TOKEN.slice(0, -1)}x`],
    ['a wrong token of another length', 'Bearer short'],
    ['the right token under the Basic scheme', `Basic ${TOKEN}`],
    ['the right token without a scheme', TOKEN],
  ])('%s: 401 on every route, and nothing about the files', async (_label, authorization) => {
    for (const [method, urlPath] of [
      ['GET', '/api/applications'],
      ['GET', '/api/applications/ALZ-2026-0001'],
      ['GET', '/api/applications/ALZ-2026-0999'],
      ['GET', '/api/applications.csv'],
      ['PATCH', '/api/applications/ALZ-2026-0001'],
    ]) {
      const answer = await callCheckedApi(app.url, urlPath, {
        method,
        authorization,
        contentType: 'application/json',
        body: method === 'PATCH' ? JSON.stringify({ status: 'in_review' }) : undefined,
      });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="alize-committee"/);
      expect(answer.json).toEqual({
        error: 'unauthorized',
        message: frError('committeeApi:error.unauthorized'),
      });
      expect(answer.text).not.toContain('ALZ-');
    }
    expect((await app.queue.get('ALZ-2026-0001'))?.status).toBe('received');
  });

  test('the scheme is case-insensitive (RFC 6750)', async () => {
    expect((await api('/api/applications', { authorization: `bearer ${TOKEN}` })).status).toBe(200);
  });
});

describe('committee API: reading the files', () => {
  test('the list is exactly what `committee list --json` prints', async () => {
    const answer = await api('/api/applications');
    expect(answer.status).toBe(200);
    expect((answer.json as { reference: string }[]).map((record) => record.reference)).toEqual([
      'ALZ-2026-0001',
      'ALZ-2026-0002',
      'ALZ-2026-0003',
    ]);
    const printed = await cli('list', '--json');
    expect(printed.code).toBe(0);
    expect(asCliJson(answer.json)).toBe(printed.stdout);
  });

  test('?status= keeps the files of that status, like `list --status`', async () => {
    const answer = await api('/api/applications?status=in_review');
    expect(answer.status).toBe(200);
    expect(asCliJson(answer.json)).toBe((await cli('list', '--status', 'in_review', '--json')).stdout);
    expect((answer.json as unknown[]).length).toBe(1);
    expect((await api('/api/applications?status=accepted')).json).toEqual([]);
  });

  test.each([
    [
      '?status=approved',
      {
        error: 'unknown_status',
        status: 'approved',
        allowed: [...APPLICATION_STATUSES],
        message: frError('committee:error.unknownStatus', {
          status: 'approved',
          statuses: APPLICATION_STATUSES.join(', '),
        }),
      },
    ],
    ['?statut=received', { error: 'unknown_parameter', parameter: 'statut' }],
    ['?status=received&status=in_review', { error: 'repeated_parameter', parameter: 'status' }],
  ])('%s is refused with 400', async (query, expected) => {
    const answer = await api(`/api/applications${query}`);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject(expected);
  });

  test('one file is exactly what `committee show --json` prints, the reference in any case', async () => {
    const printed = await cli('show', 'ALZ-2026-0002', '--json');
    for (const reference of ['ALZ-2026-0002', 'alz-2026-0002']) {
      const answer = await api(`/api/applications/${reference}`);
      expect(answer.status).toBe(200);
      expect(asCliJson(answer.json)).toBe(printed.stdout);
    }
  });

  test.each(['ALZ-2026-0999', 'not-a-reference'])('%s: 404, in the language asked', async (reference) => {
    const answer = await api(`/api/applications/${reference}`);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({
      error: 'unknown_reference',
      reference: reference.toUpperCase(),
      message: frError('committee:error.unknownReference', { reference: reference.toUpperCase() }),
    });
    const english = await api(`/api/applications/${reference}`, { acceptLanguage: 'en-GB,en;q=0.9' });
    expect((english.json as { message: string }).message).toBe(
      en.t('committee:error.prefix', {
        message: en.t('committee:error.unknownReference', { reference: reference.toUpperCase() }),
      }),
    );
  });

  test('the CSV export: UTF-8 BOM, ";" separated, French column titles and labels, one row per file', async () => {
    const answer = await api('/api/applications.csv');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    expect([...answer.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = answer.text.slice(1).split('\r\n');
    const titles = APPLICATION_COLUMNS.map((key) => columnLabel(key, committeeText('fr')));
    expect(lines[0].split(';').slice(0, APPLICATION_COLUMNS.length)).toEqual(titles);
    expect(titles).not.toContain('company.siret');
    expect(lines.slice(1, -1).map((line) => line.split(';')[0])).toEqual([
      'ALZ-2026-0001',
      'ALZ-2026-0002',
      'ALZ-2026-0003',
    ]);
    const first = Object.fromEntries(lines[1].split(';').map((cell, i) => [APPLICATION_COLUMNS[i], cell]));
    expect(first.status).toBe(fr.t('committee:status.label.received'));
    expect(first['eligibility.verdict']).toBe(fr.t('committee:verdict.OK'));
    // A SIRET Excel keeps as text (a number would show 7,32829E+13).
    expect(first['company.siret']).toBe('="73282932000074"');
    expect(answer.text).toContain('"Gardon; ""Bois"""');
    expect(answer.text).toBe(committeeCsv(await app.queue.list(), committeeText('fr')));
  });

  test('the CSV export in English, and with the record keys and codes for tools (?headers=keys)', async () => {
    const english = await api('/api/applications.csv', { acceptLanguage: 'en-GB' });
    const englishTitles = english.text.slice(1).split('\r\n')[0].split(';');
    expect(englishTitles.slice(0, APPLICATION_COLUMNS.length)).toEqual(
      APPLICATION_COLUMNS.map((key) => columnLabel(key, committeeText('en'))),
    );
    const keys = await api('/api/applications.csv?headers=keys');
    expect(keys.status).toBe(200);
    expect(keys.text.slice(1).split('\r\n')[0].split(';').slice(0, APPLICATION_COLUMNS.length)).toEqual([
      ...APPLICATION_COLUMNS,
    ]);
    expect(keys.text).toBe(applicationsToCsv(await app.queue.list()));
    const bad = await api('/api/applications.csv?headers=titles');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'invalid_parameter', parameter: 'headers' });
  });

  test('a file read through the API has French labels next to its codes, English ones when asked', async () => {
    const french = (await api('/api/applications/ALZ-2026-0003')).json as Record<string, unknown>;
    expect(french).toMatchObject({
      status: 'in_review',
      statusLabel: fr.t('committee:status.label.in_review'),
      'eligibility.verdict': 'OK',
      'eligibility.verdictLabel': fr.t('committee:verdict.OK'),
      origin: 'applicant',
      originLabel: fr.t('committee:origin.applicant'),
    });
    const english = (await api('/api/applications/ALZ-2026-0003', { acceptLanguage: 'en' })).json;
    expect(english).toMatchObject({
      status: 'in_review',
      statusLabel: en.t('committee:status.label.in_review'),
    });
  });

  test('the CSV export of one status', async () => {
    const answer = await api('/api/applications.csv?status=in_review');
    expect(answer.status).toBe(200);
    expect(
      answer.text
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(';')[0]),
    ).toEqual(['ALZ-2026-0003']);
  });
});

describe('committee API: changing a status', () => {
  test('a legal change is applied, written in the history and printed by the CLI the same way', async () => {
    const answer = await patch('ALZ-2026-0001', {
      status: 'in_review',
      comment: 'Dossier complet, examen en cours',
      by: 'Jury AliZé',
    });
    expect(answer.status).toBe(200);
    const record = answer.json as { status: string; history: unknown[] };
    expect(record.status).toBe('in_review');
    expect(record.history).toHaveLength(2);
    expect(record.history[1]).toEqual({
      at: CLOCK_ISO,
      by: 'Jury AliZé',
      from: 'received',
      fromLabel: fr.t('committee:status.label.received'),
      to: 'in_review',
      toLabel: fr.t('committee:status.label.in_review'),
      comment: 'Dossier complet, examen en cours',
    });
    expect(asCliJson(answer.json)).toBe((await cli('show', 'ALZ-2026-0001', '--json')).stdout);
  });

  test('without "by", the change is signed committee-api; without a comment, none is recorded', async () => {
    const answer = await patch('ALZ-2026-0001', { status: 'incomplete' });
    expect(answer.status).toBe(200);
    const history = (answer.json as { history: unknown[] }).history;
    expect(history[history.length - 1]).toEqual({
      at: CLOCK_ISO,
      by: 'committee-api',
      from: 'in_review',
      fromLabel: fr.t('committee:status.label.in_review'),
      to: 'incomplete',
      toLabel: fr.t('committee:status.label.incomplete'),
    });
  });

  test.each([
    ['ALZ-2026-0002', 'received', 'accepted', ['in_review', 'withdrawn']],
    ['ALZ-2026-0002', 'received', 'received', ['in_review', 'withdrawn']],
    ['ALZ-2026-0003', 'in_review', 'received', ['incomplete', 'accepted', 'rejected', 'withdrawn']],
  ])('%s: %s → %s is illegal: 400 naming the allowed statuses', async (reference, from, to, allowed) => {
    const before = await app.queue.get(reference);
    const answer = await patch(reference, { status: to, comment: 'essai' });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: 'illegal_transition',
      reference,
      from,
      to,
      allowed,
      message: frError('committee:error.illegalTransition', {
        reference,
        from,
        to,
        allowed: allowed.join(', '),
      }),
    });
    expect(await app.queue.get(reference)).toEqual(before);
  });

  test('from a final status, the answer says there is no way out', async () => {
    await app.queue.submit(file('user-4', { 'company.name': 'Final SAS' }, '10'), 'four');
    await app.queue.changeStatus('ALZ-2026-0004', 'withdrawn', 'jury');
    const answer = await patch('ALZ-2026-0004', { status: 'in_review' });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 'illegal_transition', allowed: [] });
    expect((answer.json as { message: string }).message).toContain(fr.t('committee:error.finalStatus'));
  });

  test('an unknown status: 400 naming the statuses the file may take next', async () => {
    const answer = await patch('ALZ-2026-0002', { status: 'approved' });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      error: 'unknown_status',
      status: 'approved',
      allowed: ['in_review', 'withdrawn'],
    });
  });

  test('an unknown reference: 404, nothing created', async () => {
    const answer = await patch('ALZ-2026-0999', { status: 'in_review' });
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ error: 'unknown_reference', reference: 'ALZ-2026-0999' });
    expect(await app.queue.get('ALZ-2026-0999')).toBeUndefined();
  });

  test.each([
    ['an array', '[]', undefined],
    ['a bare string', '"in_review"', undefined],
    ['null', 'null', undefined],
    ['no status', '{"comment":"x"}', 'status'],
    ['a number as status', '{"status":3}', 'status'],
    ['a number as comment', '{"status":"in_review","comment":42}', 'comment'],
    ['a blank "by"', '{"status":"in_review","by":"  "}', 'by'],
    ['a misspelt field', '{"status":"in_review","commentaire":"x"}', 'commentaire'],
    [
      'a comment of 2 001 characters',
      JSON.stringify({ status: 'in_review', comment: 'x'.repeat(2001) }),
      'comment',
    ],
  ])('a bad body (%s): 400, the file unchanged', async (_label, body, field) => {
    const before = await app.queue.get('ALZ-2026-0002');
    const answer = await patch('ALZ-2026-0002', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 'invalid_body', ...(field ? { field } : {}) });
    expect((answer.json as { message: string }).message).toMatch(/^Erreur\s: /);
    expect(await app.queue.get('ALZ-2026-0002')).toEqual(before);
  });

  test('malformed JSON: 400, the file unchanged', async () => {
    const answer = await patch('ALZ-2026-0002', '{"status": "in_review"');
    expect(answer.status).toBe(400);
    expect((await app.queue.get('ALZ-2026-0002'))?.status).toBe('received');
  });

  test.each([
    ['text/plain', 'in_review'],
    ['application/x-www-form-urlencoded', 'status=in_review'],
    [undefined, new TextEncoder().encode('{"status":"in_review"}')],
  ])('a PATCH that is not JSON (%s): 415', async (contentType, body) => {
    const answer = await api('/api/applications/ALZ-2026-0002', { method: 'PATCH', contentType, body });
    expect(answer.status).toBe(415);
    expect(answer.json).toMatchObject({ error: 'unsupported_media_type' });
    expect((await app.queue.get('ALZ-2026-0002'))?.status).toBe('received');
  });
});
