import type { ApplicationQueue, StoredApplication } from '../../storage/index.js';
import { listRow, type ListRow } from './backOfficeListModel.js';

/**
 * The files as list rows, read once per request, or kept for `ttlMs` between requests (a meeting's screens
 * reload the list often; 5 000 files are read in a few hundred milliseconds on lowdb). A write made through the
 * back office clears it; one made elsewhere (the chat, the CLI, the API) shows within `ttlMs`.
 */
export class ListSource {
  private cached?: { at: number; rows: Promise<ListRow[]> };

  constructor(
    private readonly queue: ApplicationQueue,
    private readonly ttlMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  rows(): Promise<ListRow[]> {
    const now = this.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.rows;
    const rows = this.queue.list().then((apps: StoredApplication[]) => apps.map(listRow));
    this.cached = { at: now, rows };
    rows.catch(() => {
      if (this.cached?.rows === rows) this.cached = undefined;
    });
    return rows;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
