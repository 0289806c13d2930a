import type { Storage, StoreItems } from 'botbuilder';

/**
 * What the bot needs from its state storage, whatever the back end. A fixture opens instances on one and the
 * same store: a second `open()` is the same data seen after a restart (or from another instance, for Azure).
 *
 * Left out on purpose, because back ends legitimately differ and the bot never does them: an eTag given for a
 * key that does not exist (MemoryStorage writes, Azure Blob answers 412), the empty key (Blob refuses it), and
 * whether a multi-key write that fails on one key has finished the others when it rejects.
 */
export interface StorageFixture {
  open(): Storage;
}

type ETagChoice = 'none' | '*' | 'empty' | 'latest' | 'first';

const v = (n: number): Record<string, unknown> => ({ count: n, nested: { list: [n] } });

function withoutETag(item: Record<string, unknown> | undefined): Record<string, unknown> | 'missing' {
  if (item === undefined) return 'missing';
  const rest = { ...item };
  delete rest.eTag;
  return rest;
}

const eTagOf = async (storage: Storage, key: string): Promise<string> =>
  ((await storage.read([key]))[key] as { eTag: string }).eTag;

const readOne = async (storage: Storage, key: string): Promise<Record<string, unknown> | 'missing'> =>
  withoutETag((await storage.read([key]))[key] as Record<string, unknown> | undefined);

/** Writes v(1), v(2)… in turn, each with the eTag chosen among those seen so far; 'ok' or 'conflict' each. */
async function writeInTurn(storage: Storage, choices: ETagChoice[]): Promise<string[]> {
  const seen: string[] = [];
  const outcomes: string[] = [];
  for (const [index, choice] of choices.entries()) {
    const literal = { none: undefined, '*': '*', empty: '', latest: seen.at(-1), first: seen[0] }[choice];
    const value = literal === undefined ? v(index + 1) : { ...v(index + 1), eTag: literal };
    try {
      await storage.write({ k: value });
      outcomes.push('ok');
    } catch (error) {
      expect((error as Error).message).toMatch(/^Storage: error writing ".*" due to eTag conflict\.$/);
      outcomes.push('conflict');
    }
    seen.push(await eTagOf(storage, 'k'));
  }
  return outcomes;
}

export function describeStorageContract(name: string, makeFixture: () => StorageFixture): void {
  describe(`${name}: bot state storage contract`, () => {
    let fixture: StorageFixture;
    let storage: Storage;
    beforeEach(() => {
      fixture = makeFixture();
      storage = fixture.open();
    });

    it.each([
      { case: 'the current eTag overwrites', choices: ['none', 'latest'], outcomes: ['ok', 'ok'], final: 2 },
      {
        case: 'a stale eTag is rejected and nothing changes',
        choices: ['none', 'latest', 'first'],
        outcomes: ['ok', 'ok', 'conflict'],
        final: 2,
      },
      {
        case: "'*' overwrites whatever is stored",
        choices: ['none', 'latest', '*'],
        outcomes: ['ok', 'ok', 'ok'],
        final: 3,
      },
      {
        case: 'a missing or empty eTag overwrites',
        choices: ['none', 'none', 'empty'],
        outcomes: ['ok', 'ok', 'ok'],
        final: 3,
      },
    ] as { case: string; choices: ETagChoice[]; outcomes: string[]; final: number }[])(
      '$case',
      async ({ choices, outcomes, final }) => {
        expect(await writeInTurn(storage, choices)).toEqual(outcomes);
        expect(await readOne(storage, 'k')).toEqual(v(final));
      },
    );

    it('writes, reads and deletes; missing keys are simply absent; deleting nothing is fine', async () => {
      await storage.write({ 'conv/1': { dialogStack: ['root'] }, 'user/1': { locale: 'fr-FR' } });
      const items = await storage.read(['conv/1', 'user/1', 'never/written']);
      expect(Object.keys(items).sort()).toEqual(['conv/1', 'user/1']);
      expect(items['conv/1']).toEqual({ dialogStack: ['root'], eTag: expect.any(String) });
      await storage.delete(['conv/1', 'never/written']);
      expect(await storage.read(['conv/1', 'user/1'])).toEqual({ 'user/1': expect.any(Object) });
      expect(await storage.read([])).toEqual({});
    });

    it('of concurrent writes with the same eTag, exactly one wins', async () => {
      await storage.write({ k: { turn: 0 } });
      const eTag = await eTagOf(storage, 'k');
      const attempts = Array.from({ length: 10 }, (_, turn) =>
        storage.write({ k: { turn: turn + 1, eTag } }),
      );
      const results = await Promise.allSettled(attempts);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const winner = results.findIndex((result) => result.status === 'fulfilled') + 1;
      expect(await readOne(storage, 'k')).toEqual({ turn: winner });
    });

    it('gives every write a new eTag', async () => {
      const eTags = new Set<string>();
      for (let turn = 0; turn < 5; turn++) {
        await storage.write({ k: { turn, eTag: '*' } });
        eTags.add(await eTagOf(storage, 'k'));
      }
      expect(eTags.size).toBe(5);
    });

    it('survives a restart: a new instance reads what the first wrote and honours its eTag', async () => {
      await storage.write({ a: { step: 3 }, b: { step: 4 } });
      await storage.delete(['b']);
      const written = await storage.read(['a']);
      const second = fixture.open();
      expect(await second.read(['a', 'b'])).toEqual(written);
      await second.write({ a: { step: 5, eTag: (written.a as { eTag: string }).eTag } });
      expect(await readOne(second, 'a')).toEqual({ step: 5 });
    });

    it('hands out copies: changing a returned object or the written one changes nothing stored', async () => {
      const written = { answers: { 'company.siret': '73282932000074' } };
      const writing = storage.write({ k: written });
      written.answers['company.siret'] = 'changed while writing';
      await writing;
      const firstRead: StoreItems = await storage.read(['k']);
      (firstRead.k as typeof written).answers['company.siret'] = 'changed after reading';
      const secondRead = await storage.read(['k']);
      expect(secondRead.k.answers).toEqual({ 'company.siret': '73282932000074' });
    });

    it.each([
      ['Teams ids with : and |', 'msteams/conversations/a:b|c/users/29:1x'],
      ['a parent folder', '../etc'],
      ['unicode', 'Élodie — café ☕ / 日本語'],
      ['600 characters', 'a'.repeat(600)],
    ])('keeps a key with %s apart from the others and reads it back after a restart', async (_label, key) => {
      await storage.write({ [key]: { odd: key }, neighbour: { odd: 'no' } });
      expect(await readOne(fixture.open(), key)).toEqual({ odd: key });
    });

    it('keeps a French profile with accents, « » quotes and emoji exactly', async () => {
      const profile = {
        application: {
          answers: { 'company.name': 'Mécanique Cévenole', 'project.description': '« Usinage » 🛠️ – 5 axes' },
        },
        submitted: [{ reference: 'ALZ-2026-0001', submittedAt: '2026-11-26T18:30:00.000Z' }],
      };
      await storage.write({ 'emulator/users/u1': { profile } });
      expect(await readOne(fixture.open(), 'emulator/users/u1')).toEqual({ profile });
    });
  });
}
