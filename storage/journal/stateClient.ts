import net from 'node:net';
import { ETagConflictError, type ChangeRequest } from './journalStore.js';
import type { StateAccess } from './stateAccess.js';
import type { StateText } from './stateFiles.js';
import { LineReader, type StateAnswer, type StateRequest } from './stateProtocol.js';

type Pending = { resolve: (answer: StateAnswer) => void; reject: (error: Error) => void };

/** An owner that takes this long to answer is stuck (its event loop blocked): said, rather than waited for. */
const ANSWER_TIMEOUT_MS = 30_000;
type Body = StateRequest extends infer R ? (R extends StateRequest ? Omit<R, 'id'> : never) : never;

/** Connects to the owner of a state folder; rejects with ENOENT / ECONNREFUSED when nobody listens. */
export function connectStateClient(socketPath: string): Promise<StateAccess> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      resolve(new StateClient(socket));
    });
  });
}

/** Reads and writes through the owner's socket; the connection only keeps the process alive while it waits. */
class StateClient implements StateAccess {
  readonly role = 'client';
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private gone = false;

  constructor(private readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.unref();
    const lines = new LineReader((line) => {
      const answer = JSON.parse(line) as StateAnswer;
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (this.pending.size === 0) socket.unref();
      waiting?.resolve(answer);
    });
    socket.on('data', (chunk: string) => lines.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.gone = true;
      for (const waiting of this.pending.values()) {
        waiting.reject(new Error('The bot state owner closed the connection'));
      }
      this.pending.clear();
    });
  }

  get lost(): boolean {
    return this.gone;
  }

  async read(keys: readonly string[]): Promise<Map<string, StateText>> {
    const answer = await this.ask({ op: 'read', keys: [...keys] });
    return new Map((answer.states ?? []).map(([key, eTag, itemJson]) => [key, { eTag, itemJson }]));
  }

  async write(changes: readonly ChangeRequest[], atomic: boolean): Promise<void> {
    await this.ask({ op: 'write', changes: [...changes], atomic });
  }

  async delete(keys: readonly string[]): Promise<void> {
    await this.ask({ op: 'delete', keys: [...keys] });
  }

  async *keys(): AsyncGenerator<string> {
    const answer = await this.ask({ op: 'keys' });
    yield* answer.keys ?? [];
  }

  async flush(): Promise<void> {
    await this.ask({ op: 'flush' });
  }

  async compact(): Promise<void> {
    await this.ask({ op: 'compact' });
  }

  async close(): Promise<void> {
    // What this process asked is answered (each call awaited its answer): nothing of its own to flush.
    this.socket.end();
  }

  private ask(body: Body): Promise<Extract<StateAnswer, { ok: true }>> {
    if (this.gone) return Promise.reject(new Error('The bot state owner closed the connection'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        if (this.pending.size === 0) this.socket.unref();
        reject(
          new Error(`The process that holds the bot state did not answer within ${ANSWER_TIMEOUT_MS} ms`),
        );
      }, ANSWER_TIMEOUT_MS);
      timer.unref();
      this.pending.set(id, {
        resolve: (answer) => {
          clearTimeout(timer);
          if (answer.ok) resolve(answer);
          else reject(answer.conflict ? new ETagConflictError(keyOf(answer.error)) : new Error(answer.error));
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.socket.ref();
      this.socket.write(`${JSON.stringify({ ...body, id })}\n`);
    });
  }
}

/** The key named in the owner's conflict message, so this process's error reads the same. */
function keyOf(message: string): string {
  return /"(.*)"/.exec(message)?.[1] ?? '';
}
