import { createHash, randomBytes } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { updateStoredList } from './storedList.js';

/** A download link of an applicant's PDF: kept by the hash of its token, never the token itself. */
export interface DownloadToken {
  /** SHA-256 of the token, hex: a copy of the state does not give working links. */
  hash: string;
  /** Who asked (the file's owner when it was given) and which file. */
  channelId: string;
  userId: string;
  reference: string;
  /** The language of the conversation it was asked in: the PDF's. */
  locale: string;
  /** ISO 8601. */
  expiresAt: string;
}

export type TokenLookup =
  { state: 'valid'; token: DownloadToken } | { state: 'expired' } | { state: 'unknown' };

/** An expired link is remembered a day (its page says « expiré »), then forgotten (« inconnu »). */
const KEEP_EXPIRED_MS = 24 * 3600 * 1000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The applicants' download links (`/files/<token>`), in the bot's storage so every instance knows them. */
export class DownloadTokenStore {
  static readonly KEY = 'alize/downloads/tokens';

  constructor(private readonly storage: Storage) {}

  /** A new unguessable token (256 bits) for this owner's file, valid `ttlMs`. */
  async issue(
    owner: { channelId: string; userId: string },
    reference: string,
    locale: string,
    now: Date,
    ttlMs: number,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const entry: DownloadToken = {
      hash: hashOf(token),
      channelId: owner.channelId,
      userId: owner.userId,
      reference,
      locale,
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    };
    const forgotten = new Date(now.getTime() - KEEP_EXPIRED_MS).toISOString();
    await this.update((tokens) => ({
      keep: [...tokens.filter((t) => t.expiresAt > forgotten), entry],
      result: undefined,
    }));
    return token;
  }

  async lookup(token: string, now: Date): Promise<TokenLookup> {
    if (!TOKEN_SHAPE.test(token)) return { state: 'unknown' };
    const hash = hashOf(token);
    const stored = (await this.storage.read([DownloadTokenStore.KEY]))[DownloadTokenStore.KEY] as
      { tokens?: DownloadToken[] } | undefined;
    const found = (stored?.tokens ?? []).find((t) => t.hash === hash);
    if (!found) return { state: 'unknown' };
    return found.expiresAt <= now.toISOString() ? { state: 'expired' } : { state: 'valid', token: found };
  }

  /** Retention: links expired for a day are forgotten (with the user id they hold). */
  prune(now: Date): Promise<void> {
    const forgotten = new Date(now.getTime() - KEEP_EXPIRED_MS).toISOString();
    return this.removeWhere((t) => t.expiresAt <= forgotten);
  }

  /** Erasure: every link this user was given stops working. */
  eraseUser(userId: string): Promise<void> {
    return this.removeWhere((t) => t.userId === userId);
  }

  removeWhere(drop: (token: DownloadToken) => boolean): Promise<void> {
    return this.update((tokens) => ({ keep: tokens.filter((t) => !drop(t)), result: undefined }));
  }

  private update<T>(change: (tokens: DownloadToken[]) => { keep: DownloadToken[]; result: T }): Promise<T> {
    return updateStoredList(this.storage, DownloadTokenStore.KEY, 'tokens', (task) => task(), change);
  }
}
