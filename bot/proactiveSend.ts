import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';

/** Why a proactive message did not go through: the channel's HTTP status when it answered. */
export class ProactiveSendError extends Error {
  constructor(
    readonly statusCode: number | undefined,
    readonly code: string,
  ) {
    super(`proactive message not delivered (${statusCode ?? code})`);
    this.name = 'ProactiveSendError';
  }
}

/**
 * Sends one message into a stored conversation and throws when the channel refused it. The adapter's own
 * error handler would otherwise swallow the failure (and reset the conversation) and the caller would believe
 * the message delivered. The error keeps the status and code only: the SDK's carries the request, the text too.
 */
export async function sendProactive(
  adapter: CloudAdapter,
  botAppId: string,
  reference: Partial<ConversationReference>,
  activity: Partial<Activity> | string,
): Promise<void> {
  let failure: ProactiveSendError | undefined;
  await adapter.continueConversationAsync(botAppId, reference, async (context) => {
    try {
      await context.sendActivity(activity);
    } catch (error) {
      const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
      failure = new ProactiveSendError(
        typeof statusCode === 'number' ? statusCode : undefined,
        typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown',
      );
    }
  });
  if (failure) throw failure;
}

/** What a log line may say about a failed send: the status and code, never the request or the text. */
export function failureFields(error: unknown): { httpStatus?: number; code: string } {
  if (error instanceof ProactiveSendError) {
    return { ...(error.statusCode !== undefined ? { httpStatus: error.statusCode } : {}), code: error.code };
  }
  return { code: error instanceof Error ? error.name : 'unknown' };
}
