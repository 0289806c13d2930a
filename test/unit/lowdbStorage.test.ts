import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { AtomicJsonFile, CorruptJsonFileError } from '../../storage/atomicJsonFile.js';
import { LowdbStorage } from '../../storage/lowdbStorage.js';

let dataDir: string;
/** Where the bot puts its state: DATA_DIR/state. */
let stateDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'alize-state-'));
  stateDir = path.join(dataDir, 'state');
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function withoutETag(item: Record<string, unknown> | undefined): Record<string, unknown> | 'missing' {
  if (item === undefined) return 'missing';
  const rest = { ...item };
  delete rest.eTag;
  return rest;
}

/** How a scenario's write chooses its eTag: from what was read before, or a literal. */
type ETagChoice = 'none' | '*' | 'empty' | 'bogus' | 'latest' | 'first';
type Step =
  | { op: 'write'; key: string; value: Record<string, unknown>; eTag: ETagChoice }
  | { op: 'writeMany'; entries: { key: string; value: Record<string, unknown>; eTag: ETagChoice }[] }
  | { op: 'read'; key: string }
  | { op: 'delete'; key: string };

/** Runs the steps and returns one outcome per step: 'ok', 'conflict' or what a read returned. */
async function runScenario(storage: Storage, steps: Step[]): Promise<unknown[]> {
  const seenETags = new Map<string, string[]>();
  const remember = async (key: string): Promise<void> => {
    const items = await storage.read([key]);
    const item = items[key] as Record<string, unknown> | undefined;
    if (typeof item?.eTag === 'string') seenETags.set(key, [...(seenETags.get(key) ?? []), item.eTag]);
  };
  const eTagFor = (key: string, choice: ETagChoice): string | undefined => {
    const seen = seenETags.get(key) ?? [];
    const literal: Record<ETagChoice, string | undefined> = {
      none: undefined,
      '*': '*',
      empty: '',
      bogus: 'no-such-etag',
      latest: seen[seen.length - 1],
      first: seen[0],
    };
    return literal[choice];
  };
  const change = (
    key: string,
    value: Record<string, unknown>,
    choice: ETagChoice,
  ): Record<string, unknown> => {
    const eTag = eTagFor(key, choice);
    return eTag === undefined ? { ...value } : { ...value, eTag };
  };
  const outcomes: unknown[] = [];
  for (const step of steps) {
    if (step.op === 'read') {
      const items: StoreItems = await storage.read([step.key]);
      outcomes.push(withoutETag(items[step.key] as Record<string, unknown> | undefined));
      continue;
    }
    if (step.op === 'delete') {
      await storage.delete([step.key]);
      outcomes.push('ok');
      continue;
    }
    const entries = step.op === 'write' ? [step] : step.entries;
    const changes: StoreItems = {};
    for (const entry of entries) changes[entry.key] = change(entry.key, entry.value, entry.eTag);
    try {
      await storage.write(changes);
      outcomes.push('ok');
    } catch (error) {
      expect((error as Error).message).toMatch(/^Storage: error writing ".*" due to eTag conflict\.$/);
      outcomes.push('conflict');
    }
    for (const entry of entries) await remember(entry.key);
  }
  return outcomes;
}

const v = (n: number): Record<string, unknown> => ({ count: n, nested: { list: [n] } });

const scenarios: { name: string; steps: Step[]; expected: unknown[] }[] = [
  {
    name: 'new key without eTag is written',
    steps: [
      { op: 'write', key: 'k', value: v(1), eTag: 'none' },
      { op: 'read', key: 'k' },
    ],
    expected: ['ok', v(1)],
  },
  {
    name: 'new key with an unknown eTag is written (nothing to conflict with)',
    steps: [
      { op: 'write', key: 'k', value: v(1), eTag: 'bogus' },
      { op: 'read', key: 'k' },
    ],
    expected: ['ok', v(1)],
  },
  {
    name: 'the current eTag overwrites',
    steps: [
      { op: 'write', key: 'k', value: v(1), eTag: 'none' },
      { op: 'write', key: 'k', value: v(2), eTag: 'latest' },
      { op: 'read', key: 'k' },
    ],
    expected: ['ok', 'ok', v(2)],
  },
  {
    name: 'a stale eTag is rejected and nothing changes',
    steps: [
      { op: 'write', key: 'k', value: v(1), eTag: 'none' },
      { op: 'write', key: 'k', value: v(2), eTag: 'latest' },
      { op: 'write', key: 'k', value: v(3), eTag: 'first' },
      { op: 'read', key: 'k' },
    ],
    expected: ['ok', 'ok', 'conflict', v(2)],
  },
  {
    name: 'an unknown eTag on an existing item is rejected',
    steps: [
      { op: 'write', key: 'k', value: v(1), eTag: 'none' },
      { op: 'write', key: 'k', value: v(2), eTag: 'bogus' },
      { op: 'read', key: 'k' },
    ],
    expected: ['ok', 'conflict', v(1)],
  },
  {
    name: "'*' overwrites whatever is stored",
    steps: [
      { op: 'write', key: 'k', value: v(1), eTag: 'none' },
      { op: 'write', key: 'k', value: v(2), eTag: 'latest' },
      { op: 'write', key: 'k', value: v(3), eTag: '*' },
      { op: 'read', key: 'k' },
    ],
    expected: ['ok', 'ok', 'ok', v(3)],
  },
  {
    name: 'a missing or empty eTag overwrites',
    steps: [
      { op: 'write', key: 'k', value: v(1), eTag: 'none' },
      { op: 'write', key: 'k', value: v(2), eTag: 'none' },
      { op: 'write', key: 'k', value: v(3), eTag: 'empty' },
      { op: 'read', key: 'k' },
    ],
    expected: ['ok', 'ok', 'ok', v(3)],
  },
  {
    name: 'a multi-key write with one conflict still writes the other keys, then fails',
    steps: [
      { op: 'write', key: 'a', value: v(1), eTag: 'none' },
      { op: 'write', key: 'a', value: v(2), eTag: 'latest' },
      {
        op: 'writeMany',
        entries: [
          { key: 'a', value: v(3), eTag: 'first' },
          { key: 'b', value: v(4), eTag: 'none' },
        ],
      },
      { op: 'read', key: 'a' },
      { op: 'read', key: 'b' },
    ],
    expected: ['ok', 'ok', 'conflict', v(2), v(4)],
  },
  {
    name: 'after a delete, an old eTag writes again and reads see nothing in between',
    steps: [
      { op: 'write', key: 'k', value: v(1), eTag: 'none' },
      { op: 'delete', key: 'k' },
      { op: 'read', key: 'k' },
      { op: 'write', key: 'k', value: v(2), eTag: 'first' },
      { op: 'read', key: 'k' },
    ],
    expected: ['ok', 'ok', 'missing', 'ok', v(2)],
  },
  {
    name: 'deleting a key that does not exist is fine',
    steps: [
      { op: 'delete', key: 'nothing' },
      { op: 'read', key: 'nothing' },
    ],
    expected: ['ok', 'missing'],
  },
];

describe('LowdbStorage behaves like botbuilder MemoryStorage', () => {
  it.each(scenarios)('$name', async ({ steps, expected }) => {
    const memoryOutcomes = await runScenario(new MemoryStorage(), steps);
    const lowdbOutcomes = await runScenario(new LowdbStorage({ dir: stateDir }), steps);
    const diskOutcomes = await runScenario(
      new LowdbStorage({ dir: path.join(dataDir, 'b'), cacheSize: 0 }),
      steps,
    );
    expect(memoryOutcomes).toEqual(expected);
    expect(lowdbOutcomes).toEqual(memoryOutcomes);
    expect(diskOutcomes).toEqual(memoryOutcomes);
  });

  it.each([
    ['MemoryStorage', (): Storage => new MemoryStorage()],
    ['LowdbStorage', (): Storage => new LowdbStorage({ dir: stateDir })],
  ])('%s: of concurrent writes with the same eTag, exactly one wins', async (_name, makeStorage) => {
    const storage = makeStorage();
    await storage.write({ k: { turn: 0 } });
    const { eTag } = (await storage.read(['k'])).k as { eTag: string };
    const attempts = Array.from({ length: 10 }, (_, turn) => storage.write({ k: { turn: turn + 1, eTag } }));
    const results = await Promise.allSettled(attempts);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const winner = results.findIndex((result) => result.status === 'fulfilled') + 1;
    expect(withoutETag((await storage.read(['k'])).k)).toEqual({ turn: winner });
  });

  it('rejects calls without keys or changes, as MemoryStorage does', async () => {
    const storage = new LowdbStorage({ dir: stateDir });
    await expect(storage.read(undefined as unknown as string[])).rejects.toThrow(ReferenceError);
    await expect(storage.write(undefined as unknown as StoreItems)).rejects.toThrow(ReferenceError);
  });
});

describe('LowdbStorage on disk', () => {
  it('writes, reads and deletes; missing keys are simply absent', async () => {
    const storage = new LowdbStorage({ dir: stateDir });
    await storage.write({ 'conv/1': { dialogStack: ['root'] }, 'user/1': { locale: 'fr-FR' } });
    const items = await storage.read(['conv/1', 'user/1', 'never/written']);
    expect(Object.keys(items).sort()).toEqual(['conv/1', 'user/1']);
    expect(items['conv/1']).toEqual({ dialogStack: ['root'], eTag: expect.any(String) });
    await storage.delete(['conv/1']);
    expect(await storage.read(['conv/1', 'user/1'])).toEqual({ 'user/1': expect.any(Object) });
    expect(await storage.read([])).toEqual({});
  });

  it('gives every write a new eTag', async () => {
    const storage = new LowdbStorage({ dir: stateDir });
    const eTags = new Set<string>();
    for (let turn = 0; turn < 5; turn++) {
      await storage.write({ k: { turn, eTag: '*' } });
      eTags.add(((await storage.read(['k'])).k as { eTag: string }).eTag);
    }
    expect(eTags.size).toBe(5);
  });

  it('survives a restart: a new instance on the same folder reads what the first wrote', async () => {
    const first = new LowdbStorage({ dir: stateDir });
    await first.write({ a: { step: 3 }, b: { step: 4 } });
    await first.delete(['b']);
    const written = await first.read(['a']);
    await first.close();
    const second = new LowdbStorage({ dir: stateDir });
    expect(await second.read(['a', 'b'])).toEqual(written);
    await second.write({ a: { step: 5, eTag: (written.a as { eTag: string }).eTag } });
    expect(withoutETag((await second.read(['a'])).a)).toEqual({ step: 5 });
  });

  it('hands out copies: changing a returned object or the written one changes nothing stored', async () => {
    const storage = new LowdbStorage({ dir: stateDir });
    const written = { answers: { 'company.siret': '73282932000074' } };
    const writing = storage.write({ k: written });
    written.answers['company.siret'] = 'changed while writing';
    await writing;
    const firstRead = await storage.read(['k']);
    (firstRead.k as typeof written).answers['company.siret'] = 'changed after reading';
    const secondRead = await storage.read(['k']);
    expect(secondRead.k.answers).toEqual({ 'company.siret': '73282932000074' });
    expect(secondRead.k).not.toBe(firstRead.k);
  });

  it('once closed, leaves one JSON file per key in sharded folders, holding { key, eTag, item }, and no journal', async () => {
    const storage = new LowdbStorage({ dir: stateDir });
    const keys = Array.from({ length: 20 }, (_, index) => `webchat/conversations/c${index}`);
    await storage.write(Object.fromEntries(keys.map((key) => [key, { key }])));
    await storage.close();
    const files = await filesUnder(stateDir);
    expect(files).toHaveLength(20);
    for (const file of files) {
      const record = JSON.parse(await readFile(file, 'utf8')) as { key: string; eTag: string; item: unknown };
      expect(keys).toContain(record.key);
      expect(record.item).toEqual({ key: record.key });
      expect(typeof record.eTag).toBe('string');
      expect(path.relative(stateDir, file)).toMatch(/^[0-9a-f]{2}[\\/][0-9a-f]{40}\.json$/);
    }
  });

  it.each([
    ['Teams ids with : and |', 'msteams/conversations/a:b|c/users/29:1x'],
    ['a parent folder', '../etc'],
    ['a deep parent path', '../../../../etc/passwd'],
    ['unicode', 'Élodie — café ☕ / 日本語'],
    ['a reserved Windows name', 'con'],
    ['the empty string', ''],
    ['600 characters', 'a'.repeat(600)],
  ])('keeps a key with %s inside its folder and reads it back after a restart', async (_label, key) => {
    const first = new LowdbStorage({ dir: stateDir });
    await first.write({ [key]: { odd: key } });
    await first.close();
    const afterRestart = await new LowdbStorage({ dir: stateDir }).read([key]);
    expect(withoutETag(afterRestart[key])).toEqual({ odd: key });
    const files = await filesUnder(dataDir);
    expect(files).toHaveLength(1);
    expect(files[0]!.startsWith(stateDir + path.sep)).toBe(true);
  });

  it('stays correct with a cache much smaller than the number of keys', async () => {
    const storage = new LowdbStorage({ dir: stateDir, cacheSize: 3 });
    for (let index = 0; index < 10; index++) await storage.write({ [`k${index}`]: { index } });
    const items = await storage.read(Array.from({ length: 10 }, (_, index) => `k${index}`));
    expect(Object.values(items).map((item) => item.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reports a corrupt state file instead of treating it as empty', async () => {
    const storage = new LowdbStorage({ dir: stateDir });
    await storage.write({ k: { fine: true } });
    await storage.close();
    await writeFile(storage.filePathFor('k'), '{ "key": "k", "eTag": ', 'utf8');
    const restarted = new LowdbStorage({ dir: stateDir });
    await expect(restarted.read(['k'])).rejects.toThrow(CorruptJsonFileError);
    await expect(restarted.write({ k: { fine: false } })).rejects.toThrow(CorruptJsonFileError);
  });

  it('close() waits for pending writes and writes them behind to their file', async () => {
    const storage = new LowdbStorage({ dir: stateDir });
    void storage.write({ k: { pending: true } });
    await storage.close();
    const record = JSON.parse(await readFile(storage.filePathFor('k'), 'utf8')) as { item: unknown };
    expect(record.item).toEqual({ pending: true });
  });
});

describe('AtomicJsonFile (lowdb adapter)', () => {
  it('reads a missing file as null', async () => {
    expect(await new AtomicJsonFile(path.join(dataDir, 'missing.json')).read()).toBeNull();
  });

  it.each(['', '{"a":', 'not json'])('reports corrupt content %j with the file path', async (content) => {
    const filePath = path.join(dataDir, 'corrupt.json');
    await writeFile(filePath, content, 'utf8');
    const reading = new AtomicJsonFile(filePath).read();
    await expect(reading).rejects.toThrow(CorruptJsonFileError);
    await expect(reading).rejects.toThrow(filePath);
  });

  it('works under lowdb Low with real files, and concurrent writes leave one whole file and no temp file', async () => {
    const folder = path.join(dataDir, 'docs');
    await mkdir(folder);
    const filePath = path.join(folder, 'db.json');
    const writes = Array.from({ length: 50 }, (_, index) =>
      new Low<{ index: number; padding: string }>(new AtomicJsonFile(filePath), {
        index,
        padding: 'x'.repeat(10_000),
      }).write(),
    );
    await Promise.all(writes);
    expect(await readdir(folder)).toEqual(['db.json']);
    const db = new Low<{ index: number } | null>(new AtomicJsonFile(filePath), null);
    await db.read();
    expect(db.data?.index).toBe(49); // serialised in call order
  });
});
