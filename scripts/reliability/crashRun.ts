import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { displayUserId } from '../../storage/displayUserId.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { Localizer } from '../../bot/i18n.js';
import {
  checkAcknowledgedAnswers,
  checkDataFiles,
  checkDocuments,
  committeeList,
  recordProblems,
} from './dataDirChecks.js';
import { ScriptedUploader } from './scriptedUploader.js';
import { applicantRows, PromptBook } from './promptBook.js';
import { ReliabilityFailure, ScriptedApplicant, type ServerTarget } from './scriptedApplicant.js';
import { SeededRandom } from './seededRandom.js';
import { PROJECT_ROOT, ServerProcess, serverEnv } from './serverProcess.js';

export interface CrashOptions {
  seed: number;
  kills: number;
  /** Conversations running at the same time; a finished one is replaced while kills remain. */
  conversations: number;
  /** A kill comes this long after the previous restart: a random moment in [min, max] ms. */
  minUptimeMs?: number;
  maxUptimeMs?: number;
  /**
   * Servers started ahead, warming up while the current one takes traffic (0: each starts after the kill).
   * Start-up touches no data of the others (only its own throwaway warm-up conversation), and a waiting server
   * has read nothing of the applicants' state when it takes over: it sees the data as the kill left it.
   */
  prewarm?: number;
  /** Web visitors sending documents with the paper clip at the same time (a kill falls mid-upload too). */
  uploaders?: number;
  /**
   * After the random kills, one kill at each of these journal points (storage/journal/journalFaults.ts): a batch
   * written but not yet synced, a compaction that wrote the per-key files but not yet deleted its segments.
   */
  faultPoints?: readonly string[];
  /** Kept for inspection instead of deleted. */
  keepDataDir?: boolean;
  log?: (line: string) => void;
}

export interface CrashFigures {
  seed: number;
  kills: number;
  /** Kills that landed at a journal fault point (each point once). */
  faultKills: number;
  conversations: number;
  submitted: number;
  turns: number;
  lostTurns: number;
  filesChecked: number;
  answersVerified: number;
  leftoverTempFiles: number;
  /** Documents the bot acknowledged in the chat, every one found whole after every kill. */
  documentsAcknowledged: number;
  /** Uploads a kill cut short (the request, the bot's turn or its reply). */
  uploadsCut: number;
  serverErrors: number;
  seconds: number;
  dataDir: string;
  failures: string[];
}

/** A copy of the programme settings with a call open whatever today's date, so submitting is always possible. */
function openCallSettings(folder: string): string {
  const settings = JSON.parse(
    fs.readFileSync(path.join(PROJECT_ROOT, 'programme/alize.settings.json'), 'utf8'),
  );
  settings.calls = [{ opensOn: '2000-01-01', closesOn: '2999-12-31' }];
  const file = path.join(folder, 'programme.json');
  fs.writeFileSync(file, JSON.stringify(settings));
  return file;
}

/** The journal's fault points (storage/journal/journalFaults.ts), one kill at each after the random ones. */
const FAULT_POINTS = ['before-fsync@40', 'compaction@1'] as const;

/** The server in service, the ones warming up, and the applicants waiting for the next one. */
class Fleet implements ServerTarget {
  private serving!: ServerProcess;
  private url = '';
  private generation = 0;
  private readonly standby: ServerProcess[] = [];
  private waiters: (() => void)[] = [];
  readonly all: ServerProcess[] = [];

  constructor(
    private readonly env: Record<string, string>,
    private readonly cwd: string,
    private readonly prewarm: number,
  ) {}

  current() {
    return { url: this.url, generation: this.generation };
  }

  after(generation: number): Promise<void> {
    if (this.generation > generation) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async promote(prewarm = this.prewarm): Promise<void> {
    this.serving = this.standby.shift() ?? this.spawn();
    const [url] = await Promise.all([this.serving.url, this.serving.ready]);
    while (this.standby.length < prewarm) this.standby.push(this.spawn());
    this.url = url;
    this.generation += 1;
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((wake) => wake());
  }

  kill(): Promise<void> {
    return this.serving.kill();
  }

  /**
   * A server that stops at a journal fault point the first time it reaches it, alone on the folder so that it
   * is the state's owner: the servers warming up are stopped first (a SIGKILL, like any other), and only then
   * is it started. Resolves once it is serving.
   */
  async promoteArmed(point: string): Promise<ServerProcess> {
    await Promise.all(this.standby.splice(0).map((server) => server.kill()));
    const armed = new ServerProcess({ ...this.env, ALIZE_JOURNAL_FAULT: point }, this.cwd);
    this.all.push(armed);
    this.standby.unshift(armed);
    await this.promote(0); // the next promote warms servers up again
    return armed;
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((server) => server.kill()));
  }

  private spawn(): ServerProcess {
    const server = new ServerProcess(this.env, this.cwd);
    this.all.push(server);
    return server;
  }
}

/**
 * The crash test: the real server on a temporary DATA_DIR, conversations applying over HTTP, SIGKILL at random
 * moments and a restart each time; after each kill every data file must parse and every acknowledged answer be
 * in the stored state; at the end every file is in the committee's list once, with what its applicant typed.
 */
export async function runCrashTest(options: CrashOptions): Promise<CrashFigures> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const random = new SeededRandom(options.seed);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-crash-'));
  const dataDir = path.join(root, 'data');
  const fleet = new Fleet(serverEnv(dataDir, openCallSettings(root)), root, options.prewarm ?? 2);
  const fr = new Localizer().language('fr');
  const figures: CrashFigures = {
    seed: options.seed,
    kills: 0,
    faultKills: 0,
    conversations: 0,
    submitted: 0,
    turns: 0,
    lostTurns: 0,
    filesChecked: 0,
    answersVerified: 0,
    leftoverTempFiles: 0,
    documentsAcknowledged: 0,
    uploadsCut: 0,
    serverErrors: 0,
    seconds: 0,
    dataDir,
    failures: [],
  };
  const applicants: ScriptedApplicant[] = [];
  const uploaders: ScriptedUploader[] = [];
  const running = new Set<Promise<void>>();
  let killing = true;
  const acknowledgedDocuments = (): string[] => uploaders.flatMap((uploader) => uploader.acknowledged);
  const upload = (): void => {
    const uploader = new ScriptedUploader(uploaders.length + 1, fleet, fr);
    uploaders.push(uploader);
    const run: Promise<void> = uploader
      .run()
      .catch((error: unknown) => {
        figures.failures.push(String(error instanceof Error ? error.message : error));
      })
      .finally(() => {
        running.delete(run);
        if (killing && figures.failures.length === 0) upload();
      });
    running.add(run);
  };
  const launch = (): void => {
    const n = applicants.length + 1;
    const applicant = new ScriptedApplicant(
      n,
      n % 2 === 0 ? 'eligibility' : 'apply',
      new PromptBook(applicantRows(n)),
      fleet,
      fr,
    );
    applicants.push(applicant);
    const run: Promise<void> = applicant
      .run()
      .catch((error: unknown) => {
        figures.failures.push(error instanceof ReliabilityFailure ? error.message : String(error));
      })
      .finally(() => {
        running.delete(run);
        if (killing && figures.failures.length === 0) launch();
      });
    running.add(run);
  };

  try {
    await fleet.promote();
    for (let i = 0; i < options.conversations; i += 1) launch();
    for (let i = 0; i < (options.uploaders ?? 2); i += 1) upload();
    const afterKill = async (kill: number | string): Promise<string> => {
      figures.kills += 1;
      const files = checkDataFiles(dataDir);
      const answers = await checkAcknowledgedAnswers(
        dataDir,
        applicants.map((a) => ({ userId: a.userId, prompts: a.acknowledgedApplicationPrompts() })),
      );
      figures.filesChecked += files.files;
      figures.answersVerified += answers.verified;
      figures.failures.push(...files.problems.map((p) => `after kill ${kill}: ${p}`));
      figures.failures.push(...answers.problems.map((p) => `after kill ${kill}: ${p}`));
      const documents = await checkDocuments(dataDir, acknowledgedDocuments());
      figures.failures.push(...documents.problems.map((p) => `after kill ${kill}: ${p}`));
      return (
        `${files.files} files parse, ${answers.verified} acknowledged answers in the state, ` +
        `${documents.documents} documents whole`
      );
    };
    for (let kill = 1; kill <= options.kills && figures.failures.length === 0; kill += 1) {
      await sleep(random.int(options.minUptimeMs ?? 150, options.maxUptimeMs ?? 1200));
      await fleet.kill();
      const checked = await afterKill(kill);
      const restart = performance.now();
      await fleet.promote();
      log(`kill ${kill}: ${checked}; restarted in ${Math.round(performance.now() - restart)} ms`);
    }
    for (const point of options.faultPoints ?? FAULT_POINTS) {
      if (figures.failures.length > 0) break;
      await fleet.kill();
      await afterKill(`before ${point}`);
      const armed = await fleet.promoteArmed(point);
      const reached = await Promise.race([armed.faultReached, sleep(30_000).then(() => undefined)]);
      if (reached !== point.split('@')[0]) {
        figures.failures.push(`the journal never reached its ${point} point`);
      }
      await fleet.kill();
      figures.faultKills += 1;
      const checked = await afterKill(point);
      await fleet.promote();
      log(`kill at the journal's ${point} point: ${checked}; restarted`);
    }
    killing = false;
    await Promise.all(running);
    if (figures.failures.length === 0) await finalChecks(dataDir, applicants, figures);
    const documents = await checkDocuments(dataDir, acknowledgedDocuments());
    figures.failures.push(...documents.problems);
  } finally {
    await fleet.stop();
    figures.serverErrors = fleet.all.reduce((sum, server) => sum + server.errorLines.length, 0);
    for (const server of fleet.all) {
      for (const line of server.errorLines)
        figures.failures.push(
          `server logged an error: ${line.event} ${line.msg}${line.code ? ` (${line.code})` : ''}` +
            (line.err ? ` [${line.err.type ?? 'error'}: ${(line.err.message ?? '').slice(0, 160)}]` : ''),
        );
    }
    figures.conversations = applicants.length;
    figures.turns = applicants.reduce((sum, a) => sum + a.turns, 0);
    figures.lostTurns = applicants.reduce((sum, a) => sum + a.lostTurns, 0);
    figures.documentsAcknowledged = acknowledgedDocuments().length;
    figures.uploadsCut = uploaders.reduce((sum, u) => sum + u.cut, 0);
    figures.seconds = Math.round((performance.now() - started) / 100) / 10;
    if (!options.keepDataDir && figures.failures.length === 0)
      fs.rmSync(root, { recursive: true, force: true });
  }
  return figures;
}

/** No file lost, none duplicated, none mixed; every conversation goes on. */
async function finalChecks(
  dataDir: string,
  applicants: ScriptedApplicant[],
  figures: CrashFigures,
): Promise<void> {
  const files = checkDataFiles(dataDir);
  figures.filesChecked += files.files;
  figures.leftoverTempFiles = files.leftovers;
  figures.failures.push(...files.problems);
  const records = committeeList(dataDir);
  figures.submitted = records.length;
  const references = records.map((record) => record.reference);
  if (new Set(references).size !== references.length) figures.failures.push('a reference is used twice');
  for (const applicant of applicants) {
    const mine = records.filter((record) => record.userId === displayUserId(applicant.userId));
    if (mine.length !== 1) {
      figures.failures.push(
        `conversation ${applicant.index} has ${mine.length} files in the committee's list`,
      );
      continue;
    }
    if (mine[0].reference !== applicant.reference) {
      figures.failures.push(
        `conversation ${applicant.index} was told ${applicant.reference}, the committee has ${String(mine[0].reference)}`,
      );
    }
    const rows = applicantRows(applicant.index).filter(([, , expected]) => expected !== undefined);
    const problems = recordProblems(mine[0], rows);
    figures.failures.push(...problems);
    figures.answersVerified += rows.length - problems.length;
  }
  if (records.length !== applicants.length) {
    figures.failures.push(`${records.length} files for ${applicants.length} conversations`);
  }
  const goOn = await Promise.allSettled(applicants.map((applicant) => applicant.continueAfterwards()));
  for (const outcome of goOn) {
    if (outcome.status === 'rejected') figures.failures.push(String((outcome.reason as Error).message));
  }
}
