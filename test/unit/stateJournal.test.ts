import { cp, mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CorruptJsonFileError } from '../../storage/atomicJsonFile.js';
import { LowdbStorage } from '../../storage/lowdbStorage.js';

let dataDir: string;
let stateDir: string;
const opened: LowdbStorage[] = [];

/** A store on a folder, closed after the test (unless the test "kills" it by copying its folder first). */
function storeOn(
  dir: string,
  options: Partial<ConstructorParameters<typeof LowdbStorage>[0]> = {},
): LowdbStorage {
  const storage = new LowdbStorage({ dir, compactAfterMs: 60_000, ...options });
  opened.push(storage);
  return storage;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'alize-journal-'));
  stateDir = path.join(dataDir, 'state');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.close().catch(() => undefined)));
  await rm(dataDir, { recursive: true, force: true });
});

async function journalLines(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => /^journal-\d+\.log$/.test(name)).sort();
  const texts = await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
  return texts.join('').split('\n').filter(Boolean);
}

/** What the folder holds at this instant, as a SIGKILL would leave it: copied while the owner still runs. */
async function crashCopy(): Promise<string> {
  const copy = path.join(dataDir, `after-kill-${opened.length}`);
  await cp(stateDir, copy, { recursive: true, filter: (source) => !source.endsWith('.sock') });
  return copy;
}

describe('the state journal', () => {
  it('writes the turns that arrive together in one batch: fewer journal lines than writes', async () => {
    const storage = storeOn(stateDir);
    await Promise.all(
      Array.from({ length: 40 }, (_, index) => storage.write({ [`user-${index}`]: { answer: index } })),
    );
    const lines = await journalLines(stateDir);
    expect(lines.length).toBeLessThan(40);
    const items = await storage.read(Array.from({ length: 40 }, (_, index) => `user-${index}`));
    expect(Object.values(items).map((item) => item.answer)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('never writes a state that did not change, and keeps its eTag', async () => {
    const storage = storeOn(stateDir);
    await storage.write({ k: { step: 1 } });
    const first = (await storage.read(['k'])).k!;
    await storage.write({ k: { ...first } });
    const second = (await storage.read(['k'])).k!;
    expect(second.eTag).toBe(first.eTag);
    expect(await journalLines(stateDir)).toHaveLength(1);
  });

  it('replays what a killed owner acknowledged but had not yet written behind', async () => {
    const storage = storeOn(stateDir);
    await storage.write({ a: { answer: 'Marie' }, b: { answer: 'Cévennes' } });
    await storage.write({ a: { answer: 'Jeanne' } });
    await storage.delete(['b']);
    const killed = await crashCopy();
    const restarted = storeOn(killed);
    const items = await restarted.read(['a', 'b']);
    expect(items.a?.answer).toBe('Jeanne');
    expect(items.b).toBeUndefined();
  });

  it('drops a last batch cut short by a kill, keeps the ones before it, and goes on writing', async () => {
    const storage = storeOn(stateDir);
    await storage.write({ a: { answer: 'kept' } });
    const killed = await crashCopy();
    const [segment] = (await readdir(killed)).filter((name) => name.endsWith('.log'));
    await appendFile(path.join(killed, segment!), '1234abcd {"w":[{"k":"a","e":"x","i":{"answer":"to');
    const restarted = storeOn(killed);
    expect((await restarted.read(['a'])).a?.answer).toBe('kept');
    await restarted.write({ c: { answer: 'after' } });
    await restarted.close();
    const again = storeOn(killed);
    expect((await again.read(['a', 'c'])).c?.answer).toBe('after');
  });

  it('refuses to start on a damaged batch followed by whole ones, instead of skipping it', async () => {
    const storage = storeOn(stateDir);
    await storage.write({ a: { answer: 1 } });
    await storage.write({ a: { answer: 2 } });
    const killed = await crashCopy();
    const [segment] = (await readdir(killed)).filter((name) => name.endsWith('.log'));
    const file = path.join(killed, segment!);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[0] = lines[0]!.replace('"answer":1', '"answer":7');
    await writeFile(file, lines.join('\n'));
    await expect(storeOn(killed).read(['a'])).rejects.toThrow(CorruptJsonFileError);
  });

  it('writes a key changed many times once behind, and leaves no journal once closed', async () => {
    const storage = storeOn(stateDir);
    for (let step = 0; step < 20; step += 1) await storage.write({ k: { step } });
    await storage.close();
    expect(await journalLines(stateDir)).toHaveLength(0);
    const record = JSON.parse(await readFile(storage.filePathFor('k'), 'utf8')) as { item: unknown };
    expect(record.item).toEqual({ step: 19 });
  });

  it('writes behind in the background and deletes the segments it covered, without being closed', async () => {
    const storage = storeOn(stateDir, { compactAfterMs: 10 });
    await storage.write({ k: { answer: 'behind' } });
    const deadline = Date.now() + 10_000;
    while ((await journalLines(stateDir)).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await journalLines(stateDir)).toHaveLength(0);
    const record = JSON.parse(await readFile(storage.filePathFor('k'), 'utf8')) as { item: unknown };
    expect(record.item).toEqual({ answer: 'behind' });
  });

  it('a crash during compaction loses nothing: files written behind, segments not yet deleted', async () => {
    const storage = storeOn(stateDir);
    for (let step = 0; step < 10; step += 1) await storage.write({ [`k${step % 3}`]: { step } });
    // The segments as the kill found them, then the per-key files that compaction had already written.
    const killed = await crashCopy();
    await storage.close();
    await cp(stateDir, killed, { recursive: true });
    expect((await readdir(killed)).some((name) => name.endsWith('.log'))).toBe(true);
    const restarted = storeOn(killed);
    const items = await restarted.read(['k0', 'k1', 'k2']);
    expect([items.k0?.step, items.k1?.step, items.k2?.step]).toEqual([9, 7, 8]);
    await restarted.close();
    expect(await journalLines(killed)).toHaveLength(0);
  });

  it('says when it cannot write behind, keeps the change, and writes it behind once it can', async () => {
    const failures: unknown[] = [];
    const storage = storeOn(stateDir, {
      compactAfterMs: 10,
      onBackgroundError: (error) => failures.push(error),
    });
    await storage.write({ k: { answer: 'kept' } });
    // The shard folder the compaction needs is a file: it cannot create it.
    const shard = path.dirname(storage.filePathFor('k'));
    await writeFile(shard, 'not a folder');
    const deadline = Date.now() + 10_000;
    while (failures.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(failures.length).toBeGreaterThan(0);
    expect((await storage.read(['k'])).k?.answer).toBe('kept');
    await rm(shard);
    await storage.close();
    const record = JSON.parse(await readFile(storage.filePathFor('k'), 'utf8')) as { item: unknown };
    expect(record.item).toEqual({ answer: 'kept' });
  });

  it('writes two keys as one unit: a stale eTag on one and neither is written', async () => {
    const storage = storeOn(stateDir);
    await storage.write({ user: { answer: 'a' }, conversation: { step: 1 } });
    const read = await storage.read(['user', 'conversation']);
    await storage.write({ conversation: { ...read.conversation, step: 2 } });
    await expect(
      storage.writeAtomically({
        user: { ...read.user, answer: 'b' },
        conversation: { ...read.conversation, step: 3 },
      }),
    ).rejects.toThrow(/eTag conflict/);
    const after = await storage.read(['user', 'conversation']);
    expect([after.user?.answer, after.conversation?.step]).toEqual(['a', 2]);
  });

  it('lists every key, journalled or written behind, without the deleted ones', async () => {
    const storage = storeOn(stateDir);
    await storage.write({ old: { n: 1 }, gone: { n: 2 } });
    await storage.close();
    const reopened = storeOn(stateDir);
    await reopened.write({ fresh: { n: 3 } });
    await reopened.delete(['gone']);
    const keys: string[] = [];
    for await (const key of reopened.keys()) keys.push(key);
    expect(keys.sort()).toEqual(['fresh', 'old']);
  });
});

describe('a second instance on the same folder (the committee CLI while the server runs)', () => {
  it('reads what the owner acknowledged, though not yet written behind', async () => {
    const owner = storeOn(stateDir);
    await owner.write({ k: { answer: 'journalled' } });
    const other = storeOn(stateDir);
    expect((await other.read(['k'])).k?.answer).toBe('journalled');
  });

  it("is checked against the owner's eTags, and the owner sees its writes", async () => {
    const owner = storeOn(stateDir);
    await owner.write({ k: { answer: 'first' } });
    const other = storeOn(stateDir);
    const seen = (await other.read(['k'])).k!;
    await owner.write({ k: { ...(await owner.read(['k'])).k, answer: 'second' } });
    await expect(other.write({ k: { ...seen, answer: 'stale' } })).rejects.toThrow(/eTag conflict/);
    const fresh = (await other.read(['k'])).k!;
    await other.write({ k: { ...fresh, answer: 'from the CLI' } });
    expect((await owner.read(['k'])).k?.answer).toBe('from the CLI');
  });

  it('takes over the folder when the owner stops, with everything the owner wrote', async () => {
    const owner = storeOn(stateDir);
    const other = storeOn(stateDir);
    await owner.write({ k: { answer: 'before' } });
    expect((await other.read(['k'])).k?.answer).toBe('before');
    await owner.close();
    await other.write({ k: { ...(await other.read(['k'])).k, answer: 'after the owner left' } });
    await other.close();
    const third = storeOn(stateDir);
    expect((await third.read(['k'])).k?.answer).toBe('after the owner left');
  });
});
