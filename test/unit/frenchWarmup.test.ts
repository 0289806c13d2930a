import { parseFrenchDate, warmUpRecognizers } from '../../dialogs/french/index.js';

const now = new Date('2026-03-10T10:00:00Z');

describe('warmUpRecognizers', () => {
  test('builds the recognizer models, after which the date fallback is fast', async () => {
    const figures = await warmUpRecognizers();
    expect(figures.ms).toBeGreaterThan(0);
    // Phrasings that were not part of the warm-up but reach the recognizer fallback.
    for (const text of ['le lendemain', 'quelque chose de neuf', 'en automne', 'vers 15h', 'la veille']) {
      const started = performance.now();
      parseFrenchDate(text, { now });
      // Cold, such a call costs seconds; warm, tens of milliseconds (generous bound for loaded CI machines).
      expect(performance.now() - started).toBeLessThan(1000);
    }
  }, 120_000);
});
