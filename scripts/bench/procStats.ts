import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * CPU time and memory of another process, read from Linux's /proc (the bench measures the server as a child
 * process, so the load generator's own work is not counted).
 */

const CLOCK_TICKS_PER_SECOND = 100;

/** Milliseconds of CPU used by every thread of `pid` so far (JS, GC helpers, libuv's fs threads). */
export function cpuMs(pid: number): number {
  // schedstat counts nanoseconds; stat's utime+stime only 10 ms ticks. Use stat when schedstat is missing.
  try {
    let nanoseconds = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    }
    if (nanoseconds > 0) return nanoseconds / 1e6;
  } catch {
    // fall through to /proc/<pid>/stat
  }
  // Fields after the command name (which may contain spaces): utime and stime are fields 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : Number.NaN;
}

export const rssMb = (pid: number): number => statusKb(pid, 'VmRSS') / 1024;
export const peakRssMb = (pid: number): number => statusKb(pid, 'VmHWM') / 1024;

/** Starts a new peak-RSS window (VmHWM := current RSS); false where the kernel does not allow it. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
