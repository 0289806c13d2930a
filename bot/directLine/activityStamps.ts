import type { Activity, ChannelAccount } from 'botbuilder';
import type { LocalConversation } from './conversationStore.js';

export const CHANNEL_ID = 'webchat';

/** Who the bot is in local conversations and where its connector reaches this server back. */
export interface Parties {
  bot: ChannelAccount;
  serviceUrl: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shortString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max;

/** What a visitor may post: a message (typed text or a card's value), an event, a typing indicator. */
const VISITOR_TYPES = new Set(['message', 'event', 'typing']);

/** The problem with an activity posted by Web Chat, or null when it can go to the bot. */
export function postedActivityProblem(body: unknown): string | null {
  if (!isObject(body)) return 'the body must be a JSON object (an activity)';
  if (typeof body.type !== 'string' || !VISITOR_TYPES.has(body.type)) {
    return 'activity.type must be "message", "event" or "typing"';
  }
  if (body.text !== undefined && body.text !== null && !shortString(body.text, 10_000)) {
    return 'activity.text must be a string of at most 10000 characters';
  }
  if (Array.isArray(body.attachments) && body.attachments.length > 0) return 'attachments are not supported';
  if (body.name !== undefined && !shortString(body.name, 200)) return 'activity.name must be a short string';
  if (body.channelData !== undefined && !isObject(body.channelData))
    return 'activity.channelData must be an object';
  if (body.entities !== undefined && !Array.isArray(body.entities))
    return 'activity.entities must be an array';
  return null;
}

/**
 * The visitor's activity as the bot and Web Chat see it: only known fields are kept, `from` is always the
 * conversation's visitor (whatever the page claimed), and `channelData.clientActivityID` is kept so Web Chat
 * recognises its own echo and marks the message as sent.
 */
export function visitorActivity(
  body: Record<string, unknown>,
  conversation: LocalConversation,
  parties: Parties,
  now: Date,
): Partial<Activity> {
  const from = isObject(body.from) ? body.from : {};
  const channelData = isObject(body.channelData) ? body.channelData : {};
  const activity: Partial<Activity> = {
    type: body.type as string,
    timestamp: now,
    channelId: CHANNEL_ID,
    serviceUrl: parties.serviceUrl,
    conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: conversation.userId, name: shortString(from.name, 100) ? from.name : '', role: 'user' },
    recipient: parties.bot,
    locale: shortString(body.locale, 20) && body.locale !== '' ? body.locale : conversation.locale,
  };
  if (typeof body.text === 'string') activity.text = body.text;
  if (body.value !== undefined) activity.value = body.value;
  if (typeof body.name === 'string') activity.name = body.name;
  if (shortString(body.textFormat, 20)) activity.textFormat = body.textFormat;
  if (Array.isArray(body.entities)) activity.entities = body.entities as Activity['entities'];
  if (shortString(body.localTimezone, 100)) activity.localTimezone = body.localTimezone;
  const kept: Record<string, string> = {};
  if (shortString(channelData.clientActivityID, 200)) kept.clientActivityID = channelData.clientActivityID;
  if (shortString(channelData.clientTimestamp, 100)) kept.clientTimestamp = channelData.clientTimestamp;
  if (Object.keys(kept).length > 0) activity.channelData = kept;
  return activity;
}

/** The "visitor joined" update sent to the bot when a conversation starts, so the greeting comes first. */
export function visitorJoined(
  conversation: LocalConversation,
  parties: Parties,
  now: Date,
): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    timestamp: now,
    channelId: CHANNEL_ID,
    serviceUrl: parties.serviceUrl,
    conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: conversation.userId, name: '', role: 'user' },
    recipient: parties.bot,
    membersAdded: [{ id: conversation.userId, name: '' }],
    locale: conversation.locale,
  };
}

/** Activities the bot may send that a chat client has nothing to show for. */
const NOT_SHOWN = new Set(['trace', 'delay', 'invokeResponse']);

/** A bot-sent activity stamped for the conversation's transcript, or null when nothing is to be shown. */
export function botActivity(
  sent: Partial<Activity>,
  conversation: LocalConversation,
  parties: Parties,
  now: Date,
): Partial<Activity> | null {
  if (!sent.type || NOT_SHOWN.has(sent.type)) return null;
  const rest = { ...sent };
  delete rest.id; // the store gives the transcript's own id
  return {
    ...rest,
    timestamp: now,
    channelId: CHANNEL_ID,
    serviceUrl: parties.serviceUrl,
    conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
    from: { ...parties.bot, ...(isObject(sent.from) && typeof sent.from.id === 'string' ? sent.from : {}) },
    recipient: { id: conversation.userId, name: '', role: 'user' },
  };
}
