import type { AddressInfo } from 'node:net';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Server } from 'restify';
import type { Parties } from './directLine/activityStamps.js';
import { BotTurns } from './directLine/botTurns.js';
import { ConversationStore, DEFAULT_STORE_LIMITS, type StoreLimits } from './directLine/conversationStore.js';
import { CALLBACK_PATH, registerDirectLineRoutes } from './directLine/directLineRoutes.js';
import { LocalDirectLine } from './directLine/localDirectLine.js';
import type { UploadLimits } from './directLine/multipartUpload.js';
import { registerUploadRoute } from './directLine/uploadRoute.js';
import type { UploadStore } from './directLine/uploadStore.js';
import { DEFAULT_DOCUMENT_LIMITS } from '../dialogs/domain/documentChecks.js';

import { registerTokenRoute } from './directLine/tokenRoute.js';
import type { AccessibilityConformity } from '../dialogs/domain/programmeSettings.js';
import type { Logger } from './logger.js';
import type { WebSignin } from './webSignin/webSignin.js';
import { registerWebPageRoutes } from './webPage/webPageRoutes.js';

const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: DEFAULT_DOCUMENT_LIMITS.maxBytes,
  maxFiles: DEFAULT_DOCUMENT_LIMITS.maxCount,
};

export interface WebChannelOptions {
  adapter: CloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** The Azure Bot app id ('' or absent when running without authentication). */
  botAppId?: string;
  /** Turns wait for the warm-up, like /api/messages. */
  ready?: Promise<unknown>;
  /**
   * Base URL at which this process reaches itself, for the bot's connector callback (the serviceUrl of local
   * conversations). Default: http://127.0.0.1:<listening port>.
   */
  publicUrl?: string;
  /** When set, Web Chat talks to Azure's Direct Line and no local Direct Line is served. */
  directLineSecret?: string;
  clock?: () => Date;
  limits?: Partial<StoreLimits>;
  /** The advisors' Entra ID sign-in, when configured: bound to the Direct Line conversations it opens. */
  signin?: WebSignin;
  /** The accessibility mention of the page's footer (the programme settings' legal section). */
  conformity?: AccessibilityConformity;
  /** Where the upload route holds files for the bot (the document receiver reads the same store). */
  uploads?: UploadStore;
  /** The upload route's limits (DOCUMENT_MAX_BYTES, DOCUMENT_MAX_COUNT). */
  uploadLimits?: UploadLimits;
  /** For tests of the Azure token exchange. */
  fetch?: typeof fetch;
  /** A web visitor reloaded a conversation they had: the applicant outbox tries what waits for them. */
  onVisitorBack?: (userId: string) => void;
}

export interface WebChannel {
  /** The local Direct Line, absent with DIRECT_LINE_SECRET. */
  localDirectLine?: LocalDirectLine;
}

/** Where the connector of this process reaches the server, once it listens. */
function selfUrl(server: Server): string {
  const address = server.address() as AddressInfo | string | null;
  if (!address || typeof address === 'string') return 'http://127.0.0.1';
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * The web channel: the chat page at `/`, Web Chat served from here, the token route, and, unless a Direct
 * Line secret is configured, a local Direct Line 3.0 service at /v3/directline plus the connector callback
 * that brings the bot's proactive messages into its conversations.
 */
export function registerWebChannel(server: Server, options: WebChannelOptions): WebChannel {
  const { logger } = options;
  const secret = options.directLineSecret?.trim() || undefined;
  const { signin } = options;
  registerWebPageRoutes(server, {
    logger,
    ...(signin ? { signin } : {}),
    ...(options.conformity ? { conformity: options.conformity } : {}),
    connectSources: secret ? ['https://*.botframework.com', 'wss://*.botframework.com'] : [],
  });
  if (secret) {
    registerTokenRoute(server, { logger, directLineSecret: secret, fetch: options.fetch });
    return {};
  }

  const clock = options.clock ?? (() => new Date());
  const botAppId = options.botAppId ?? '';
  const parties = (): Parties => ({
    bot: { id: botAppId || 'alize-bot', name: 'AliZé', role: 'bot' },
    serviceUrl: `${(options.publicUrl ?? selfUrl(server)).replace(/\/+$/, '')}${CALLBACK_PATH}`,
  });
  const localDirectLine = new LocalDirectLine({
    store: new ConversationStore({ ...DEFAULT_STORE_LIMITS, ...options.limits }, clock),
    turns: new BotTurns({
      adapter: options.adapter,
      runTurn: options.runTurn,
      logger,
      botAppId,
      ready: options.ready,
    }),
    parties,
    clock,
    logger,
    ...(options.onVisitorBack ? { onVisitorBack: options.onVisitorBack } : {}),
    ...(signin ? { identityOfSession: (session: string) => signin.identityOf(session) } : {}),
    ...(options.uploads ? { uploads: options.uploads } : {}),
  });
  // Signing out (or a session's end) closes the conversations opened under it: transcript and token.
  signin?.sessions.onEnded((session) => localDirectLine.store.dropSigninSession(session));
  registerTokenRoute(server, {
    logger,
    local: localDirectLine,
    ...(signin ? { signinSessionOf: (req: Request) => signin.sessionOf(req)?.id } : {}),
  });
  registerDirectLineRoutes(server, localDirectLine, logger);
  registerUploadRoute(server, localDirectLine, options.uploadLimits ?? DEFAULT_UPLOAD_LIMITS, logger);
  return { localDirectLine };
}
