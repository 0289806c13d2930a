import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { safeJsonReviver } from '../../bot/activityShape.js';
import type { StoreLimits } from '../../bot/directLine/conversationStore.js';
import { createLogger } from '../../bot/logger.js';
import { registerWebChannel, type WebChannelOptions } from '../../bot/webChannel.js';

export interface WebChannelServer {
  url: string;
  /** Moves the injected clock forward. */
  advance: (ms: number) => void;
  close: () => Promise<void>;
}

/**
 * Only the web channel, with an echo bot and a clock the test moves: for the limits (expiry, eviction) and the
 * Azure token exchange, which the full app does not let a test inject.
 */
export async function startWebChannelServer(
  limits: Partial<StoreLimits>,
  extra: Partial<WebChannelOptions> = {},
): Promise<WebChannelServer> {
  let now = Date.parse('2026-11-26T10:00:00Z');
  const server = restify.createServer({ name: 'web-channel-test', handleUncaughtExceptions: false });
  server.use(
    restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, reviver: safeJsonReviver }),
  );
  const echoBot = async (context: TurnContext): Promise<void> => {
    if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text}`);
  };
  registerWebChannel(server, {
    adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    runTurn: echoBot,
    logger: createLogger('silent'),
    clock: () => new Date(now),
    limits,
    ...extra,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    advance: (ms) => {
      now += ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
