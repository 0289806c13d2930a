import type net from 'node:net';
import { ETagConflictError, type JournalStore } from './journalStore.js';
import { LineReader, type StateAnswer, type StateRequest } from './stateProtocol.js';

/**
 * Answers other processes' reads and writes on the owner's socket, until `stop`. Listening from the moment the
 * socket is claimed: a peer that connects while the journal is still being replayed waits for `store`.
 */
export function serveState(
  server: net.Server,
  early: net.Socket[],
  store: Promise<JournalStore>,
): { stop(): Promise<void> } {
  const sockets = new Set<net.Socket>();
  const inFlight = new Set<Promise<void>>();
  // Once stopping, a request is left unanswered and undone: its connection ends, and the peer asks again
  // (the next owner), knowing nothing was applied.
  let stopping = false;
  const serve = (socket: net.Socket): void => {
    sockets.add(socket);
    // A peer's connection must not keep this process alive (the bot server has its HTTP server for that).
    socket.unref();
    socket.setEncoding('utf8');
    // A peer that goes away mid-answer is its own business: never an error of the server.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    const lines = new LineReader((line) => {
      if (stopping) return;
      const work = store
        .then((ready) => answer(ready, line))
        .then(
          (reply) => {
            if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
          },
          () => {
            socket.destroy();
          },
        );
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    });
    socket.on('data', (chunk: string) => lines.push(chunk));
  };
  server.removeAllListeners('connection');
  server.on('connection', serve);
  for (const socket of early.splice(0)) serve(socket);
  return {
    async stop() {
      // No new peer; those connected get their answers, then their connection ends (they open again, and one
      // of them may own the folder next), and only then is the server closed.
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      for (const socket of sockets) socket.end();
      await closed;
    },
  };
}

async function answer(store: JournalStore, line: string): Promise<StateAnswer> {
  let request: StateRequest;
  try {
    request = JSON.parse(line) as StateRequest;
  } catch {
    throw new Error('not a state request');
  }
  const { id } = request;
  try {
    switch (request.op) {
      case 'read': {
        const states = await store.read(request.keys);
        return {
          id,
          ok: true,
          states: [...states].map(([key, state]) => [key, state.eTag, state.itemJson]),
        };
      }
      case 'write':
        await store.write(request.changes, request.atomic);
        return { id, ok: true };
      case 'delete':
        await store.delete(request.keys);
        return { id, ok: true };
      case 'keys': {
        const keys: string[] = [];
        for await (const key of store.keys()) keys.push(key);
        return { id, ok: true, keys };
      }
      case 'flush':
        await store.flush();
        return { id, ok: true };
      case 'compact':
        await store.compactNow();
        return { id, ok: true };
      default:
        throw new Error('unknown state operation');
    }
  } catch (error) {
    return {
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      conflict: error instanceof ETagConflictError,
    };
  }
}
