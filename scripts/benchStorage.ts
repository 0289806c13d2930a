/**
 * Measures one bot turn on LowdbStorage (read conversation + user state, then write both back with their eTags)
 * with few and with many stored conversations, to check that a turn's cost does not grow with the store.
 *
 *   node dist/scripts/benchStorage.js [--sizes=10,10000] [--turns=600] [--cache=2000]
 *
 * Two modes: "active" (recently used conversations, as in production: served from the LRU cache, then written to
 * disk) and "cold" (cache disabled, random conversations: every read opens a file). Sizes are measured in
 * interleaved rounds so disk noise hits them alike.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StoreItems } from 'botbuilder';
import { LowdbStorage } from '../storage/lowdbStorage.js';

interface BenchOptions {
  sizes: number[];
  turns: number;
  cacheSize: number;
}

interface Store {
  size: number;
  dir: string;
  active: LowdbStorage;
  cold: LowdbStorage;
  timings: Record<Mode, number[]>;
}

type Mode = 'active' | 'cold';
const ACTIVE_CONVERSATIONS = 50;
const ROUND_TURNS = 20;

function parseOptions(argv: string[]): BenchOptions {
  const option = (name: string, fallback: string): string =>
    argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
  return {
    sizes: option('sizes', '10,10000').split(',').map(Number),
    turns: Number(option('turns', '600')),
    cacheSize: Number(option('cache', '2000')),
  };
}

const conversationKey = (index: number): string => `webchat/conversations/conv-${index}`;
const userKey = (index: number): string => `webchat/users/user-${index}`;

/** About the size of a real state mid-application: a dialog stack and a dozen answers. */
function sampleState(index: number): Record<string, unknown> {
  return {
    dialogState: {
      dialogStack: [
        { id: 'root', state: {} },
        { id: 'application', state: { step: 7 } },
      ],
    },
    answers: {
      'company.name': `Entreprise ${index}`,
      'company.siret': '73282932000074',
      'company.headcount': 12,
      'project.description': 'x'.repeat(600),
    },
    turns: 0,
  };
}

async function populate(size: number, cacheSize: number): Promise<Store> {
  const dir = await mkdtemp(path.join(tmpdir(), `alize-bench-${size}-`));
  const loader = new LowdbStorage({ dir, cacheSize: 0 });
  const batch = 250;
  for (let start = 0; start < size; start += batch) {
    const changes: StoreItems = {};
    for (let index = start; index < Math.min(size, start + batch); index++) {
      changes[conversationKey(index)] = sampleState(index);
      changes[userKey(index)] = { locale: 'fr-FR', noticeAcknowledgedAt: '2026-03-16T09:30:00.000Z' };
    }
    await loader.write(changes);
  }
  await loader.close();
  // Fresh instances, as after a restart: nothing cached yet.
  const active = new LowdbStorage({ dir, cacheSize });
  const cold = new LowdbStorage({ dir, cacheSize: 0 });
  return { size, dir, active, cold, timings: { active: [], cold: [] } };
}

async function turn(storage: LowdbStorage, index: number): Promise<number> {
  const keys = [conversationKey(index), userKey(index)];
  const started = performance.now();
  const items = await storage.read(keys);
  const conversation = items[keys[0]!] as { turns: number };
  conversation.turns += 1;
  await storage.write({ [keys[0]!]: conversation, [keys[1]!]: items[keys[1]!] });
  return performance.now() - started;
}

function pickIndex(store: Store, mode: Mode, turnNumber: number): number {
  const pool = mode === 'active' ? Math.min(ACTIVE_CONVERSATIONS, store.size) : store.size;
  return mode === 'active' ? turnNumber % pool : Math.floor(Math.random() * pool);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(`node ${process.version}, tmp ${tmpdir()}, ${options.turns} turns per size and mode`);
  const stores: Store[] = [];
  for (const size of options.sizes) {
    const started = performance.now();
    stores.push(await populate(size, options.cacheSize));
    console.log(
      `stored ${size} conversations (+${size} users) in ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
  try {
    for (const mode of ['active', 'cold'] as const) {
      // Warm-up (JIT, file system caches), not measured.
      for (const store of stores)
        for (let n = 0; n < ROUND_TURNS; n++) await turn(store[mode], pickIndex(store, mode, n));
      for (let done = 0; done < options.turns; done += ROUND_TURNS) {
        for (const store of stores) {
          for (let n = done; n < done + ROUND_TURNS; n++) {
            store.timings[mode].push(await turn(store[mode], pickIndex(store, mode, n)));
          }
        }
      }
    }
    const smallest = stores[0]!;
    for (const mode of ['active', 'cold'] as const) {
      for (const store of stores) {
        const p50 = percentile(store.timings[mode], 0.5);
        const ratio = p50 / percentile(smallest.timings[mode], 0.5);
        const p90 = percentile(store.timings[mode], 0.9);
        console.log(
          `${mode.padEnd(6)} ${String(store.size).padStart(6)} keys: p50 ${p50.toFixed(3)} ms, ` +
            `p90 ${p90.toFixed(3)} ms, p50 ratio to ${smallest.size} keys ${ratio.toFixed(2)}`,
        );
      }
    }
  } finally {
    for (const store of stores) await rm(store.dir, { recursive: true, force: true });
  }
}

await main();
