import { parseAmountEuros, parseFrenchDate, warmUpRecognizers } from '../../dialogs/french/index.js';

const now = new Date('2026-03-10T10:00:00Z');

/**
 * The warm-up compiles the date-time recognizer of the date fallback (its speed is measured by `npm run bench`).
 * What a user would notice: it must not hold the server up while it runs, and answers read afterwards must read
 * as before, amounts written with any of the spaces French keyboards and phones produce included.
 */
describe('warmUpRecognizers', () => {
  test('lets other work run while it compiles (health checks are answered during the warm-up)', async () => {
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 0);
    try {
      await warmUpRecognizers();
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThan(0);
  }, 120_000);

  test.each([
    ['250 000 €', 'ordinary space'],
    ['250\u00a0000 €', 'non-breaking space'],
    ['250\u00a0000\u00a0€', 'non-breaking spaces before the sign too'],
    ['250\u202f000\u00a0€', 'narrow non-breaking space, as Intl writes it'],
    ['250 000 euros', 'the word'],
  ])(
    'after the warm-up, %j (%s) is still read as 250 000 €',
    async (text) => {
      await warmUpRecognizers();
      expect(parseAmountEuros(text)).toEqual({ ok: true, value: 250_000, certain: true });
    },
    120_000,
  );

  test('after the warm-up, an amount is not taken for a date and the fallback still reads its phrasings', async () => {
    await warmUpRecognizers();
    expect(parseFrenchDate('250\u00a0000 €', { now }).ok).toBe(false);
    expect(parseFrenchDate('le lendemain', { now })).toMatchObject({
      ok: true,
      value: { iso: '2026-03-11', precision: 'day' },
    });
    expect(parseFrenchDate('noël', { now })).toMatchObject({ ok: true, value: { iso: '2026-12-25' } });
    expect(parseFrenchDate('quelque chose de neuf', { now })).toEqual({
      ok: false,
      reason: 'not_understood',
    });
  }, 120_000);
});
