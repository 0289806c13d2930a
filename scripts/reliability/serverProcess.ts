import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, three levels above this compiled file (dist/scripts/reliability/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SERVER_ENTRY = path.join(PROJECT_ROOT, 'dist/bot/index.js');
export const COMMITTEE_CLI = path.join(PROJECT_ROOT, 'dist/committee/committeeCli.js');

/** A pino line the server wrote at level error or above. */
export interface ErrorLine {
  event?: string;
  msg?: string;
  err?: { type?: string; message?: string };
  /** The error's code or name, where the log line gives one (never a message: it may hold personal data). */
  code?: string;
}

/**
 * Environment of a server under test: its own data folder and settings, no rate limit (one client drives
 * every conversation), no identity, the lowdb back end, info logs (the 'listening' and 'ready' lines).
 */
export function serverEnv(dataDir: string, programmeFile: string, extra: Record<string, string> = {}) {
  return {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PROGRAMME_FILE: programmeFile,
    LOG_LEVEL: 'info',
    STORAGE: 'lowdb',
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    DIRECT_LINE_SECRET: '',
    COMMITTEE_TOKEN: '',
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0',
    // The scripted applicants answer the questions: never the real company register.
    COMPANY_LOOKUP: 'off',
    ...extra,
  };
}

/**
 * The real server (`node dist/bot/index.js`) as a child process: its URL from the 'listening' log line, ready
 * once it logs 'ready', and its error lines kept for the checks. `kill()` is SIGKILL: no clean-up of any kind.
 */
export class ServerProcess {
  readonly url: Promise<string>;
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly errorLines: ErrorLine[] = [];
  /** Resolves with the journal's fault point once the server says it stopped there (ALIZE_JOURNAL_FAULT). */
  readonly faultReached: Promise<string>;
  /** Every line of stdout, when asked for (the logs test reads them). */
  readonly lines: string[] = [];
  private readonly child: ChildProcess;
  private killed = false;

  constructor(env: Record<string, string>, cwd: string, keepLines = false) {
    fs.mkdirSync(cwd, { recursive: true });
    this.child = spawn(process.execPath, [SERVER_ENTRY], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    let resolveUrl!: (url: string) => void;
    let resolveReady!: () => void;
    this.url = new Promise((resolve) => {
      resolveUrl = resolve;
    });
    this.ready = new Promise((resolve, reject) => {
      resolveReady = resolve;
      void this.exited.then(({ code, signal }) =>
        reject(new Error(`the server exited before it was ready (code ${code}, signal ${signal})`)),
      );
    });
    this.ready.catch(() => undefined);
    let pending = '';
    this.child.stdout?.setEncoding('utf8');
    this.child.stdout?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (keepLines) this.lines.push(line);
        const entry = parseLine(line);
        if (!entry) continue;
        if (entry.event === 'listening' && typeof entry.url === 'string') resolveUrl(entry.url);
        if (entry.event === 'ready') resolveReady();
        if (typeof entry.level === 'number' && entry.level >= 50) this.errorLines.push(entry as ErrorLine);
      }
    });
    // Node's deprecation warnings go to stderr, and the journal's fault point: read it so the pipe never fills up.
    let resolveFault!: (point: string) => void;
    this.faultReached = new Promise((resolve) => {
      resolveFault = resolve;
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      const point = /journal-fault:([a-z-]+)/.exec(chunk)?.[1];
      if (point) resolveFault(point);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get wasKilled(): boolean {
    return this.killed;
  }

  async kill(): Promise<void> {
    this.killed = true;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}

function parseLine(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}
