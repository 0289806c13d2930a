import type { ChangeRequest } from './journalStore.js';

/**
 * The state socket's messages: one JSON object per line each way, answers carrying their request's id. Only the
 * processes that may read the data folder can connect (the socket is the folder's, mode 0600).
 */
export type StateRequest =
  | { id: number; op: 'read'; keys: string[] }
  | { id: number; op: 'write'; changes: ChangeRequest[]; atomic: boolean }
  | { id: number; op: 'delete'; keys: string[] }
  | { id: number; op: 'keys' }
  | { id: number; op: 'flush' }
  | { id: number; op: 'compact' };

export type StateAnswer =
  | { id: number; ok: true; states?: [key: string, eTag: string, itemJson: string][]; keys?: string[] }
  | { id: number; ok: false; error: string; conflict: boolean };

/** Splits a stream of text into lines, keeping an unfinished last line for the next chunk. */
export class LineReader {
  private rest = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    const text = this.rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) this.onLine(text.slice(start, end));
      start = end + 1;
    }
    this.rest = text.slice(start);
  }
}
