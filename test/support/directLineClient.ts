import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

export type DlActivity = Partial<Activity> & { id: string };

export const newVisitorId = (): string => `dl_${randomBytes(16).toString('hex')}`;

/** A Direct Line 3.0 client speaking to the server over HTTP, the way Web Chat does (polling). */
export class DirectLineClient {
  token = '';
  conversationId = '';
  watermark = '';

  constructor(
    private readonly baseUrl: string,
    readonly userId = newVisitorId(),
  ) {}

  /** POST /api/directline/token, as the page does (`cookie`: the browser's cookies, e.g. a sign-in). */
  async open(fresh = false, cookie?: string): Promise<this> {
    const response = await fetch(`${this.baseUrl}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ userId: this.userId, fresh }),
    });
    if (response.status !== 200) throw new Error(`token: HTTP ${response.status}`);
    const body = (await response.json()) as { token: string; conversationId: string };
    this.token = body.token;
    this.conversationId = body.conversationId;
    this.watermark = '';
    return this;
  }

  request(method: string, path: string, body?: unknown, token = this.token): Promise<Response> {
    return fetch(`${this.baseUrl}/v3/directline${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** POST /conversations: what Web Chat does first; the bot greets the visitor then. */
  async start(): Promise<Response> {
    return this.request('POST', '/conversations', { user: { id: this.userId }, locale: 'fr-FR' });
  }

  async post(activity: Record<string, unknown>): Promise<{ status: number; id?: string }> {
    const response = await this.request('POST', `/conversations/${this.conversationId}/activities`, {
      from: { id: this.userId },
      locale: 'fr-FR',
      ...activity,
    });
    const body = (await response.json()) as { id?: string };
    return { status: response.status, id: body.id };
  }

  async say(text: string, clientActivityID = randomBytes(6).toString('hex')): Promise<string> {
    const { status, id } = await this.post({ type: 'message', text, channelData: { clientActivityID } });
    if (status !== 200 || !id) throw new Error(`post "${text}": HTTP ${status}`);
    return id;
  }

  /** One poll after the current watermark; moves the watermark on. */
  async poll(): Promise<DlActivity[]> {
    const response = await this.request(
      'GET',
      `/conversations/${this.conversationId}/activities?watermark=${this.watermark}`,
    );
    if (response.status !== 200) throw new Error(`poll: HTTP ${response.status}`);
    const body = (await response.json()) as { activities: DlActivity[]; watermark: string };
    this.watermark = body.watermark;
    return body.activities;
  }

  /** Polls until `done` holds for what arrived since the call (proactive messages come asynchronously). */
  async pollUntil(done: (activities: DlActivity[]) => boolean, timeoutMs = 5000): Promise<DlActivity[]> {
    const seen: DlActivity[] = [];
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      seen.push(...(await this.poll()));
      if (done(seen)) return seen;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out; got ${JSON.stringify(seen.map((a) => a.text ?? a.type))}`);
  }
}

export const botTexts = (activities: DlActivity[]): string[] =>
  activities.filter((a) => a.from?.role === 'bot' && a.text).map((a) => a.text as string);

export const botButtons = (activities: DlActivity[]): string[] =>
  activities.flatMap((a) =>
    a.from?.role === 'bot' ? (a.suggestedActions?.actions.map((x) => x.title) ?? []) : [],
  );
