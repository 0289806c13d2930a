import type { Middleware, TurnContext } from 'botbuilder';
import { LANGUAGE_SWITCH_KEY, type LanguageSwitch } from '../dialogs/languagePreference.js';
import { TURN_LANGUAGE_KEY, type SupportedLocale } from '../dialogs/translator.js';
import { Localizer } from './i18n.js';

/**
 * Picks the turn's language from `activity.locale` (fr-FR, fr, en-US …; French when absent or unknown) and
 * normalises the locale on the activity so that every later component sees the same value. A language the
 * user asked for (dialogs/languagePreference.ts) is switched to through the function it leaves in turn state.
 */
export class LocaleMiddleware implements Middleware {
  constructor(private readonly localizer: Localizer) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const use = (locale: SupportedLocale | string | undefined) => {
      const language = this.localizer.language(locale);
      context.turnState.set(TURN_LANGUAGE_KEY, language);
      context.activity.locale = language.locale === 'fr' ? 'fr-FR' : 'en-US';
    };
    use(context.activity.locale);
    // The language the user chose (user state, read by the bot) replaces the client's once the state is read.
    context.turnState.set(LANGUAGE_SWITCH_KEY, ((locale) => use(locale)) satisfies LanguageSwitch);
    await next();
  }
}
