import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { RunningApp } from '../../bot/app.js';
import { createLogger } from '../../bot/logger.js';
import type { NewApplication } from '../../storage/index.js';
import { fr } from '../support/botHarness.js';
import { callApi, runCommitteeCli } from '../support/committeeApiClient.js';
import { callCheckedApi } from '../support/openApiCheck.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

const COMMITTEE_TOKEN = '0b7e5d2c9a4f81e63d0c7a5b2e9f4d18';
const BEARER = `Bearer ${COMMITTEE_TOKEN}`;
const SECRET_CONTENT = '{"reference":"ALZ-2026-0099","contact.name":"Jeanne Secrète", 0612345678';

const file = (userId: string, name: string): NewApplication => ({
  channel: 'emulator',
  origin: 'applicant',
  userId,
  eligibility: { verdict: 'OK', reasons: [] },
  data: { 'company.name': name },
  conversationReference: { conversation: { id: `conv-${userId}` } },
  now: new Date('2026-11-20T09:00:00Z'),
});

describe('one unreadable application file', () => {
  let dataDir: string;
  let app: RunningApp;
  const lines: string[] = [];
  const owner = new HttpConversation('');
  let references: string[];

  beforeAll(async () => {
    dataDir = tempDataDir('alize-unreadable-');
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    app = await startTestServer(dataDir, { COMMITTEE_TOKEN }, { logger: createLogger('info', sink) });
    references = [
      (await app.queue.submit(file(owner.userId, 'Cévennes Usinage'), 'one')).application.reference,
      (await app.queue.submit(file('someone-else', 'Gardon Bois'), 'two')).application.reference,
    ];
    // Half-written by a crash, or edited by hand: not JSON any more.
    fs.writeFileSync(path.join(dataDir, 'applications', 'ALZ-2026-0099.json'), SECRET_CONTENT);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the API lists the other files and names the skipped one', async () => {
    const answer = await callCheckedApi(app.url, '/api/applications', { authorization: BEARER });
    expect(answer.status).toBe(200);
    expect((answer.json as { reference: string }[]).map((a) => a.reference)).toEqual(references);
    expect(answer.headers.get('x-skipped-files')).toBe('ALZ-2026-0099');
    expect(answer.headers.get('x-skipped-count')).toBe('1');
  });

  test('the CSV export holds the other files and names the skipped one', async () => {
    const answer = await callCheckedApi(app.url, '/api/applications.csv', { authorization: BEARER });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Cévennes Usinage');
    expect(answer.text).toContain('Gardon Bois');
    expect(answer.headers.get('x-skipped-files')).toBe('ALZ-2026-0099');
  });

  test('the CLI lists the other files and says on stderr which one it skipped', async () => {
    const listed = await runCommitteeCli(['list', '--json'], dataDir, dataDir);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { reference: string }[]).map((a) => a.reference)).toEqual(
      references,
    );
    expect(listed.stderr).toContain(
      fr.t('committee:list.skipped', { count: 1, references: 'ALZ-2026-0099' }).trim(),
    );
  });

  test('"Mes dossiers" still shows the applicant their own file', async () => {
    const conversation = new HttpConversation(app.url, owner.userId);
    const replies = texts(await conversation.say(fr.t('common:menu.myFiles'))).join('\n');
    expect(replies).toContain(references[0]);
  });

  test('the log names the file and the kind of error, not its content', async () => {
    await callApi(app.url, '/api/applications', { authorization: BEARER });
    const logged = lines.filter((line) => line.includes('"event":"application_file_unreadable"'));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0]).toContain('ALZ-2026-0099');
    expect(lines.some((line) => line.includes('Jeanne') || line.includes('0612345678'))).toBe(false);
  });
});
