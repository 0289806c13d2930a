import { randomBytes } from 'node:crypto';

/** A file posted to the local Direct Line's upload route, held until the bot's turn has taken it. */
export interface HeldUpload {
  name: string;
  /** What the browser said the file is; the bot trusts only the bytes. */
  declaredType: string;
  /** Absent when the file was larger than the limit: its bytes were dropped while reading. */
  bytes?: Buffer;
  /** Bytes received (beyond the limit, at least the limit plus one). */
  size: number;
}

/** The scheme of the attachments' contentUrl the bot resolves here and nowhere else. */
export const UPLOAD_URL_PREFIX = 'urn:alize-upload:';

interface Entry {
  conversationId: string;
  upload: HeldUpload;
  expiresAt: number;
}

/**
 * The local Direct Line's own store of uploads: in memory, bounded in total bytes and in time. The bot reads an
 * upload by its random id, and only for the conversation it was posted to; it never fetches a URL for them.
 */
export class UploadStore {
  private readonly entries = new Map<string, Entry>();
  private heldBytes = 0;

  constructor(
    private readonly maxHeldBytes = 256 * 1024 * 1024,
    private readonly ttlMs = 10 * 60 * 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The id of the held upload, or undefined when the store is full (the route answers 503). */
  hold(conversationId: string, upload: HeldUpload): string | undefined {
    this.expire();
    const size = upload.bytes?.length ?? 0;
    if (this.heldBytes + size > this.maxHeldBytes) return undefined;
    const id = randomBytes(18).toString('base64url');
    this.entries.set(id, { conversationId, upload, expiresAt: this.clock() + this.ttlMs });
    this.heldBytes += size;
    return id;
  }

  /** Hands the upload over once (then forgets it); undefined for another conversation's or an unknown id. */
  take(conversationId: string, contentUrl: string): HeldUpload | undefined {
    if (!contentUrl.startsWith(UPLOAD_URL_PREFIX)) return undefined;
    const id = contentUrl.slice(UPLOAD_URL_PREFIX.length);
    const entry = this.entries.get(id);
    if (!entry || entry.conversationId !== conversationId || entry.expiresAt < this.clock()) return undefined;
    this.forget(id, entry);
    return entry.upload;
  }

  /** Drops uploads no turn took (the turn failed): nothing is kept in memory for long. */
  release(ids: readonly string[]): void {
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) this.forget(id, entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private forget(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.heldBytes -= entry.upload.bytes?.length ?? 0;
  }

  private expire(): void {
    const now = this.clock();
    for (const [id, entry] of this.entries) if (entry.expiresAt < now) this.forget(id, entry);
  }
}
