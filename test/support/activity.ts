/** Where a reply would go if the bot did not answer in the body: never called with expectReplies. */
export const UNUSED_SERVICE_URL = 'http://127.0.0.1:1/unused';

/** One user in one conversation, as the channel names them. */
export interface Parties {
  conversationId: string;
  userId: string;
}

/**
 * The activity a client such as the Bot Framework Emulator posts to /api/messages, replies asked in the body
 * (`deliveryMode: "expectReplies"`); `fields` add to it or replace any part (the text, the channel, the locale).
 */
export function emulatorActivity(
  parties: Parties,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    channelId: 'emulator',
    serviceUrl: UNUSED_SERVICE_URL,
    conversation: { id: parties.conversationId },
    from: { id: parties.userId },
    recipient: { id: 'bot' },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

/** POST /api/messages with a JSON body (an activity or anything else), or a raw string as it is; the response. */
export function postToMessages(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
