import type { Activity } from 'botbuilder';
import type { VerifiedIdentity } from '../identity/verifiedIdentity.js';
import type { Logger } from '../logger.js';
import { botActivity, visitorActivity, visitorJoined, type Parties } from './activityStamps.js';
import type { BotTurns } from './botTurns.js';
import type { ConversationStore, LocalConversation } from './conversationStore.js';
import { isErasedEvent } from '../erasedEvent.js';
import { UPLOAD_URL_PREFIX, UploadStore, type HeldUpload } from './uploadStore.js';

export interface LocalDirectLineParts {
  store: ConversationStore;
  turns: BotTurns;
  /** Computed on use: the callback's port is only known once the server listens. */
  parties: () => Parties;
  clock: () => Date;
  logger: Logger;
  /** A visitor came back to a conversation they had (the applicant outbox tries what waits for them). */
  onVisitorBack?: (userId: string) => void;
  /** The verified identity of a live advisor sign-in session (web page), if it still lives. */
  identityOfSession?: (signinSession: string) => VerifiedIdentity | undefined;
  uploads?: UploadStore;
}

/** The local Direct Line's behaviour, between the HTTP routes and the store: start, post, deliver. */
export class LocalDirectLine {
  /** Files posted to the upload route, until the bot's turn takes them. */
  readonly uploads: UploadStore;

  constructor(private readonly parts: LocalDirectLineParts) {
    this.uploads = parts.uploads ?? new UploadStore();
  }

  get store(): ConversationStore {
    return this.parts.store;
  }

  get expiresInSeconds(): number {
    return Math.floor(this.parts.store.limits.idleMs / 1000);
  }

  /** Sends "the visitor joined" to the bot once per conversation, so its greeting is the first thing shown. */
  async start(conversation: LocalConversation): Promise<void> {
    if (conversation.started) return;
    conversation.started = true;
    const update = visitorJoined(conversation, this.parts.parties(), this.parts.clock());
    try {
      await this.parts.turns.run(update, this.deliverer(conversation), this.identityOf(conversation));
    } catch (error) {
      this.parts.logger.error(
        { err: error, event: 'directline_start_failed', conversationId: conversation.id },
        'start failed',
      );
    }
  }

  /** Echoes the visitor's activity into the transcript, runs the bot's turn on it, returns the echo's id. */
  async post(conversation: LocalConversation, body: Record<string, unknown>): Promise<string> {
    // The bot has nothing to do with the visitor's typing indicator: acknowledged, not kept.
    if (body.type === 'typing') return `${conversation.id}|typing`;
    const activity = visitorActivity(body, conversation, this.parts.parties(), this.parts.clock());
    const echo = this.parts.store.append(conversation, activity);
    await this.parts.turns.run({ ...echo }, this.deliverer(conversation), this.identityOf(conversation));
    return echo.id;
  }

  /**
   * A message with files (the upload route): the transcript shows each file's name, the bot's turn gets them as
   * attachments whose contentUrl it resolves in `uploads` only. Returns null when the store is full.
   */
  async postWithUploads(
    conversation: LocalConversation,
    body: Record<string, unknown>,
    files: readonly HeldUpload[],
  ): Promise<string | null> {
    const ids: string[] = [];
    for (const file of files) {
      const id = this.uploads.hold(conversation.id, file);
      if (id === undefined) {
        this.uploads.release(ids);
        return null;
      }
      ids.push(id);
    }
    const shown = files.map((file) => ({ contentType: file.declaredType, name: file.name }));
    const activity = visitorActivity(
      { ...body, type: 'message' },
      conversation,
      this.parts.parties(),
      this.parts.clock(),
    );
    const echo = this.parts.store.append(conversation, { ...activity, attachments: shown });
    const forBot = shown.map((file, index) => ({ ...file, contentUrl: `${UPLOAD_URL_PREFIX}${ids[index]}` }));
    try {
      await this.parts.turns.run(
        { ...echo, attachments: forBot },
        this.deliverer(conversation),
        this.identityOf(conversation),
      );
    } finally {
      this.uploads.release(ids);
    }
    return echo.id;
  }

  /**
   * An activity the bot sent through its connector (a proactive message from a stored conversation reference).
   * A reference to a conversation that was replaced by *Nouvelle conversation* still reaches the same visitor;
   * the activity must be addressed to that conversation's visitor, so a made-up conversation id or another
   * visitor's id injects nothing.
   */
  deliverFromConnector(conversationId: string, sent: Partial<Activity>): string | null | 'away' {
    const recipientId = typeof sent.recipient?.id === 'string' ? sent.recipient.id : undefined;
    const conversation = this.parts.store.forReference(conversationId, recipientId);
    if (!conversation) return null;
    // Nobody reads it: refused, so the message stays in the applicant outbox until the visitor is back.
    if (this.parts.store.isAway(conversation)) return 'away';
    return this.deliverer(conversation)([sent])[0] ?? '';
  }

  /** A token for a conversation the visitor already had (a reload): what waits for them can be sent now. */
  visitorBack(userId: string): void {
    this.parts.onVisitorBack?.(userId);
  }

  /** Looked up on every turn: a signed-out or expired session no longer proves anything. */
  private identityOf(conversation: LocalConversation): VerifiedIdentity | undefined {
    const session = conversation.signinSession;
    return session ? this.parts.identityOfSession?.(session) : undefined;
  }

  private deliverer(conversation: LocalConversation) {
    return (activities: Partial<Activity>[]): string[] => {
      const firstSeq = conversation.nextSeq;
      const ids = activities.map((sent) => {
        const stamped = botActivity(sent, conversation, this.parts.parties(), this.parts.clock());
        return stamped ? this.parts.store.append(conversation, stamped).id : '';
      });
      // The bot erased the visitor's data in this turn: the transcripts go too, the bot's last words stay.
      if (activities.some(isErasedEvent)) this.parts.store.eraseVisitor(conversation, firstSeq);
      return ids;
    };
  }
}
