/** Sizes of a bench run; the defaults keep `npm run bench` under 5 minutes on a 2-core machine. */
export interface BenchOptions {
  /** Simulated applicants (complete scripts) per concurrency level. */
  usersAt: Record<1 | 16 | 64, number>;
  /** Conversations left in progress for the memory measurement, and how many turns each has had. */
  inProgress: number;
  inProgressTurns: number;
  /** Stored conversations for the "large store" measurement, against `smallStore`. */
  stored: number;
  smallStore: number;
  /** Complete 1-user scripts run on each store size. */
  storedUsers: number;
  /** Complete scripts replayed, one at a time, to know each turn's warm latency. */
  warmScripts: number;
  /** Where to write the bot's CPU profile (node --cpu-prof), if anywhere. */
  profileDir?: string;
  /** Keep the temporary data folders (and server logs) for inspection. */
  keep: boolean;
  /**
   * Node flags for every server (bot, echo, waterfall), e.g. `--max-old-space-size=256`, as a deployment would
   * set them; when absent, the bot gets the flags of `npm start` and the references none (nodeFlags.ts).
   */
  nodeArgs?: string[];
  /** The bot's compiled entry; another build's, to compare before and after a change. */
  botEntry: string;
}

export const LEVELS = [1, 16, 64] as const;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const value = (name: string): string | undefined =>
    argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const count = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new Error(`--${name}=${raw}: expected a whole number ≥ 1`);
    return parsed;
  };
  return {
    usersAt: { 1: count('users1', 10), 16: count('users16', 48), 64: count('users64', 128) },
    inProgress: count('in-progress', 1000),
    inProgressTurns: count('in-progress-turns', 10),
    stored: count('stored', 10_000),
    smallStore: count('small-store', 10),
    storedUsers: count('stored-users', 10),
    warmScripts: count('warm-scripts', 5),
    profileDir: value('profile'),
    keep: argv.includes('--keep'),
    nodeArgs: value('node-args')
      ?.split(' ')
      .filter((arg) => arg !== ''),
    botEntry: value('bot-entry') ?? 'dist/bot/index.js',
  };
}
