import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningApp } from '../../bot/app.js';
import { fr } from '../support/botHarness.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';

const COMMITTEE_TOKEN = '5c8e0f1a93b7d24e6a0c9f3b81d7e245';

/** A multipart upload, as a browser form or `curl -F file=@…` sends one. */
function multipart(): { body: string; contentType: string } {
  const boundary = '----alize-test-boundary';
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="payload.bin"',
    'Content-Type: application/octet-stream',
    '',
    'x'.repeat(4096),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const ROUTES: [string, string][] = [
  ['POST', '/api/messages'],
  ['POST', '/api/directline/token'],
  ['POST', '/v3/directline/conversations'],
  ['POST', '/v3/directline/conversations/abc/activities'],
  ['POST', '/v3/directline/conversations/abc/upload/more'],
  ['PATCH', '/api/applications/ALZ-2026-0001'],
  ['POST', '/api/unknown'],
];

describe('what the server accepts and the headers it sends', () => {
  let dataDir: string;
  let uploadsDir: string;
  let previousTmp: string | undefined;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = tempDataDir('alize-guards-');
    // Where restify's multipart parser would write its files: os.tmpdir() reads TMPDIR when called.
    uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-uploads-'));
    previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = uploadsDir;
    app = await startTestServer(dataDir, { COMMITTEE_TOKEN });
  });
  afterAll(async () => {
    await app.close();
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(uploadsDir, { recursive: true, force: true });
  });

  test.each(ROUTES)('%s %s: a multipart body gets 415 and leaves no file behind', async (method, route) => {
    const { body, contentType } = multipart();
    const response = await fetch(`${app.url}${route}`, {
      method,
      headers: { 'content-type': contentType, authorization: `Bearer ${COMMITTEE_TOKEN}` },
      body,
    });
    expect(response.status).toBe(415);
    const answer = (await response.json()) as { message?: string; error?: { message: string } };
    expect(answer.message ?? answer.error?.message).toBe(fr.t('reliability:http.jsonOnly'));
    expect(fs.readdirSync(uploadsDir)).toEqual([]);
  });

  test('the one route that takes files, Direct Line upload, checks its token before reading a byte', async () => {
    const { body, contentType } = multipart();
    const response = await fetch(`${app.url}/v3/directline/conversations/abc/upload`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: 'Bearer not-a-conversation-token' },
      body,
    });
    expect(response.status).toBe(404);
    expect(fs.readdirSync(uploadsDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'documents'))).toBe(false);
  });

  test.each([
    ['a form', 'application/x-www-form-urlencoded', 'type=message&text=bonjour'],
    ['plain text', 'text/plain', '{"type":"message","text":"bonjour"}'],
    ['CSV', 'text/csv', 'a,b\n1,2\n'],
  ])('%s sent to /api/messages gets 415', async (_label, contentType, body) => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    expect(response.status).toBe(415);
  });

  test('JSON still goes through, with a charset', async () => {
    const response = await fetch(`${app.url}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(response.status).toBe(200);
  });

  test.each(['/healthz', '/api/applications', '/', '/webchat/page.js', '/nowhere'])(
    'GET %s cannot be framed by another site and is never sniffed',
    async (route) => {
      const response = await fetch(`${app.url}${route}`, {
        headers: { authorization: `Bearer ${COMMITTEE_TOKEN}` },
      });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    },
  );

  test('JSON answers say nosniff, errors included', async () => {
    const refused = await fetch(`${app.url}/api/applications`, {
      headers: { authorization: 'Bearer wrong' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
