import type { Request, Response, Server } from 'restify';
import { Localizer } from './i18n.js';
import type { Logger } from './logger.js';
import { bareAddress, TrustedProxies } from './trustedProxies.js';
import { TokenBuckets, type RateDecision, type RateLimitConfig } from './rateLimit.js';

/** Web Chat polls for activities about once a second: a poll costs a tenth of a message. */
const POLL_COST = 0.1;
/** The committee API's routes outside /api/applications (its OpenAPI document included). */
const COMMITTEE_API_ROUTES = new Set(['/api/openapi.json', '/api/statistics', '/api/dossier-de-seance.pdf']);
const DIRECT_LINE_POST = /^\/v3\/directline\/conversations\/([^/]{1,200})\/activities\/?$/;

/**
 * What a request costs on the per-address bucket: bot turns and conversation starts 1, polls a little, static
 * files and /healthz nothing, committee API calls (its OpenAPI document included), back-office pages and forms
 * and download links 1. /api/messages counts
 * only without MicrosoftAppId: with one, every request must carry a Bot Framework token and comes from
 * Microsoft's connector, whose addresses are shared by all users.
 */
export function routeCost(method: string, path: string, authRequired: boolean): number {
  if (path === '/api/messages') return method === 'POST' && !authRequired ? 1 : 0;
  if (path === '/api/directline/token') return 1;
  // The committee API: each call reads or changes files, and a flood of wrong tokens is a guessing attempt.
  if (path.startsWith('/api/applications') || COMMITTEE_API_ROUTES.has(path)) return 1;
  // The back office: its forms (the token sign-in among them) and pages read files; its style and script are free.
  if (path === '/committee' || path.startsWith('/committee/')) {
    return path.startsWith('/committee/assets/') ? 0 : 1;
  }
  // An applicant's download link makes a PDF, and a flood of made-up tokens is a guessing attempt.
  if (path.startsWith('/files/')) return 1;
  if (path.startsWith('/v3/directline/')) return method === 'GET' ? POLL_COST : 1;
  return 0;
}

/**
 * The caller's address. The socket's, unless it is a trusted proxy: then the hops of X-Forwarded-For are read
 * from the right (each appended by the proxy in front of the next), skipping trusted proxies; the first other
 * one is the client. What a client wrote itself sits further left and is never reached.
 */
export function clientAddress(req: Request, trusted: TrustedProxies): string {
  let address = bareAddress(req.socket?.remoteAddress ?? '');
  if (!trusted.has(address)) return address;
  const hops = (req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => bareAddress(hop.trim()))
    .filter((hop) => hop !== '');
  while (hops.length > 0) {
    address = hops.pop() as string;
    if (!trusted.has(address)) return address;
  }
  return address;
}

/**
 * Rate limits of the public routes and the committee API: per client address before the body is read (so a
 * flood costs little), per conversation for each message. Loopback is limited like any address: a reverse
 * proxy on this machine would otherwise make every client exempt. Behind a proxy, list it in TRUSTED_PROXIES.
 */
export class PublicRouteLimits {
  private readonly perIp: TokenBuckets;
  private readonly perConversation: TokenBuckets;
  private readonly localizer = new Localizer();
  private readonly trusted: TrustedProxies;

  constructor(
    config: RateLimitConfig,
    private readonly logger: Logger,
    now?: () => number,
  ) {
    this.perIp = new TokenBuckets({ perMinute: config.perIpPerMinute, now });
    this.perConversation = new TokenBuckets({ perMinute: config.perConversationPerMinute, now });
    this.trusted = new TrustedProxies(config.trustedProxies);
  }

  /** Checks every request before routing and body parsing; Direct Line messages per conversation too. */
  register(server: Server, authRequired: boolean): void {
    server.pre((req: Request, res: Response, next: (stop?: false) => void) => {
      const path = req.getPath();
      const cost = routeCost(req.method ?? 'GET', path, authRequired);
      if (cost === 0) return next();
      const decision = this.perIp.take(clientAddress(req, this.trusted), cost);
      if (!decision.allowed) return next(this.refuse(res, decision, path, 'ip'));
      const directLinePost = req.method === 'POST' ? DIRECT_LINE_POST.exec(path) : null;
      if (directLinePost) {
        const decision = this.perConversation.take(`directline:${directLinePost[1]}`);
        if (!decision.allowed) return next(this.refuse(res, decision, path, 'conversation'));
      }
      return next();
    });
  }

  /** For /api/messages once its body is read: answers 429 and returns true when the conversation is over. */
  refuseConversation(res: Response, conversationKey: string, locale: string | undefined): boolean {
    const decision = this.perConversation.take(conversationKey);
    if (decision.allowed) return false;
    this.refuse(res, decision, '/api/messages', 'conversation', locale);
    return true;
  }

  private refuse(
    res: Response,
    decision: Exclude<RateDecision, { allowed: true }>,
    path: string,
    scope: 'ip' | 'conversation',
    locale?: string,
  ): false {
    // Neither the address nor the conversation id: which limit and where is enough to tune the settings.
    this.logger.warn({ event: 'rate_limited', scope, path }, 'too many requests');
    const text = this.localizer.language(locale).t('reliability:rateLimit.tooMany');
    const { retryAfterSeconds } = decision;
    const body = path.startsWith('/v3/directline/')
      ? { error: { code: 'TooManyRequests', message: text } }
      : path === '/api/messages'
        ? // An expectReplies client shows the activities of the body: the user reads why, politely.
          { error: 'too_many_requests', retryAfterSeconds, activities: [{ type: 'message', text }] }
        : { error: 'too_many_requests', retryAfterSeconds, message: text };
    res.status(429);
    res.header('retry-after', String(retryAfterSeconds));
    res.header('content-type', 'application/json; charset=utf-8');
    res.header('cache-control', 'no-store');
    res.send(body);
    return false;
  }
}
