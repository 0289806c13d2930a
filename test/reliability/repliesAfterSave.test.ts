import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import type { RunningApp } from '../../bot/app.js';
import { LowdbStorage } from '../../storage/lowdbStorage.js';
import { emulatorActivity, postToMessages } from '../support/activity.js';
import { fr } from '../support/botHarness.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';

/** The bot's state store, noting in a shared timeline when each write is done. */
class TimedStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly timeline: string[],
  ) {}
  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    await this.inner.write(changes);
    this.timeline.push(...Object.keys(changes).map((key) => `saved ${key.split('/')[1]}`));
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

describe('on a channel that delivers replies at once (Teams, Azure Direct Line)', () => {
  const timeline: string[] = [];
  let dataDir: string;
  let app: RunningApp;
  let connector: http.Server;
  let connectorUrl: string;

  beforeAll(async () => {
    dataDir = tempDataDir('alize-outbox-');
    // The channel's connector: every reply the bot sends lands here, in the same timeline.
    connector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        timeline.push(`reply ${(JSON.parse(body) as { text?: string }).text ?? ''}`);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"1"}');
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    const storage = new TimedStorage(new LowdbStorage({ dir: path.join(dataDir, 'state') }), timeline);
    app = await startTestServer(dataDir, {}, { storage });
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((resolve) => connector.close(() => resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the replies leave only once the answer and the conversation are saved', async () => {
    timeline.splice(0);
    // Replies through the connector (no expectReplies), as a channel receives them.
    const parties = { conversationId: 'outbox-conversation', userId: 'outbox-user' };
    const response = await postToMessages(
      app.url,
      emulatorActivity(parties, {
        text: fr.t('common:menu.apply'),
        serviceUrl: connectorUrl,
        deliveryMode: undefined,
      }),
    );
    expect(response.status).toBe(200);
    const firstReply = timeline.findIndex((entry) => entry.startsWith('reply'));
    expect(firstReply).toBeGreaterThan(0);
    expect(timeline.slice(0, firstReply).sort()).toEqual(['saved conversations', 'saved users']);
    // Every reply of the turn went out, the first question among them.
    expect(timeline.join('\n')).toContain(fr.t('application:question.project.type'));
  });
});
