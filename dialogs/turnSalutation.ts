import type { TurnContext } from 'botbuilder';
import type { Salutation } from './domain/salutation.js';

/** The turn's salutation, set by the bot from the user's own words or the clock (dialogs have no clock here). */
export const TURN_SALUTATION_KEY = Symbol('alize.salutation');

export function salutationOf(context: TurnContext): Salutation {
  return (context.turnState.get(TURN_SALUTATION_KEY) as Salutation | undefined) ?? 'day';
}

/** The locale key of a greeting sentence for the turn: `common:greeting.hello` or its evening form. */
export function greetingKey(context: TurnContext, dayKey: string): string {
  return salutationOf(context) === 'evening' ? `${dayKey}Evening` : dayKey;
}
