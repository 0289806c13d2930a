import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { ProgrammeSettings } from '../dialogs/domain/programmeSettings.js';
import { statusChangeMessage, type StatusChangeListener } from '../dialogs/statusMessages.js';
import { languageOf, type TurnLanguage } from '../dialogs/translator.js';
import { ApplicantOutbox, statusMessageFor, type OutboxMessage } from '../storage/applicantOutbox.js';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import type { StatusOutbox } from '../storage/statusOutbox.js';
import type { Localizer } from './i18n.js';
import type { DocumentStore } from '../storage/documentStore.js';
import type { Logger } from './logger.js';
import { failureFields, sendProactive } from './proactiveSend.js';

/** How long a server holds a message it is trying to send before another may try (a crash mid-send). */
const LEASE_MS = 60_000;
const DAY_MS = 24 * 3600 * 1000;

export interface ApplicantMessengerParts {
  outbox: ApplicantOutbox;
  /** Notices an older committee CLI left under the former key: moved here. */
  legacyOutbox?: StatusOutbox;
  queue: ApplicationQueue;
  adapter: CloudAdapter;
  botAppId: string;
  localizer: Localizer;
  settings: ProgrammeSettings;
  /** The files' supporting documents: an *incomplete* notice asks only for the pieces not yet received. */
  documents?: DocumentStore;
  logger: Logger;
  clock: () => Date;
}

/**
 * Every message to an applicant outside their own turns goes through here: stored first (ApplicantOutbox),
 * tried at once in the conversation it belongs to, and marked delivered only when the channel accepted it.
 * What could not go (the local Direct Line forgot the conversation in a restart, the channel refused it) is
 * tried again later and, above all, given in the applicant's next turn, whatever conversation they come back
 * in. The log says `notified` only for a message a channel took.
 */
export class ApplicantMessenger {
  /** `channelId userId` of applicants with something waiting: their turn looks at the outbox. */
  private waiting = new Set<string>();

  constructor(private readonly parts: ApplicantMessengerParts) {}

  /** The status service's listener: the change is stored for the applicant, then sent if it can be. */
  readonly notifyStatus: StatusChangeListener = async (application, change) => {
    const now = this.parts.clock();
    const message = await this.parts.outbox.add(statusMessageFor(application, change), now, LEASE_MS);
    this.waiting.add(ApplicantOutbox.ownerKey(message.channelId, message.userId));
    await this.tryProactive(message);
  };

  /** A plain text for an applicant (an advisor's answer, say): stored, then sent like a status notice. */
  async sendText(input: {
    channelId: string;
    userId: string;
    conversationReference?: unknown;
    text: string;
  }) {
    const { text, ...rest } = input;
    const message = await this.parts.outbox.add(
      { ...rest, content: { kind: 'text', text } },
      this.parts.clock(),
      LEASE_MS,
    );
    this.waiting.add(ApplicantOutbox.ownerKey(message.channelId, message.userId));
    await this.tryProactive(message);
  }

  /** One round outside turns: older notices moved in, due messages tried, old ones dropped. */
  async round(): Promise<void> {
    const now = this.parts.clock();
    const legacy = (await this.parts.legacyOutbox?.take()) ?? [];
    for (const notice of legacy) {
      const application = await this.parts.queue.get(notice.reference);
      if (application) await this.parts.outbox.add(statusMessageFor(application, notice.change), now);
    }
    await this.dropExpired(now);
    for (const message of await this.parts.outbox.claimDue(now, LEASE_MS)) await this.tryProactive(message);
    this.waiting = ApplicantOutbox.owners(await this.parts.outbox.list());
  }

  /**
   * Gives the applicant what waits for them, at the end of their turn, as replies of that turn. Only in a
   * one-to-one conversation: a status notice never lands in a Teams channel or group chat.
   */
  async deliverInTurn(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.type !== 'message' && activity.type !== 'conversationUpdate') return;
    const userId = activity.from?.id;
    const channelId = activity.channelId;
    const type = activity.conversation?.conversationType;
    const shared = activity.conversation?.isGroup || type === 'channel' || type === 'groupChat';
    if (!userId || !channelId || shared) return;
    if (!this.waiting.has(ApplicantOutbox.ownerKey(channelId, userId))) return;
    const now = this.parts.clock();
    const claimed = await this.parts.outbox.claimFor(channelId, userId, now, LEASE_MS);
    const language = languageOf(context);
    for (const message of claimed) {
      const text = await this.textOf(message, language);
      if (text === null) continue;
      try {
        await context.sendActivity(text);
      } catch (error) {
        await this.parts.outbox.failed([message.id], now);
        this.logFailure(message, error);
        continue;
      }
      await this.parts.outbox.delivered([message.id]);
      this.logDelivered(message, 'turn');
    }
    this.waiting.delete(ApplicantOutbox.ownerKey(channelId, userId));
  }

  /** The applicant is back where a proactive message can reach them (a reloaded page): what waits is tried. */
  async retryFor(channelId: string, userId: string): Promise<void> {
    if (!this.waiting.has(ApplicantOutbox.ownerKey(channelId, userId))) return;
    try {
      const claimed = await this.parts.outbox.claimFor(channelId, userId, this.parts.clock(), LEASE_MS);
      for (const message of claimed) await this.tryProactive(message);
    } catch (error) {
      this.parts.logger.warn(
        { event: 'outbox_failed', code: codeOf(error) },
        'applicant outbox: retry failed',
      );
    }
  }

  /** Erasure: nothing waits for this user any more. */
  async eraseUser(userId: string): Promise<void> {
    await this.parts.outbox.eraseUser(userId);
    this.waiting = new Set([...this.waiting].filter((key) => !key.endsWith(` ${userId}`)));
  }

  private async tryProactive(message: OutboxMessage): Promise<void> {
    const reference = message.conversationReference as Partial<ConversationReference> | undefined;
    const fields = logFields(message);
    if (!reference?.conversation?.id || !reference.serviceUrl) {
      this.parts.logger.warn(
        { event: 'notify_waiting', ...fields },
        'no conversation to send to: kept for the next visit',
      );
      await this.parts.outbox.failed([message.id], this.parts.clock());
      return;
    }
    const text = await this.textOf(message, this.parts.localizer.language(reference.locale));
    if (text === null) return;
    try {
      await sendProactive(this.parts.adapter, this.parts.botAppId, reference, text);
    } catch (error) {
      await this.parts.outbox.failed([message.id], this.parts.clock());
      this.logFailure(message, error);
      return;
    }
    await this.parts.outbox.delivered([message.id]);
    this.logDelivered(message, 'proactive');
  }

  /** The words of a message; null (and the message dropped) when its file is gone or anonymised. */
  private async textOf(message: OutboxMessage, language: TurnLanguage): Promise<string | null> {
    if (message.content.kind === 'text') return message.content.text;
    const application = await this.parts.queue.get(message.content.reference);
    if (!application || application.retention?.anonymisedAt) {
      await this.parts.outbox.delivered([message.id]);
      this.parts.logger.info({ event: 'notify_dropped', ...logFields(message) }, 'file gone: notice dropped');
      return null;
    }
    const { change } = message.content;
    const received =
      change.to === 'incomplete' && this.parts.documents
        ? (await this.parts.documents.list(application.reference)).map((document) => document.piece)
        : undefined;
    return statusChangeMessage(language, application, change, this.parts.settings, received);
  }

  /** Messages kept past the drafts' retention are not news any more, and hold a comment: dropped. */
  private async dropExpired(now: Date): Promise<void> {
    const limit = new Date(
      now.getTime() - this.parts.settings.retention.draftIdleDays * DAY_MS,
    ).toISOString();
    const old = (await this.parts.outbox.list()).filter((m) => m.createdAt < limit);
    if (old.length === 0) return;
    await this.parts.outbox.removeWhere((m) => m.createdAt < limit);
    for (const message of old) {
      this.parts.logger.warn({ event: 'notify_expired', ...logFields(message) }, 'never delivered: dropped');
    }
  }

  private logDelivered(message: OutboxMessage, via: 'proactive' | 'turn'): void {
    this.parts.logger.info({ event: 'notified', via, ...logFields(message) }, 'applicant notified');
  }

  private logFailure(message: OutboxMessage, error: unknown): void {
    // The status change stands; the message waits in the outbox for a later try or the applicant's next turn.
    this.parts.logger.warn(
      { event: 'notify_failed', pending: true, ...logFields(message), ...failureFields(error) },
      'applicant not notified yet: kept in the outbox',
    );
  }
}

/** Ids and codes only: never the text, the comment or the user id. */
function logFields(message: OutboxMessage): Record<string, unknown> {
  const content = message.content;
  return {
    messageId: message.id,
    attempts: message.attempts,
    ...(content.kind === 'status' ? { reference: content.reference, status: content.change.to } : {}),
  };
}

function codeOf(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return typeof code === 'string' ? code : typeof name === 'string' ? name : 'unknown';
}
