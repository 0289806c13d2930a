import type { Middleware, TurnContext } from 'botbuilder';
import { TURN_LANGUAGE_KEY } from '../dialogs/translator.js';
import { Localizer } from './i18n.js';

/**
 * Picks the turn's language from `activity.locale` (fr-FR, fr, en-US …; French when absent or unknown) and
 * normalises the locale on the activity so that every later component sees the same value.
 */
export class LocaleMiddleware implements Middleware {
  constructor(private readonly localizer: Localizer) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const language = this.localizer.language(context.activity.locale);
    context.turnState.set(TURN_LANGUAGE_KEY, language);
    context.activity.locale = language.locale === 'fr' ? 'fr-FR' : 'en-US';
    await next();
  }
}
