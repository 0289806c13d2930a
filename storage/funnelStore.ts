import { isFunnelMonth, isFunnelStep } from '../dialogs/domain/funnelSteps.js';

/**
 * Anonymous counts of the funnel by month (`2026-11`) and step (`check.question.commune`): how many conversations
 * reached each step. No user id, no conversation id, no answer, no time finer than the month: nothing personal,
 * so neither erasure nor retention has anything to do here.
 */
export type FunnelCounts = Record<string, Record<string, number>>;

/** Where the counts are kept (a lowdb file, an Azure table). Writes are batched by FunnelBatch. */
export interface FunnelStore {
  /** Adds these counts to the stored ones (merged, never replaced). */
  add(counts: FunnelCounts): Promise<void>;
  read(): Promise<FunnelCounts>;
}

/** Adds `more` into `into` (changes `into`); steps or months that do not look like ours are ignored. */
export function mergeCounts(into: FunnelCounts, more: FunnelCounts): FunnelCounts {
  for (const [month, steps] of Object.entries(more)) {
    if (!isFunnelMonth(month) || typeof steps !== 'object' || steps === null) continue;
    for (const [step, count] of Object.entries(steps)) {
      if (!isFunnelStep(step) || !Number.isSafeInteger(count) || count <= 0) continue;
      const row = (into[month] ??= {});
      row[step] = (row[step] ?? 0) + count;
    }
  }
  return into;
}

/** Every step's count summed over the months. */
export function totalCounts(
  counts: FunnelCounts,
  months?: (month: string) => boolean,
): Record<string, number> {
  const total: Record<string, number> = {};
  for (const [month, steps] of Object.entries(counts)) {
    if (months && !months(month)) continue;
    for (const [step, count] of Object.entries(steps)) total[step] = (total[step] ?? 0) + count;
  }
  return total;
}

export const isEmptyCounts = (counts: FunnelCounts): boolean =>
  Object.values(counts).every((steps) => Object.keys(steps).length === 0);
