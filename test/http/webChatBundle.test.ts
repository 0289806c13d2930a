import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import restify, { type Server } from 'restify';
import type { RunningApp } from '../../bot/app.js';
import { createLogger } from '../../bot/logger.js';
import { escapeHtml } from '../../bot/webPage/pageHtml.js';
import {
  WEB_CHAT_DIR,
  copyWebChatBundle,
  installedWebChat,
  readWebChatBundle,
} from '../../bot/webPage/webChatBundle.js';
import { registerWebPageRoutes } from '../../bot/webPage/webPageRoutes.js';
import { en, fr } from '../support/botHarness.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';

const folders: string[] = [];
const tempFolder = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('the build copies the Web Chat bundle', () => {
  test('the copy is byte for byte the installed package’s bundle, with its version', () => {
    const source = installedWebChat();
    expect(source).not.toBeNull();
    const dir = tempFolder('alize-webchat-copy-');
    copyWebChatBundle(source!, dir);
    const copied = readWebChatBundle(dir);
    expect(copied?.version).toBe(source!.version);
    expect(fs.readFileSync(copied!.file).equals(fs.readFileSync(source!.file))).toBe(true);
  });

  test('an empty folder, or a bundle without its version (a half copy), counts as missing', () => {
    const dir = tempFolder('alize-webchat-half-');
    expect(readWebChatBundle(dir)).toBeNull();
    fs.writeFileSync(path.join(dir, 'webchat.js'), '// cut short');
    expect(readWebChatBundle(dir)).toBeNull();
  });
});

describe('the server serves the copied bundle', () => {
  let dataDir: string;
  let app: RunningApp;
  beforeAll(async () => {
    dataDir = tempDataDir('alize-webchat-served-');
    app = await startTestServer(dataDir);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('/webchat/webchat.js is the file in dist/public/webchat, and the page asks for its version', async () => {
    const copied = readWebChatBundle(WEB_CHAT_DIR);
    expect(copied).not.toBeNull();
    const script = await fetch(`${app.url}/webchat/webchat.js`);
    expect(script.status).toBe(200);
    expect(Buffer.from(await script.arrayBuffer()).equals(fs.readFileSync(copied!.file))).toBe(true);
    const page = await (await fetch(`${app.url}/`)).text();
    expect(page).toContain(`/webchat/webchat.js?v=${copied!.version}`);
  });
});

describe('without the bundle (the build did not run)', () => {
  let server: Server;
  let url: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    server = restify.createServer({ handleUncaughtExceptions: false });
    registerWebPageRoutes(server, {
      logger: createLogger('info', sink),
      webChatDir: tempFolder('alize-webchat-missing-'),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  test('start-up logs where the bundle is expected and how to make it', () => {
    const line = logLines
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.event === 'webchat_missing');
    expect(line).toMatchObject({ level: 50, msg: expect.stringContaining('npm run build') });
  });

  test('the page answers 503 with the polite “unavailable” sentence, in French and in English', async () => {
    const french = await fetch(`${url}/`);
    expect(french.status).toBe(503);
    const html = await french.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(escapeHtml(fr.t('web:unavailable')));
    expect(html).not.toContain('webchat.js');
    expect(await (await fetch(`${url}/?lang=en`)).text()).toContain(escapeHtml(en.t('web:unavailable')));
  });

  test('the bundle route answers 503 and the page’s own files are still served', async () => {
    expect((await fetch(`${url}/webchat/webchat.js`)).status).toBe(503);
    expect((await fetch(`${url}/webchat/page.css`)).status).toBe(200);
  });
});
