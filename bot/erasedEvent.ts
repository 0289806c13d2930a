import type { Activity, TurnContext } from 'botbuilder';

/** The event the bot sends on the web channel once a visitor's data is erased: the page starts afresh. */
export const ERASED_EVENT_NAME = 'alize/erased';

export const isErasedEvent = (activity: Partial<Activity>): boolean =>
  activity.type === 'event' && activity.name === ERASED_EVENT_NAME;

/**
 * Tells the web page (local or Azure Direct Line) that the conversation it shows was erased, so that it leaves
 * it for a new one. Other channels (Teams, the Emulator, the terminal) have nothing to do with it.
 */
export async function announceErasure(context: TurnContext): Promise<void> {
  if (context.activity.channelId !== 'webchat') return;
  await context.sendActivity({ type: 'event', name: ERASED_EVENT_NAME });
}
