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

/**
 * A read, then a write with the eTag read (retried on a conflict), inside `exclusive`: another instance or the
 * CLI changing the same list at the same time never loses a change. Nothing is written when nothing changed.
 */
export function updateStoredList<T, R>(
  storage: Storage,
  key: string,
  field: string,
  exclusive: Exclusive,
  change: (items: T[]) => { keep: T[]; result: R },
): Promise<R> {
  return exclusive(async () => {
    for (let attempt = 1; ; attempt += 1) {
      const stored = (await storage.read([key]))[key] as Record<string, unknown> | undefined;
      const raw = stored?.[field];
      const items = Array.isArray(raw) ? (raw as T[]) : [];
      const { keep, result } = change(items);
      if (keep.length === items.length && keep.every((item, index) => item === items[index])) return result;
      try {
        await storage.write({ [key]: { [field]: keep, eTag: (stored?.eTag as string | undefined) ?? '*' } });
        return result;
      } catch (error) {
        if (attempt >= 5 || !isConflict(error)) throw error;
      }
    }
  });
}
