import { type BotState, type Storage, type StoreItem, type TurnContext } from 'botbuilder';
import { canWriteAtomically, storedJsonOf, withKnownJson } from '../storage/lowdbStorage.js';

/** A state as a turn read it: what it looked like, so only changes are written, and only over that version. */
interface ReadState {
  state: BotState;
  storage: Storage;
  key: string;
  /** The stored version read; undefined when nothing was stored yet. */
  eTag: string | undefined;
  /** The state as read, without its eTag, as JSON: what a change is told by, and what is put back on conflict. */
  original: string;
}

/** A state's JSON without its eTag: two states are the same when these are equal. */
function contentOf(item: StoreItem): string {
  const rest: StoreItem = { ...item };
  delete rest.eTag;
  return JSON.stringify(rest);
}

export type CommitOutcome = 'saved' | 'unchanged' | 'conflict';

/** BotState keeps its storage to itself; the turn's commit needs it to write with the eTag it read. */
const storageOf = (state: BotState): Storage => (state as unknown as { storage: Storage }).storage;

/** Where a BotState keeps the turn's copy of its state in the turn state (botbuilder's `{ state, hash }`). */
const turnCacheKeyOf = (state: BotState): symbol => (state as unknown as { stateKey: symbol }).stateKey;

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

  /**
   * Reads the states at the start of the turn (the turn would read them anyway), all keys of one store in one
   * read, and hands them to their BotState as its turn cache. botbuilder's own `load` would also hash each state
   * (a full stringify and a SHA-256) for a `saveChanges` this bot never calls without `force`: this commit
   * tells a change by comparing the state's JSON instead.
   */
  static async begin(context: TurnContext, states: readonly KeyedState[]): Promise<TurnStateCommit> {
    const keyed = states
      .map((state) => ({ state, key: state.getStorageKey(context), storage: storageOf(state) }))
      .filter((entry): entry is { state: KeyedState; key: string; storage: Storage } => !!entry.key);
    const stores = [...new Set(keyed.map((entry) => entry.storage))];
    const found = await Promise.all(
      stores.map((storage) =>
        storage.read(keyed.filter((entry) => entry.storage === storage).map((entry) => entry.key)),
      ),
    );
    const reads: ReadState[] = keyed.map(({ state, key, storage }) => {
      const item = (found[stores.indexOf(storage)]![key] as StoreItem | undefined) ?? {};
      context.turnState.set(turnCacheKeyOf(state), { state: item, hash: '' });
      const eTag = typeof item.eTag === 'string' && item.eTag !== '*' ? item.eTag : undefined;
      return { state, storage, key, eTag, original: storedJsonOf(item) ?? contentOf(item) };
    });
    return new TurnStateCommit(reads);
  }

  /** Keys this turn reads and writes: what two turns must not hold at the same time. */
  static keysOf(context: TurnContext, states: readonly KeyedState[]): string[] {
    return states.map((state) => state.getStorageKey(context)).filter((key): key is string => !!key);
  }

  async commit(context: TurnContext): Promise<CommitOutcome> {
    const changed: { read: ReadState; item: StoreItem; json: string }[] = [];
    for (const read of this.reads) {
      const current = read.state.get(context) as StoreItem | undefined;
      if (current === undefined) continue;
      const json = contentOf(current);
      if (json === read.original) continue;
      // The store writes the text just made rather than serialising the state again.
      changed.push({ read, item: withKnownJson({ ...current, eTag: read.eTag ?? '*' }, json), json });
    }
    if (changed.length === 0) return 'unchanged';
    const storage = changed[0]!.read.storage;
    if (changed.length > 1 && changed.every((change) => change.read.storage === storage)) {
      // One store that writes several keys as one unit: both states or neither, in one durable batch.
      if (canWriteAtomically(storage)) {
        try {
          await storage.writeAtomically(
            Object.fromEntries(changed.map((change) => [change.read.key, change.item])),
          );
          return 'saved';
        } catch (error) {
          if (isETagConflict(error)) return 'conflict';
          throw error;
        }
      }
    }
    const written: { read: ReadState; item: StoreItem }[] = [];
    for (const { read, item } of changed) {
      try {
        await read.storage.write({ [read.key]: item });
      } catch (error) {
        if (!isETagConflict(error)) throw error;
        await this.putBack(written);
        return 'conflict';
      }
      written.push({ read, item });
    }
    return 'saved';
  }

  /** Puts back what this turn wrote, unless someone else has changed it since (then theirs stays). */
  private async putBack(written: { read: ReadState; item: StoreItem }[]): Promise<void> {
    for (const { read, item } of written.reverse()) {
      const stored = (await read.storage.read([read.key]))[read.key] as StoreItem | undefined;
      if (!stored || contentOf(stored) !== contentOf(item)) continue;
      const original = JSON.parse(read.original) as StoreItem;
      try {
        await read.storage.write({ [read.key]: { ...original, eTag: stored.eTag } });
      } catch (error) {
        if (!isETagConflict(error)) throw error;
      }
    }
  }
}
