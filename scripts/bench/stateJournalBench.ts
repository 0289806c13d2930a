/**
 * The bot state alone, as a turn uses it: read the user and conversation states, then write both back with the
 * eTags read (in one atomic write where the store has one, else user then conversation, as TurnStateCommit does),
 * `users` applicants at a time, each turn changing both states. Prints CPU per turn (user + kernel, this process
 * and its libuv threads), the turn's latency and fsyncs per turn.
 *
 *   node dist/scripts/bench/stateJournalBench.js [--turns=3000] [--users=1,16,64] [--from=/other/dist]
 *
 * `--from` loads `storage/lowdbStorage.js` of another build (e.g. main's, for the figure before the journal).
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Storage, StoreItems } from 'botbuilder';

interface StateStore extends Storage {
  writeAtomically?: (changes: StoreItems) => Promise<void>;
  close(): Promise<void>;
}
type StoreClass = new (options: { dir: string }) => StateStore;

function option(name: string, fallback: string): string {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
}

/** A mid-application user state and conversation state, about the size the bench's applicants have. */
function states(user: number, step: number): { profile: unknown; dialog: unknown } {
  return {
    profile: {
      application: {
        id: `draft-${user}`,
        updatedAt: new Date(0).toISOString(),
        answers: Object.fromEntries(
          Array.from({ length: 20 }, (_, index) => [`field${index}`, { value: `réponse ${index} ${step}` }]),
        ),
      },
    },
    dialog: {
      dialogStack: [
        { id: 'root', state: { dialogs: { dialogStack: [{ id: 'application', state: { step } }] } } },
      ],
    },
  };
}

async function main(): Promise<void> {
  const from = option('from', path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..'));
  const turns = Number(option('turns', '3000'));
  const levels = option('users', '1,16,64').split(',').map(Number);
  const module = (await import(pathToFileURL(path.join(from, 'storage/lowdbStorage.js')).href)) as {
    LowdbStorage: StoreClass;
  };
  // Every fsync or fdatasync of the process goes through the FileHandle prototype: counted there.
  let fsyncs = 0;
  const probe = await open(tmpdir(), 'r');
  const handles = Object.getPrototypeOf(probe) as Record<'sync' | 'datasync', () => Promise<void>>;
  await probe.close();
  for (const name of ['sync', 'datasync'] as const) {
    const original = handles[name];
    handles[name] = function (this: unknown) {
      fsyncs += 1;
      return original.call(this);
    };
  }
  console.log(`state store of ${from}`);
  console.log('users  turns  CPU µs/turn  p50 ms  p99 ms  fsyncs/turn');
  for (const users of levels) {
    const dir = await mkdtemp(path.join(tmpdir(), 'alize-state-bench-'));
    const storage = new module.LowdbStorage({ dir });
    const latencies: number[] = [];
    let step = 0;
    const turn = async (user: number): Promise<void> => {
      const keys = [`emulator/users/u${user}/`, `emulator/conversations/c${user}/`];
      const started = performance.now();
      const read = await storage.read(keys);
      step += 1;
      const { profile, dialog } = states(user, step);
      const user1 = { ...(read[keys[0]!] ?? {}), profile, eTag: read[keys[0]!]?.eTag ?? '*' };
      const conversation = {
        ...(read[keys[1]!] ?? {}),
        dialogState: dialog,
        eTag: read[keys[1]!]?.eTag ?? '*',
      };
      if (storage.writeAtomically)
        await storage.writeAtomically({ [keys[0]!]: user1, [keys[1]!]: conversation });
      else {
        await storage.write({ [keys[0]!]: user1 });
        await storage.write({ [keys[1]!]: conversation });
      }
      latencies.push(performance.now() - started);
    };
    // Warm: each user's keys exist once.
    await Promise.all(Array.from({ length: users }, (_, user) => turn(user)));
    latencies.length = 0;
    fsyncs = 0;
    const cpu = process.cpuUsage();
    let next = 0;
    await Promise.all(
      Array.from({ length: users }, async (_, user) => {
        while (next < turns) {
          next += 1;
          await turn(user);
        }
      }),
    );
    const used = process.cpuUsage(cpu);
    const done = latencies.length;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(done - 1, Math.floor(q * done))]!.toFixed(2);
    console.log(
      `${String(users).padEnd(5)}  ${String(done).padStart(5)}  ${((used.user + used.system) / done).toFixed(0).padStart(11)}  ` +
        `${at(0.5).padStart(6)}  ${at(0.99).padStart(6)}  ${(fsyncs / done).toFixed(2).padStart(11)}`,
    );
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
