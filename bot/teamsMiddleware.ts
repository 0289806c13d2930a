import {
  ActivityTypes,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type Mention,
  type Middleware,
} from 'botbuilder';
import { languageOf } from '../dialogs/translator.js';
import type { SharedWelcome } from './sharedWelcome.js';

/** Teams conversations shared by several people, where the bot speaks only when spoken to. */
const SHARED_CONVERSATIONS = new Set(['channel', 'groupChat']);

const isTeams = (activity: Activity) => activity.channelId === 'msteams';
const isShared = (activity: Activity) =>
  SHARED_CONVERSATIONS.has(activity.conversation?.conversationType ?? '');

/** Mention entities that are well formed (the SDK helpers throw on an entity without `mentioned`). */
function mentionsOf(activity: Activity): Mention[] {
  return (activity.entities ?? []).filter(
    (entity): entity is Mention =>
      entity?.type === 'mention' &&
      typeof (entity as Partial<Mention>).mentioned?.id === 'string' &&
      typeof (entity as Partial<Mention>).text === 'string',
  );
}

/**
 * Microsoft Teams specifics, before the bot sees the turn:
 * - in a team channel or a group chat, a message that does not mention the bot is someone else's
 *   conversation: the turn ends silently. A mention is stripped ("<at>AliZé</at> aide" → "aide") so the
 *   dialogs read the words only (in a personal chat too, where a mention is allowed but not needed). A card
 *   submit (a `value`, no text) answers our own card and goes through.
 * - members joining a team or group chat are not greeted (the whole team would read it); when the bot itself
 *   is added there, it says once, briefly, how to talk to it.
 * - in a team channel or group chat the welcome is given once (the note on install, or the first mention),
 *   not with every new post, each of which Teams makes a conversation of its own (bot/sharedWelcome.ts).
 * - in a personal chat, Teams announces the installation by adding the bot, not the user: the user is counted
 *   as added too, so the bot's usual welcome runs.
 */
export class TeamsMiddleware implements Middleware {
  /** `welcomes`: where a channel's or group chat's welcome is remembered, so that it is given once. */
  constructor(private readonly welcomes?: SharedWelcome) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (!isTeams(activity)) return next();

    if (activity.type === ActivityTypes.ConversationUpdate) {
      const botId = activity.recipient?.id;
      const added: ChannelAccount[] = activity.membersAdded ?? [];
      const botAdded = added.some((member) => member.id === botId);
      if (isShared(activity)) {
        if (botAdded) {
          await context.sendActivity(languageOf(context).t('teams:installed.group'));
          await this.welcomes?.markGiven(context);
        }
        return;
      }
      if (botAdded && activity.from?.id && !added.some((member) => member.id === activity.from.id)) {
        activity.membersAdded = [...added, activity.from];
      }
      return next();
    }

    if (activity.type === ActivityTypes.Message) {
      const text = activity.text?.trim() ?? '';
      const isCardSubmit = text === '' && activity.value !== undefined && activity.value !== null;
      const mentions = mentionsOf(activity);
      const mentioned = mentions.some((mention) => mention.mentioned.id === activity.recipient?.id);
      if (isShared(activity) && !mentioned && !isCardSubmit) return;
      if (isShared(activity)) await this.welcomes?.beforeTurn(context);
      if (mentioned) {
        // Strip on a copy holding only the well-formed mentions, then keep the cleaned text.
        activity.text = TurnContext.removeRecipientMention({
          ...activity,
          text,
          entities: mentions,
        } as Activity);
      }
    }
    return next();
  }
}
