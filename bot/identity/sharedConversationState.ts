import { ConversationState, type TurnContext } from 'botbuilder';

/** Teams conversations several people write in. */
const SHARED = new Set(['channel', 'groupChat']);

/**
 * Conversation state, with one record per member in shared conversations (a Teams channel or group chat):
 * there, each person's dialog (an advisor's queue review, an applicant's questions) is theirs alone, and a
 * colleague's message can neither carry it on nor reset it. Personal chats and the web keep botbuilder's key.
 */
export class SharedConversationState extends ConversationState {
  override getStorageKey(context: TurnContext): string | undefined {
    const key = super.getStorageKey(context);
    const { conversation, from } = context.activity;
    if (!key || !SHARED.has(conversation?.conversationType ?? '')) return key;
    // Every activity has a `from.id` (activityShape); the Entra object id, when Teams sends it, is the stabler.
    const member = from?.aadObjectId || from?.id || '-';
    return `${key}members/${encodeURIComponent(member)}/`;
  }
}
