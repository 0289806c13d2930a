import type { Storage } from 'botbuilder';
import { isConflict } from './statusOutbox.js';

/** Runs a task alone: a file lock for lowdb (shared with the committee CLI), or nothing (the eTag suffices). */
export type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

export const runAlone: Exclusive = (task) => task();

/** The items of a list kept under one storage key, `{ [field]: T[] }`. */
export async function readStoredList<T>(storage: Storage, key: string, field: string): Promise<T[]> {
  const stored = (await storage.read([key]))[key] as Record<string, unknown> | undefined;
  const items = stored?.[field];
  return Array.isArray(items) ? (items as T[]) : [];
}

type ListChange<T, R> = (items: T[]) => { keep: T[]; result: R };

interface WaitingChange {
  change: ListChange<unknown, unknown>;
  exclusive: Exclusive;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/** The changes waiting for each list of each storage, in this process. */
const waitingByStorage = new WeakMap<Storage, Map<string, { waiting: WaitingChange[]; draining: boolean }>>();

/**
 * A read, then a write with the eTag read (retried on a conflict), inside `exclusive`: another instance or the
 * CLI changing the same list at the same time never loses a change. Nothing is written when nothing changed.
 * Group-committed: the changes asked for while the list is being written are applied together, in the order
 * asked, with one turn of `exclusive`, one read and one write (64 receipts queued at the same moment are not 64
 * turns of the outbox lock). Changes to one list are expected to share one `exclusive` (the list's own lock);
 * the first waiting change's is used for the batch.
 */
export function updateStoredList<T, R>(
  storage: Storage,
  key: string,
  field: string,
  exclusive: Exclusive,
  change: ListChange<T, R>,
): Promise<R> {
  let lists = waitingByStorage.get(storage);
  if (!lists) waitingByStorage.set(storage, (lists = new Map()));
  const listKey = `${field} ${key}`;
  let list = lists.get(listKey);
  if (!list) lists.set(listKey, (list = { waiting: [], draining: false }));
  const queued = list;
  return new Promise<R>((resolve, reject) => {
    queued.waiting.push({
      change: change as ListChange<unknown, unknown>,
      exclusive,
      resolve: resolve as (result: unknown) => void,
      reject,
    });
    if (!queued.draining) void drain(storage, key, field, queued);
  });
}

async function drain(
  storage: Storage,
  key: string,
  field: string,
  list: { waiting: WaitingChange[]; draining: boolean },
): Promise<void> {
  list.draining = true;
  try {
    while (list.waiting.length > 0) {
      const exclusive = list.waiting[0].exclusive;
      let batch: WaitingChange[] = [];
      try {
        const answer = await exclusive(() => {
          batch = list.waiting.splice(0); // everyone who asked while the lock was awaited
          return applyChanges(storage, key, field, batch);
        });
        answer();
      } catch (error) {
        if (batch.length === 0) batch = list.waiting.splice(0);
        for (const waiting of batch) waiting.reject(error);
      }
    }
  } finally {
    list.draining = false;
  }
}

/** Applies the batch's changes in turn to one read of the list, writes once; returns what answers them. */
async function applyChanges(
  storage: Storage,
  key: string,
  field: string,
  batch: WaitingChange[],
): Promise<() => void> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = (await storage.read([key]))[key] as Record<string, unknown> | undefined;
    const raw = stored?.[field];
    const items: unknown[] = Array.isArray(raw) ? (raw as unknown[]) : [];
    let current = items;
    const outcomes = batch.map((waiting) => {
      try {
        const { keep, result } = waiting.change(current);
        current = keep;
        return { result };
      } catch (error) {
        return { error }; // this change alone fails; the others are written
      }
    });
    const answer = () =>
      batch.forEach((waiting, index) => {
        const outcome = outcomes[index];
        if ('error' in outcome) waiting.reject(outcome.error);
        else waiting.resolve(outcome.result);
      });
    if (current.length === items.length && current.every((item, index) => item === items[index]))
      return answer;
    try {
      await storage.write({ [key]: { [field]: current, eTag: (stored?.eTag as string | undefined) ?? '*' } });
      return answer;
    } catch (error) {
      if (attempt >= 5 || !isConflict(error)) throw error;
    }
  }
}
