import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import { sendJson } from './http.js';
import { StoreFullError } from './conversationStore.js';
import type { LocalDirectLine } from './localDirectLine.js';

export const AZURE_DIRECT_LINE = 'https://directline.botframework.com/v3/directline';

/** What the page needs to connect Web Chat; the Direct Line secret is never part of it. */
export interface WebChatToken {
  mode: 'local' | 'azure';
  token: string;
  conversationId: string;
  userId: string;
  expires_in: number;
  /** Absent in local mode: the page then uses its own origin + /v3/directline. */
  domain?: string;
}

export interface TokenRouteParts {
  logger: Logger;
  /** Local mode: the server's own Direct Line. */
  local?: LocalDirectLine;
  /** Azure mode: the Direct Line channel's secret, exchanged server-side for a conversation token. */
  directLineSecret?: string;
  fetch?: typeof fetch;
  /** The advisor sign-in session of the requesting browser (its HttpOnly cookie), bound to the conversation. */
  signinSessionOf?: (req: Request) => string | undefined;
}

/** Visitor ids are made by the page (`dl_` + 32 random hex digits); anything else is refused. */
const USER_ID = /^dl_[A-Za-z0-9_-]{16,64}$/;

const newUserId = (): string => `dl_${randomBytes(16).toString('hex')}`;

async function azureToken(parts: TokenRouteParts, secret: string, userId: string): Promise<WebChatToken> {
  const response = await (parts.fetch ?? fetch)(`${AZURE_DIRECT_LINE}/tokens/generate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Direct Line answered HTTP ${response.status}`);
  const body = (await response.json()) as { token?: unknown; conversationId?: unknown; expires_in?: unknown };
  if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
    throw new Error('Direct Line answered without a token');
  }
  return {
    mode: 'azure',
    token: body.token,
    conversationId: body.conversationId,
    userId,
    expires_in: typeof body.expires_in === 'number' ? body.expires_in : 1800,
    domain: AZURE_DIRECT_LINE,
  };
}

/**
 * `POST /api/directline/token` with `{ userId?, fresh? }`: a token for Web Chat. Locally, the visitor's live
 * conversation is resumed (a page reload keeps the transcript) unless `fresh` asks for a new one; with
 * DIRECT_LINE_SECRET, Azure's Direct Line makes the token, for that user id.
 */
export function registerTokenRoute(server: Server, parts: TokenRouteParts): void {
  const issue = async (req: Request, res: Response, userIdOf: (body: Record<string, unknown>) => unknown) => {
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const asked = userIdOf(body);
    if (
      asked !== undefined &&
      asked !== null &&
      asked !== '' &&
      (typeof asked !== 'string' || !USER_ID.test(asked))
    ) {
      sendJson(res, 400, {
        error: 'invalid_user_id',
        message: 'userId must look like dl_ followed by 32 hex digits',
      });
      return;
    }
    const userId = typeof asked === 'string' && asked !== '' ? asked : newUserId();
    if (parts.directLineSecret) {
      try {
        sendJson(res, 200, await azureToken(parts, parts.directLineSecret, userId));
      } catch (error) {
        parts.logger.error(
          { err: String(error), event: 'directline_token_failed' },
          'Direct Line token failed',
        );
        sendJson(res, 502, { error: 'direct_line_unavailable' });
      }
      return;
    }
    if (!parts.local) {
      sendJson(res, 503, { error: 'direct_line_unavailable' });
      return;
    }
    // The binding is made here, from the browser's sign-in cookie, never from anything in the body.
    const signinSession = parts.signinSessionOf?.(req);
    let conversation;
    try {
      conversation = parts.local.store.open(userId, {
        fresh: body.fresh === true,
        ...(signinSession ? { signinSession } : {}),
      });
    } catch (error) {
      if (!(error instanceof StoreFullError)) throw error;
      parts.logger.warn({ event: 'directline_full' }, 'every local conversation is in use');
      res.header('retry-after', '60');
      sendJson(res, 503, { error: 'direct_line_busy' });
      return;
    }
    // A reload of a conversation already under way: no "joined" turn will come, so waiting messages go now.
    if (conversation.started) parts.local.visitorBack(userId);
    const token: WebChatToken = {
      mode: 'local',
      token: conversation.token,
      conversationId: conversation.id,
      userId,
      expires_in: parts.local.expiresInSeconds,
    };
    sendJson(res, 200, token);
  };

  server.post('/api/directline/token', async (req: Request, res: Response) =>
    issue(req, res, (body) => body.userId),
  );
  if (!parts.directLineSecret) {
    // Same as Azure's route, for Direct Line clients other than our page (`{ user: { id } }`).
    server.post('/v3/directline/tokens/generate', async (req: Request, res: Response) =>
      issue(req, res, (body) =>
        body.user && typeof body.user === 'object' ? (body.user as { id?: unknown }).id : undefined,
      ),
    );
  }
}
