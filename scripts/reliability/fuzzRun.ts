import { randomBytes, randomUUID } from 'node:crypto';
import { ELIGIBLE_COMPANY, answerAll, questionAsked } from '../../test/support/answerBook.js';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_LOCALES_DIR } from '../../bot/i18n.js';
import { nextInput, type FuzzInput, type FuzzTargets } from './fuzzInputs.js';
import { SeededRandom } from './seededRandom.js';
import { PROJECT_ROOT, ServerProcess, serverEnv } from './serverProcess.js';

export interface FuzzOptions {
  seed: number;
  count: number;
  /** Requests in flight at once (1: one after the other). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface FuzzFigures {
  seed: number;
  inputsTried: number;
  byStatusClass: Record<string, number>;
  byCategory: Record<string, number>;
  fiveHundredsSeen: number;
  /** 501 answers to invokes the bot does not handle (see isUnsupportedInvoke), not counted as 5xx. */
  unsupportedInvokes: number;
  slowestMs: number;
  serverErrors: number;
  seconds: number;
  failures: string[];
}

/** Every French sentence of the locale files, by its start: how a reply is recognised as French. */
function frenchStarts(): string[] {
  const starts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const start = value.split('{{')[0].trim().slice(0, 24);
      if (start.length >= 12) starts.push(start);
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  const dir = path.join(DEFAULT_LOCALES_DIR, 'fr');
  for (const file of fs.readdirSync(dir)) walk(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  return starts;
}

/** A stand-in for the Bot Framework connector: accepts every reply sent to a serviceUrl. */
async function startConnector(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function prepareTargets(
  url: string,
  connectorUrl: string,
  committeeToken: string,
): Promise<FuzzTargets> {
  const conversations = Array.from({ length: 6 }, () => ({
    id: `fuzz-${randomUUID()}`,
    userId: `fuzz-user-${randomUUID()}`,
  }));
  // Two of them well into a form, so hostile answers land on real questions (SIRET, amounts, e-mail).
  const say = async (conversation: { id: string; userId: string }, text: string) => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text,
        channelId: 'emulator',
        conversation: { id: conversation.id },
        from: { id: conversation.userId },
        locale: 'fr-FR',
        deliveryMode: 'expectReplies',
      }),
    });
    const body = (await response.json().catch(() => ({}))) as { activities?: { channelData?: unknown }[] };
    return body.activities ?? [];
  };
  // Answered from the shared answer book up to the question the hostile answers should land on.
  const upTo = async (conversation: (typeof conversations)[number], start: string, questionId: string) => {
    const { replies } = await answerAll(
      (text) => say(conversation, text),
      await say(conversation, start),
      ELIGIBLE_COMPANY,
      {
        until: (asked) => asked.questionId === questionId,
      },
    );
    if (questionAsked(replies)?.questionId !== questionId) throw new Error(`fuzz: never asked ${questionId}`);
  };
  await upTo(conversations[0], 'Déposer une candidature', 'company.siret');
  await upTo(conversations[1], 'suis-je éligible ?', 'turnover');
  const tokenResponse = await fetch(`${url}/api/directline/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const { token, conversationId } = (await tokenResponse.json()) as { token: string; conversationId: string };
  await fetch(`${url}/v3/directline/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return { conversations, directLine: { token, conversationId }, committeeToken, connectorUrl };
}

/**
 * An invoke the bot has no handler for gets 501 Not Implemented: the Bot Framework's own answer (botbuilder's
 * ActivityHandler), which channels read as "not supported", not as a failure. The only 5xx allowed.
 */
export const isUnsupportedInvoke = (input: FuzzInput, status: number): boolean =>
  status === 501 && input.path === '/api/messages' && /"type":"invoke"/.test(input.body ?? '');

function check(input: FuzzInput, status: number, body: string, french: string[]): string | null {
  if (status >= 500 && !isUnsupportedInvoke(input, status)) {
    return `${status} for ${input.category}: ${input.method} ${input.path}`;
  }
  if (input.expect === 'client-error' && (status < 400 || status >= 500))
    return `${status}, not a 4xx, for ${input.category}`;
  if (input.expect === 'too-large' && status !== 413) return `${status}, not 413, for ${input.category}`;
  if (input.expect === 'french-reply') {
    if (status !== 200) return `${status}, not 200, for a valid French message (${input.category})`;
    const texts = ((JSON.parse(body || '{}') as { activities?: { text?: string }[] }).activities ?? []).map(
      (a) => a.text ?? '',
    );
    if (!texts.some((text) => french.some((start) => text.includes(start)))) {
      return `no French reply to a ${input.category}: ${JSON.stringify(texts).slice(0, 300)}`;
    }
  }
  return null;
}

/**
 * The fuzz test: the real server (a child process) gets `count` hostile requests on every route, one after the
 * other; none may get a 5xx, crash the server or make it log an error, and each must get what its kind calls for.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzFigures> {
  const started = performance.now();
  const random = new SeededRandom(options.seed);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-fuzz-'));
  const committeeToken = randomBytes(24).toString('hex');
  const connector = await startConnector();
  const settings = path.join(PROJECT_ROOT, 'programme/alize.settings.json');
  const server = new ServerProcess(
    serverEnv(path.join(root, 'data'), settings, { COMMITTEE_TOKEN: committeeToken }),
    root,
  );
  const figures: FuzzFigures = {
    seed: options.seed,
    inputsTried: 0,
    byStatusClass: {},
    byCategory: {},
    fiveHundredsSeen: 0,
    unsupportedInvokes: 0,
    slowestMs: 0,
    serverErrors: 0,
    seconds: 0,
    failures: [],
  };
  const french = frenchStarts();
  try {
    const [url] = await Promise.all([server.url, server.ready]);
    const targets = await prepareTargets(url, connector.url, committeeToken);
    let next = 0;
    let dead = false;
    const worker = async (): Promise<void> => {
      while (next < options.count && !dead) {
        const i = next;
        next += 1;
        dead = await sendOne(i, nextInput(random, targets));
      }
    };
    const sendOne = async (i: number, input: FuzzInput): Promise<boolean> => {
      figures.inputsTried += 1;
      figures.byCategory[input.category] = (figures.byCategory[input.category] ?? 0) + 1;
      const sent = performance.now();
      try {
        const response = await fetch(`${url}${input.path}`, {
          method: input.method,
          headers: input.headers,
          body: input.body,
          signal: AbortSignal.timeout(30_000),
        });
        const body = await response.text();
        figures.slowestMs = Math.max(figures.slowestMs, Math.round(performance.now() - sent));
        const statusClass = isUnsupportedInvoke(input, response.status)
          ? '501 unsupported invoke'
          : `${Math.floor(response.status / 100)}xx`;
        figures.byStatusClass[statusClass] = (figures.byStatusClass[statusClass] ?? 0) + 1;
        if (isUnsupportedInvoke(input, response.status)) figures.unsupportedInvokes += 1;
        else if (response.status >= 500) figures.fiveHundredsSeen += 1;
        const problem = check(input, response.status, body, french);
        if (problem) figures.failures.push(`input ${i + 1}: ${problem}`);
      } catch (error) {
        figures.failures.push(
          `input ${i + 1} (${input.category}: ${input.method} ${input.path}): no response, ${(error as Error).message}`,
        );
        const exited = await Promise.race([server.exited.then(() => true), sleep(50).then(() => false)]);
        if (exited) {
          figures.failures.push('the server died');
          return true;
        }
      }
      if ((i + 1) % 1000 === 0) options.log?.(`${i + 1} inputs, ${figures.failures.length} failures`);
      return false;
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
    const health = await fetch(`${url}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (health !== 200) figures.failures.push(`GET /healthz answers ${health} after the run`);
  } finally {
    await server.kill();
    await connector.close();
    figures.serverErrors = server.errorLines.length;
    for (const line of server.errorLines)
      figures.failures.push(`server logged an error: ${line.event} ${line.msg} ${line.err?.message ?? ''}`);
    figures.seconds = Math.round((performance.now() - started) / 100) / 10;
    fs.rmSync(root, { recursive: true, force: true });
  }
  return figures;
}
