import { performance } from 'node:perf_hooks';

/** What the bench reads in a reply: its text, buttons and card (to know which question was asked). */
export interface BenchReply {
  type: string;
  text?: string;
  /** `alize.questionId`: the question the message asks. */
  channelData?: unknown;
  suggestedActions?: { actions: { title: string; value: string }[] };
  attachments?: { contentType: string; content: unknown }[];
}

/** One activity a simulated user sends (the envelope — ids, channel, locale — is added per user). */
export type UserActivity = { type: 'message'; text: string } | Record<string, unknown>;

export interface TurnResult {
  replies: BenchReply[];
  /** From the request's start to the response body fully read, in milliseconds. */
  ms: number;
}

/** One simulated user in one conversation, over HTTP with deliveryMode "expectReplies" as Web Chat tests do. */
export class BenchUser {
  constructor(
    private readonly baseUrl: string,
    readonly userId: string,
    readonly conversationId: string,
  ) {}

  async send(activity: UserActivity): Promise<TurnResult> {
    const body = JSON.stringify({
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:1/unused',
      conversation: { id: this.conversationId },
      from: { id: this.userId },
      recipient: { id: 'bot' },
      locale: 'fr-FR',
      deliveryMode: 'expectReplies',
      ...activity,
    });
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${this.baseUrl}: ${text}`);
    const parsed = text ? (JSON.parse(text) as { activities?: BenchReply[] }) : {};
    return { replies: parsed.activities ?? [], ms };
  }
}

export function readableText(replies: BenchReply[]): string {
  return replies
    .flatMap((reply) => [
      reply.text ?? '',
      ...(reply.attachments ?? []).map((a) => JSON.stringify(a.content)),
    ])
    .join('\n');
}
