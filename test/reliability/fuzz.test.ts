import { runFuzz } from '../../scripts/reliability/fuzzRun.js';

describe('hostile input on every route (npm run test:fuzz, CI size)', () => {
  test('1500 seeded inputs: no 5xx, no crash, no error logged; 4xx, 413 and French replies where due', async () => {
    const figures = await runFuzz({ seed: 20261126, count: 1500, concurrency: 2 });
    console.log(
      `fuzz: ${figures.inputsTried} inputs tried, by status ${JSON.stringify(figures.byStatusClass)}, ` +
        `5xx seen = ${figures.fiveHundredsSeen}, slowest ${figures.slowestMs} ms, ${figures.seconds} s`,
    );
    expect(figures.failures).toEqual([]);
    expect(figures.inputsTried).toBe(1500);
    expect(figures.fiveHundredsSeen).toBe(0);
    expect(figures.serverErrors).toBe(0);
    // The run reached every kind of input and got both answers it must give.
    expect(Object.keys(figures.byCategory).length).toBeGreaterThanOrEqual(15);
    expect(figures.byStatusClass['2xx']).toBeGreaterThan(0);
    expect(figures.byStatusClass['4xx']).toBeGreaterThan(0);
  }, 180_000);
});
