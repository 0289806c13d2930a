import fs from 'node:fs';
import net from 'node:net';
import { Writable } from 'node:stream';
import type { RunningApp } from '../../bot/app.js';
import { createLogger } from '../../bot/logger.js';
import { ApplicantOutbox } from '../../storage/applicantOutbox.js';
import { fr, WELCOME_KEY } from '../support/botHarness.js';
import { runCommitteeCli } from '../support/committeeApiClient.js';
import { botTexts, DirectLineClient } from '../support/directLineClient.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

const TOKEN = 'committee-token-for-outbox-tests-4b7e1d93c0a2';

/** A port free right now, so that the server comes back where the open page and stored references expect it. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const intro = (status: string) =>
  fr.t('status:notify.intro', { reference: 'ALZ-2026-0001', label: fr.t(`status:label.${status}`) });

describe('a message to the applicant survives a server restart and is delivered when they come back', () => {
  let dataDir: string;
  let port: number;
  let app: RunningApp;
  const lines: string[] = [];
  const events = (): string[] => lines.map((line) => (JSON.parse(line) as { event?: string }).event ?? '');
  const start = async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    app = await startTestServer(
      dataDir,
      { PORT: String(port), COMMITTEE_TOKEN: TOKEN },
      { logger: createLogger('info', sink), outboxPollMs: 100 },
    );
  };
  const restart = async () => {
    await app.close();
    await start();
  };

  beforeAll(async () => {
    dataDir = tempDataDir('alize-outbox-restart-');
    port = await freePort();
    await start();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the status notice waits in the outbox, the log never says delivered, and the next visit gets it', async () => {
    // A web visitor whose file was submitted from the local Direct Line conversation.
    const visitor = new DirectLineClient(app.url);
    await visitor.open();
    await visitor.start();
    await visitor.pollUntil((seen) => botTexts(seen).length >= 2);
    await app.queue.submit(
      {
        channel: 'webchat',
        origin: 'applicant',
        userId: visitor.userId,
        eligibility: { verdict: 'OK', reasons: [] },
        data: { 'company.name': 'Cévennes Usinage' },
        conversationReference: {
          channelId: 'webchat',
          serviceUrl: `${app.url}/directline-callback`,
          conversation: { id: visitor.conversationId },
          user: { id: visitor.userId },
          bot: { id: 'alize-bot' },
          locale: 'fr-FR',
        },
        now: new Date('2026-11-20T09:00:00Z'),
      },
      'submission-1',
    );

    // The restart forgets the local conversation; the committee changes the status meanwhile.
    await restart();
    lines.splice(0);
    const patched = await fetch(`${app.url}/api/applications/ALZ-2026-0001`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'in_review', comment: 'Lecture en cours', by: 'comité' }),
    });
    expect(patched.status).toBe(200);
    expect(events()).toContain('notify_failed');
    expect(events()).not.toContain('notified');
    expect(lines.some((line) => line.includes('Lecture en cours'))).toBe(false);
    const stored = await new ApplicantOutbox(app.storage).list();
    expect(stored.map((m) => m.content)).toMatchObject([{ kind: 'status', reference: 'ALZ-2026-0001' }]);

    // A second restart: the message is on disk, not in memory.
    await restart();
    lines.splice(0);

    // The visitor comes back (same id, a new conversation): greeted, then told.
    const back = new DirectLineClient(app.url, visitor.userId);
    await back.open();
    await back.start();
    const seen = await back.pollUntil((activities) =>
      botTexts(activities).some((text) => text.includes(intro('in_review'))),
    );
    const said = botTexts(seen);
    expect(said[0]).toBe(fr.t(WELCOME_KEY));
    expect(said.find((text) => text.includes(intro('in_review')))).toContain('Lecture en cours');
    expect(events()).toContain('notified');
    expect(await new ApplicantOutbox(app.storage).list()).toEqual([]);

    // Delivered once: the next turn does not repeat it.
    await back.say(fr.t('common:menu.about'));
    const next = await back.pollUntil((activities) => botTexts(activities).length > 0);
    expect(botTexts(next).some((text) => text.includes(intro('in_review')))).toBe(false);
  });

  test('a notice the CLI left while the server was down reaches the applicant at their next visit', async () => {
    await app.close();
    const cli = await runCommitteeCli(
      ['status', 'ALZ-2026-0001', 'incomplete', '--by', 'Comité', '--comment', 'Kbis manquant'],
      dataDir,
      dataDir,
    );
    expect(cli.code).toBe(0);
    await start();
    lines.splice(0);
    const owner = (await app.queue.get('ALZ-2026-0001'))?.userId ?? '';
    const back = new DirectLineClient(app.url, owner);
    await back.open();
    await back.start();
    const seen = await back.pollUntil((activities) =>
      botTexts(activities).some((text) => text.includes(intro('incomplete'))),
    );
    expect(botTexts(seen).join('\n')).toContain('Kbis manquant');
    expect(events().filter((event) => event === 'notified')).toHaveLength(1);
  });
});

describe('a message to a web visitor who closed the page waits for their return', () => {
  let now = new Date('2026-11-20T10:00:00+01:00');
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const server = serverForSuite({
    prefix: 'alize-outbox-away-',
    env: { COMMITTEE_TOKEN: TOKEN },
    overrides: { clock: () => now, logger: createLogger('info', sink) },
  });

  test('nobody reads the conversation: not delivered; the page reloads: delivered there', async () => {
    const visitor = new DirectLineClient(server.url);
    await visitor.open();
    await visitor.start();
    await visitor.pollUntil((seen) => botTexts(seen).length >= 2);
    await server.app.queue.submit(
      {
        channel: 'webchat',
        origin: 'applicant',
        userId: visitor.userId,
        eligibility: { verdict: 'OK', reasons: [] },
        data: { 'company.name': 'Cévennes Usinage' },
        conversationReference: {
          channelId: 'webchat',
          serviceUrl: `${server.url}/directline-callback`,
          conversation: { id: visitor.conversationId },
          user: { id: visitor.userId },
          bot: { id: 'alize-bot' },
          locale: 'fr-FR',
        },
        now,
      },
      'away-1',
    );
    // The page was closed ten minutes ago.
    now = new Date(now.getTime() + 10 * 60 * 1000);
    lines.splice(0);
    const patched = await fetch(`${server.url}/api/applications/ALZ-2026-0001`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'in_review', by: 'comité' }),
    });
    expect(patched.status).toBe(200);
    const events = () => lines.map((line) => (JSON.parse(line) as { event?: string }).event ?? '');
    expect(events()).toContain('notify_failed');
    expect(events()).not.toContain('notified');

    // Reloaded: the same conversation (no greeting turn), and the notice arrives in it.
    const reloaded = new DirectLineClient(server.url, visitor.userId);
    await reloaded.open();
    expect(reloaded.conversationId).toBe(visitor.conversationId);
    reloaded.watermark = visitor.watermark;
    const seen = await reloaded.pollUntil((activities) =>
      botTexts(activities).some((text) => text.includes(intro('in_review'))),
    );
    expect(botTexts(seen).filter((text) => text.includes(intro('in_review')))).toHaveLength(1);
    // Logged once the outbox let it go, just after the channel took it.
    for (let waited = 0; !events().includes('notified') && waited < 10_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(events()).toContain('notified');
    expect(await new ApplicantOutbox(server.app.storage).list()).toEqual([]);
  });
});
