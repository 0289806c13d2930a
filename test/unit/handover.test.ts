import { MemoryStorage } from 'botbuilder';
import { HANDOVER_DAYS, HandoverStore, handoverCodeIn } from '../../dialogs/handover.js';
import type { EligibilityRecord } from '../../dialogs/userProfile.js';
import { TEST_NOW } from '../support/programmeFixture.js';

const DAY = 24 * 3600 * 1000;
const later = (days: number) => new Date(TEST_NOW.getTime() + days * DAY);
const prescreen: EligibilityRecord = {
  answers: { headcount: 12 },
  startedAt: TEST_NOW.toISOString(),
  completedAt: TEST_NOW.toISOString(),
  verdict: { verdict: 'OK', reasons: [] },
};

describe('a handover code, on the injected clock', () => {
  test(`works within ${HANDOVER_DAYS} days, and only once`, async () => {
    const store = new HandoverStore(new MemoryStorage());
    const { code } = await store.create('advisor-1', prescreen, TEST_NOW);
    const claimed = await store.claim(code, later(HANDOVER_DAYS - 1));
    expect(claimed).toMatchObject({ advisorId: 'advisor-1', eligibility: prescreen });
    expect(await store.claim(code, later(HANDOVER_DAYS - 1))).toBeUndefined();
  });

  test(`has expired after ${HANDOVER_DAYS} days, and is gone once tried`, async () => {
    const store = new HandoverStore(new MemoryStorage());
    const { code, expiresAt } = await store.create('advisor-1', prescreen, TEST_NOW);
    expect(expiresAt).toBe(later(HANDOVER_DAYS).toISOString());
    expect(await store.claim(code, later(HANDOVER_DAYS))).toBeUndefined();
    // Even read with an earlier clock afterwards, an expired code tried once does not come back.
    expect(await store.claim(code, TEST_NOW)).toBeUndefined();
  });

  test('a code is read the way it is typed or dictated', async () => {
    const store = new HandoverStore(new MemoryStorage());
    const { code } = await store.create('advisor-1', prescreen, TEST_NOW);
    const typed = code.toLowerCase().replace('-', ' ');
    expect(handoverCodeIn(typed)).toBe(code);
    expect(await store.claim(handoverCodeIn(typed)!, TEST_NOW)).toBeDefined();
    expect(handoverCodeIn('ABCD-EFG0')).toBeUndefined();
  });
});
