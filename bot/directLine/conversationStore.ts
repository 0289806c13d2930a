import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { LruCache } from '../../storage/lruCache.js';
import { LocalTokenIssuer } from './localToken.js';

/** An activity as kept in a conversation and returned to Web Chat: always with its Direct Line id. */
export type StoredActivity = Partial<Activity> & { id: string };

export interface LocalConversation {
  readonly id: string;
  readonly token: string;
  /** The visitor this conversation (and its token) belongs to; every posted activity is from them. */
  readonly userId: string;
  /**
   * The advisor sign-in session this conversation was opened under (web page), if any: its turns carry that
   * session's verified identity while it lives. Set by the server at creation, never changed afterwards.
   */
  readonly signinSession?: string;
  locale: string;
  /** True once the conversationUpdate (visitor joined) has been sent to the bot. */
  started: boolean;
  /**
   * Set when the visitor erased their data: the conversation is no longer theirs to resume (a reload opens a new
   * one), and it holds only what the bot said after the erasure, until the page leaves it.
   */
  retired?: boolean;
  lastSeen: number;
  /** When the visitor's page last read the conversation (a poll, or a token for it): are they still there? */
  lastPolled: number;
  nextSeq: number;
  readonly activities: { seq: number; activity: StoredActivity }[];
}

export interface StoreLimits {
  maxConversations: number;
  maxActivitiesPerConversation: number;
  idleMs: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = {
  maxConversations: 1000,
  maxActivitiesPerConversation: 500,
  idleMs: 30 * 60 * 1000,
};

/**
 * Web Chat polls every second while its page is open (a hidden tab at least once a minute): two minutes without a
 * poll means nobody reads the conversation, and a message sent to it would only wait in memory.
 */
export const AWAY_AFTER_MS = 2 * 60 * 1000;

const userKey = (userId: string, signinSession: string | undefined): string =>
  signinSession ? `${userId} ${signinSession}` : userId;

const randomId = (bytes: number): string => randomBytes(bytes).toString('base64url');

/**
 * The local Direct Line's memory: conversations with their tokens and activities, bounded in number, in size
 * (oldest activities dropped) and in time (idle ones expire). When full, only a conversation nobody started
 * (a token asked for and never used) makes room: a live conversation is never pushed out by newcomers, who are
 * told to come back instead (StoreFullError). Pure bookkeeping, no HTTP, so the limits are tested with an
 * injected clock.
 */
export class ConversationStore {
  /** Insertion order is recency order: a conversation is re-inserted each time it is used. */
  private readonly conversations = new Map<string, LocalConversation>();
  private readonly byToken = new Map<string, string>();
  /** The live conversation of each visitor, one per sign-in session (none for an ordinary visitor). */
  private readonly byUser = new Map<string, string>();
  private readonly tokens = new LocalTokenIssuer();
  /** Conversations gone (replaced, expired) → their visitor: a stored reference to one still reaches them. */
  private readonly formerOwners: LruCache<string>;

  constructor(
    readonly limits: StoreLimits = DEFAULT_STORE_LIMITS,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.formerOwners = new LruCache<string>(Math.max(limits.maxConversations, 1) * 4);
  }

  get size(): number {
    this.sweep();
    return this.conversations.size;
  }

  /**
   * The visitor's live conversation (resumed after a page reload), or a new one when asked or when none. A
   * conversation is resumed only under the sign-in session it was opened with: signing in starts a new one
   * and signing out goes back to the visitor's ordinary one, so a conversation never changes hands.
   */
  open(
    userId: string,
    options: { fresh?: boolean; locale?: string; signinSession?: string } = {},
  ): LocalConversation {
    this.sweep();
    const current = this.forUser(userId, options.signinSession);
    if (current && !options.fresh) {
      current.lastPolled = this.now();
      return current;
    }
    if (current) this.remove(current);
    // The page has left the conversation it erased: nothing of it stays.
    for (const conversation of [...this.conversations.values()]) {
      if (conversation.retired && conversation.userId === userId) this.remove(conversation);
    }
    while (this.conversations.size >= this.limits.maxConversations) {
      const unused = [...this.conversations.values()].find(
        (conversation) => !conversation.started && conversation.activities.length === 0,
      );
      if (!unused) throw new StoreFullError();
      this.remove(unused);
    }
    const id = `dl-${randomId(12)}`;
    const conversation: LocalConversation = {
      id,
      token: this.tokens.issue(userId, id),
      userId,
      ...(options.signinSession ? { signinSession: options.signinSession } : {}),
      locale: options.locale ?? 'fr-FR',
      started: false,
      lastSeen: this.now(),
      lastPolled: this.now(),
      nextSeq: 1,
      activities: [],
    };
    this.conversations.set(conversation.id, conversation);
    this.byToken.set(conversation.token, conversation.id);
    this.byUser.set(userKey(userId, options.signinSession), conversation.id);
    return conversation;
  }

  get(conversationId: string): LocalConversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return undefined;
    if (this.expired(conversation)) {
      this.remove(conversation);
      return undefined;
    }
    this.touch(conversation);
    return conversation;
  }

  byBearer(token: string): LocalConversation | undefined {
    const id = this.byToken.get(token);
    return id === undefined ? undefined : this.get(id);
  }

  /**
   * The conversation a stored reference names, for the bot's connector: the live one with that id, or, if it
   * is gone, the same visitor's current one. Only when `recipientId` is that visitor: a made-up conversation id,
   * or a real one paired with someone else's id, reaches nobody.
   */
  forReference(conversationId: string, recipientId: string | undefined): LocalConversation | undefined {
    if (!recipientId) return undefined;
    const live = this.get(conversationId);
    if (live) return live.userId === recipientId ? live : undefined;
    const owner = this.formerOwners.get(conversationId);
    return owner === recipientId ? this.forUser(owner) : undefined;
  }

  /** The visitor's live conversation outside any sign-in, or the one opened under that sign-in session. */
  forUser(userId: string, signinSession?: string): LocalConversation | undefined {
    const id = this.byUser.get(userKey(userId, signinSession));
    return id === undefined ? undefined : this.get(id);
  }

  /** Forgets every conversation opened under that sign-in session (on sign-out): transcript and token. */
  dropSigninSession(signinSession: string): void {
    for (const conversation of [...this.conversations.values()]) {
      if (conversation.signinSession === signinSession) this.remove(conversation);
    }
  }

  /**
   * "Supprimer mes données": the visitor's transcripts go. Their other conversations are forgotten whole; this
   * one keeps only its activities from `keepFromSeq` on (the bot's confirmation of the erasure, for the open
   * page to read) and is retired, so that a reload or a new token opens a new, empty conversation.
   */
  eraseVisitor(conversation: LocalConversation, keepFromSeq: number): void {
    for (const other of [...this.conversations.values()]) {
      if (other.userId === conversation.userId && other.id !== conversation.id) this.remove(other);
    }
    const kept = conversation.activities.filter((a) => a.seq >= keepFromSeq);
    conversation.activities.splice(0, conversation.activities.length, ...kept);
    conversation.retired = true;
    const key = userKey(conversation.userId, conversation.signinSession);
    if (this.byUser.get(key) === conversation.id) this.byUser.delete(key);
  }

  /** Stores a copy of the activity with the next id (`<conversationId>|0000001`) and returns that copy. */
  append(conversation: LocalConversation, activity: Partial<Activity>): StoredActivity {
    const seq = conversation.nextSeq++;
    const stored: StoredActivity = {
      ...(JSON.parse(JSON.stringify(activity)) as Partial<Activity>),
      id: `${conversation.id}|${String(seq).padStart(7, '0')}`,
    };
    conversation.activities.push({ seq, activity: stored });
    const excess = conversation.activities.length - this.limits.maxActivitiesPerConversation;
    if (excess > 0) conversation.activities.splice(0, excess);
    this.touch(conversation);
    return stored;
  }

  /** Activities after the watermark (all of them for an empty or unreadable one) and the new watermark. */
  after(
    conversation: LocalConversation,
    watermark?: string,
  ): { activities: StoredActivity[]; watermark: string } {
    conversation.lastPolled = this.now();
    const from = watermark && /^\d{1,15}$/.test(watermark) ? Number(watermark) : 0;
    const activities = conversation.activities.filter((a) => a.seq > from).map((a) => a.activity);
    return { activities, watermark: String(conversation.nextSeq - 1) };
  }

  /** No page has read the conversation for a while: the visitor closed it (or lost the network). */
  isAway(conversation: LocalConversation): boolean {
    return this.now() - conversation.lastPolled > AWAY_AFTER_MS;
  }

  private now(): number {
    return this.clock().getTime();
  }

  private expired(conversation: LocalConversation): boolean {
    return this.now() - conversation.lastSeen > this.limits.idleMs;
  }

  private touch(conversation: LocalConversation): void {
    conversation.lastSeen = this.now();
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** Drops expired conversations; the map is in recency order, so it stops at the first live one. */
  private sweep(): void {
    for (const conversation of this.conversations.values()) {
      if (!this.expired(conversation)) break;
      this.remove(conversation);
    }
  }

  private remove(conversation: LocalConversation): void {
    this.formerOwners.set(conversation.id, conversation.userId);
    this.conversations.delete(conversation.id);
    this.byToken.delete(conversation.token);
    const key = userKey(conversation.userId, conversation.signinSession);
    if (this.byUser.get(key) === conversation.id) this.byUser.delete(key);
  }
}

/** Every conversation is in use: a new visitor is asked to come back rather than someone being cut off. */
export class StoreFullError extends Error {
  constructor() {
    super('The local Direct Line is full of conversations in use');
    this.name = 'StoreFullError';
  }
}
