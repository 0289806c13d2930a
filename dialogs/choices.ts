import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';

/** Channels that show suggested actions, and channels that show card buttons instead (Teams). */
const SUGGESTED_ACTIONS = new Set([
  'emulator',
  'webchat',
  'directline',
  'directlinespeech',
  'telegram',
  'facebook',
  'line',
]);
const CARD_ACTIONS = new Set(['msteams', 'slack', 'skype']);

/**
 * A message with buttons. Channels that show suggested actions get them; Teams (which does not, in most
 * contexts) gets a hero card with the same buttons; plain-text channels get a numbered list.
 * Unlike ChoiceFactory.forChannel, long French titles ("Vérifier mon éligibilité") stay buttons: the stock
 * 20-character limit would turn every menu into a list.
 */
export function messageWithChoices(context: TurnContext, text: string, titles: string[]): Partial<Activity> {
  const channelId = context.activity.channelId;
  if (SUGGESTED_ACTIONS.has(channelId)) return MessageFactory.suggestedActions(titles, text);
  if (CARD_ACTIONS.has(channelId)) {
    const card = CardFactory.heroCard(
      '',
      text,
      [],
      CardFactory.actions(titles.map((title) => ({ type: 'imBack', title, value: title }))),
    );
    return MessageFactory.attachment(card);
  }
  return MessageFactory.text(
    `${text}\n\n${titles.map((title, index) => `${index + 1}. ${title}`).join('\n')}`,
  );
}
