/**
 * Runs tasks one after another per key (different keys run in parallel). Used so that a read-check-write on one
 * file or storage key is never interleaved with another one in the same process.
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(() => task());
    // A failed task must not block the next one, so the chain itself never rejects.
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget idle keys so the map does not grow with every key ever used.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  get pendingKeys(): number {
    return this.tails.size;
  }
}
