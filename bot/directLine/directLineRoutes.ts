import type { Request, Response, Server } from 'restify';
import type { Activity } from 'botbuilder';
import type { Logger } from '../logger.js';
import { secureCompare } from '../secureCompare.js';
import { postedActivityProblem } from './activityStamps.js';
import type { LocalConversation } from './conversationStore.js';
import { bearerToken, isLocalCaller, sendJson } from './http.js';
import type { LocalDirectLine } from './localDirectLine.js';

/** Where the bot's connector calls back: the serviceUrl of local conversations is `<base>/directline-callback`. */
export const CALLBACK_PATH = '/directline-callback';

const param = (req: Request, name: string): string => {
  const params = req.params as Record<string, unknown> | undefined;
  return typeof params?.[name] === 'string' ? (params[name] as string) : '';
};

/** Compared in constant time, length included (the token is the only secret of a local conversation). */
const sameToken = (a: string, b: string): boolean => secureCompare(a, b);

/** The conversation of the URL when the bearer token is its own; otherwise answers 401, 404 or 403. */
export function authorized(
  req: Request,
  res: Response,
  directLine: LocalDirectLine,
): LocalConversation | null {
  const token = bearerToken(req);
  if (!token) {
    sendJson(res, 401, {
      error: { code: 'MissingToken', message: 'Authorization: Bearer <token> is required' },
    });
    return null;
  }
  const conversation = directLine.store.get(param(req, 'conversationId'));
  if (!conversation) {
    sendJson(res, 404, { error: { code: 'BadArgument', message: 'Conversation not found' } });
    return null;
  }
  if (!sameToken(conversation.token, token)) {
    sendJson(res, 403, { error: { code: 'TokenInvalid', message: 'Token not valid for this conversation' } });
    return null;
  }
  return conversation;
}

/** The Direct Line 3.0 routes Web Chat uses (polling; no WebSocket stream is offered). */
export function registerDirectLineRoutes(server: Server, directLine: LocalDirectLine, logger: Logger): void {
  const conversationBody = (conversation: LocalConversation) => ({
    conversationId: conversation.id,
    token: conversation.token,
    expires_in: directLine.expiresInSeconds,
  });

  // Starting with a token bound to a conversation returns that conversation (and greets the first time).
  server.post('/v3/directline/conversations', async (req: Request, res: Response) => {
    const token = bearerToken(req);
    const conversation = token ? directLine.store.byBearer(token) : undefined;
    if (!conversation) {
      sendJson(res, 403, {
        error: { code: 'TokenInvalid', message: 'Get a token from /api/directline/token' },
      });
      return;
    }
    const body = (req.body ?? {}) as { locale?: unknown };
    if (!conversation.started && typeof body.locale === 'string' && body.locale.length <= 20 && body.locale) {
      conversation.locale = body.locale;
    }
    await directLine.start(conversation);
    sendJson(res, 201, conversationBody(conversation));
  });

  server.get('/v3/directline/conversations/:conversationId', async (req: Request, res: Response) => {
    const conversation = authorized(req, res, directLine);
    if (conversation) sendJson(res, 200, conversationBody(conversation));
  });

  server.post(
    '/v3/directline/conversations/:conversationId/activities',
    async (req: Request, res: Response) => {
      const conversation = authorized(req, res, directLine);
      if (!conversation) return;
      const problem = postedActivityProblem(req.body);
      if (problem) {
        sendJson(res, 400, { error: { code: 'BadArgument', message: problem } });
        return;
      }
      try {
        const id = await directLine.post(conversation, req.body as Record<string, unknown>);
        sendJson(res, 200, { id });
      } catch (error) {
        logger.error(
          { err: error, event: 'directline_post_failed', conversationId: conversation.id },
          'turn failed',
        );
        sendJson(res, 502, {
          error: { code: 'BotError', message: 'The bot could not process the activity' },
        });
      }
    },
  );

  server.get(
    '/v3/directline/conversations/:conversationId/activities',
    async (req: Request, res: Response) => {
      const conversation = authorized(req, res, directLine);
      if (!conversation) return;
      const watermark = new URL(req.url ?? '/', 'http://local').searchParams.get('watermark') ?? undefined;
      sendJson(res, 200, directLine.store.after(conversation, watermark));
    },
  );

  server.post('/v3/directline/tokens/refresh', async (req: Request, res: Response) => {
    const token = bearerToken(req);
    const conversation = token ? directLine.store.byBearer(token) : undefined;
    if (!conversation)
      sendJson(res, 403, { error: { code: 'TokenInvalid', message: 'Unknown or expired token' } });
    else sendJson(res, 200, conversationBody(conversation));
  });

  // The bot's connector (replies to updates, proactive messages) posts here: loopback callers only.
  const fromBot = async (req: Request, res: Response) => {
    if (!isLocalCaller(req)) {
      sendJson(res, 403, { error: { code: 'Forbidden', message: 'Local callers only' } });
      return;
    }
    const body = req.body as Partial<Activity> | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
      sendJson(res, 400, { error: { code: 'BadArgument', message: 'An activity is required' } });
      return;
    }
    const id = directLine.deliverFromConnector(param(req, 'conversationId'), body);
    if (id === null)
      sendJson(res, 404, { error: { code: 'BadArgument', message: 'Conversation not found' } });
    else if (id === 'away')
      sendJson(res, 503, { error: { code: 'VisitorAway', message: 'Nobody reads this conversation now' } });
    else sendJson(res, 200, { id });
  };
  server.post(`${CALLBACK_PATH}/v3/conversations/:conversationId/activities`, fromBot);
  server.post(`${CALLBACK_PATH}/v3/conversations/:conversationId/activities/:activityId`, fromBot);
}
