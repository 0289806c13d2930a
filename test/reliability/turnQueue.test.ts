import { TurnQueue } from '../../bot/turnQueue.js';

/** A task that records when it starts and ends, and finishes when the test says so. */
function controlled(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    task: async () => {
      log.push(`${name} starts`);
      await done;
      log.push(`${name} ends`);
    },
    finish,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnQueue', () => {
  test('two turns of one conversation run one after the other, in arrival order', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const first = controlled(log, 'first');
    const second = controlled(log, 'second');
    const runs = [queue.run(['conv:1', 'user:a'], first.task), queue.run(['conv:1', 'user:a'], second.task)];
    await settle();
    expect(log).toEqual(['first starts']);
    second.finish();
    first.finish();
    await Promise.all(runs);
    expect(log).toEqual(['first starts', 'first ends', 'second starts', 'second ends']);
    expect(queue.busyKeys).toBe(0);
  });

  test('turns of other conversations and users run at the same time', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const one = controlled(log, 'one');
    const two = controlled(log, 'two');
    const runs = [queue.run(['conv:1', 'user:a'], one.task), queue.run(['conv:2', 'user:b'], two.task)];
    await settle();
    expect(log).toEqual(['one starts', 'two starts']);
    one.finish();
    two.finish();
    await Promise.all(runs);
  });

  test('two conversations of one user wait for each other (their answers live in the same user state)', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const tab1 = controlled(log, 'tab1');
    const tab2 = controlled(log, 'tab2');
    const runs = [queue.run(['conv:1', 'user:a'], tab1.task), queue.run(['user:a', 'conv:2'], tab2.task)];
    await settle();
    expect(log).toEqual(['tab1 starts']);
    tab1.finish();
    tab2.finish();
    await Promise.all(runs);
    expect(log).toEqual(['tab1 starts', 'tab1 ends', 'tab2 starts', 'tab2 ends']);
  });

  test('keys asked in opposite orders never block each other for ever', async () => {
    const queue = new TurnQueue();
    const order: string[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        queue.run(i % 2 === 0 ? ['a', 'b'] : ['b', 'a'], async () => {
          order.push(String(i));
          await settle();
        }),
      ),
    );
    expect(order).toHaveLength(50);
    expect(queue.busyKeys).toBe(0);
  });

  test('a failed turn releases its keys for the next one', async () => {
    const queue = new TurnQueue();
    await expect(queue.run(['conv:1'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(['conv:1'], async () => 'next')).resolves.toBe('next');
    expect(queue.busyKeys).toBe(0);
  });
});
