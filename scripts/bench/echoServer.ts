/**
 * The bench's floor: our own adapter (CloudAdapter, locale middleware) and restify server (body checks, logs,
 * /healthz), with a bot that only echoes the text back: no dialogs, no French parsing, no state files.
 *
 *   node dist/scripts/bench/echoServer.js   (PORT, HOST, LOG_LEVEL as for the bot)
 */
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { createAdapter } from '../../bot/adapter.js';
import { loadConfig } from '../../bot/config.js';
import { Localizer } from '../../bot/i18n.js';
import { createLogger } from '../../bot/logger.js';
import { createServer } from '../../bot/server.js';

const startedAt = Date.now();
const config = loadConfig();
const logger = createLogger(config.logLevel);
const localizer = new Localizer();
// Only used by the adapter's error handler; the echo keeps no state.
const conversationState = new ConversationState(new MemoryStorage());
const adapter = createAdapter(config.auth, localizer, logger, conversationState);

async function echo(context: TurnContext): Promise<void> {
  if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
}

const server = createServer({
  adapter,
  runTurn: echo,
  logger,
  maxBodyBytes: config.maxBodyBytes,
  ready: Promise.resolve(),
  isReady: () => true,
  startedAt,
  // The same limits as the bot (the bench turns them off): without them the floor fell back to the defaults.
  config: { auth: config.auth, rateLimits: config.rateLimits },
});
server.listen(config.port, config.host, () => logger.info({ event: 'listening' }, 'echo bot listening'));
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
