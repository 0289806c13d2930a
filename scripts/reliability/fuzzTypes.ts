/**
 * What must come back besides "never a 5xx": a 4xx for what is not a valid activity, 413 for a body above
 * the limit, a reply with French sentences for a valid French message, anything non-5xx otherwise.
 */
export type Expectation = 'client-error' | 'too-large' | 'french-reply' | 'any';

export interface FuzzInput {
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  expect: Expectation;
}

/** What the fuzzer knows of the server it hits: live conversations and a Direct Line token. */
export interface FuzzTargets {
  conversations: readonly { id: string; userId: string }[];
  directLine: { conversationId: string; token: string };
  committeeToken: string;
  /** A local endpoint that accepts the bot's replies when a request has no expectReplies. */
  connectorUrl: string;
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** Activity types a channel may send, most of which the bot has nothing to do with. */
export const ACTIVITY_TYPES = [
  'foo',
  'invoke',
  'event',
  'conversationUpdate',
  'messageReaction',
  'endOfConversation',
  'installationUpdate',
  'typing',
  'deleteUserData',
  'handoff',
  'command',
  'trace',
  'messageUpdate',
  'messageDelete',
  'contactRelationUpdate',
  'suggestion',
];
