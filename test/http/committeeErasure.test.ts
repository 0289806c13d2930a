import fs from 'node:fs';
import path from 'node:path';
import { formatDateTime } from '../../committee/committeeFormat.js';
import { ApplicantOutbox, statusMessageFor } from '../../storage/applicantOutbox.js';
import type { StatusChange } from '../../storage/applicationQueue.js';
import { MailOutbox, statusMailFor } from '../../storage/mailOutbox.js';
import { fr } from '../support/botHarness.js';
import { callApi, runCommitteeCli } from '../support/committeeApiClient.js';
import { serverForSuite } from '../support/httpServer.js';
import { SETTINGS_FIXTURE } from '../support/programmeFixture.js';

const TOKEN = 'committee-token-for-erasure-tests-9d41c7e2b8';
const ASKED = '2026-11-25T10:00:00.000Z';
const at = formatDateTime(ASKED, 'fr');

describe('the committee sees that an applicant asked for erasure', () => {
  const server = serverForSuite({ prefix: 'alize-committee-erasure-', env: { COMMITTEE_TOKEN: TOKEN } });
  let open = '';
  let decided = '';
  let untouched = '';

  beforeAll(async () => {
    const submit = async (userId: string, key: string) =>
      (
        await server.app.queue.submit(
          {
            channel: 'webchat',
            origin: 'applicant',
            userId,
            now: new Date('2026-11-20T09:00:00Z'),
            data: { 'company.name': `SARL ${key}`, 'contact.email': `${key}@exemple.fr` },
          },
          key,
        )
      ).application.reference;
    open = await submit('dl_open', 'open');
    decided = await submit('dl_decided', 'decided');
    untouched = await submit('dl_untouched', 'untouched');
    await server.app.queue.changeStatus(decided, 'withdrawn', 'dl_decided', undefined, new Date(ASKED));
    for (const reference of [open, decided]) {
      await server.app.queue.amend(reference, { retention: { erasureRequestedAt: ASKED } });
    }
  });

  const cli = async (...args: string[]) => {
    const result = await runCommitteeCli(args, server.dataDir, server.dataDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout;
  };

  test('show says when it was asked and what will happen to the file', async () => {
    expect(await cli('show', open)).toContain(fr.t('committee:erasure.waiting', { at }));
    expect(await cli('show', decided)).toContain(fr.t('committee:erasure.due', { at }));
    expect(await cli('show', untouched)).not.toContain(fr.t('committee:show.meta.erasure'));
  });

  test('list has an erasure column, filled only for the files concerned', async () => {
    const lines = (await cli('list')).split('\n');
    expect(lines[0]).toContain(fr.t('committee:list.header.erasure'));
    const row = (reference: string) => lines.find((line) => line.startsWith(reference)) ?? '';
    expect(row(open)).toContain(fr.t('committee:erasure.askedCell', { at }));
    expect(row(decided)).toContain(fr.t('committee:erasure.askedCell', { at }));
    expect(row(untouched)).not.toContain(fr.t('committee:erasure.askedCell', { at }));
  });

  test('list --json, the CSV and the API carry the date of the request', async () => {
    const listed = JSON.parse(await cli('list', '--json')) as Record<string, unknown>[];
    const byReference = new Map(listed.map((record) => [record.reference, record]));
    expect(byReference.get(open)?.['retention.erasureRequestedAt']).toBe(ASKED);
    expect(byReference.get(untouched)).not.toHaveProperty('retention.erasureRequestedAt');

    const csvFile = `${server.dataDir}/export.csv`;
    const csvRows = async (...options: string[]) => {
      await cli('export', '--csv', csvFile, ...options);
      return fs
        .readFileSync(csvFile, 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n');
    };
    // The machine form (--keys): the key as header, the date as stored.
    const rows = await csvRows('--keys');
    const column = rows[0].split(';').indexOf('retention.erasureRequestedAt');
    expect(column).toBeGreaterThan(0);
    const cell = (reference: string) => rows.find((r) => r.startsWith(reference))?.split(';')[column];
    expect(cell(decided)).toBe(ASKED);
    expect(cell(untouched)).toBe('');
    // The committee's form: a French title, and the request still shown for that file.
    const shown = await csvRows();
    const titled = shown[0].split(';').indexOf(fr.t('committee:column.retention.erasureRequestedAt'));
    expect(titled).toBeGreaterThan(0);
    expect(shown.find((r) => r.startsWith(decided))?.split(';')[titled]).not.toBe('');
    expect(shown.find((r) => r.startsWith(untouched))?.split(';')[titled]).toBe('');

    const answer = await callApi(server.url, `/api/applications/${open}`, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ 'retention.erasureRequestedAt': ASKED });
  });

  test('purge --dry-run names the requests: the decided file to anonymise, the open one kept', async () => {
    // The CLI reads ./programme/alize.settings.json from its working directory: the frozen fixture.
    fs.mkdirSync(path.join(server.dataDir, 'programme'), { recursive: true });
    fs.copyFileSync(SETTINGS_FIXTURE, path.join(server.dataDir, 'programme', 'alize.settings.json'));
    const out = await cli('purge', '--dry-run');
    const item = (reference: string) => fr.t('committee:purge.erasureItem', { reference, at });
    expect(out).toContain(fr.t('committee:purge.erasureDue', { count: 1, items: item(decided) }));
    expect(out).toContain(fr.t('committee:purge.erasureWaiting', { count: 1, items: item(open) }));
  });
});

describe('the purge takes the waiting messages and e-mails of the files it anonymises', () => {
  const server = serverForSuite({ prefix: 'alize-committee-erasure-outbox-' });

  test('a decided file asked to be erased loses its waiting notice; an open one keeps it', async () => {
    const submit = async (userId: string, key: string) =>
      (
        await server.app.queue.submit(
          { channel: 'webchat', origin: 'applicant', userId, now: new Date(ASKED), data: {} },
          key,
        )
      ).application;
    const decided = await submit('dl_decided', 'decided');
    const open = await submit('dl_open', 'open');
    const withdrawn = await server.app.queue.changeStatus(
      decided.reference,
      'withdrawn',
      'dl_decided',
      'Je retire mon dossier',
      new Date(ASKED),
    );
    await server.app.queue.amend(decided.reference, { retention: { erasureRequestedAt: ASKED } });
    const outbox = new ApplicantOutbox(server.app.storage);
    const review: StatusChange = { at: ASKED, by: 'comité', from: 'received', to: 'in_review' };
    await outbox.add(
      statusMessageFor(decided, withdrawn.history[withdrawn.history.length - 1]),
      new Date(ASKED),
    );
    await outbox.add(statusMessageFor(open, review), new Date(ASKED));
    // The e-mails waiting for them (an SMTP server down): the anonymised file's go too.
    const mails = new MailOutbox(server.app.storage);
    await mails.add(statusMailFor(decided, withdrawn.history[withdrawn.history.length - 1]), new Date(ASKED));
    await mails.add(statusMailFor(open, review), new Date(ASKED));
    fs.mkdirSync(path.join(server.dataDir, 'programme'), { recursive: true });
    fs.copyFileSync(SETTINGS_FIXTURE, path.join(server.dataDir, 'programme', 'alize.settings.json'));
    const purged = await runCommitteeCli(['purge'], server.dataDir, server.dataDir);
    expect(purged.code).toBe(0);
    const left = await outbox.list();
    expect(left.map((m) => m.content.kind === 'status' && m.content.reference)).toEqual([open.reference]);
    expect(JSON.stringify(left)).not.toContain('Je retire mon dossier');
    expect((await mails.list()).map((mail) => mail.reference)).toEqual([open.reference]);
  });
});
