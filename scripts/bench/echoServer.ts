/**
 * The bench's floor: our own adapter (CloudAdapter, locale middleware) and restify server (body checks, logs,
 * /healthz), with a bot that only echoes the text back: no dialogs, no French parsing, no state files.
 *
 *   node dist/scripts/bench/echoServer.js   (PORT, HOST, LOG_LEVEL as for the bot)
 */
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { serveReference } from './referenceServer.js';

const startedAt = Date.now();

async function echo(context: TurnContext): Promise<void> {
  if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
}

// Only used by the adapter's error handler; the echo keeps no state.
serveReference('echo bot', new ConversationState(new MemoryStorage()), echo, startedAt);
