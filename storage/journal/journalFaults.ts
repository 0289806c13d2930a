/**
 * Where the crash test stops the journal to kill the process at an exact point: with
 * `ALIZE_JOURNAL_FAULT=before-fsync@40` (a batch written, not yet synced) or `=compaction@1` (per-key files
 * written, segments not yet deleted), the first time the point is reached after being passed that many times,
 * the process says so on stderr and waits, so that the test's SIGKILL lands there. Unset (always, outside the crash test), a point costs one comparison.
 */
export type FaultPoint = 'before-fsync' | 'compaction';

// `<point>@<n>`: the point is passed n times before it stops there (so a server's warm-up turns go by first).
const [armed, after] = (process.env['ALIZE_JOURNAL_FAULT'] ?? '').split('@');
let passes = Number(after ?? 0) || 0;
let fired = false;

export async function faultPoint(point: FaultPoint): Promise<void> {
  if (armed !== point || fired) return;
  if (passes > 0) {
    passes -= 1;
    return;
  }
  fired = true;
  process.stderr.write(`journal-fault:${point}\n`);
  await new Promise<void>((resolve) => setTimeout(resolve, 60_000));
}
