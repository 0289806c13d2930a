import type { Activity, Storage, TurnContext } from 'botbuilder';

/** Set on a turn whose Teams channel or group chat was welcomed before: the bot does not welcome it again. */
export const WELCOME_GIVEN_KEY = Symbol('alize.sharedWelcomeGiven');

const SHARED = new Set(['channel', 'groupChat']);

/**
 * In a Teams channel every new post starts a thread with a conversation id of its own
 * (`19:…@thread.tacv2;messageid=…`), and each member has their own state there: the welcome is kept once per
 * channel or group chat, under the id without the thread part, so it is not repeated with every post.
 */
export class SharedWelcome {
  constructor(private readonly storage: Storage) {}

  /** The storage key of a shared Teams conversation's welcome; undefined elsewhere. */
  static keyOf(activity: Partial<Activity>): string | undefined {
    if (activity.channelId !== 'msteams') return undefined;
    if (!SHARED.has(activity.conversation?.conversationType ?? '')) return undefined;
    const base = (activity.conversation?.id ?? '').split(';')[0];
    return base ? `msteams/sharedWelcome/${encodeURIComponent(base)}` : undefined;
  }

  /** The bot was added to the conversation and said so: that was its welcome. */
  async markGiven(context: TurnContext): Promise<void> {
    const key = SharedWelcome.keyOf(context.activity);
    if (key) await this.storage.write({ [key]: { eTag: '*', welcomed: true } });
  }

  /**
   * Before a shared conversation's turn: when it was welcomed already, the turn is marked so the bot does not
   * welcome it again; otherwise it is recorded now, and this turn gives the welcome.
   */
  async beforeTurn(context: TurnContext): Promise<void> {
    const key = SharedWelcome.keyOf(context.activity);
    if (!key) return;
    const stored = await this.storage.read([key]);
    if (stored[key]) context.turnState.set(WELCOME_GIVEN_KEY, true);
    else await this.markGiven(context);
  }
}
