import { createHash } from 'node:crypto';
import { chmod, mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isErrnoException } from '../atomicJsonFile.js';
import { withFileLock } from '../fileLock.js';
import { connectStateClient } from './stateClient.js';
import { serveState } from './stateServer.js';
import { JournalStore, type ChangeRequest, type JournalStoreOptions } from './journalStore.js';
import type { StateText } from './stateFiles.js';

/** What a process can do with the bot state: the same whether it owns the journal or asks its owner. */
export interface StateAccess {
  readonly role: 'owner' | 'client';
  read(keys: readonly string[]): Promise<Map<string, StateText>>;
  write(changes: readonly ChangeRequest[], atomic: boolean): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  keys(): AsyncIterable<string>;
  flush(): Promise<void>;
  /** Writes everything behind now and drops the journal segments (after an erasure). */
  compact(): Promise<void>;
  close(): Promise<void>;
  /** Set by a client: its owner went away (the next call opens the state again, and may own it). */
  readonly lost?: boolean;
}

/**
 * Where the owner of a state folder listens: a Unix socket in the folder itself (so only who may read the folder
 * may connect), or under the temporary folder when that path is too long for a socket; a named pipe on Windows.
 */
export function socketPathFor(dir: string): string {
  const digest = createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 16);
  if (process.platform === 'win32') return `\\\\.\\pipe\\alize-state-${digest}`;
  const inFolder = path.join(dir, 'journal.sock');
  return Buffer.byteLength(inFolder) < 100 ? inFolder : path.join(os.tmpdir(), `alize-state-${digest}.sock`);
}

/**
 * One writer per state folder. The first process to open it owns the journal (the bot server, or the committee
 * CLI when no server runs) and answers on the folder's socket; any other process (the CLI while the server runs,
 * a second server by mistake) reads and writes through it, so it sees every change, journalled or not, and its
 * writes are checked against the same eTags as the server's own. When an owner stops, the next opener replays
 * what it left and takes over.
 */
export async function openStateAccess(options: JournalStoreOptions): Promise<StateAccess> {
  const socketPath = socketPathFor(options.dir);
  await mkdir(options.dir, { recursive: true });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const client = await connectStateClient(socketPath).catch(nobodyListening);
    if (client === GOING_AWAY) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    if (client) return client;
    // Read only and nobody owns it: what the folder holds, replayed in memory, without claiming it.
    if (options.readOnly) return ownerAccess(undefined, options);
    const claimed = await withFileLock(path.join(options.dir, 'journal.owner.lock'), async () => {
      // Checked again under the lock: another process may have claimed it meanwhile.
      const late = await connectStateClient(socketPath).catch(nobodyListening);
      if (late === GOING_AWAY) return undefined; // try again, outside the lock
      if (late) return late;
      await rm(socketPath, { force: true }); // a socket file left by a process that died
      return listen(socketPath);
    });
    if (claimed && 'server' in claimed) return ownerAccess(claimed, options);
    if (claimed) return claimed;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Could not open the bot state in ${options.dir}: its owner neither answers nor lets go`);
}

const GOING_AWAY = 'going away';

/**
 * Nobody listens (no socket, or one left by a process that died): undefined, the folder may be claimed. An owner
 * dying while it accepted us (ECONNRESET), or too busy to (EAGAIN): try again shortly, never claim over it.
 */
function nobodyListening(error: unknown): undefined | typeof GOING_AWAY {
  if (isErrnoException(error) && (error.code === 'ENOENT' || error.code === 'ECONNREFUSED')) return undefined;
  if (isErrnoException(error) && (error.code === 'ECONNRESET' || error.code === 'EAGAIN')) return GOING_AWAY;
  throw error;
}

/** A claimed socket, and the peers that connected before anyone could answer them (served first). */
interface Claimed {
  server: net.Server;
  early: net.Socket[];
}

function listen(socketPath: string): Promise<Claimed | undefined> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    const early: net.Socket[] = [];
    server.on('connection', (socket) => early.push(socket));
    server.once('error', (error) => {
      if (isErrnoException(error) && error.code === 'EADDRINUSE') resolve(undefined);
      else reject(error);
    });
    server.listen(socketPath, () => {
      server.removeAllListeners('error');
      // A listening socket must not keep a committee command alive once its work is done.
      server.unref();
      if (process.platform !== 'win32') {
        chmod(socketPath, 0o600).then(
          () => resolve({ server, early }),
          () => resolve({ server, early }),
        );
      } else resolve({ server, early });
    });
  });
}

async function ownerAccess(claimed: Claimed | undefined, options: JournalStoreOptions): Promise<StateAccess> {
  const opening = JournalStore.open(options);
  // Peers are answered from now on; those that connect during the replay wait for it.
  const serving = claimed
    ? serveState(claimed.server, claimed.early, opening)
    : { stop: async () => undefined };
  let store: JournalStore;
  try {
    store = await opening;
  } catch (error) {
    await serving.stop();
    throw error;
  }
  return {
    role: 'owner',
    read: (keys) => store.read(keys),
    write: (changes, atomic) => store.write(changes, atomic),
    delete: (keys) => store.delete(keys),
    keys: () => store.keys(),
    flush: () => store.flush(),
    compact: () => store.compactNow(),
    close: async () => {
      await serving.stop();
      await store.close();
    },
  };
}
