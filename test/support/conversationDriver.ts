import { ActivityTypes, type Activity, type TestAdapter } from 'botbuilder';

/** Drives a TestAdapter turn by turn and returns each turn's replies, so tests read like a conversation. */
export class ConversationDriver {
  /** `conversationId`: talk in another conversation of the same user (a new visit), same bot and storage. */
  constructor(
    private readonly adapter: TestAdapter,
    private readonly conversationId?: string,
  ) {}

  async say(input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    this.adapter.activeQueue.splice(0);
    const activity: Partial<Activity> =
      typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : input;
    if (this.conversationId)
      activity.conversation = {
        id: this.conversationId,
        isGroup: false,
        name: '',
        conversationType: 'personal',
      };
    await this.adapter.receiveActivity(activity);
    return this.adapter.activeQueue.splice(0);
  }

  /** The text of every reply of the turn, cards included, joined: what a user reads. */
  async read(input: string | Partial<Activity>): Promise<string> {
    return readable(await this.say(input));
  }
}

export function readable(replies: Partial<Activity>[]): string {
  return replies
    .flatMap((reply) => [
      reply.text ?? '',
      ...(reply.attachments ?? []).map((a) => JSON.stringify(a.content ?? {})),
    ])
    .filter(Boolean)
    .join('\n');
}

export function buttonsOf(replies: Partial<Activity>[]): string[] {
  return replies.flatMap((reply) => [
    ...(reply.suggestedActions?.actions ?? []).map((a) => a.title ?? ''),
    ...(reply.attachments ?? []).flatMap((a) =>
      ((a.content as { buttons?: { title: string }[] })?.buttons ?? []).map((b) => b.title),
    ),
  ]);
}
