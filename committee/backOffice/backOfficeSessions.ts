import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';
import type { AdvisorPolicy } from '../../dialogs/domain/roles.js';
import { cookieOf, setCookie } from '../../bot/webSignin/cookies.js';
import type { WebSignin } from '../../bot/webSignin/webSignin.js';
import { roleOfIdentity, type BackOfficeRole, type CommitteeRoleConfig } from './backOfficeRoles.js';

/** The cookie of a sign-in with COMMITTEE_TOKEN (the Entra sign-in has its own, `alize_advisor`). */
export const BACK_OFFICE_COOKIE = 'alize_committee';
/** The random value the token form carries twice (cookie and field): a login form posted from elsewhere fails. */
export const LOGIN_COOKIE = 'alize_committee_login';

/** Who is using the back office, with what role, and the CSRF token every form of theirs carries. */
export interface BackOfficeUser {
  role: BackOfficeRole;
  /** Written in the history and on notes ("by"); shown on the pages. */
  name: string;
  csrf: string;
  via: 'token' | 'entra';
  sessionId: string;
}

/** A signed-in Entra account that is neither an advisor nor the committee. */
export interface NoRole {
  noRole: true;
}

interface TokenSession {
  name: string;
  csrf: string;
  expiresAt: number;
}

export interface BackOfficeSessionParts {
  signin?: WebSignin;
  committee: CommitteeRoleConfig;
  advisors: AdvisorPolicy;
  sessionMs: number;
  clock?: () => Date;
  maxSessions?: number;
}

const newId = (): string => randomBytes(32).toString('base64url');

/**
 * The back office's sessions, in this process like the web sign-in's: a COMMITTEE_TOKEN typed in the form
 * opens one of ours (the committee role); an Entra sign-in is the web sign-in's own session, its role read
 * from the verified identity on every request. The CSRF token of a session is an HMAC of its id under a key of
 * this process: one per session, never stored in the browser but in the pages' forms.
 */
export class BackOfficeSessions {
  private readonly tokenSessions = new Map<string, TokenSession>();
  private readonly csrfKey = randomBytes(32);

  constructor(private readonly parts: BackOfficeSessionParts) {}

  get sessionSeconds(): number {
    return Math.floor(this.parts.sessionMs / 1000);
  }

  get entraOn(): boolean {
    return this.parts.signin !== undefined;
  }

  /** Opens a committee session after the right token; returns its id (the cookie's value). */
  openTokenSession(name: string): string {
    const now = this.now();
    for (const [id, session] of this.tokenSessions)
      if (session.expiresAt <= now) this.tokenSessions.delete(id);
    while (this.tokenSessions.size >= (this.parts.maxSessions ?? 200)) {
      const oldest = this.tokenSessions.keys().next().value;
      if (oldest === undefined) break;
      this.tokenSessions.delete(oldest);
    }
    const id = newId();
    this.tokenSessions.set(id, {
      name,
      csrf: this.csrfOf('token', id),
      expiresAt: now + this.parts.sessionMs,
    });
    return id;
  }

  /** The user of this request, `{ noRole }` for an Entra account without a role, or undefined. */
  userOf(req: Request): BackOfficeUser | NoRole | undefined {
    const tokenId = cookieOf(req, BACK_OFFICE_COOKIE);
    const session = tokenId ? this.tokenSessions.get(tokenId) : undefined;
    if (tokenId && session) {
      if (session.expiresAt > this.now()) {
        return {
          role: 'committee',
          name: session.name,
          csrf: session.csrf,
          via: 'token',
          sessionId: tokenId,
        };
      }
      this.tokenSessions.delete(tokenId);
    }
    const entra = this.parts.signin?.sessionOf(req);
    if (!entra) return undefined;
    const role = roleOfIdentity(entra.identity, this.parts.committee, this.parts.advisors);
    if (!role) return { noRole: true };
    return {
      role,
      name: entra.displayName || entra.identity.objectId || '',
      csrf: this.csrfOf('entra', entra.id),
      via: 'entra',
      sessionId: entra.id,
    };
  }

  /** Ends the session of this user (the Entra one too: signing out of the back office signs out). */
  end(user: BackOfficeUser): void {
    if (user.via === 'token') this.tokenSessions.delete(user.sessionId);
    else this.parts.signin?.sessions.end(user.sessionId);
  }

  /** The form's CSRF field is this session's token (compared in constant time). */
  static csrfMatches(user: BackOfficeUser, given: string | null | undefined): boolean {
    return sameText(user.csrf, given ?? '');
  }

  private csrfOf(kind: string, id: string): string {
    return createHmac('sha256', this.csrfKey).update(`${kind}:${id}`).digest('base64url');
  }

  private now(): number {
    return (this.parts.clock ?? (() => new Date()))().getTime();
  }
}

export function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/** The back office's cookies: HttpOnly, SameSite=Lax and Secure (browsers accept Secure on localhost too). */
export function backOfficeCookie(name: string, value: string, maxAgeSeconds: number): string {
  return setCookie(name, value, { path: '/committee', maxAgeSeconds, secure: true });
}

export function newLoginNonce(): string {
  return newId();
}
