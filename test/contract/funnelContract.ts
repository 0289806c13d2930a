import { FUNNEL_STEP, questionStep } from '../../dialogs/domain/funnelSteps.js';
import { FunnelBatch } from '../../storage/funnelBatch.js';
import type { FunnelStore } from '../../storage/funnelStore.js';

export interface FunnelFixture {
  /** A store object on the same place each time (another instance of the server). */
  open(): FunnelStore;
  /** Everything stored, as an operator reading the file or the table sees it. */
  raw(): Promise<string>;
}

const COMMUNE = questionStep('check', 'commune');

export function describeFunnelContract(name: string, makeFixture: () => FunnelFixture): void {
  describe(`${name}: funnel counters contract`, () => {
    let fixture: FunnelFixture;
    beforeEach(() => {
      fixture = makeFixture();
    });

    test('nothing counted reads as no counts', async () => {
      expect(await fixture.open().read()).toEqual({});
    });

    test('counts add up across writes and months, and another instance reads them', async () => {
      const store = fixture.open();
      await store.add({ '2026-11': { [FUNNEL_STEP.checkStarted]: 2, [COMMUNE]: 1 } });
      await store.add({ '2026-11': { [FUNNEL_STEP.checkStarted]: 3 }, '2026-12': { [COMMUNE]: 4 } });
      expect(await fixture.open().read()).toEqual({
        '2026-11': { [FUNNEL_STEP.checkStarted]: 5, [COMMUNE]: 1 },
        '2026-12': { [COMMUNE]: 4 },
      });
    });

    test('two instances adding at once lose no count', async () => {
      const [one, two] = [fixture.open(), fixture.open()];
      const once = { '2026-11': { [FUNNEL_STEP.applicationSubmitted]: 1 } };
      await Promise.all([
        ...Array.from({ length: 4 }, () => one.add(once)),
        ...Array.from({ length: 4 }, () => two.add(once)),
      ]);
      expect(await fixture.open().read()).toEqual({ '2026-11': { [FUNNEL_STEP.applicationSubmitted]: 8 } });
    });

    test('anything but a month and a step name is never stored (no free text, no date, no id)', async () => {
      await fixture.open().add({
        '2026-11-26': { [FUNNEL_STEP.checkStarted]: 1 },
        '2026-11': {
          'check.question.marie.dupont@exemple.fr': 1,
          'user-42': 1,
          'check.question.Saint Christol': 1,
          [COMMUNE]: -3,
          [FUNNEL_STEP.verdict('OK')]: 1,
        },
      });
      expect(await fixture.open().read()).toEqual({ '2026-11': { [FUNNEL_STEP.verdict('OK')]: 1 } });
      const raw = await fixture.raw();
      for (const text of ['dupont', 'user-42', 'Christol', '2026-11-26']) expect(raw).not.toContain(text);
    });

    test('a batch writes nothing per count, then everything at its flush and at close', async () => {
      const batch = new FunnelBatch(fixture.open(), { everyMs: 60 * 60 * 1000 });
      batch.count('2026-11', [FUNNEL_STEP.checkStarted, COMMUNE]);
      batch.count('2026-11', [FUNNEL_STEP.checkStarted]);
      expect(await fixture.open().read()).toEqual({});
      await batch.flush();
      batch.count('2026-12', [FUNNEL_STEP.verdict('REVIEW')]);
      await batch.close();
      expect(await fixture.open().read()).toEqual({
        '2026-11': { [FUNNEL_STEP.checkStarted]: 2, [COMMUNE]: 1 },
        '2026-12': { [FUNNEL_STEP.verdict('REVIEW')]: 1 },
      });
    });
  });
}
