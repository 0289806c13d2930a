import type { TurnContext } from 'botbuilder';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import { extractFacts } from './domain/sentenceFacts.js';
import { languageOf } from './translator.js';

/** Tells whether a message says something certain about the company ("SAS Méca-Cévennes, 120 salariés…"). */
export type OpensWithFacts = (context: TurnContext, text: string) => boolean;

/**
 * A message with no menu intent that gives facts about the company starts the eligibility check with them,
 * rather than "je n'ai pas compris" and the menu: the owner is never asked what they just said.
 */
export function opensWithFacts(settings: ProgrammeSettings, clock: () => Date): OpensWithFacts {
  return (context, text) => {
    const { locale } = languageOf(context);
    return extractFacts(text, { territory: settings.territory, locale, now: clock() }).facts.length > 0;
  };
}
