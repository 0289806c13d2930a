import type { TestAdapter } from 'botbuilder';

/**
 * The storage keys of the user and conversation state of a TestAdapter's own conversation, as botbuilder's
 * UserState and ConversationState name them (`channel/users/id/`, `channel/conversations/id/`). Tests read them
 * through the public Storage API instead of a storage's private fields.
 */
export function stateKeysOf(
  adapter: TestAdapter,
  conversationId?: string,
): { user: string; conversation: string } {
  const { channelId, user, conversation } = adapter.conversation;
  return {
    user: `${channelId}/users/${user?.id ?? ''}/`,
    conversation: `${channelId}/conversations/${conversationId ?? conversation.id}/`,
  };
}
