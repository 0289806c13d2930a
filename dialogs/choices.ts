import type { Activity, TurnContext } from 'botbuilder';
import { ChoiceFactory } from 'botbuilder-dialogs';

/**
 * A message with buttons. Channels that show suggested actions get them; Teams (which does not, in most
 * contexts) gets a hero card with the same buttons; plain-text channels get a numbered list.
 */
export function messageWithChoices(context: TurnContext, text: string, titles: string[]): Partial<Activity> {
  return ChoiceFactory.forChannel(context, titles, text);
}
