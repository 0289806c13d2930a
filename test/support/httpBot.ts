import { randomUUID } from 'node:crypto';
import { startApp, type AppOverrides, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { SETTINGS_FIXTURE, TEST_NOW } from './programmeFixture.js';
import { emulatorActivity, postToMessages } from './activity.js';
import { tempFolder } from './tempFolders.js';

export interface Reply {
  type: string;
  text?: string;
  /** `alize.questionId`: the question the message asks (test/support/answerBook.ts answers it). */
  channelData?: unknown;
  suggestedActions?: { actions: { title: string; value: string }[] };
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

/** A fresh DATA_DIR, removed when the test file is done (tests may remove it sooner). */
export function tempDataDir(prefix = 'alize-test-'): string {
  return tempFolder(prefix);
}

/** Starts the real server (restify, CloudAdapter, lowdb files) on a free loopback port. */
export async function startTestServer(
  dataDir: string,
  env: Record<string, string> = {},
  overrides: AppOverrides = {},
): Promise<RunningApp> {
  // Every test client shares 127.0.0.1, limited like any address: off unless the test is about the limit.
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    // The frozen fixture, never the CCI's programme/alize.settings.json.
    PROGRAMME_FILE: SETTINGS_FIXTURE,
    // Never the real register: a test of the lookup gives COMPANY_LOOKUP_URL of its own loopback server.
    COMPANY_LOOKUP: 'off',
    ...env,
  });
  // Tests never read the real clock: a fixed day inside the fixture's call window unless told otherwise.
  const app = await startApp(config, { clock: () => TEST_NOW, ...overrides });
  await app.ready;
  return app;
}

/** POST /api/messages with a whole activity; the replies of an "expectReplies" request, read from the body. */
export async function postActivity(
  baseUrl: string,
  activity: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; replies: Reply[] }> {
  const response = await postToMessages(baseUrl, activity, headers);
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : {};
  return { status: response.status, replies: (body as { activities?: Reply[] }).activities ?? [] };
}

/** One user in one conversation, talking to the server over HTTP with deliveryMode "expectReplies". */
export class HttpConversation {
  readonly conversationId = `test-${randomUUID()}`;

  constructor(
    private readonly baseUrl: string,
    readonly userId = `user-${randomUUID()}`,
    private readonly locale = 'fr-FR',
  ) {}

  post(activity: Record<string, unknown>): Promise<{ status: number; replies: Reply[] }> {
    return postActivity(this.baseUrl, emulatorActivity(this, { locale: this.locale, ...activity }));
  }

  async say(text: string): Promise<Reply[]> {
    const { status, replies } = await this.post({ type: 'message', text });
    if (status !== 200) throw new Error(`HTTP ${status} for "${text}"`);
    return replies;
  }
}

export const texts = (replies: Reply[]): string[] => replies.map((r) => r.text ?? '').filter(Boolean);
export const buttons = (replies: Reply[]): string[] =>
  replies.flatMap((r) => r.suggestedActions?.actions.map((a) => a.title) ?? []);
