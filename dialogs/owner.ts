import type { TurnContext } from 'botbuilder';

/** Whose data this is: a user id means one person only within its channel (as botbuilder's user state keys). */
export interface Owner {
  channel: string;
  userId: string;
}

export function ownerOf(context: TurnContext): Owner {
  return { channel: context.activity.channelId, userId: context.activity.from.id };
}
