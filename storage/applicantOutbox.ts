import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { StatusChange, StoredApplication } from './applicationQueue.js';
import { readStoredList, updateStoredList } from './storedList.js';

/** What a message to an applicant says: a file's status change (worded at delivery, in their language), or a text. */
export type OutboxContent =
  { kind: 'status'; reference: string; change: StatusChange } | { kind: 'text'; text: string };

/** A message to an applicant outside a turn of theirs, kept until their channel accepted it. */
export interface OutboxMessage {
  id: string;
  /** Who it is for: the channel and its user id (the file's owner). */
  channelId: string;
  userId: string;
  /** ISO 8601. */
  createdAt: string;
  content: OutboxContent;
  /** Where to send it at once (the file's conversation); without one it waits for the applicant's next turn. */
  conversationReference?: unknown;
  /** Failed sends so far. */
  attempts: number;
  /** ISO 8601: no new try outside a turn before then (back-off after a failure); absent: due now. */
  nextAttemptAt?: string;
  /** ISO 8601: a server is trying to send it until then; nobody else does meanwhile. */
  leasedUntil?: string;
}

export type NewOutboxMessage = Pick<OutboxMessage, 'channelId' | 'userId' | 'content'> & {
  conversationReference?: unknown;
};

/** A status change as a message of the outbox, for the file's owner, to its conversation. */
export function statusMessageFor(application: StoredApplication, change: StatusChange): NewOutboxMessage {
  return {
    channelId: application.channel,
    userId: application.userId,
    content: { kind: 'status' as const, reference: application.reference, change },
    ...(application.conversationReference !== undefined
      ? { conversationReference: application.conversationReference }
      : {}),
  };
}

/** Seconds before the next try outside a turn: 30 s, 1 min, 2 min… up to an hour. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);

const ownerKey = (channelId: string, userId: string): string => `${channelId} ${userId}`;

/**
 * The durable outbox of messages to applicants (status notices from the API, the advisor mode and the committee
 * CLI, and any other message sent outside a turn). A message leaves it only once a channel accepted it: a
 * proactive send that went through, or a reply in the applicant's next turn. One storage key holds the list;
 * every change is a read, then a write with the eTag read (retried on a conflict), inside `exclusive` (a file
 * lock for lowdb, shared with the CLI; BlobsStorage checks the eTag on Azure's side).
 */
export class ApplicantOutbox {
  static readonly KEY = 'alize/outbox/applicantMessages';

  constructor(
    private readonly storage: Storage,
    private readonly exclusive: <T>(task: () => Promise<T>) => Promise<T> = (task) => task(),
  ) {}

  /** Stores a message; `leaseMs`: the caller tries it at once, so nobody else does meanwhile. */
  async add(input: NewOutboxMessage, now: Date, leaseMs = 0): Promise<OutboxMessage> {
    const message: OutboxMessage = {
      id: randomUUID(),
      channelId: input.channelId,
      userId: input.userId,
      createdAt: now.toISOString(),
      content: input.content,
      ...(input.conversationReference !== undefined
        ? { conversationReference: input.conversationReference }
        : {}),
      attempts: 0,
      ...(leaseMs > 0 ? { leasedUntil: new Date(now.getTime() + leaseMs).toISOString() } : {}),
    };
    await this.update((messages) => ({ keep: [...messages, message], result: undefined }));
    return message;
  }

  async list(): Promise<OutboxMessage[]> {
    return readStoredList<OutboxMessage>(this.storage, ApplicantOutbox.KEY, 'messages');
  }

  /** Messages due for a try outside a turn (they have somewhere to go), leased to the caller. */
  claimDue(now: Date, leaseMs: number): Promise<OutboxMessage[]> {
    const at = now.toISOString();
    return this.claim(
      (m) => m.conversationReference !== undefined && (m.nextAttemptAt ?? '') <= at && free(m, at),
      now,
      leaseMs,
    );
  }

  /** Every message for this applicant not being tried elsewhere, leased to the caller (they are here now). */
  claimFor(channelId: string, userId: string, now: Date, leaseMs: number): Promise<OutboxMessage[]> {
    const at = now.toISOString();
    return this.claim((m) => m.channelId === channelId && m.userId === userId && free(m, at), now, leaseMs);
  }

  /** The channel accepted them: they leave the outbox. */
  delivered(ids: readonly string[]): Promise<void> {
    return this.removeWhere((m) => ids.includes(m.id));
  }

  /** Not accepted: tried again after the back-off, or at the applicant's next turn. */
  failed(ids: readonly string[], now: Date): Promise<void> {
    return this.update((messages) => ({
      keep: messages.map((m) => {
        if (!ids.includes(m.id)) return m;
        const attempts = m.attempts + 1;
        const next = new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
        const rest = { ...m };
        delete rest.leasedUntil;
        return { ...rest, attempts, nextAttemptAt: next };
      }),
      result: undefined,
    }));
  }

  /** Erasure: every message for this user goes, whatever its channel. */
  eraseUser(userId: string): Promise<void> {
    return this.removeWhere((m) => m.userId === userId);
  }

  removeWhere(drop: (message: OutboxMessage) => boolean): Promise<void> {
    return this.update((messages) => ({ keep: messages.filter((m) => !drop(m)), result: undefined }));
  }

  /** `channelId userId` of everyone with a message waiting: a turn of theirs looks at the outbox. */
  static owners(messages: readonly OutboxMessage[]): Set<string> {
    return new Set(messages.map((m) => ownerKey(m.channelId, m.userId)));
  }

  static ownerKey = ownerKey;

  private async claim(
    pick: (message: OutboxMessage) => boolean,
    now: Date,
    leaseMs: number,
  ): Promise<OutboxMessage[]> {
    // The usual case, nothing to claim, costs one read and no lock.
    if (!(await this.list()).some(pick)) return [];
    const leasedUntil = new Date(now.getTime() + leaseMs).toISOString();
    return this.update((messages) => {
      const claimed: OutboxMessage[] = [];
      const keep = messages.map((m) => {
        if (!pick(m)) return m;
        const leased = { ...m, leasedUntil };
        claimed.push(leased);
        return leased;
      });
      return { keep, result: claimed };
    });
  }

  private update<T>(change: (messages: OutboxMessage[]) => { keep: OutboxMessage[]; result: T }): Promise<T> {
    return updateStoredList(this.storage, ApplicantOutbox.KEY, 'messages', this.exclusive, change);
  }
}

const free = (message: OutboxMessage, at: string): boolean =>
  message.leasedUntil === undefined || message.leasedUntil <= at;
