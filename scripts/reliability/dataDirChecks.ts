import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { storedValues } from '../../dialogs/domain/applicationForm.js';
import type { Answers } from '../../dialogs/questionnaire/question.js';
import type { UserProfile } from '../../dialogs/userProfile.js';
import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import { decodeJournalLine } from '../../storage/journal/journalLog.js';
import { LowdbStorage } from '../../storage/lowdbStorage.js';
import type { Prompt } from './promptBook.js';
import { COMMITTEE_CLI } from './serverProcess.js';

export interface FileCheck {
  /** JSON files read and parsed. */
  files: number;
  /** Temporary files of writes interrupted by a kill (never read by the bot). */
  leftovers: number;
  problems: string[];
}

/** Files the bot writes aside before a rename, lock drafts and lock files: not data, never read. */
const NOT_DATA = /\.(tmp|draft|stale)$|^\.lock$|^journal\.owner\.lock$/;
const JOURNAL_SEGMENT = /^journal-\d+\.log$/;

/** Every data file under DATA_DIR must parse as JSON: a torn write would not. */
export function checkDataFiles(dataDir: string): FileCheck {
  const check: FileCheck = { files: 0, leftovers: 0, problems: [] };
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isSocket())
        continue; // the state owner's socket (storage/journal/stateAccess.ts)
      else if (NOT_DATA.test(entry.name)) check.leftovers += 1;
      else if (JOURNAL_SEGMENT.test(entry.name)) {
        check.files += 1;
        check.problems.push(...journalProblems(dataDir, full));
      } else if (entry.name.endsWith('.json')) {
        let text: string;
        try {
          text = fs.readFileSync(full, 'utf8');
        } catch (error) {
          // Deleted since the listing (a server's throwaway warm-up conversation): nothing to check.
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw error;
        }
        check.files += 1;
        try {
          JSON.parse(text);
        } catch (error) {
          check.problems.push(`${path.relative(dataDir, full)} does not parse: ${(error as Error).message}`);
        }
      } else if (!isDocumentBytes(dataDir, full)) {
        check.problems.push(`unexpected file ${path.relative(dataDir, full)}`);
      }
    }
  };
  if (fs.existsSync(dataDir)) walk(dataDir);
  return check;
}

/**
 * A journal segment: every batch whole (its checksum matches), except that the last may be cut short by the
 * kill (its writer was never told it was saved; recovery drops it). A segment may vanish while read (compacted).
 */
function journalProblems(dataDir: string, file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n');
  lines.pop(); // after the last newline: empty, or the batch the kill cut short
  return lines
    .map((line, index) => (decodeJournalLine(line) === undefined ? index : -1))
    .filter((index) => index >= 0)
    .map((index) => `${path.relative(dataDir, file)}: batch ${index + 1} is damaged`);
}

/** A supporting document's bytes (`documents/<owner>/<id>.pdf`): checked against its description below. */
function isDocumentBytes(dataDir: string, file: string): boolean {
  const relative = path.relative(path.join(dataDir, 'documents'), file).split(path.sep);
  return relative.length === 2 && relative[0] !== '..' && /^[a-f0-9]{32}\.(pdf|jpg|png)$/.test(relative[1]!);
}

/**
 * Every listed document is whole (its bytes have the size and sha256 of its description), none is listed twice,
 * and every document the bot acknowledged in the chat is listed: a kill mid-upload leaves at most a temporary
 * file that nobody lists.
 */
export async function checkDocuments(
  dataDir: string,
  acknowledged: readonly string[],
): Promise<{ documents: number; problems: string[] }> {
  const root = path.join(dataDir, 'documents');
  const store = new LowdbDocumentStore(root);
  const problems: string[] = [];
  const listed = new Map<string, number>();
  const owners = fs.existsSync(root) ? fs.readdirSync(root) : [];
  for (const owner of owners) {
    for (const document of await store.list(owner)) {
      const read = await store.read(owner, document.id);
      const sha256 = read ? createHash('sha256').update(read.bytes).digest('hex') : undefined;
      if (!read || read.bytes.length !== document.size || sha256 !== document.sha256) {
        problems.push(`documents/${owner}/${document.id} is listed but its bytes are not whole`);
      }
      listed.set(document.sha256, (listed.get(document.sha256) ?? 0) + 1);
    }
  }
  for (const sha256 of acknowledged) {
    const times = listed.get(sha256) ?? 0;
    if (times !== 1)
      problems.push(`an acknowledged document (sha256 ${sha256.slice(0, 12)}…) is listed ${times} times`);
  }
  return { documents: [...listed.values()].reduce((sum, n) => sum + n, 0), problems };
}

/** What one applicant's acknowledged answers must look like in the stored user state. */
export interface AnswerExpectation {
  userId: string;
  prompts: Prompt[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads the user state as the next server would (LowdbStorage read only, no cache: the journal the kill left
 * replayed over the per-key files, or through the state's owner if a server already took over) and checks that
 * each acknowledged answer is there with the value it stored, unless the file was already submitted (then the
 * queue is checked).
 */
export async function checkAcknowledgedAnswers(
  dataDir: string,
  expectations: AnswerExpectation[],
): Promise<{ verified: number; problems: string[] }> {
  const storage = new LowdbStorage({ dir: path.join(dataDir, 'state'), cacheSize: 0, readOnly: true });
  try {
    return await checkAnswers(storage, expectations);
  } finally {
    await storage.close();
  }
}

async function checkAnswers(
  storage: LowdbStorage,
  expectations: AnswerExpectation[],
): Promise<{ verified: number; problems: string[] }> {
  let verified = 0;
  const problems: string[] = [];
  for (const { userId, prompts } of expectations) {
    if (prompts.length === 0) continue;
    // UserState's key for the emulator channel (its namespace is empty, hence the final slash).
    const key = `emulator/users/${userId}/`;
    const item = (await storage.read([key]))[key] as { profile?: UserProfile } | undefined;
    const profile = item?.profile;
    if (!profile?.application) {
      if ((profile?.submitted ?? []).length > 0) continue;
      problems.push(`${userId}: ${prompts.length} acknowledged answers but no draft in the stored state`);
      continue;
    }
    const answers = profile.application.answers as Answers;
    const values = storedValues(answers);
    for (const prompt of prompts) {
      for (const [field, expected] of prompt.expected) {
        const actual = expected === undefined ? answers[field] : values[field];
        const ok = expected === undefined ? actual !== undefined : same(actual, expected);
        if (ok) verified += 1;
        else
          problems.push(`${userId}: acknowledged ${field} is ${JSON.stringify(actual)} in the stored state`);
      }
    }
  }
  return { verified, problems };
}

/** `committee list --json`, run as the committee runs it. */
export function committeeList(dataDir: string): Record<string, unknown>[] {
  const result = spawnSync(process.execPath, [COMMITTEE_CLI, 'list', '--json'], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, STORAGE: 'lowdb' },
    cwd: path.dirname(dataDir),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`committee list failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>[];
}

/** Compares a committee record with the values an applicant typed (DOMAIN.md keys). */
export function recordProblems(record: Record<string, unknown>, rows: [string, string, unknown][]): string[] {
  return rows
    .filter(([, , expected]) => expected !== undefined)
    .filter(([, key, expected]) => !same(record[key], expected))
    .map(
      ([, key, expected]) =>
        `${record.reference}: ${key} is ${JSON.stringify(record[key])}, typed ${JSON.stringify(expected)}`,
    );
}
