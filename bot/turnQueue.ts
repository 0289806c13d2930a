/**
 * An in-process lock over several keys at once: a task runs when it holds every one of its keys, so two turns
 * that touch the same conversation or the same user never run together, while unrelated turns do. Keys are
 * taken in sorted order, so two tasks wanting {a, b} and {b, a} cannot wait for each other forever. Idle keys
 * are forgotten: memory grows with the turns in flight, not with the conversations ever seen.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const releases: (() => void)[] = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await this.acquire(key));
      return await task();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  /** Keys held or waited for right now (for tests and figures). */
  get busyKeys(): number {
    return this.tails.size;
  }

  private async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => held);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}
