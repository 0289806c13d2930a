import type { ConversationState, TurnContext } from 'botbuilder';
import { createAdapter } from '../../bot/adapter.js';
import { loadConfig } from '../../bot/config.js';
import { Localizer } from '../../bot/i18n.js';
import { createLogger } from '../../bot/logger.js';
import { createServer } from '../../bot/server.js';

/**
 * Serves a reference bot (echoServer.ts, waterfallServer.ts) exactly as the bench serves both: our own adapter
 * (CloudAdapter, locale middleware, error handler) and restify server (body checks, rate limits, logs, /healthz),
 * configured from the same environment as the bot (PORT, HOST, LOG_LEVEL). One definition, so that the
 * references differ only by their bot.
 */
export function serveReference(
  /** Shown in the "listening" log line. */
  label: string,
  /** The adapter's error handler clears the dialog stack in it ('dialogState'). */
  conversationState: ConversationState,
  runTurn: (context: TurnContext) => Promise<void>,
  startedAt = Date.now(),
): void {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const adapter = createAdapter(config.auth, new Localizer(), logger, conversationState);
  const server = createServer({
    adapter,
    runTurn,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    ready: Promise.resolve(),
    isReady: () => true,
    startedAt,
    // The same limits as the bot (the bench turns them off): without them a reference fell back to the defaults.
    config: { auth: config.auth, rateLimits: config.rateLimits },
  });
  server.listen(config.port, config.host, () => logger.info({ event: 'listening' }, `${label} listening`));
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
