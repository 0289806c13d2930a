import path from 'node:path';
import { AtomicJsonFile } from './atomicJsonFile.js';
import { withFileLock } from './fileLock.js';
import { mergeCounts, type FunnelCounts, type FunnelStore } from './funnelStore.js';

interface FunnelFile {
  months: FunnelCounts;
}

/**
 * The funnel in `DATA_DIR/funnel.json`, written atomically (temporary file, fsync, rename) under a lock file, so
 * a crash never leaves half a file and a committee CLI reading it meanwhile sees the old or the new counts.
 */
export class LowdbFunnelStore implements FunnelStore {
  private readonly file: AtomicJsonFile<FunnelFile>;
  private readonly lockPath: string;

  constructor(dataDir: string) {
    this.file = new AtomicJsonFile<FunnelFile>(path.join(dataDir, 'funnel.json'));
    this.lockPath = path.join(dataDir, 'funnel.lock');
  }

  add(counts: FunnelCounts): Promise<void> {
    return withFileLock(this.lockPath, async () => {
      const months = await this.read();
      await this.file.write({ months: mergeCounts(months, counts) });
    });
  }

  async read(): Promise<FunnelCounts> {
    const stored = await this.file.read();
    // Only what looks like counts is kept: a hand-edited file cannot bring text into the statistics.
    return mergeCounts({}, isObject(stored?.months) ? (stored.months as FunnelCounts) : {});
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
