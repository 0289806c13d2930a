import './httpParserBinding.js';
import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { processActivityRequest } from './activityEndpoint.js';
import { CHANNEL_ID as WEB_CHANNEL } from './directLine/activityStamps.js';
import { identityOfRequest } from './identity/requestIdentity.js';
import { activityProblem, safeJsonReviver } from './activityShape.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import { registerHttpGuards } from './httpGuards.js';
import { localizeRefusal, type RestifyRefusal } from './httpErrors.js';
import { Localizer } from './i18n.js';
import { PublicRouteLimits } from './publicRouteLimits.js';
import { DEFAULT_RATE_LIMITS } from './rateLimit.js';
import { registerHttpTelemetry } from './telemetry/httpTelemetry.js';
import type { Telemetry } from './telemetry/telemetry.js';

export interface ServerParts {
  adapter: CloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  logger: Logger;
  maxBodyBytes: number;
  /** Resolves once the recognizers and locales are warm; messages wait for it, /healthz reports it. */
  ready: Promise<unknown>;
  isReady: () => boolean;
  /** False when the data folder cannot be written (read-only, full): /healthz must not say ok then. */
  storageWritable?: () => Promise<boolean>;
  startedAt: number;
  /** Authentication (401 without a valid token) and the rate limits of the public routes. */
  config?: Pick<AppConfig, 'auth' | 'rateLimits'> & Partial<Pick<AppConfig, 'advisorLocal'>>;
  /** A server span per request (route template, status); none when off. */
  telemetry?: Telemetry;
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.header('content-type', 'application/json; charset=utf-8');
  res.send(body);
}

export function createServer(parts: ServerParts): Server {
  const { adapter, logger } = parts;
  const server = restify.createServer({ name: 'alize-assistant', handleUncaughtExceptions: false });
  const authRequired = (parts.config?.auth.appId ?? '') !== '';
  // First, so that a request the guards refuse (415, 429) is counted too.
  if (parts.telemetry) registerHttpTelemetry(server, parts.telemetry);
  registerHttpGuards(server, logger);
  const identityPolicy = {
    authRequired,
    channelIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    advisorLocal: parts.config?.advisorLocal === true,
  };
  const identify = (context: TurnContext, req: Request) => identityOfRequest(context, req, identityPolicy);
  const limits = new PublicRouteLimits(parts.config?.rateLimits ?? DEFAULT_RATE_LIMITS, logger);
  limits.register(server, authRequired);

  // JSON only (registerHttpGuards answered 415 to anything else): no form or multipart parser, no temp files.
  // jsonBodyParser hands its options to the body reader too; its typings only list the parser's.
  const jsonBody: restify.plugins.JsonBodyParserOptions & { maxBodySize: number } = {
    maxBodySize: parts.maxBodyBytes,
    mapParams: false,
    reviver: safeJsonReviver,
  };
  server.use(restify.plugins.jsonBodyParser(jsonBody));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      sendJson(res, 400, { error: 'invalid_activity', message: problem });
      return;
    }
    const activity = req.body as { channelId: string; conversation: { id: string }; locale?: string };
    if (!authRequired && activity.channelId === WEB_CHANNEL) {
      // The web page's channel is served by the local Direct Line only: an anonymous request naming it would
      // reach a web visitor's state with nothing but their id.
      sendJson(res, 403, {
        error: 'reserved_channel',
        message: `channelId "${WEB_CHANNEL}" is the web page's`,
      });
      return;
    }
    const conversationKey = `${activity.channelId}:${activity.conversation.id}`;
    if (!authRequired && limits.refuseConversation(res, conversationKey, activity.locale)) return;
    await parts.ready;
    try {
      await processActivityRequest(
        { adapter, runTurn: parts.runTurn, logger, authRequired, identify },
        req,
        res,
      );
    } catch (error) {
      // The adapter answers most failures itself; this is the last guard so a request never takes the server down.
      logger.error({ err: error, event: 'process_failed' }, 'activity processing failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
    }
    // The bot logs each turn; here only what went wrong at the HTTP level (e.g. 401 from authentication).
    if (res.statusCode >= 400) logger.warn({ event: 'http_status', status: res.statusCode }, 'api/messages');
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const ready = parts.isReady();
    const writable = ready && parts.storageWritable ? await parts.storageWritable() : true;
    const status = !ready ? 'starting' : writable ? 'ok' : 'storage_unwritable';
    if (!writable) logger.error({ event: 'storage_unwritable' }, 'data folder cannot be written');
    sendJson(res, status === 'ok' ? 200 : 503, {
      status,
      uptimeSeconds: Math.round((Date.now() - parts.startedAt) / 1000),
    });
  });

  const refusals = new Localizer();
  server.on(
    'restifyError',
    (req: Request, _res: Response, err: Error & RestifyRefusal, callback: () => void) => {
      // Body too large, malformed JSON, unknown route: a 4xx with a JSON body, never an HTML stack trace.
      logger.warn({ event: 'http_error', status: err.statusCode, path: req.path?.() }, err.name);
      localizeRefusal(req, err, refusals);
      callback();
    },
  );

  return server;
}
