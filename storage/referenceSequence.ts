import { Low } from 'lowdb';
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

/** Last sequence number used, per year: `{ "2026": 7 }`. */
type SequenceFile = Record<string, number>;

/**
 * The per-year counter behind references. Callers must hold the queue's lock: `next` is a read-modify-write.
 * A number is written before its file exists, so a crash leaves a gap, never a reused reference.
 */
export class ReferenceSequence {
  constructor(private readonly filePath: string) {}

  async next(year: number, isTaken: (reference: string) => Promise<boolean>): Promise<string> {
    const file = new Low<SequenceFile>(new AtomicJsonFile(this.filePath), {});
    await file.read();
    const counters = validated(file.data, this.filePath);
    let sequence = (counters[String(year)] ?? 0) + 1;
    // Defence if the counter file was restored from an older backup: never overwrite an existing file.
    while (await isTaken(formatReference(year, sequence))) sequence += 1;
    file.data = { ...counters, [String(year)]: sequence };
    await file.write();
    return formatReference(year, sequence);
  }
}

function validated(data: unknown, filePath: string): SequenceFile {
  const isValid =
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    Object.entries(data).every(([year, last]) => /^\d{4}$/.test(year) && Number.isInteger(last) && last >= 0);
  if (!isValid) throw new CorruptJsonFileError(filePath, new Error('expected { "<year>": <last sequence> }'));
  return data as SequenceFile;
}
