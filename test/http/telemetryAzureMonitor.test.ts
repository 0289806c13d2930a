import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { HttpConversation, tempDataDir } from '../support/httpBot.js';

// The production path: `node dist/bot/index.js` with APPLICATIONINSIGHTS_CONNECTION_STRING pointing at a local
// HTTPS server that answers as Application Insights' ingestion endpoint (POST /v2.1/track, JSON envelopes).
const SERVER = fileURLToPath(new URL('../../bot/index.js', import.meta.url));
const IKEY = '00000000-0000-4000-8000-000000000042';

interface Envelope {
  name: string;
  iKey: string;
  data: { baseType: string; baseData: { name?: string; metrics?: { name: string }[] } };
}

let dir: string;
let ingestion: https.Server;
let bot: ChildProcess | undefined;
const bodies: string[] = [];
let visitor: HttpConversation;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  dir = tempDataDir('alize-appinsights-');
  // A certificate for 127.0.0.1 that the bot's process trusts through NODE_EXTRA_CA_CERTS: the exporter speaks HTTPS only.
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
  ]); // prettier-ignore
  expect(made.status).toBe(0);
  ingestion = https.createServer(
    { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (req.url === '/v2.1/track') {
          bodies.push((req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body) : body).toString());
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: 0, itemsAccepted: 0, errors: [] }));
      });
    },
  );
  await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
  const ingestionPort = (ingestion.address() as net.AddressInfo).port;
  const port = await freePort();
  bot = spawn(process.execPath, [SERVER], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
      NODE_EXTRA_CA_CERTS: path.join(dir, 'cert.pem'),
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${IKEY};IngestionEndpoint=https://127.0.0.1:${ingestionPort}/`,
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let ready = false; !ready;) {
    ready = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  visitor = new HttpConversation(url);
  for (const text of [
    'bonjour',
    'marie.dupont@exemple.fr',
    '06 12 34 56 78',
    '732 829 320 00074',
    'Mécanique Cévenole',
  ]) {
    await visitor.say(text);
  }
  // SIGTERM: the server closes and its telemetry exports what is pending before the process ends.
  const exited = new Promise((resolve) => bot?.once('exit', resolve));
  bot.kill('SIGTERM');
  await exited;
  bot = undefined;
}, 60_000);

afterAll(async () => {
  bot?.kill('SIGKILL');
  await new Promise((resolve) => ingestion.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the server sends its turns, storage operations and requests to Application Insights, without personal data', () => {
  const envelopes = bodies.flatMap((body) => JSON.parse(body) as Envelope[]);
  expect(envelopes.every((envelope) => envelope.iKey === IKEY)).toBe(true);
  const named = envelopes.map((e) => e.data.baseData.name ?? '');
  expect(named).toContain('turn');
  expect(named).toEqual(expect.arrayContaining(['storage read', 'storage write', 'POST /api/messages']));
  const metrics = envelopes.flatMap((e) => (e.data.baseData.metrics ?? []).map((m) => m.name));
  expect(metrics).toEqual(expect.arrayContaining(['alize.turns', 'http.server.request.duration']));
  const everything = bodies.join('\n');
  const typed = ['marie.dupont', '06 12 34 56 78', '0612345678', '73282932000074', '732 829 320', 'Cévenole'];
  for (const value of [...typed, visitor.userId, visitor.conversationId]) {
    expect([value, everything.includes(value)]).toEqual([value, false]);
  }
});
