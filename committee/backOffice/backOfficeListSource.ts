import type { ApplicationQueue, StoredApplication } from '../../storage/index.js';
import { listRow, type ListRow } from './backOfficeListModel.js';

/**
 * The files as list rows, kept between requests while they cannot have changed: 5 000 files take more than a
 * second to read on lowdb, a list page must take less than 200 ms. With a queue that tells its `listVersion`
 * (lowdb: the folder's modification time, changed by every write of any process), the rows are read again only
 * when it changed. Without one (Azure Tables), they are kept `ttlMs` at most: a write made through the back office
 * clears them at once, one made elsewhere (the chat, the CLI, the API) shows within `ttlMs`.
 */
export class ListSource {
  private cached?: { at: number; version: string | undefined; rows: Promise<ListRow[]> };

  constructor(
    private readonly queue: ApplicationQueue,
    private readonly ttlMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async rows(): Promise<ListRow[]> {
    const now = this.now();
    // Read before the list: a write during the read changes it, and the next request reads again.
    const version = this.queue.listVersion ? await this.queue.listVersion() : undefined;
    const cached = this.cached;
    if (cached) {
      const fresh = this.queue.listVersion
        ? version !== undefined && cached.version === version
        : now - cached.at < this.ttlMs;
      if (fresh) return cached.rows;
    }
    const rows = this.queue.list().then((apps: StoredApplication[]) => apps.map(listRow));
    this.cached = { at: now, version, rows };
    rows.catch(() => {
      if (this.cached?.rows === rows) this.cached = undefined;
    });
    return rows;
  }

  /** What was last read, without reading (the assignment field's suggestions need no fresh list). */
  async lastRows(): Promise<ListRow[]> {
    return this.cached ? this.cached.rows.catch(() => []) : [];
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
