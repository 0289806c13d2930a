import {
  calculateChangeHash,
  type BotState,
  type Storage,
  type StoreItem,
  type TurnContext,
} from 'botbuilder';

/** A state as a turn read it: what it looked like, so only changes are written, and only over that version. */
interface ReadState {
  state: BotState;
  storage: Storage;
  key: string;
  /** The stored version read; undefined when nothing was stored yet. */
  eTag: string | undefined;
  hash: string;
  /** The state as read, to put it back if the turn cannot be committed whole. */
  original: string;
}

export type CommitOutcome = 'saved' | 'unchanged' | 'conflict';

/** BotState keeps its storage to itself; the turn's commit needs it to write with the eTag it read. */
const storageOf = (state: BotState): Storage => (state as unknown as { storage: Storage }).storage;

type KeyedState = BotState & { getStorageKey(context: TurnContext): string | undefined };

/** Errors by which a store says "this item changed since you read it" (lowdb, MemoryStorage, Azure Blobs). */
export function isETagConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { message, statusCode, code } = error as { message?: unknown; statusCode?: unknown; code?: unknown };
  return (
    (typeof message === 'string' && /eTag conflict/i.test(message)) ||
    statusCode === 412 ||
    code === 'ConditionNotMet'
  );
}

/**
 * The end-of-turn write of conversation and user state as one unit, with optimistic concurrency.
 * botbuilder's own `saveChanges` writes with eTag "*" (last writer wins, a concurrent turn's answer silently
 * lost); here each state is written with the eTag the turn read, in the order given (user state first: a crash
 * between the two writes leaves the answer recorded and the conversation still on that question, so answering
 * again is harmless). If another writer got there first, what this turn already wrote is put back and the
 * outcome is 'conflict': the caller refuses the turn instead of leaving it half applied.
 */
export class TurnStateCommit {
  private constructor(private readonly reads: ReadState[]) {}

  /** Reads the states at the start of the turn (the turn would read them anyway). */
  static async begin(context: TurnContext, states: readonly KeyedState[]): Promise<TurnStateCommit> {
    const reads: ReadState[] = [];
    for (const state of states) {
      const key = state.getStorageKey(context);
      if (!key) continue;
      const item = (await state.load(context)) as StoreItem;
      const eTag = typeof item.eTag === 'string' && item.eTag !== '*' ? item.eTag : undefined;
      reads.push({
        state,
        storage: storageOf(state),
        key,
        eTag,
        hash: calculateChangeHash(item),
        original: JSON.stringify(item),
      });
    }
    return new TurnStateCommit(reads);
  }

  /** Keys this turn reads and writes: what two turns must not hold at the same time. */
  static keysOf(context: TurnContext, states: readonly KeyedState[]): string[] {
    return states.map((state) => state.getStorageKey(context)).filter((key): key is string => !!key);
  }

  async commit(context: TurnContext): Promise<CommitOutcome> {
    const changed = this.reads.filter((read) => {
      const current = read.state.get(context);
      return current !== undefined && calculateChangeHash(current) !== read.hash;
    });
    const written: { read: ReadState; item: StoreItem }[] = [];
    for (const read of changed) {
      const item = { ...(read.state.get(context) as StoreItem), eTag: read.eTag ?? '*' };
      try {
        await read.storage.write({ [read.key]: item });
      } catch (error) {
        if (!isETagConflict(error)) throw error;
        await this.putBack(written);
        return 'conflict';
      }
      written.push({ read, item });
    }
    return changed.length > 0 ? 'saved' : 'unchanged';
  }

  /** Puts back what this turn wrote, unless someone else has changed it since (then theirs stays). */
  private async putBack(written: { read: ReadState; item: StoreItem }[]): Promise<void> {
    for (const { read, item } of written.reverse()) {
      const stored = (await read.storage.read([read.key]))[read.key] as StoreItem | undefined;
      if (!stored || calculateChangeHash(stored) !== calculateChangeHash(item)) continue;
      const original = JSON.parse(read.original) as StoreItem;
      try {
        await read.storage.write({ [read.key]: { ...original, eTag: stored.eTag } });
      } catch (error) {
        if (!isETagConflict(error)) throw error;
      }
    }
  }
}
