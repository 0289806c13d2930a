import { randomBytes } from 'node:crypto';
import type { VerifiedIdentity } from '../identity/verifiedIdentity.js';

/** A sign-in under way: what the callback must find again (kept here, never in the browser). */
export interface PendingSignin {
  state: string;
  nonce: string;
  codeVerifier: string;
  createdAt: number;
  /** Where the browser goes once signed in (one of SIGNIN_RETURN_PATHS); absent: the chat page. */
  returnTo?: string;
}

/** A signed-in browser: the identity the ID token proved, until it expires or the advisor signs out. */
export interface AdvisorSession {
  id: string;
  identity: VerifiedIdentity & { source: 'web-signin' };
  /** Shown on the page ("Connecté : …"); never logged. */
  displayName: string;
  expiresAt: number;
}

export interface SessionLimits {
  sessionMs: number;
  /** Time allowed between /auth/signin and /auth/callback. */
  pendingMs: number;
  /** Bounds memory: the oldest entries go first. */
  maxSessions: number;
  maxPending: number;
}

const newId = (): string => randomBytes(32).toString('base64url');

/**
 * The web sign-in's memory, in this process: sign-ins under way (state, nonce, PKCE verifier) and signed-in
 * browsers. Cookies only carry random ids into these maps. Pure bookkeeping with an injected clock.
 */
export class AdvisorSessions {
  private readonly pending = new Map<string, PendingSignin>();
  private readonly sessions = new Map<string, AdvisorSession>();
  private readonly listeners: ((sessionId: string) => void)[] = [];

  constructor(
    private readonly limits: SessionLimits,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get sessionSeconds(): number {
    return Math.floor(this.limits.sessionMs / 1000);
  }

  get pendingSeconds(): number {
    return Math.floor(this.limits.pendingMs / 1000);
  }

  /** Called with the id of every session that ends (signed out, expired, evicted). */
  onEnded(listener: (sessionId: string) => void): void {
    this.listeners.push(listener);
  }

  begin(signin: Omit<PendingSignin, 'createdAt'>): string {
    const id = newId();
    bounded(this.pending, this.limits.maxPending);
    this.pending.set(id, { ...signin, createdAt: this.now() });
    return id;
  }

  /** The sign-in under way for that cookie, removed at once: a callback URL works once. */
  take(pendingId: string | undefined): PendingSignin | undefined {
    if (!pendingId) return undefined;
    const found = this.pending.get(pendingId);
    this.pending.delete(pendingId);
    if (!found || this.now() - found.createdAt > this.limits.pendingMs) return undefined;
    return found;
  }

  open(identity: AdvisorSession['identity'], displayName: string): AdvisorSession {
    this.sweep();
    while (this.sessions.size >= this.limits.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.end(oldest);
    }
    const session: AdvisorSession = {
      id: newId(),
      identity: Object.freeze({ ...identity, groups: Object.freeze([...(identity.groups ?? [])]) }),
      displayName,
      expiresAt: this.now() + this.limits.sessionMs,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session of that id, or undefined (unknown, signed out or expired). */
  get(sessionId: string | undefined): AdvisorSession | undefined {
    if (!sessionId) return undefined;
    const session = this.sessions.get(sessionId);
    if (!session) return undefined;
    if (session.expiresAt <= this.now()) {
      this.end(sessionId);
      return undefined;
    }
    return session;
  }

  end(sessionId: string): void {
    if (!this.sessions.delete(sessionId)) return;
    for (const listener of this.listeners) listener(sessionId);
  }

  private now(): number {
    return this.clock().getTime();
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.end(id);
    for (const [id, signin] of this.pending) {
      if (now - signin.createdAt > this.limits.pendingMs) this.pending.delete(id);
    }
  }
}

function bounded<T>(map: Map<string, T>, max: number): void {
  while (map.size >= max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}
