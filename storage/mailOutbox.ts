import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { StatusChange } from './applicationQueue.js';
import { retryDelayMs } from './applicantOutbox.js';
import { readStoredList, runAlone, updateStoredList, type Exclusive } from './storedList.js';

/** What an e-mail to an applicant is about: the receipt of their file, or a status change of it. */
export type MailContent = { kind: 'receipt' } | { kind: 'status'; change: StatusChange };

/**
 * An e-mail to an applicant, kept until the SMTP server accepted it. It holds no address nor name: they are
 * read from the file when it is sent, so an erased or anonymised file sends nothing and leaves nothing here.
 */
export interface MailEntry {
  id: string;
  reference: string;
  /** The file's owner (erasure of their data removes their entries). */
  channelId: string;
  userId: string;
  /** The language of the conversation: `fr` or `en`. */
  locale: string;
  /** ISO 8601. */
  createdAt: string;
  content: MailContent;
  /** Failed sends so far. */
  attempts: number;
  /** ISO 8601: no new try before then (back-off after a failure); absent: due now. */
  nextAttemptAt?: string;
  /** ISO 8601: a server is sending it until then; nobody else tries meanwhile (no receipt sent twice). */
  leasedUntil?: string;
}

export type NewMail = Pick<MailEntry, 'reference' | 'channelId' | 'userId' | 'locale' | 'content'>;

/**
 * The durable outbox of e-mails to applicants: a receipt written at submission, or a status change's mail
 * written by the status service (server or CLI), leaves it only once the SMTP server took it. One storage key
 * holds the list, changed like the applicant outbox's (storage/storedList.ts).
 */
export class MailOutbox {
  static readonly KEY = 'alize/outbox/mail';

  constructor(
    private readonly storage: Storage,
    private readonly exclusive: Exclusive = runAlone,
  ) {}

  /** Stores an e-mail; `leaseMs`: the caller tries it at once, so nobody else does meanwhile. */
  async add(input: NewMail, now: Date, leaseMs = 0): Promise<MailEntry> {
    const entry: MailEntry = {
      id: randomUUID(),
      ...input,
      createdAt: now.toISOString(),
      attempts: 0,
      ...(leaseMs > 0 ? { leasedUntil: new Date(now.getTime() + leaseMs).toISOString() } : {}),
    };
    await this.update((entries) => ({ keep: [...entries, entry], result: undefined }));
    return entry;
  }

  list(): Promise<MailEntry[]> {
    return readStoredList<MailEntry>(this.storage, MailOutbox.KEY, 'mails');
  }

  /** E-mails due for a try and not being sent elsewhere, leased to the caller. */
  async claimDue(now: Date, leaseMs: number): Promise<MailEntry[]> {
    const at = now.toISOString();
    const due = (entry: MailEntry) =>
      (entry.nextAttemptAt ?? '') <= at && (entry.leasedUntil === undefined || entry.leasedUntil <= at);
    // The usual case, nothing due, costs one read and no lock.
    if (!(await this.list()).some(due)) return [];
    const leasedUntil = new Date(now.getTime() + leaseMs).toISOString();
    return this.update((entries) => {
      const claimed: MailEntry[] = [];
      const keep = entries.map((entry) => {
        if (!due(entry)) return entry;
        const leased = { ...entry, leasedUntil };
        claimed.push(leased);
        return leased;
      });
      return { keep, result: claimed };
    });
  }

  /** Accepted by the SMTP server (or nothing left to send): it leaves the outbox. */
  done(id: string): Promise<void> {
    return this.removeWhere((entry) => entry.id === id);
  }

  /** Refused or unreachable: tried again after the back-off (30 s, 1 min, 2 min… up to an hour). */
  failed(id: string, now: Date): Promise<void> {
    return this.update((entries) => ({
      keep: entries.map((entry) => {
        if (entry.id !== id) return entry;
        const attempts = entry.attempts + 1;
        const rest = { ...entry };
        delete rest.leasedUntil;
        return {
          ...rest,
          attempts,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
        };
      }),
      result: undefined,
    }));
  }

  /** Erasure: every e-mail for this user goes, whatever its channel. */
  eraseUser(userId: string): Promise<void> {
    return this.removeWhere((entry) => entry.userId === userId);
  }

  removeWhere(drop: (entry: MailEntry) => boolean): Promise<void> {
    return this.update((entries) => ({ keep: entries.filter((entry) => !drop(entry)), result: undefined }));
  }

  private update<T>(change: (entries: MailEntry[]) => { keep: MailEntry[]; result: T }): Promise<T> {
    return updateStoredList(this.storage, MailOutbox.KEY, 'mails', this.exclusive, change);
  }
}

/** A status change's e-mail, for the file's owner, in the language of the file's conversation. */
export function statusMailFor(
  application: { reference: string; channel: string; userId: string; conversationReference?: unknown },
  change: StatusChange,
): NewMail {
  const locale = (application.conversationReference as { locale?: unknown } | undefined)?.locale;
  return {
    reference: application.reference,
    channelId: application.channel,
    userId: application.userId,
    locale: typeof locale === 'string' && /^en\b/i.test(locale) ? 'en' : 'fr',
    content: { kind: 'status', change },
  };
}
