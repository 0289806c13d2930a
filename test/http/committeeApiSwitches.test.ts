import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import restify, { type Server } from 'restify';
import type { RunningApp } from '../../bot/app.js';
import { registerCommitteeApi } from '../../committee/committeeApi.js';
import { withLabels } from '../../committee/committeeLabels.js';
import { createLogger } from '../../bot/logger.js';
import {
  applicationToRecord,
  createLowdbApplicationQueue,
  type ApplicationQueue,
  type StatusChange,
  type StoredApplication,
} from '../../storage/index.js';
import { callApi } from '../support/committeeApiClient.js';
import { committeeText } from '../support/committeeText.js';
import { callCheckedApi } from '../support/openApiCheck.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';

const TOKEN = 'committee-test-token-2b9f60d1aa4c7e19';

describe('committee API without COMMITTEE_TOKEN', () => {
  let app: RunningApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDataDir('alize-committee-off-');
    app = await startTestServer(dataDir);
    await app.queue.submit(
      {
        channel: 'webchat',
        origin: 'applicant',
        userId: 'user-1',
        data: { 'company.name': 'Cévennes Usinage' },
        now: new Date('2026-11-02T09:00:00Z'),
      },
      'one',
    );
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('every route answers 404 like a path that does not exist, whatever the token sent', async () => {
    const absent = await callApi(app.url, '/api/no-such-route');
    expect(absent.status).toBe(404);
    for (const [method, path] of [
      ['GET', '/api/applications'],
      ['GET', '/api/applications/ALZ-2026-0001'],
      ['GET', '/api/applications.csv'],
      ['PATCH', '/api/applications/ALZ-2026-0001'],
      ['GET', '/api/openapi.json'],
    ]) {
      for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
        const answer = await callApi(app.url, path, {
          method,
          authorization,
          contentType: 'application/json',
          body: method === 'PATCH' ? JSON.stringify({ status: 'in_review' }) : undefined,
        });
        expect(answer.status).toBe(404);
        expect((answer.json as { code: string }).code).toBe((absent.json as { code: string }).code);
        expect(answer.text).not.toContain('Cévennes');
      }
    }
    expect((await app.queue.get('ALZ-2026-0001'))?.status).toBe('received');
  });
});

describe('committee API: onStatusChanged after a PATCH', () => {
  let server: Server;
  let url: string;
  let dataDir: string;
  let queue: ApplicationQueue;
  const logLines: string[] = [];
  let listener: (application: StoredApplication, change: StatusChange) => Promise<void>;

  beforeAll(async () => {
    dataDir = tempDataDir('alize-committee-hook-');
    queue = createLowdbApplicationQueue(dataDir);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    // A bare server with only the committee API, to hand it a listener (the app wires its own).
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    registerCommitteeApi(server, {
      queue,
      token: TOKEN,
      logger: createLogger('info', sink),
      clock: () => new Date('2026-11-20T10:00:00Z'),
      onStatusChanged: (application, change) => listener(application, change),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const key of ['one', 'two']) {
      await queue.submit(
        {
          channel: 'msteams',
          origin: 'applicant',
          userId: `user-${key}`,
          data: {},
          now: new Date('2026-11-02'),
        },
        key,
      );
    }
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dataDir, { recursive: true, force: true });
  });

  const patch = (reference: string, body: unknown) =>
    callCheckedApi(url, `/api/applications/${reference}`, {
      method: 'PATCH',
      authorization: `Bearer ${TOKEN}`,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(body),
    });

  test('it gets the updated file and the change, once, before the answer', async () => {
    const calls: [StoredApplication, StatusChange][] = [];
    listener = async (application, change) => {
      // A listener that takes its time (a proactive message): the answer waits for it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      calls.push([application, change]);
    };
    const answer = await patch('ALZ-2026-0001', {
      status: 'in_review',
      comment: 'Pièces reçues',
      by: 'jury',
    });
    expect(answer.status).toBe(200);
    expect(calls).toHaveLength(1);
    const [application, change] = calls[0];
    expect(application).toEqual(await queue.get('ALZ-2026-0001'));
    expect(application.status).toBe('in_review');
    expect(change).toEqual({
      at: '2026-11-20T10:00:00.000Z',
      by: 'jury',
      from: 'received',
      to: 'in_review',
      comment: 'Pièces reçues',
    });
    expect(answer.json).toEqual(withLabels(applicationToRecord(application), committeeText('fr')));
  });

  test('a refused change does not call it', async () => {
    const calls: unknown[] = [];
    listener = async (...args) => {
      calls.push(args);
    };
    expect((await patch('ALZ-2026-0002', { status: 'accepted' })).status).toBe(400);
    expect(calls).toEqual([]);
  });

  test('when it fails, the change stands, the PATCH succeeds and the failure is logged', async () => {
    listener = async () => {
      throw new Error('Teams unreachable');
    };
    const answer = await patch('ALZ-2026-0002', { status: 'withdrawn', comment: 'Abandon du projet' });
    expect(answer.status).toBe(200);
    expect((await queue.get('ALZ-2026-0002'))?.status).toBe('withdrawn');
    const failures = logLines
      .map((line) => JSON.parse(line) as { event?: string; reference?: string })
      .filter((line) => line.event === 'status_listener_failed');
    expect(failures).toEqual([expect.objectContaining({ reference: 'ALZ-2026-0002' })]);
  });
});
