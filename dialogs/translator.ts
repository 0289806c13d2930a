import type { TurnContext } from 'botbuilder';

/** Translate a locale key (`namespace:path`) with i18next-style options. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What a turn knows about its language; set by the bot's locale middleware before any dialog runs. */
export interface TurnLanguage {
  locale: SupportedLocale;
  t: Translate;
  /** Lists (paragraphs, examples) stored as JSON arrays in the locale files. */
  list: (key: string, options?: Record<string, unknown>) => string[];
}

export const SUPPORTED_LOCALES = ['fr', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

export const TURN_LANGUAGE_KEY = Symbol('alize.turnLanguage');

export function languageOf(context: TurnContext): TurnLanguage {
  const language = context.turnState.get(TURN_LANGUAGE_KEY) as TurnLanguage | undefined;
  if (!language) throw new Error('No turn language: the locale middleware must run before the dialogs');
  return language;
}
