import type { StoredApplication } from './applicationQueue.js';
import { AtomicJsonFile, CorruptJsonFileError } from './atomicJsonFile.js';

const REFERENCE_PREFIX = 'ALZ';
const REFERENCE_PATTERN = /^ALZ-(\d{4})-(\d{4,})$/;
// The programme is run from France: a file sent on 31 December at 23:30 in Alès belongs to that year.
const REFERENCE_TIME_ZONE = 'Europe/Paris';
const yearFormat = new Intl.DateTimeFormat('en-US', { timeZone: REFERENCE_TIME_ZONE, year: 'numeric' });

export interface ParsedReference {
  year: number;
  sequence: number;
}

export function formatReference(year: number, sequence: number): string {
  return `${REFERENCE_PREFIX}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Only the canonical spelling parses (so `ALZ-2026-07` or `../x` can never name a file). */
export function parseReference(reference: string): ParsedReference | undefined {
  const match = REFERENCE_PATTERN.exec(reference);
  if (!match) return undefined;
  const parsed = { year: Number(match[1]), sequence: Number(match[2]) };
  if (parsed.sequence < 1 || formatReference(parsed.year, parsed.sequence) !== reference) return undefined;
  return parsed;
}

export function compareReferences(a: string, b: string): number {
  const left = parseReference(a);
  const right = parseReference(b);
  if (!left || !right) return a.localeCompare(b);
  return left.year - right.year || left.sequence - right.sequence;
}

export function submissionYear(date: Date): number {
  return Number(yearFormat.format(date));
}

/**
 * A submission whose number is issued but whose files may not be written yet: the key, the reference and the
 * whole file as it will be stored. It holds the applicant's personal data, so it lives in `sequence.json` only
 * while its batch is being written (the batch clears it before answering), or, after a crash in that window,
 * until the next writer (a submission, a change, a `list` once the lock would be stale) completes its files.
 */
export interface PendingSubmission {
  key: string;
  reference: string;
  application: StoredApplication;
}

/**
 * `sequence.json`: the last sequence number used per year and the batch being written,
 * `{ "2026": 12, "pending": [{ "key", "reference", "application" }] }`; `pending` is absent when empty, so the
 * file reads as it always has (`{ "2026": 12 }`, which is still read).
 */
export interface SequenceState {
  counters: Record<string, number>;
  pending: PendingSubmission[];
}

const SHAPE = 'expected { "<year>": <last sequence>, "pending"?: [{ key, reference, application }] }';

/** The state in a parsed `sequence.json`. @throws CorruptJsonFileError */
export function parseSequenceFile(data: unknown, filePath: string): SequenceState {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CorruptJsonFileError(filePath, new Error(SHAPE));
  }
  const { pending = [], ...counters } = data as Record<string, unknown>;
  const countersValid = Object.entries(counters).every(
    ([year, last]) => /^\d{4}$/.test(year) && Number.isInteger(last) && (last as number) >= 0,
  );
  if (!countersValid || !Array.isArray(pending) || !pending.every(isPendingSubmission)) {
    throw new CorruptJsonFileError(filePath, new Error(SHAPE));
  }
  return { counters: counters as Record<string, number>, pending };
}

function isPendingSubmission(value: unknown): value is PendingSubmission {
  if (typeof value !== 'object' || value === null) return false;
  const { key, reference, application } = value as Partial<PendingSubmission>;
  return (
    typeof key === 'string' &&
    typeof reference === 'string' &&
    parseReference(reference) !== undefined &&
    typeof application === 'object' &&
    application !== null &&
    application.reference === reference
  );
}

/**
 * The per-year counter behind references, with the intents of the batch being written. Callers must hold the
 * queue's lock to write: a batch reads the state, issues numbers and writes them with their intents in one
 * atomic file, so a number is never issued without the submission it belongs to.
 */
export class ReferenceSequence {
  constructor(readonly filePath: string) {}

  /** Without the lock it may show a batch being written (its files appear in a moment). */
  async read(): Promise<SequenceState> {
    const data = await new AtomicJsonFile<unknown>(this.filePath).read();
    return data === null ? { counters: {}, pending: [] } : parseSequenceFile(data, this.filePath);
  }

  async write(state: SequenceState): Promise<void> {
    const data = state.pending.length > 0 ? { ...state.counters, pending: state.pending } : state.counters;
    await new AtomicJsonFile<unknown>(this.filePath).write(data);
  }
}

/** The next free reference of the year (counted in `counters`): the next number, or later if a file has it. */
export async function nextReference(
  counters: Record<string, number>,
  year: number,
  isTaken: (reference: string) => Promise<boolean>,
): Promise<string> {
  let sequence = (counters[String(year)] ?? 0) + 1;
  // Defence if the counter file was restored from an older backup: never overwrite an existing file.
  while (await isTaken(formatReference(year, sequence))) sequence += 1;
  counters[String(year)] = sequence;
  return formatReference(year, sequence);
}
