import type { Storage } from 'botbuilder';
import type { StatusChange } from './applicationQueue.js';

/** A status change whose applicant is still to be told: written by the committee CLI, sent by the server. */
export interface PendingNotice {
  reference: string;
  change: StatusChange;
}

/**
 * The durable outbox of status notices. The committee CLI is a process of its own, without the bot's adapter:
 * it cannot reach the applicant's conversation, so it leaves the notice here and the running server delivers
 * it. One storage key holds the list; every change of it is a read, then a write with the eTag that was read
 * (retried on a conflict), inside `exclusive` (a file lock for lowdb, whose eTag check is per process;
 * BlobsStorage checks the eTag on Azure's side).
 */
export class StatusOutbox {
  static readonly KEY = 'alize/outbox/statusNotices';

  constructor(
    private readonly storage: Storage,
    private readonly exclusive: <T>(task: () => Promise<T>) => Promise<T> = (task) => task(),
  ) {}

  add(notice: PendingNotice): Promise<void> {
    return this.update((notices) => ({ keep: [...notices, notice], result: undefined }));
  }

  /** Removes and returns every pending notice; another instance taking at the same time gets none of them. */
  async take(): Promise<PendingNotice[]> {
    // The usual case, an empty outbox, costs one read and no lock.
    const items = await this.storage.read([StatusOutbox.KEY]);
    const stored = items[StatusOutbox.KEY] as { notices?: unknown } | undefined;
    if (!Array.isArray(stored?.notices) || stored.notices.length === 0) return [];
    return this.update((notices) => ({ keep: [], result: notices }));
  }

  private update<T>(change: (notices: PendingNotice[]) => { keep: PendingNotice[]; result: T }): Promise<T> {
    return this.exclusive(async () => {
      for (let attempt = 1; ; attempt += 1) {
        const items = await this.storage.read([StatusOutbox.KEY]);
        const stored = items[StatusOutbox.KEY] as { notices?: PendingNotice[]; eTag?: string } | undefined;
        const notices = Array.isArray(stored?.notices) ? stored.notices : [];
        const { keep, result } = change(notices);
        if (keep.length === notices.length && keep.every((notice, index) => notice === notices[index])) {
          return result;
        }
        try {
          await this.storage.write({ [StatusOutbox.KEY]: { notices: keep, eTag: stored?.eTag ?? '*' } });
          return result;
        } catch (error) {
          if (attempt >= 5 || !isConflict(error)) throw error;
        }
      }
    });
  }
}

/** An eTag mismatch: LowdbStorage's and MemoryStorage's message, or Azure's 412 "condition not met". */
export function isConflict(error: unknown): boolean {
  const { statusCode, message } = (error ?? {}) as { statusCode?: unknown; message?: unknown };
  return statusCode === 412 || /etag|precondition|condition .*not met/i.test(String(message));
}
