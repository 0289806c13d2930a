import { mergeCounts, isEmptyCounts, type FunnelCounts, type FunnelStore } from './funnelStore.js';

/** How long counts wait in memory before they are written (a crash loses at most this much counting). */
export const FUNNEL_FLUSH_MS = 5_000;

export interface FunnelBatchOptions {
  everyMs?: number;
  /** A flush failed; its counts are kept for the next one. Never personal data (there is none here). */
  onError?: (error: unknown) => void;
}

/**
 * Counts kept in memory and written together every few seconds and at shutdown: never a write per turn (a
 * lowdb file rewritten or an Azure entity merged at every message would cost more than the turn). A crash loses
 * the counts of the last few seconds at most: acceptable for statistics, which are not a record of anything.
 */
export class FunnelBatch {
  private pending: FunnelCounts = {};
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly store: FunnelStore,
    private readonly options: FunnelBatchOptions = {},
  ) {}

  /** One more conversation reached each of these steps this month. */
  count(month: string, steps: readonly string[]): void {
    if (steps.length === 0) return;
    mergeCounts(this.pending, { [month]: Object.fromEntries(steps.map((step) => [step, 1])) });
    this.schedule();
  }

  /** Writes what is pending (one flush at a time); a failure keeps the counts for the next flush. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      const batch = this.pending;
      this.pending = {};
      if (isEmptyCounts(batch)) return;
      try {
        await this.store.add(batch);
      } catch (error) {
        mergeCounts(this.pending, batch);
        this.options.onError?.(error);
        this.schedule();
      }
    });
    return this.writing;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => void this.flush(), this.options.everyMs ?? FUNNEL_FLUSH_MS);
    // A pending flush never keeps a process (the CLI, a test) alive: close() writes what is left.
    this.timer.unref();
  }

  /** At shutdown: no more timer, and what is pending written. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
