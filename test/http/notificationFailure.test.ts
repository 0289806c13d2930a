import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { RunningApp } from '../../bot/app.js';
import { createLogger } from '../../bot/logger.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';

const TOKEN = '7a3f0c9e1d5b82a64e0f7c3d9b1a5e28';

/** A channel connector that refuses every message with the given status. */
async function refusingConnector(status: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"ServiceError"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each([500, 404, 403])('a channel answering %s to the status notification', (status) => {
  let dataDir: string;
  let app: RunningApp;
  let connector: Awaited<ReturnType<typeof refusingConnector>>;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = tempDataDir('alize-notify-fail-');
    connector = await refusingConnector(status);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN }, { logger: createLogger('info', sink) });
    await app.queue.submit(
      {
        channel: 'emulator',
        origin: 'applicant',
        userId: 'applicant-1',
        eligibility: { verdict: 'OK', reasons: [] },
        data: { 'company.name': 'Cévennes Usinage' },
        conversationReference: {
          channelId: 'emulator',
          serviceUrl: connector.url,
          conversation: { id: 'conversation-1' },
          user: { id: 'applicant-1' },
          bot: { id: 'bot' },
        },
        now: new Date('2026-11-20T09:00:00Z'),
      },
      'first',
    );
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the change stands, and the log says the applicant was not notified', async () => {
    const response = await fetch(`${app.url}/api/applications/ALZ-2026-0001`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'in_review', comment: 'Lecture en cours', by: 'comité' }),
    });
    expect(response.status).toBe(200);
    const events = lines.map((line) => (JSON.parse(line) as { event?: string }).event);
    expect(events).toContain('notify_failed');
    expect(events).not.toContain('notified');
    const failed = lines.find((line) => line.includes('"event":"notify_failed"')) ?? '';
    expect(JSON.parse(failed)).toMatchObject({ reference: 'ALZ-2026-0001', httpStatus: status });
    // Neither the message nor the comment travels into the log with the connector's error.
    expect(lines.some((line) => line.includes('Lecture en cours'))).toBe(false);
  });
});
