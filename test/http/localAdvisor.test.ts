import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { RunningApp } from '../../bot/app.js';
import type { NewApplication } from '../../storage/index.js';
import { fr } from '../support/botHarness.js';
import { emulatorActivity } from '../support/activity.js';
import { postActivity, startTestServer, tempDataDir } from '../support/httpBot.js';

const LOCAL_ADVISOR = 'cci-paul';

/** One anonymous /api/messages request (as the Emulator or `npm run chat` sends), from a chosen address. */
async function say(
  baseUrl: string,
  from: Record<string, string>,
  text: string,
  extra: { headers?: Record<string, string>; channelId?: string; conversationId?: string } = {},
): Promise<{ status: number; shown: string }> {
  const parties = { conversationId: extra.conversationId ?? `c-${randomUUID()}`, userId: from.id ?? '' };
  const { status, replies } = await postActivity(
    baseUrl,
    emulatorActivity(parties, { text, from, channelId: extra.channelId ?? 'emulator' }),
    extra.headers,
  );
  return { status, shown: JSON.stringify(replies) };
}

const advisorMode = fr.t('common:menu.advisorMode');
const welcome = JSON.stringify(fr.t('advisor:welcome')).slice(1, -1);
const refused = JSON.stringify(fr.t('advisor:refused')).slice(1, -1);

const file = (channel: string, userId: string, name: string): NewApplication => ({
  channel,
  origin: 'applicant',
  userId,
  eligibility: { verdict: 'OK', reasons: [] },
  data: { 'company.name': name },
  now: new Date('2026-11-20T09:00:00Z'),
});

describe('without MicrosoftAppId and without ADVISOR_LOCAL, nobody is an advisor', () => {
  let dataDir: string;
  let app: RunningApp;
  const token = randomBytes(24).toString('hex');

  beforeAll(async () => {
    dataDir = tempDataDir('alize-anon-');
    app = await startTestServer(dataDir, {
      ADVISOR_IDS: `${LOCAL_ADVISOR},6d1f9c2e-8b1a-4f7e-9c3d-2a5b7e9f0c11`,
      COMMITTEE_TOKEN: token,
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    await app.queue.submit(file('msteams', 'u-shared', 'Teams SARL'), 'teams-file');
    await app.queue.submit(file('emulator', 'u-shared', 'Emulator SAS'), 'emulator-file');
    await app.queue.submit(file('webchat', 'dl_0123456789abcdef0123456789abcdef', 'Web EURL'), 'web-file');
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test.each([
    ['a listed channel id', { id: LOCAL_ADVISOR }],
    ['a listed Entra object id', { id: 'x', aadObjectId: '6d1f9c2e-8b1a-4f7e-9c3d-2a5b7e9f0c11' }],
  ])('a request claiming %s is refused the advisor mode', async (_label, from) => {
    const { status, shown } = await say(app.url, from, advisorMode);
    expect(status).toBe(200);
    expect(shown).toContain(refused);
    expect(shown).not.toContain('ALZ-');
  });

  test('an anonymous request cannot speak as the web page’s channel', async () => {
    const { status } = await say(app.url, { id: 'dl_0123456789abcdef0123456789abcdef' }, 'bonjour', {
      channelId: 'webchat',
    });
    expect(status).toBe(403);
  });

  test('Mes dossiers and erasure see only the files of the same user in the same channel', async () => {
    const conversationId = `c-${randomUUID()}`;
    const mine = await say(app.url, { id: 'u-shared' }, fr.t('common:menu.myFiles'), { conversationId });
    expect(mine.shown).toContain('ALZ-2026-0002');
    expect(mine.shown).not.toContain('ALZ-2026-0001');

    const erase = await say(app.url, { id: 'u-shared' }, 'supprimer mes données', { conversationId });
    expect(erase.shown).toContain('ALZ-2026-0002');
    expect(erase.shown).not.toContain('ALZ-2026-0001');
    await say(app.url, { id: 'u-shared' }, fr.t('privacy:yes'), { conversationId });
    expect((await app.queue.get('ALZ-2026-0001'))?.retention?.erasureRequestedAt).toBeUndefined();
    expect((await app.queue.get('ALZ-2026-0002'))?.retention?.erasureRequestedAt).toBeDefined();
  });

  test('the committee API shows a pseudonym, never the web visitor’s id', async () => {
    const response = await fetch(`${app.url}/api/applications`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toContain('dl_0123456789abcdef0123456789abcdef');
    const records = JSON.parse(body) as { reference: string; userId: string }[];
    expect(records.find((r) => r.reference === 'ALZ-2026-0003')?.userId).toMatch(/^usr-[0-9a-f]{12}$/);
  });
});

/** An address of this machine that is not loopback, if it has one. */
const externalAddress = (): string | undefined =>
  Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe('with ADVISOR_LOCAL=1, advisor mode for loopback requests only', () => {
  let dataDir: string;
  let app: RunningApp;
  let port: string;

  beforeAll(async () => {
    dataDir = tempDataDir('alize-local-advisor-');
    app = await startTestServer(dataDir, {
      HOST: '0.0.0.0',
      ADVISOR_IDS: LOCAL_ADVISOR,
      ADVISOR_LOCAL: '1',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    port = new URL(app.url).port;
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the listed id on loopback gets the advisor mode; an unlisted one does not', async () => {
    expect((await say(`http://127.0.0.1:${port}`, { id: LOCAL_ADVISOR }, advisorMode)).shown).toContain(
      welcome,
    );
    expect((await say(`http://127.0.0.1:${port}`, { id: 'someone' }, advisorMode)).shown).toContain(refused);
  });

  test.each([
    ['X-Forwarded-For', { 'x-forwarded-for': '203.0.113.9' }],
    ['Forwarded', { forwarded: 'for=203.0.113.9' }],
  ])('a request relayed by a proxy (%s) is not loopback', async (_label, headers) => {
    const { shown } = await say(`http://127.0.0.1:${port}`, { id: LOCAL_ADVISOR }, advisorMode, { headers });
    expect(shown).toContain(refused);
  });

  test('a request from another address of the network is refused the advisor mode', async () => {
    const address = externalAddress() ?? '127.0.0.1';
    const headers: Record<string, string> = address === '127.0.0.1' ? { 'x-real-ip': '192.0.2.77' } : {};
    const { shown } = await say(`http://${address}:${port}`, { id: LOCAL_ADVISOR }, advisorMode, { headers });
    expect(shown).toContain(refused);
  });
});

describe('start-up', () => {
  const INDEX = fileURLToPath(new URL('../../bot/index.js', import.meta.url));

  const start = (env: Record<string, string>): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve, reject) => {
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-start-'));
      const child = spawn(process.execPath, [INDEX], {
        cwd,
        env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: cwd, ...env },
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        fs.rmSync(cwd, { recursive: true, force: true });
        resolve({ code, stderr });
      });
    });

  test('refuses an ADVISOR_IDS entry a browser chooses (dl_…), saying why and what to list instead', async () => {
    const { code, stderr } = await start({ ADVISOR_IDS: 'dl_0123456789abcdef0123456789abcdef' });
    expect(code).toBe(1);
    expect(stderr).toContain('ADVISOR_IDS');
    expect(stderr).toContain('dl_');
    expect(stderr).toContain('Entra object id');
  });

  test('refuses ADVISOR_LOCAL=1 with MicrosoftAppId, and advisors in Teams without the tenant id', async () => {
    const { code, stderr } = await start({
      MicrosoftAppId: '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87',
      MicrosoftAppPassword: 'x',
      ADVISOR_IDS: '6d1f9c2e-8b1a-4f7e-9c3d-2a5b7e9f0c11',
      ADVISOR_LOCAL: '1',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('ADVISOR_LOCAL=1 is for local use');
    expect(stderr).toContain('MicrosoftAppTenantId is empty');
  });
});
