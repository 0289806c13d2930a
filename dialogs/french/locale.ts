/** The bot is French-first; English is a second, deliberately modest locale. */
export type ParserLocale = 'fr' | 'en';
