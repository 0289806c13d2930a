/**
 * `node dist/scripts/bench/documentUploadBench.js [--uploads=20] [--megabytes=10]`: the real server (a child process,
 * lowdb files) receiving documents through the local Direct Line's upload route, as Web Chat sends them. Times one
 * 10 MB PDF from the POST to the bot's answer, then `--uploads` of them at once (one conversation each), and the
 * server's peak resident memory (VmHWM) around each. Prints one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Localizer } from '../../bot/i18n.js';
import { writeBenchSettings } from './benchSettings.js';
import { peakRssMb, resetPeakRss, rssMb } from './procStats.js';
import { startServer } from './serverProcess.js';

const fr = new Localizer().language('fr');
const option = (name: string, fallback: number): number => {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  return raw === undefined ? fallback : Number(raw);
};

interface Visitor {
  conversationId: string;
  token: string;
  userId: string;
  watermark: string;
}

async function visitor(url: string): Promise<Visitor> {
  const userId = `dl_${randomBytes(16).toString('hex')}`;
  const tokenAnswer = await fetch(`${url}/api/directline/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  const { token, conversationId } = (await tokenAnswer.json()) as { token: string; conversationId: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers, body: '{}' });
  await fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ type: 'message', text: fr.t('common:menu.apply'), from: { id: userId } }),
  });
  return { conversationId, token, userId, watermark: '' };
}

async function waitFor(url: string, who: Visitor, prefix: string): Promise<void> {
  for (;;) {
    const answer = await fetch(
      `${url}/v3/directline/conversations/${who.conversationId}/activities?watermark=${who.watermark}`,
      { headers: { authorization: `Bearer ${who.token}` } },
    );
    const body = (await answer.json()) as { activities: { text?: string }[]; watermark: string };
    who.watermark = body.watermark;
    if (body.activities.some((activity) => activity.text?.startsWith(prefix))) return;
    await sleep(20);
  }
}

async function upload(url: string, who: Visitor, bytes: Buffer): Promise<void> {
  const form = new FormData();
  const activity = { type: 'message', text: 'le Kbis', from: { id: who.userId } };
  form.append(
    'activity',
    new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }),
  );
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'kbis.pdf');
  const answer = await fetch(`${url}/v3/directline/conversations/${who.conversationId}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.token}` },
    body: form,
  });
  if (answer.status !== 200) throw new Error(`upload answered ${answer.status}`);
  await waitFor(url, who, fr.t('documents:stillMissing'));
}

const uploads = option('uploads', 20);
const megabytes = option('megabytes', 10);
const folder = mkdtempSync(path.join(os.tmpdir(), 'alize-bench-docs-'));
const server = await startServer({
  name: 'bot',
  entry: 'dist/bot/index.js',
  dataDir: folder,
  programmeFile: writeBenchSettings(folder),
});
try {
  // Just under the limit, so every document is kept.
  const pdf = (): Buffer =>
    Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(megabytes * 1024 * 1024 - 1024)]);
  const warm = await visitor(server.url);
  await upload(server.url, warm, pdf());
  const idleMb = rssMb(server.pid);

  const one = await visitor(server.url);
  resetPeakRss(server.pid);
  let started = performance.now();
  await upload(server.url, one, pdf());
  const oneMs = performance.now() - started;
  const onePeakMb = peakRssMb(server.pid);

  const many = await Promise.all(Array.from({ length: uploads }, () => visitor(server.url)));
  const files = many.map(() => pdf());
  resetPeakRss(server.pid);
  started = performance.now();
  await Promise.all(many.map((who, index) => upload(server.url, who, files[index]!)));
  const manyMs = performance.now() - started;
  const manyPeakMb = peakRssMb(server.pid);
  const round = (value: number): number => Math.round(value);
  console.log(
    JSON.stringify({
      megabytes,
      oneUploadMs: round(oneMs),
      idleRssMb: round(idleMb),
      oneUploadPeakRssMb: round(onePeakMb),
      uploadsAtOnce: uploads,
      allAtOnceMs: round(manyMs),
      atOncePeakRssMb: round(manyPeakMb),
    }),
  );
} catch (error) {
  console.error(
    readFileSync(server.logFile, 'utf8')
      .split('\n')
      .filter((line) => /"level":[45]0/.test(line))
      .slice(-5)
      .join('\n'),
  );
  throw error;
} finally {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
}
