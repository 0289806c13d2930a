import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { isErrnoException } from './atomicJsonFile.js';
import { KeyedSerialQueue } from './keyedSerialQueue.js';

export interface FileLockOptions {
  /** A lock older than this is taken to be left over by a crash (default 30 s). */
  staleMs?: number;
  /** Give up waiting after this long (default 15 s). */
  timeoutMs?: number;
}

/** What the lock file says about its holder. */
export interface LockOwner {
  pid: number;
  hostname: string;
  acquiredAt: string;
  token: string;
}

export class LockTimeoutError extends Error {
  constructor(readonly lockPath: string) {
    super(`Timed out waiting for the lock "${lockPath}"`);
    this.name = 'LockTimeoutError';
  }
}

export const DEFAULT_STALE_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 15_000;
const FIRST_BACKOFF_MS = 5;
const MAX_BACKOFF_MS = 100;

// One queue for the whole process: two queue objects on the same folder must not race for the file lock.
const holdersInThisProcess = new KeyedSerialQueue();

/**
 * Runs `task` while holding `lockPath`, excluding other tasks of this process and other processes (the bot server,
 * the committee CLI). The lock is a file created atomically holding pid, host and time.
 */
export function withFileLock<T>(
  lockPath: string,
  task: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  return holdersInThisProcess.run(lockPath, async () => {
    const owner = await acquire(lockPath, options);
    try {
      return await task();
    } finally {
      await release(lockPath, owner);
    }
  });
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<LockOwner> {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    acquiredAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  await sweepLeftovers(lockPath, staleMs);
  let backoff = FIRST_BACKOFF_MS;
  for (;;) {
    owner.acquiredAt = new Date().toISOString();
    if (await tryCreate(lockPath, owner)) return owner;
    const holder = await readHolder(lockPath);
    if (holder === undefined) continue; // released meanwhile: try again at once
    if (isStale(holder, staleMs)) {
      await breakStaleLock(lockPath, holder);
      await sweepLeftovers(lockPath, staleMs, true);
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeoutError(lockPath);
    await sleep(backoff + Math.random() * backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }
}

/** Written aside then hard-linked: the lock appears complete or not at all, and `link` fails if it exists. */
async function tryCreate(lockPath: string, owner: LockOwner): Promise<boolean> {
  const draftPath = `${lockPath}.${owner.pid}.${owner.token}.draft`;
  try {
    await writeFile(draftPath, JSON.stringify(owner), { flag: 'wx' });
    await link(draftPath, lockPath);
    return true;
  } catch (error) {
    if (isErrnoException(error) && error.code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(draftPath, { force: true });
  }
}

const LEFTOVER = /^\.(\d+)\.[0-9a-f]+\.(draft|stale)$/;
const sweptThisProcess = new Set<string>();

/**
 * Removes the drafts (`<lock>.<pid>.<token>.draft`) and set-aside stale locks that a process killed at the
 * wrong instant left next to the lock: each lives for milliseconds, so one older than `staleMs` is garbage.
 * Once per lock and process, and again whenever a stale lock is broken (a crash happened).
 */
async function sweepLeftovers(lockPath: string, staleMs: number, force = false): Promise<void> {
  if (sweptThisProcess.has(lockPath) && !force) return;
  sweptThisProcess.add(lockPath);
  const folder = dirname(lockPath);
  const prefix = basename(lockPath);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  const now = Date.now();
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && LEFTOVER.test(name.slice(prefix.length)))
      .map(async (name) => {
        const leftover = join(folder, name);
        const info = await stat(leftover).catch(() => undefined);
        if (info && now - info.mtimeMs > staleMs) await rm(leftover, { force: true });
      }),
  );
}

interface Holder {
  owner: Partial<LockOwner>;
  ageMs: number;
}

async function readHolder(lockPath: string): Promise<Holder | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    return { owner: parseOwner(text), ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseOwner(text: string): Partial<LockOwner> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<LockOwner>) : {};
  } catch {
    return {}; // unreadable (edited by hand?): only its age can make it stale
  }
}

function isStale(holder: Holder, staleMs: number): boolean {
  if (holder.ageMs > staleMs) return true;
  const { pid, hostname: host } = holder.owner;
  if (typeof pid !== 'number' || host !== hostname()) return false;
  // Our own pid: this process is not holding it (we are serialised above), so a previous process with the same
  // pid left it, as happens with pid 1 in containers.
  return pid === process.pid || !isProcessAlive(pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrnoException(error) && error.code === 'EPERM';
  }
}

/**
 * Moves the stale lock aside, then checks it is still the one judged stale: if another process replaced it in
 * between, it is put back. (A narrow race remains if a third process creates a lock at that very moment.)
 */
async function breakStaleLock(lockPath: string, holder: Holder): Promise<void> {
  const asidePath = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(lockPath, asidePath);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return;
    throw error;
  }
  const moved = parseOwner(await readFile(asidePath, 'utf8'));
  if (moved.token !== holder.owner.token) {
    await link(asidePath, lockPath).catch(() => undefined);
  }
  await rm(asidePath, { force: true });
}

async function release(lockPath: string, owner: LockOwner): Promise<void> {
  const holder = await readHolder(lockPath);
  // If ours was broken as stale, the file now belongs to someone else: leave it.
  if (holder?.owner.token === owner.token) await rm(lockPath, { force: true });
}
