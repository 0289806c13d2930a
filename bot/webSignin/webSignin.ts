import type { Request, Response, Server } from 'restify';
import type { Localizer } from '../i18n.js';
import type { VerifiedIdentity } from '../identity/verifiedIdentity.js';
import type { Logger } from '../logger.js';
import { AdvisorSessions, type AdvisorSession } from './advisorSessions.js';
import { cookieOf, setCookie } from './cookies.js';
import { EntraSignin, SigninError } from './entraSignin.js';
import type { WebSigninConfig } from './signinConfig.js';
import type { AccessibilityConformity } from '../../dialogs/domain/programmeSettings.js';
import { SCRIPTLESS_PAGE_HEADERS } from '../webPage/legalRoutes.js';
import { renderSigninProblem, type SigninPageProblem } from './signinPage.js';

/** Random id of a sign-in under way (sent only to /auth) and of a signed-in browser. */
export const PENDING_COOKIE = 'alize_signin';
export const SESSION_COOKIE = 'alize_advisor';

/**
 * The pages a sign-in may come back to (`/auth/signin?returnTo=/committee`): a fixed list, never a URL taken
 * from the request, so the sign-in cannot be made to send someone elsewhere.
 */
export const SIGNIN_RETURN_PATHS: readonly string[] = ['/', '/committee'];

const STATUS: Record<SigninPageProblem, number> = {
  off: 404,
  expired: 400,
  denied: 403,
  rejected: 400,
  tenant: 403,
  unavailable: 502,
};

export interface WebSigninParts {
  config: WebSigninConfig;
  localizer: Localizer;
  logger: Logger;
  /** This server's own URL, known once it listens (the default redirect URL is built from it). */
  serverUrl: () => string;
  clock?: () => Date;
  /** The accessibility mention of the pages' footer (the programme settings' legal section). */
  conformity?: AccessibilityConformity;
}

/**
 * The advisors' sign-in on the web page: `/auth/signin` → Microsoft Entra ID → `/auth/callback` → back to `/`
 * signed in; `POST /auth/signout`. The session lives in this process; the browser holds only its random id,
 * in an HttpOnly, SameSite=Lax cookie. The Direct Line token route asks here which session a browser has.
 */
export class WebSignin {
  readonly sessions: AdvisorSessions;
  private readonly entra: EntraSignin;

  constructor(private readonly parts: WebSigninParts) {
    this.sessions = new AdvisorSessions(
      {
        sessionMs: parts.config.sessionHours * 3600_000,
        pendingMs: 10 * 60_000,
        maxSessions: 500,
        maxPending: 2000,
      },
      parts.clock,
    );
    this.entra = new EntraSignin(parts.config, () => this.redirectUrl());
  }

  /** The signed-in session of this browser, if any. */
  sessionOf(req: Request): AdvisorSession | undefined {
    return this.sessions.get(cookieOf(req, SESSION_COOKIE));
  }

  /** The verified identity of a live session (undefined once signed out or expired). */
  identityOf(sessionId: string | undefined): VerifiedIdentity | undefined {
    return this.sessions.get(sessionId)?.identity;
  }

  redirectUrl(): string {
    return this.parts.config.redirectUrl ?? `${this.parts.serverUrl().replace(/\/+$/, '')}/auth/callback`;
  }

  private get secure(): boolean {
    return this.redirectUrl().startsWith('https:');
  }

  register(server: Server): void {
    server.get('/auth/signin', async (req: Request, res: Response) => this.signin(req, res));
    server.get('/auth/callback', async (req: Request, res: Response) => this.callback(req, res));
    server.post('/auth/signout', async (req: Request, res: Response) => this.signout(req, res));
  }

  private async signin(req: Request, res: Response): Promise<void> {
    try {
      const { url, pending } = await this.entra.start();
      const asked = new URL(req.url ?? '/', 'http://local').searchParams.get('returnTo') ?? '/';
      const returnTo = SIGNIN_RETURN_PATHS.includes(asked) ? asked : '/';
      const pendingId = this.sessions.begin({ ...pending, ...(returnTo !== '/' ? { returnTo } : {}) });
      res.writeHead(302, {
        location: url.href,
        'cache-control': 'no-store',
        'set-cookie': setCookie(PENDING_COOKIE, pendingId, {
          path: '/auth',
          maxAgeSeconds: this.sessions.pendingSeconds,
          secure: this.secure,
        }),
      });
      res.end();
    } catch (error) {
      this.problem(req, res, error);
    }
  }

  private async callback(req: Request, res: Response): Promise<void> {
    const clearPending = setCookie(PENDING_COOKIE, '', {
      path: '/auth',
      maxAgeSeconds: 0,
      secure: this.secure,
    });
    try {
      const query = new URL(req.url ?? '/', 'http://local').searchParams;
      const pending = this.sessions.take(cookieOf(req, PENDING_COOKIE));
      if (!pending) throw new SigninError('expired', 'no sign-in under way for this browser');
      if (query.get('state') !== pending.state) {
        throw new SigninError('expired', 'state does not match');
      }
      const claims = await this.entra.finish(query, pending);
      const previous = this.sessionOf(req);
      if (previous) this.sessions.end(previous.id);
      const session = this.sessions.open(
        {
          source: 'web-signin',
          objectId: claims.objectId,
          ...(claims.tenantId ? { tenantId: claims.tenantId } : {}),
          groups: claims.groups,
        },
        claims.displayName,
      );
      this.parts.logger.info({ event: 'advisor_signed_in' }, 'web sign-in');
      res.writeHead(303, {
        location: pending.returnTo ?? '/',
        'cache-control': 'no-store',
        'set-cookie': [
          clearPending,
          setCookie(SESSION_COOKIE, session.id, {
            path: '/',
            maxAgeSeconds: this.sessions.sessionSeconds,
            secure: this.secure,
          }),
        ],
      });
      res.end();
    } catch (error) {
      this.problem(req, res, error, clearPending);
    }
  }

  private signout(req: Request, res: Response): void {
    const session = this.sessionOf(req);
    if (session) this.sessions.end(session.id);
    res.writeHead(204, {
      'cache-control': 'no-store',
      'set-cookie': setCookie(SESSION_COOKIE, '', { path: '/', maxAgeSeconds: 0, secure: this.secure }),
    });
    res.end();
  }

  private problem(req: Request, res: Response, error: unknown, cookie?: string): void {
    const failure: SigninPageProblem = error instanceof SigninError ? error.failure : 'unavailable';
    // Only the kind of failure and the library's error code: no token, code or claim ever reaches the logs.
    this.parts.logger.warn(
      {
        event: 'advisor_signin_failed',
        failure,
        detail: error instanceof SigninError ? error.detail : undefined,
      },
      'web sign-in refused',
    );
    sendSigninProblem(req, res, this.parts.localizer, failure, cookie, this.parts.conformity);
  }
}

/** The French (or English, with ?lang=en) page of a failed sign-in, with its 4xx/5xx status. */
export function sendSigninProblem(
  req: Request,
  res: Response,
  localizer: Localizer,
  problem: SigninPageProblem,
  cookie?: string,
  conformity?: AccessibilityConformity,
): void {
  const lang = new URL(req.url ?? '/', 'http://local').searchParams.get('lang') ?? 'fr';
  res.writeHead(STATUS[problem], { ...SCRIPTLESS_PAGE_HEADERS, ...(cookie ? { 'set-cookie': cookie } : {}) });
  res.end(renderSigninProblem(localizer.language(lang), problem, conformity));
}

/** Without ADVISOR_OIDC_CLIENT_ID the routes exist but say that sign-in is off (404, in French). */
export function registerSigninOff(
  server: Server,
  localizer: Localizer,
  conformity?: AccessibilityConformity,
): void {
  const off = async (req: Request, res: Response) =>
    sendSigninProblem(req, res, localizer, 'off', undefined, conformity);
  server.get('/auth/signin', off);
  server.get('/auth/callback', off);
  server.post('/auth/signout', off);
}
