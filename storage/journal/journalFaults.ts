/**
 * Where the crash test stops the journal to kill the process at an exact point: with
 * `ALIZE_JOURNAL_FAULT=before-fsync` (a batch written, not yet synced) or `=compaction` (per-key files written,
 * segments not yet deleted), the first time the point is reached the process says so on stderr and waits, so
 * that the test's SIGKILL lands there. Unset (always, outside the crash test), a point costs one comparison.
 */
export type FaultPoint = 'before-fsync' | 'compaction';

const armed = process.env['ALIZE_JOURNAL_FAULT'];
let fired = false;

export async function faultPoint(point: FaultPoint): Promise<void> {
  if (armed !== point || fired) return;
  fired = true;
  process.stderr.write(`journal-fault:${point}\n`);
  await new Promise<void>((resolve) => setTimeout(resolve, 60_000));
}
